#![cfg_attr(not(doctest), doc = include_str!("docs/markdown/unrendered-emphasis.md"))]

use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for page in cx.scoped() {
        for span in &page.body.literal_emphasis {
            let marker = &page.source.text()[span.clone()];
            out.push(
                Diagnostic::new(
                    Rule::MarkdownUnrenderedEmphasis,
                    page.source.path(),
                    span.clone(),
                    format!("`{marker}` will show as literal characters, not as emphasis"),
                )
                .with_lang(Some(&page.lang))
                .with_help(format!(
                    "CommonMark does not close emphasis between punctuation and a letter: move the punctuation outside the markers (`{marker}大切{marker}：症状`), or put a space after the closing `{marker}`"
                )),
            );
        }
    }
}
