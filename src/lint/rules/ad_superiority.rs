#![cfg_attr(not(doctest), doc = include_str!("docs/ad/superiority.md"))]

use crate::lint::advertising::{ALWAYS, Expression, negated, scan};
use crate::lint::{Context, Diagnostic, Rule};
use std::ops::Range;

/// 最高血圧 is a measurement, not a boast.
fn blood_pressure(text: &str, m: Range<usize>) -> bool {
    text[m.end..].starts_with("血圧")
}

const EXPRESSIONS: &[Expression] = &[
    Expression {
        pattern: r"日本一|世界一|地域一番|業界(?:一|No\.?\s*1|初)",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"(?:No|NO|Ｎｏ)\.?\s*[1１]|ナンバー(?:ワン|1)",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"最高(?:級|峰|品質|の)?",
        allowed: blood_pressure,
    },
    Expression {
        pattern: r"最先端",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"唯一",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"世界初|日本初|国内初",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"他院(?:より|では(?:できない|受けられない))",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"\bthe best\b|\bbest (?:clinic|clinics|treatment|results?|doctors?|surgeons?|care|choice|option)\b",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"\bnumber one\b|\bno\.\s*1\b|#\s*1\b",
        allowed: ALWAYS,
    },
    Expression {
        // "the only clinic in Tokyo", "the only proven treatment", as 唯一 is caught; "not the
        // only treatment" is fine.
        pattern: r"\bthe only (?:[a-z-]+ ){0,3}?(?:clinics?|hospitals?|providers?|places?|treatments?|therap(?:y|ies)|options?|cures?|solutions?|doctors?|surgeons?|specialists?|centres?|centers?|way)\b",
        allowed: negated,
    },
    Expression {
        pattern: r"\b(?:world|japan)'?s first\b|\bleading (?:clinic|provider|specialist)\b",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"\bbetter than (?:other|any other) (?:clinics?|hospitals?|providers?)\b",
        allowed: ALWAYS,
    },
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    scan(
        cx,
        Rule::AdSuperiority,
        EXPRESSIONS,
        "claim of superiority",
        "comparisons that present a clinic or treatment as the best are prohibited even when true (医療広告ガイドライン 第3 (3) 比較優良広告); describe what is offered instead",
        out,
    );
}
