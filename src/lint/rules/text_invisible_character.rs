#![cfg_attr(not(doctest), doc = include_str!("docs/text/invisible-character.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use crate::text::{invisible_name, is_control};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for page in cx.scoped() {
        for block in &page.body.blocks {
            for &(at, removed) in &block.removed {
                // Inside a word: a letter or digit on both sides (an emoji sequence's joiner
                // is not). Other invisible characters around it are looked through.
                // A control character is reported wherever it is: no text carries one.
                let c = removed.c;
                let before = block.text[..at].chars().next_back();
                let after = block.text[at..].chars().next();
                let control = is_control(c);
                let inside_word = before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric);
                if !(control || inside_word) {
                    continue;
                }
                let message = if control {
                    format!("control character U+{:04X} in the text", c as u32)
                } else {
                    format!(
                        "invisible character U+{:04X} ({}) inside a word",
                        c as u32,
                        invisible_name(c)
                    )
                };
                out.push(
                    Diagnostic::new(
                        Rule::TextInvisibleCharacter,
                        page.source.path(),
                        removed.at..removed.at + c.len_utf8(),
                        message,
                    )
                    .with_lang(Some(&page.lang))
                    .with_help(
                        "it hides the word from search and from every check while readers see it unchanged; \
                         delete it (`akashi lint --fix` does)",
                    )
                    .with_fix(""),
                );
            }
        }
    }
}
