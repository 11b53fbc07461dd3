#![cfg_attr(not(doctest), doc = include_str!("docs/text/invisible-character.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use crate::text::invisible_name;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for page in cx.scoped() {
        for block in &page.body.blocks {
            for &(at, removed) in &block.removed {
                // Inside a word: a letter or digit on both sides (an emoji sequence's joiner
                // is not). Other invisible characters around it are looked through.
                let before = block.text[..at].chars().next_back();
                let after = block.text[at..].chars().next();
                if !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric))
                {
                    continue;
                }
                let c = removed.c;
                out.push(
                    Diagnostic::new(
                        Rule::TextInvisibleCharacter,
                        page.source.path(),
                        removed.at..removed.at + c.len_utf8(),
                        format!(
                            "invisible character U+{:04X} ({}) inside a word",
                            c as u32,
                            invisible_name(c)
                        ),
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
