#![cfg_attr(not(doctest), doc = include_str!("docs/claim/misplaced-tag.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use crate::parse::markdown::BlockKind;
use crate::parse::tags;
use std::collections::HashSet;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, sentences) in cx.pages() {
        let path = page.source.path();
        let lang = Some(page.lang.as_str());
        let mut placed: HashSet<usize> = sentences
            .iter()
            .flat_map(|s| s.tags.iter().copied())
            .collect();
        // A tag in a heading belongs to the heading.
        placed.extend(
            page.body
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Heading)
                .flat_map(|b| b.tags.iter().copied()),
        );
        for (i, at) in page.body.tags.iter().enumerate() {
            if let Some((link, dest)) = at.link.as_deref() {
                let mut d = Diagnostic::new(
                    Rule::ClaimMisplacedTag,
                    path,
                    link.clone(),
                    "evidence tag inside a link",
                )
                .with_lang(lang);
                d = match outside_link(page.source.text(), link, &at.span) {
                    Some(fixed) => d
                        .with_help(format!(
                            "a badge inside a link puts a link in a link; write it after the link: `{fixed}` (`akashi lint --fix` does)"
                        ))
                        .with_fix(fixed),
                    None => d.with_help(format!(
                        "a badge inside a link puts a link in a link, and the badge already links to the reference list; \
                         write the tag alone and give the source's address in references.yaml (`url: {dest}`)"
                    )),
                };
                out.push(d);
            } else if !placed.contains(&i) {
                out.push(
                    Diagnostic::new(
                        Rule::ClaimMisplacedTag,
                        path,
                        at.span.clone(),
                        "evidence tag that closes no sentence",
                    )
                    .with_lang(lang)
                    .with_help(
                        "a tag counts for the sentence it ends, in the same paragraph, list item or table cell; \
                         move it to the end of the claim it supports",
                    ),
                );
            }
        }
        // Where tags are not read at all: typed in HTML or in the front matter, they would be
        // published as typed.
        for block in page
            .body
            .blocks
            .iter()
            .filter(|b| b.html || b.kind == BlockKind::Field)
        {
            for (range, _) in tags::find(&block.text) {
                let (message, help) = if block.html {
                    (
                        "evidence tag inside HTML, where tags are not read",
                        "write the claim in Markdown, where its tag renders as a badge (leave a blank line after the opening HTML tag and before the closing one)",
                    )
                } else {
                    (
                        "evidence tag in the front matter, where tags are not read",
                        "the title, summary and disclosures are shown without badges (in search results, feeds and link previews too): \
                         state the topic there, and make the claim, with its tag, in the body",
                    )
                };
                out.push(
                    Diagnostic::new(
                        Rule::ClaimMisplacedTag,
                        path,
                        block.source_span(range),
                        message,
                    )
                    .with_lang(lang)
                    .with_help(help),
                );
            }
        }
    }
}

/// The link at `link` with the tag at `tag` moved out after it (`[text [B: @k]](url)` becomes
/// `[text](url) [B: @k]`), or `None` when the link would have no text left.
fn outside_link(
    text: &str,
    link: &std::ops::Range<usize>,
    tag: &std::ops::Range<usize>,
) -> Option<String> {
    let source = text.get(link.clone())?;
    let tag_text = text.get(tag.clone())?;
    let (from, to) = (
        tag.start.checked_sub(link.start)?,
        tag.end.checked_sub(link.start)?,
    );
    let before = source[..from].trim_end();
    let rest = &source[to..];
    let link_text_left = before.trim_start_matches('[').trim();
    let text_after = rest.split("](").next().unwrap_or_default().trim();
    if link_text_left.is_empty() && text_after.trim_end_matches(']').is_empty() {
        return None;
    }
    Some(format!("{before}{rest} {tag_text}"))
}
