#![cfg_attr(not(doctest), doc = include_str!("docs/evidence/level-exceeds-sources.md"))]

use crate::lint::{Context, Diagnostic, Rule};

/// The default scheme, highest first; caps by design apply only to it.
const GRADE: &[&str] = &["A", "B", "C", "D"];

/// The highest level (in [`GRADE`]) a source can support on its own: by what it studied (cells
/// or animals support no more than D, whatever the design of the study or review), then by its
/// design.
pub fn cap(design: &str, population: Option<&str>) -> &'static str {
    if matches!(population, Some("animal" | "in-vitro")) {
        return "D";
    }
    match design {
        "preclinical" => "D",
        // `other` (a narrative review, a textbook, a design that fits no category) says nothing
        // of how the evidence was gathered: no more than an expert's opinion.
        "case-series" | "case-report" | "expert-opinion" | "other" => "C",
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
            let designs: Option<Vec<(&str, &str, Option<&str>)>> = tag
                .tag
                .keys
                .iter()
                .map(|(k, _)| {
                    cx.site
                        .references
                        .get(k)
                        .filter(|r| !r.design.is_empty())
                        .map(|r| (k.as_str(), r.design.as_str(), r.population.as_deref()))
                })
                .collect();
            let Some(designs) = designs.filter(|d| !d.is_empty()) else {
                continue;
            };
            let best = designs
                .iter()
                .map(|(_, d, p)| cap(d, *p))
                .min_by_key(|c| rank(c))
                .unwrap_or("A");
            if level_rank >= rank(best).unwrap_or(0) {
                continue;
            }
            let sources: Vec<String> = designs
                .iter()
                .map(|(k, d, p)| match p {
                    Some(p @ ("animal" | "in-vitro")) => format!("@{k} ({d}, {p})"),
                    _ => format!("@{k} ({d})"),
                })
                .collect();
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

#[cfg(test)]
mod tests {
    use super::cap;

    #[test]
    fn a_design_that_says_nothing_supports_no_more_than_an_opinion() {
        assert_eq!(cap("other", None), "C");
        assert_eq!(cap("expert-opinion", None), "C");
        assert_eq!(cap("rct", None), "A");
        assert_eq!(cap("rct", Some("animal")), "D");
    }
}
