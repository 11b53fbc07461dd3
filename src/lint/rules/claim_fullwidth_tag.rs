#![cfg_attr(not(doctest), doc = include_str!("docs/claim/fullwidth-tag.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use crate::parse::tags::Tag;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for page in cx.scoped() {
        for tag in page
            .body
            .tags
            .iter()
            .filter(|t| t.tag.fullwidth || t.tag.invisible.is_some())
        {
            let message = match tag.tag.invisible {
                Some(c) => format!(
                    "evidence tag contains an invisible character, U+{:04X} ({})",
                    c as u32,
                    crate::text::invisible_name(c)
                ),
                None => "evidence tag typed with full-width characters".to_string(),
            };
            out.push(
                Diagnostic::new(
                    Rule::ClaimFullwidthTag,
                    page.source.path(),
                    tag.span.clone(),
                    message,
                )
                .with_lang(Some(&page.lang))
                .with_help(format!(
                    "write it as `{}` (`akashi lint --fix` does)",
                    ascii_form(&canonical(cx, &tag.tag))
                ))
                .with_fix(ascii_form(&canonical(cx, &tag.tag))),
            );
        }
    }
}

/// The tag with its level in the case the site's scheme writes it (`ｂ` becomes `B`).
fn canonical(cx: &Context<'_>, tag: &Tag) -> Tag {
    let mut tag = tag.clone();
    let levels = &cx.site.config.evidence_levels;
    let written = tag
        .level
        .as_deref()
        .and_then(|level| levels.iter().find(|l| l.eq_ignore_ascii_case(level)));
    if let Some(l) = written {
        tag.level = Some(l.clone());
    }
    tag
}

/// The tag as it should be typed: ASCII brackets, colon, at signs and semicolons.
pub fn ascii_form(tag: &Tag) -> String {
    let keys: Vec<String> = tag.keys.iter().map(|(k, _)| format!("@{k}")).collect();
    match &tag.level {
        Some(level) if keys.is_empty() => format!("[{level}:]"),
        Some(level) => format!("[{level}: {}]", keys.join("; ")),
        None => format!("[{}]", keys.join("; ")),
    }
}
