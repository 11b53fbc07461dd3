#![cfg_attr(not(doctest), doc = include_str!("docs/claim/untagged.md"))]

use crate::lint::claims::{Sentence, Tier};
use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, sentences) in cx.pages() {
        for s in sentences
            .iter()
            .filter(|s| s.tier == Tier::Claim && s.tags.is_empty())
        {
            out.push(
                Diagnostic::new(Rule::ClaimUntagged, page.source.path(), s.span.clone(), "treatment claim without an evidence tag")
                    .with_lang(Some(&page.lang))
                    .with_help(format!(
                        "{}put the certainty of the evidence and the sources right after the sentence, for example `[B: @mutz2019]`; \
                         if this is not a claim, add `<!-- akashi-ignore claim/untagged: why -->` on the line before",
                        because(s)
                    )),
            );
        }
    }
}

/// "read as a claim because of 改善します, プラセンタ注射; " for the help of a finding.
pub fn because(s: &Sentence) -> String {
    let Some(why) = &s.why else {
        return String::new();
    };
    let mut reasons: Vec<String> = why.words.iter().map(|w| format!("`{w}`")).collect();
    if why.context {
        reasons.insert(0, "the sentence before or the heading above".into());
    }
    if reasons.is_empty() {
        return String::new();
    }
    format!("read as a claim because of {}; ", reasons.join(", "))
}
