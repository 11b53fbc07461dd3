#![cfg_attr(not(doctest), doc = include_str!("docs/ad/before-after.md"))]

use crate::lint::advertising::{ALWAYS, Expression, scan_pages};
use crate::lint::{Context, Diagnostic, Rule};
use crate::parse::Page;

pub const EXPRESSIONS: &[Expression] = &[
    Expression {
        pattern: r"ビフォー\s*[・･/／]?\s*アフター|症例(?:写真|画像)|(?:施術|治療|手術)前後の(?:写真|画像|比較|お写真)|術前\s*[・･/／]?\s*術後の(?:写真|画像|比較)",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"\bbefore[- ]and[- ]after (?:photos?|pictures?|images?|gallery|results?)\b|\bbefore\s*/\s*after\b|\bbefore[- ]and[- ]afters\b|\bcase photos?\b|\bresults? gallery\b",
        allowed: ALWAYS,
    },
];

/// The page gives what the guideline asks for beside before/after photos (限定解除): the usual
/// treatment, its cost, and its main risks and side effects, as its `self_pay` disclosures.
fn explains_treatment_cost_and_risks(page: &Page) -> bool {
    let given = |key: &str| {
        page.front.self_pay.as_ref().is_some_and(|items| {
            items
                .iter()
                .any(|(k, v)| k == key && v.as_ref().is_some_and(|v| !v.trim().is_empty()))
        })
    };
    given("treatment") && given("cost") && given("risks")
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    scan_pages(
        cx,
        Rule::AdBeforeAfter,
        EXPRESSIONS,
        "before/after content",
        "before/after photos may show the treatment only with the usual treatment, its cost, and its main risks and side effects beside them (医療広告ガイドライン 第3 (6), and the conditions of 限定解除): give them as the page's `self_pay` disclosures (treatment, cost, risks), or remove the photos",
        out,
        |page| !explains_treatment_cost_and_risks(page),
    );
}
