#![cfg_attr(not(doctest), doc = include_str!("docs/claim/fullwidth-tag.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use crate::parse::tags::Tag;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for page in &cx.site.pages {
        for tag in page.body.tags.iter().filter(|t| t.tag.fullwidth) {
            out.push(
                Diagnostic::new(
                    Rule::ClaimFullwidthTag,
                    page.source.path(),
                    tag.span.clone(),
                    "evidence tag typed with full-width characters",
                )
                .with_lang(Some(&page.lang))
                .with_help(format!("write it as `{}`", ascii_form(&tag.tag))),
            );
        }
    }
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
