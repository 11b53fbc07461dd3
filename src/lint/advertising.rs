//! Matching of the wording that Japan's medical advertising guideline (医療広告ガイドライン)
//! prohibits or discourages, shared by the `ad/*` rules.
//!
//! Every block of published text is searched: the body's prose, headings and quotes (a heading
//! 「患者様の声」 is what the guideline means), the text in its HTML, and the title, summary
//! and disclosures. A pattern may
//! carry a check on its surroundings, because context matters: 「必ず医師にご相談ください」
//! and "there is no cure" are fine.

use crate::lint::{Context, Diagnostic, Rule};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

/// Given the text and a match, `true` when the match is acceptable in its context.
pub type Allowed = fn(&str, Range<usize>) -> bool;

/// A prohibited expression: a regex, and a test of its surroundings that clears a match.
pub struct Expression {
    pub pattern: &'static str,
    pub allowed: Allowed,
}

/// No context clears the match.
pub const ALWAYS: Allowed = |_, _| false;

/// A negation just before the match ("no cure", "not guaranteed").
pub fn negated(text: &str, m: Range<usize>) -> bool {
    let before =
        &text[crate::source::floor_char_boundary(text, m.start.saturating_sub(24))..m.start];
    let before = before.to_lowercase();
    [
        "no ", "not ", "cannot ", "can't ", "won't ", "isn't ", "doesn't ", "without ", "never ",
    ]
    .iter()
    .any(|n| before.contains(n))
}

/// Within the same sentence as words about results: for `100%`, which is fine in
/// 「費用は100%自己負担」 but not in 「満足度100%」.
pub fn not_about_results(text: &str, m: Range<usize>) -> bool {
    let start = text[..m.start]
        .rfind(['。', '.', '!', '?', '！', '？', '\n'])
        .map_or(0, |i| i + 1);
    let end = text[m.end..]
        .find(['。', '.', '!', '?', '！', '？', '\n'])
        .map_or(text.len(), |i| m.end + i);
    let sentence = text[start..end].to_lowercase();
    ![
        "効",
        "治",
        "満足",
        "安全",
        "改善",
        "成功",
        "effective",
        "success",
        "satisf",
        "safe",
        "cure",
        "result",
        "work",
    ]
    .iter()
    .any(|w| sentence.contains(w))
}

/// A rule's expressions, compiled once per run of the program.
struct Compiled {
    /// Matches where any of them matches.
    any: Regex,
    each: Vec<(Regex, Allowed)>,
}

fn compiled(rule: Rule, expressions: &[Expression]) -> Arc<Compiled> {
    static CACHE: OnceLock<Mutex<HashMap<Rule, Arc<Compiled>>>> = OnceLock::new();
    let mut cache = CACHE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    cache
        .entry(rule)
        .or_insert_with(|| {
            let pattern = |p: &str| crate::lint::claims::ascii_word_boundaries(&format!("(?i){p}"));
            let each: Vec<(Regex, Allowed)> = expressions
                .iter()
                .filter_map(|e| Regex::new(&pattern(e.pattern)).ok().map(|r| (r, e.allowed)))
                .collect();
            let alternatives: Vec<String> = each
                .iter()
                .map(|(r, _)| format!("(?:{})", r.as_str()))
                .collect();
            // Should the union not compile, a regex that matches everywhere only costs time.
            let any = Regex::new(&alternatives.join("|"))
                .unwrap_or_else(|_| Regex::new("").expect("the empty regex compiles"));
            Arc::new(Compiled { any, each })
        })
        .clone()
}

/// Reports every match of `expressions` in what published pages (articles and section
/// introductions) say.
pub fn scan(
    cx: &Context<'_>,
    rule: Rule,
    expressions: &[Expression],
    what: &str,
    help: &str,
    out: &mut Vec<Diagnostic>,
) {
    let compiled = compiled(rule, expressions);
    for (page, _) in cx.published() {
        let mut found: Vec<(Range<usize>, String)> = Vec::new();
        let mut search = |text: &str, map: &dyn Fn(usize) -> usize| {
            // Most text has none of the expressions: one pass over it says so.
            if !compiled.any.is_match(text) {
                return;
            }
            for (re, allowed) in &compiled.each {
                for m in re.find_iter(text) {
                    if !allowed(text, m.range()) {
                        found.push((map(m.start())..map(m.end()), m.as_str().to_string()));
                    }
                }
            }
        };
        // The body, the text in its HTML, and the title, summary and disclosures, all
        // normalised (`ＮＯ．１` reads as `NO.1`).
        for block in &page.body.blocks {
            search(&block.text, &|o| block.source_offset(o));
        }
        found.sort_by_key(|(span, _)| (span.start, span.end));
        found.dedup_by(|a, b| a.0.start < b.0.end);
        for (span, matched) in found {
            out.push(
                Diagnostic::new(
                    rule,
                    page.source.path(),
                    span,
                    format!("{what}: `{matched}`"),
                )
                .with_lang(Some(&page.lang))
                .with_help(help),
            );
        }
    }
}
