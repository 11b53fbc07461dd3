#![cfg_attr(not(doctest), doc = include_str!("docs/claim/possibly-untagged.md"))]

use super::claim_untagged::because;
use crate::lint::claims::Tier;
use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, sentences) in cx.pages() {
        for s in sentences
            .iter()
            .filter(|s| s.tier == Tier::Uncertain && s.tags.is_empty())
        {
            out.push(
                Diagnostic::new(Rule::ClaimPossiblyUntagged, page.source.path(), s.span.clone(), "this may be a treatment claim without an evidence tag")
                    .with_lang(Some(&page.lang))
                    .with_help(format!(
                        "{}if it says what a treatment does, tag it like a claim, for example `[B: @mutz2019]`; \
                         if it does not, add `<!-- akashi-ignore claim/possibly-untagged: why -->` on the line before",
                        because(s)
                    )),
            );
        }
    }
}
