#![cfg_attr(not(doctest), doc = include_str!("docs/ad/superiority.md"))]

use crate::lint::advertising::{ALWAYS, Expression, negated, scan};
use crate::lint::{Context, Diagnostic, Rule};
use std::ops::Range;

/// 最高血圧 is a measurement, not a boast.
fn blood_pressure(text: &str, m: Range<usize>) -> bool {
    text[m.end..].starts_with("血圧")
}

/// What "the only …" ranks when it is a boast: a provider or a treatment.
const RANKED: &[&str] = &[
    "clinic",
    "clinics",
    "hospital",
    "hospitals",
    "provider",
    "providers",
    "place",
    "places",
    "centre",
    "centres",
    "center",
    "centers",
    "doctor",
    "doctors",
    "surgeon",
    "surgeons",
    "specialist",
    "specialists",
    "treatment",
    "treatments",
    "therapy",
    "therapies",
    "cure",
    "cures",
];

/// "the only" is a boast when one of the next four words is in [`RANKED`] ("the only proven
/// treatment"), and fine when negated ("not the only treatment") or about anything else ("the
/// only reliable way to know").
fn not_a_ranking(text: &str, m: Range<usize>) -> bool {
    if negated(text, m.clone()) {
        return true;
    }
    !text[m.end..]
        .split_whitespace()
        .take(4)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .any(|w| RANKED.contains(&w.as_str()))
}

pub const EXPRESSIONS: &[Expression] = &[
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
        // "the only clinic in Tokyo", "the only proven treatment", as 唯一 is caught.
        pattern: r"\bthe only\b",
        allowed: not_a_ranking,
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

#[cfg(test)]
mod tests {
    use super::not_a_ranking;

    fn boast(text: &str) -> bool {
        let at = text.find("the only").unwrap();
        !not_a_ranking(text, at..at + "the only".len())
    }

    #[test]
    fn the_only_is_a_boast_about_providers_and_treatments_only() {
        assert!(boast("We are the only clinic in Tokyo offering it."));
        assert!(boast("It is the only proven treatment for this."));
        assert!(!boast("TMS is not the only treatment for depression."));
        assert!(!boast(
            "Measuring it is the only reliable way to know your blood pressure."
        ));
    }
}
