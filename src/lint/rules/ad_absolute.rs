#![cfg_attr(not(doctest), doc = include_str!("docs/ad/absolute.md"))]

use crate::lint::advertising::{ALWAYS, Expression, negated, not_about_results, scan};
use crate::lint::{Context, Diagnostic, Rule};

const EXPRESSIONS: &[Expression] = &[
    Expression {
        pattern: r"絶対(?:に)?",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"必ず(?:治|効|改善|良くな|よくな|痩せ|生え|若返|きれい)",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"[1１][0０][0０]\s*[%％]",
        allowed: not_about_results,
    },
    Expression {
        pattern: r"完治",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"根治(?:します|できます|が可能)",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"副作用(?:なし|が?ない|はありません|がありません|の心配(?:は|が)?(?:ない|ありません)|ゼロ)",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"リスク(?:は|が)?(?:ない|ありません|ゼロ)",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"\bguarantee(?:d|s)?\b",
        allowed: negated,
    },
    Expression {
        pattern: r"\bcur(?:e|es|ed)\b",
        allowed: negated,
    },
    Expression {
        pattern: r"\bno (?:side[- ]effects|risks?)\b",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"\b(?:risk|side[- ]effect)[- ]free\b",
        allowed: ALWAYS,
    },
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    scan(
        cx,
        Rule::AdAbsolute,
        EXPRESSIONS,
        "absolute or guaranteed result",
        "no treatment works for everyone or is free of risk; say what the evidence shows, with its level (医療広告ガイドライン 第3 (2) 虚偽広告, (4) 誇大広告)",
        out,
    );
}
