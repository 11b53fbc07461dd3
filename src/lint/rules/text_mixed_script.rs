#![cfg_attr(not(doctest), doc = include_str!("docs/text/mixed-script.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use crate::text::mixed_script_words;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for page in cx.scoped() {
        for block in &page.body.blocks {
            for (range, odd) in mixed_script_words(&block.text) {
                let word = &block.text[range.clone()];
                out.push(
                    Diagnostic::new(
                        Rule::TextMixedScript,
                        page.source.path(),
                        block.source_span(range.clone()),
                        format!(
                            "`{word}` mixes scripts: U+{:04X} `{odd}` looks like a letter of the rest of the word but is not one",
                            odd as u32
                        ),
                    )
                    .with_lang(Some(&page.lang))
                    .with_help(
                        "a look-alike letter (a Cyrillic `а` in a Latin word) hides the word from search and from every check; \
                         type the word again in one script",
                    ),
                );
            }
        }
    }
}
