#![cfg_attr(not(doctest), doc = include_str!("docs/claim/unknown-level.md"))]

use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let levels: Vec<&str> = cx
        .site
        .config
        .evidence_levels
        .iter()
        .map(String::as_str)
        .collect();
    for page in cx.scoped() {
        for tag in &page.body.tags {
            let Some(level) = &tag.tag.level else {
                continue;
            };
            if levels.contains(&level.as_str()) {
                continue;
            }
            let same_but_case = levels.iter().find(|l| l.eq_ignore_ascii_case(level));
            let help = match same_but_case {
                Some(l) => format!(
                    "levels are case-sensitive: did you mean `{l}`? (`akashi lint --fix` corrects it)"
                ),
                None => format!("this site's levels are {}", levels.join(", ")),
            };
            let mut d = Diagnostic::new(
                Rule::ClaimUnknownLevel,
                page.source.path(),
                tag.span.clone(),
                format!("`{level}` is not an evidence level of this site"),
            )
            .with_lang(Some(&page.lang))
            .with_help(help);
            if let Some(l) = same_but_case {
                let mut corrected = tag.tag.clone();
                corrected.level = Some(l.to_string());
                d = d.with_fix(super::claim_fullwidth_tag::ascii_form(&corrected));
            }
            out.push(d);
        }
    }
}
