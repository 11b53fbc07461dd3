#![cfg_attr(not(doctest), doc = include_str!("docs/ad/absolute.md"))]

use crate::lint::advertising::{
    ALWAYS, Expression, hedged, negated, not_about_results, scan, sentence_around,
};
use std::ops::Range;

/// A sentence that says comfort or safety is usual, not certain (「痛みがない方もいます」,
/// "most people find it painless", "it is not completely safe"), or asks ("Is it painless?").
fn honest_about_it(text: &str, m: Range<usize>) -> bool {
    let end = sentence_around(text, &m).end;
    let question = text[end..].starts_with(['?', '？']) || text[m.end..end].ends_with("か");
    question
        || negated(text, m.clone())
        || hedged(text, m.clone())
        || text[m.end..end].contains("方もいます")
}

/// 無痛分娩 (labour with an epidural) is the name of a care, not a promise.
fn painless_birth(text: &str, m: Range<usize>) -> bool {
    text[m.end..].starts_with("分娩") || honest_about_it(text, m)
}
use crate::lint::{Context, Diagnostic, Rule};

pub const EXPRESSIONS: &[Expression] = &[
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
        // Comfort and safety promised without exception.
        pattern: r"痛み(?:は|が|も|の)?(?:なし|ない|なく|ありません|ゼロ)|痛くない|痛くありません|ダウンタイム(?:は|が|も)?(?:なし|ない|ありません|ゼロ|0)|安全性\s*100\s*[%％]|100\s*[%％]\s*安全|(?:完全に|絶対に|確実に)安全|リスク(?:なし|ゼロ)",
        allowed: honest_about_it,
    },
    Expression {
        pattern: r"無痛",
        allowed: painless_birth,
    },
    Expression {
        pattern: r"\bpainless\b|\bpain[- ]free\b|\b(?:zero|no) pain\b|\b(?:no|zero) downtime\b|\b(?:completely|perfectly|totally|absolutely|100\s*%) safe\b",
        allowed: honest_about_it,
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
