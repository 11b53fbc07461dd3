#![cfg_attr(not(doctest), doc = include_str!("docs/claim/missing-level.md"))]

use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let levels = cx.site.config.evidence_levels.join(", ");
    for (page, sentences) in cx.pages() {
        for s in sentences
            .iter()
            .filter(|s| s.is_claim() && !s.tags.is_empty())
        {
            let tags: Vec<_> = s.tags.iter().map(|&i| &page.body.tags[i]).collect();
            if tags.iter().any(|t| t.tag.level.is_some()) {
                continue;
            }
            let tag = tags[0];
            out.push(
                Diagnostic::new(Rule::ClaimMissingLevel, page.source.path(), tag.span.clone(), "claim cites sources but gives no evidence level")
                    .with_lang(Some(&page.lang))
                    .with_help(format!("add the certainty of the evidence before the citations, one of {levels}: `[B: @key]`")),
            );
        }
    }
}
