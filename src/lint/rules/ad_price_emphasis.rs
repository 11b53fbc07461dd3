#![cfg_attr(not(doctest), doc = include_str!("docs/ad/price-emphasis.md"))]

use crate::lint::advertising::{ALWAYS, Expression, scan};
use crate::lint::{Context, Diagnostic, Rule};

pub const EXPRESSIONS: &[Expression] = &[
    Expression {
        pattern: r"キャンペーン|割引|今だけ|期間限定|先着|半額|初回限定|モニター(?:価格|募集)|[0-9０-９]+\s*[%％]\s*(?:OFF|オフ)|円引き",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"\bdiscount\w*|\blimited[- ]time\b|\bspecial offer\b|\b\d+\s*% off\b|\bhalf[- ]price\b|\bfirst[- ]visit only\b|\bfree trial\b",
        allowed: ALWAYS,
    },
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    scan(
        cx,
        Rule::AdPriceEmphasis,
        EXPRESSIONS,
        "price or campaign emphasis",
        "state the standard cost or its range plainly; stressing price or campaigns is discouraged by the guideline (品位を損ねる内容の広告)",
        out,
    );
}
