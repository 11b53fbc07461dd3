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
    for page in &cx.site.pages {
        for tag in &page.body.tags {
            let Some(level) = &tag.tag.level else {
                continue;
            };
            if levels.contains(&level.as_str()) {
                continue;
            }
            let help = match levels.iter().find(|l| l.eq_ignore_ascii_case(level)) {
                Some(l) => format!("levels are case-sensitive: did you mean `{l}`?"),
                None => format!("this site's levels are {}", levels.join(", ")),
            };
            out.push(
                Diagnostic::new(
                    Rule::ClaimUnknownLevel,
                    page.source.path(),
                    tag.span.clone(),
                    format!("`{level}` is not an evidence level of this site"),
                )
                .with_lang(Some(&page.lang))
                .with_help(help),
            );
        }
    }
}
