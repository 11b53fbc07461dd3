#![cfg_attr(not(doctest), doc = include_str!("docs/evidence/level-exceeds-sources.md"))]

use crate::lint::{Context, Diagnostic, Rule};

/// The default scheme, highest first; caps by design apply only to it.
const GRADE: &[&str] = &["A", "B", "C", "D"];

/// The highest level (in [`GRADE`]) a design can support on its own.
pub fn cap(design: &str) -> &'static str {
    match design {
        "preclinical" => "D",
        "case-series" | "case-report" | "expert-opinion" => "C",
        "cohort" | "case-control" => "B",
        _ => "A",
    }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.site.config.evidence_levels != GRADE {
        return;
    }
    let rank = |level: &str| GRADE.iter().position(|l| *l == level);
    for page in cx.scoped() {
        for tag in &page.body.tags {
            let Some(level) = tag.tag.level.as_deref() else {
                continue;
            };
            let Some(level_rank) = rank(level) else {
                continue;
            };
            let designs: Option<Vec<(&str, &str)>> = tag
                .tag
                .keys
                .iter()
                .map(|(k, _)| {
                    cx.site
                        .references
                        .get(k)
                        .filter(|r| !r.design.is_empty())
                        .map(|r| (k.as_str(), r.design.as_str()))
                })
                .collect();
            let Some(designs) = designs.filter(|d| !d.is_empty()) else {
                continue;
            };
            let best = designs
                .iter()
                .map(|(_, d)| cap(d))
                .min_by_key(|c| rank(c))
                .unwrap_or("A");
            if level_rank >= rank(best).unwrap_or(0) {
                continue;
            }
            let sources: Vec<String> = designs.iter().map(|(k, d)| format!("@{k} ({d})")).collect();
            out.push(
                Diagnostic::new(
                    Rule::EvidenceLevelExceedsSources,
                    page.source.path(),
                    tag.span.clone(),
                    format!(
                        "level {level} is higher than {} can support (at most {best})",
                        sources.join(", ")
                    ),
                )
                .with_lang(Some(&page.lang))
                .with_help(format!(
                    "lower the level to {best}, or cite a source with a stronger design"
                )),
            );
        }
    }
}
