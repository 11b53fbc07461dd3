//! The theme's published text: literal text in `templates/` and the Fluent messages templates
//! use, read into the same blocks as an article's prose so that the claim and advertising
//! rules check them, each reported where it is written.

use super::Page;
use super::markdown::{Block, BlockKind, Body, CODE_MARK};
use crate::content::PageKind;
use crate::source::SourceFile;
use crate::theme::{self, Theme};
use fluent_syntax::ast;
use std::collections::BTreeSet;

/// One page per template and per Fluent file, holding the text a reader sees.
pub fn prose(theme: &Theme, default_lang: &str) -> Vec<Page> {
    let mut out = Vec::new();
    let mut used: BTreeSet<String> = theme::BUILTIN_KEYS.iter().map(|k| k.to_string()).collect();
    for template in &theme.templates {
        used.extend(theme::template_keys(template).into_iter().map(|(k, _)| k));
        let blocks = template_text(template.text());
        if !blocks.is_empty() {
            out.push(page(template, default_lang, blocks));
        }
    }
    for locale in &theme.locales {
        for file in &locale.files {
            let (blocks, comments) = messages(file.text(), &used);
            if !blocks.is_empty() {
                let mut p = page(file, &locale.lang, blocks);
                p.body.comments = comments;
                out.push(p);
            }
        }
    }
    out
}

fn page(source: &SourceFile, lang: &str, mut blocks: Vec<Block>) -> Page {
    // Each message or piece of template text stands on its own, like a title.
    for b in &mut blocks {
        if b.kind != BlockKind::Heading {
            b.kind = BlockKind::Field;
        }
    }
    Page {
        source: source.clone(),
        kind: PageKind::Article,
        lang: lang.to_string(),
        dir: String::new(),
        slug: String::new(),
        front: Default::default(),
        body_start: 0,
        body: Body {
            blocks,
            ..Default::default()
        },
        treatments: std::sync::OnceLock::new(),
        suppressions: std::sync::OnceLock::new(),
        tag_statuses: Vec::new(),
    }
}

/// The text of a template outside Tera's `{{ }}`, `{% %}` and `{# #}`, read as HTML. Tera's
/// parts are blanked byte for byte, so that offsets stay those of the file.
fn template_text(text: &str) -> Vec<Block> {
    let mut blanked = text.as_bytes().to_vec();
    let mut from = 0;
    while let Some(i) = text[from..].find('{') {
        let start = from + i;
        let close = match text.as_bytes().get(start + 1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                from = start + 1;
                continue;
            }
        };
        let end = text[start + 2..]
            .find(close)
            .map_or(text.len(), |e| start + 2 + e + 2);
        for b in &mut blanked[start..end] {
            *b = b' ';
        }
        from = end;
    }
    // Only whole characters were blanked, with ASCII spaces: still UTF-8.
    let blanked = String::from_utf8(blanked).unwrap_or_default();
    super::html::text_blocks(&blanked, 0)
        .into_iter()
        .filter(|b| b.text.chars().any(char::is_alphabetic))
        .collect()
}

/// The patterns of the messages in `used`, each a block (and each variant of a selection a
/// block of its own), with placeables read as [`CODE_MARK`]; and the comments above messages
/// that suppress findings (`# akashi-ignore RULE: reason`), as the HTML comments a page's
/// suppressions are, with the span of the comment's lines.
#[allow(clippy::type_complexity)]
fn messages(
    text: &str,
    used: &BTreeSet<String>,
) -> (Vec<Block>, Vec<(String, std::ops::Range<usize>)>) {
    let base = text.as_ptr() as usize;
    let offset_of = |s: &str| (s.as_ptr() as usize).wrapping_sub(base).min(text.len());
    let mut comments = Vec::new();
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = Vec::new();
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        if !used.contains(m.id.name) {
            continue;
        }
        if let Some(comment) = &m.comment
            && let Some(at) = comment
                .content
                .iter()
                .position(|l| l.trim_start().starts_with("akashi-ignore"))
        {
            let lines = &comment.content[at..];
            let first = offset_of(lines[0]);
            let start = text[..first].rfind('\n').map_or(0, |i| i + 1);
            // The comment's lines, up to the line break before the message.
            let end = offset_of(m.id.name);
            let end = text[..end].rfind('\n').unwrap_or(end);
            comments.push((format!("<!-- {} -->", lines.join(" ")), start..end));
        }
        let patterns = m.value.iter().chain(m.attributes.iter().map(|a| &a.value));
        for pattern in patterns {
            pattern_blocks(text, pattern, &mut out);
        }
    }
    out.retain(|b| b.text.chars().any(char::is_alphabetic));
    (out, comments)
}

fn pattern_blocks(text: &str, pattern: &ast::Pattern<&str>, out: &mut Vec<Block>) {
    let mut block = Block::new(BlockKind::Prose, false);
    let base = text.as_ptr() as usize;
    let mut at = 0;
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                let offset = (value.as_ptr() as usize).wrapping_sub(base);
                if offset <= text.len() && offset + value.len() <= text.len() {
                    block.push(value, offset..offset + value.len(), true);
                    at = offset + value.len();
                } else {
                    block.push(value, at..at, false);
                }
            }
            ast::PatternElement::Placeable { expression } => {
                block.push(&CODE_MARK.to_string(), at..at, false);
                if let ast::Expression::Select { variants, .. } = expression {
                    for variant in variants {
                        pattern_blocks(text, &variant.value, out);
                    }
                }
            }
        }
    }
    out.push(block);
}
