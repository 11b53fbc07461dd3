#![cfg_attr(not(doctest), doc = include_str!("docs/ad/testimonial.md"))]

use crate::lint::advertising::{ALWAYS, Expression, scan};
use crate::lint::{Context, Diagnostic, Rule};

pub const EXPRESSIONS: &[Expression] = &[
    Expression {
        pattern: r"体験談|患者(?:様|さま|さん)の声|お客様の声|口コミ|クチコミ",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"\btestimonials?\b|\bpatient reviews?\b|\bwhat our patients say\b",
        allowed: ALWAYS,
    },
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    scan(
        cx,
        Rule::AdTestimonial,
        EXPRESSIONS,
        "patient testimonial",
        "testimonials about treatment effect are prohibited (医療広告ガイドライン 第3 (5) 体験談); describe results from studies, with their level",
        out,
    );
}
