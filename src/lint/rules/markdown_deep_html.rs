#![cfg_attr(not(doctest), doc = include_str!("docs/markdown/deep-html.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use crate::parse::html::MAX_DEPTH;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for page in cx.scoped() {
        if let Some(span) = &page.body.deep_html {
            out.push(
                Diagnostic::new(
                    Rule::MarkdownDeepHtml,
                    page.source.path(),
                    span.clone(),
                    format!("HTML here nests more than {MAX_DEPTH} elements deep"),
                )
                .with_lang(Some(&page.lang))
                .with_help(
                    "close the elements you open (`<div>…</div>`); no page needs this depth, and browsers flatten it",
                ),
            );
        }
    }
}
