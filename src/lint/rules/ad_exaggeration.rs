#![cfg_attr(not(doctest), doc = include_str!("docs/ad/exaggeration.md"))]

use crate::lint::advertising::{ALWAYS, Expression, scan};
use crate::lint::{Context, Diagnostic, Rule};

pub const EXPRESSIONS: &[Expression] = &[
    Expression {
        pattern: r"画期的|奇跡|魔法の|夢の(?:治療|薬|技術)|驚異的|劇的(?:に|な)|効果抜群|圧倒的",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"\bmiracle\w*|\bbreakthrough\b|\brevolutionary\b|\bamazing results?\b|\bdramatic(?:ally)?\b|\blife[- ]changing\b|\bmagic(?:al)?\b",
        allowed: ALWAYS,
    },
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    scan(
        cx,
        Rule::AdExaggeration,
        EXPRESSIONS,
        "exaggeration",
        "describe the treatment and what the evidence shows in plain words (医療広告ガイドライン 第3 (4) 誇大広告)",
        out,
    );
}
