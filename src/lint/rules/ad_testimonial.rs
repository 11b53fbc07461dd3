#![cfg_attr(not(doctest), doc = include_str!("docs/ad/testimonial.md"))]

use crate::lint::advertising::{ALWAYS, Expression, scan};
use crate::lint::{Context, Diagnostic, Rule};

const EXPRESSIONS: &[Expression] = &[
    Expression {
        pattern: r"体験談|患者(?:様|さま|さん)の声|お客様の声|口コミ|クチコミ",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"ビフォー\s*[・･/／]?\s*アフター|術前術後|施術前後の写真|治療前後の写真",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"\btestimonials?\b|\bpatient reviews?\b|\bwhat our patients say\b|\bbefore[- ]and[- ]after\b|\bbefore\s*/\s*after\b",
        allowed: ALWAYS,
    },
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    scan(
        cx,
        Rule::AdTestimonial,
        EXPRESSIONS,
        "patient testimonial or before/after content",
        "testimonials about treatment effect and before/after photos are prohibited (医療広告ガイドライン 第3 (5) 体験談, (6) 治療等の前又は後の写真等); describe results from studies, with their level",
        out,
    );
}
