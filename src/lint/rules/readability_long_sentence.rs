#![cfg_attr(not(doctest), doc = include_str!("docs/readability/long-sentence.md"))]

use crate::lint::{Context, Diagnostic, Rule};

/// Japanese plain-language guidance keeps sentences to about this many characters.
pub const MAX_CHARS: usize = 100;

/// A sentence written in Japanese (kana or kanji), whatever the page's language.
pub fn is_japanese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c as u32, 0x3041..=0x30FF | 0x4E00..=0x9FFF))
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, sentences) in cx.published() {
        for s in sentences.iter().filter(|s| is_japanese(&s.text)) {
            let chars = s.text.chars().filter(|c| !c.is_whitespace()).count();
            if chars <= MAX_CHARS {
                continue;
            }
            out.push(
                Diagnostic::new(
                    Rule::ReadabilityLongSentence,
                    page.source.path(),
                    s.span.clone(),
                    format!("sentence of {chars} characters (aim for {MAX_CHARS} or fewer)"),
                )
                .with_lang(Some(&page.lang))
                .with_help("split it into two sentences, one idea each"),
            );
        }
    }
}
