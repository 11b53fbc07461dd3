#![cfg_attr(not(doctest), doc = include_str!("docs/claim/missing-citation.md"))]

use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for page in cx.scoped() {
        for tag in page
            .body
            .tags
            .iter()
            .filter(|t| t.tag.level.is_some() && t.tag.keys.is_empty())
        {
            out.push(
                Diagnostic::new(Rule::ClaimMissingCitation, page.source.path(), tag.span.clone(), "evidence level without a citation")
                    .with_lang(Some(&page.lang))
                    .with_help("name the sources after the colon: `[B: @key1; @key2]`, with keys from content/references.yaml"),
            );
        }
    }
}
