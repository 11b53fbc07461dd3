#![cfg_attr(not(doctest), doc = include_str!("docs/claim/untagged.md"))]

use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, sentences) in cx.pages() {
        for s in sentences.iter().filter(|s| s.is_claim && s.tags.is_empty()) {
            out.push(
                Diagnostic::new(Rule::ClaimUntagged, page.source.path(), s.span.clone(), "treatment claim without an evidence tag")
                    .with_lang(Some(&page.lang))
                    .with_help(
                        "put the certainty of the evidence and the sources right after the sentence, for example `[B: @mutz2019]`; \
                         if this is not a claim, add `<!-- akashi-ignore claim/untagged: why -->` on the line before",
                    ),
            );
        }
    }
}
