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
    let sentence = text[sentence_around(text, &m)].to_lowercase();
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

/// The sentence around a match: from just after the last sentence end before it to the next
/// sentence end after it.
pub fn sentence_around(text: &str, m: &Range<usize>) -> Range<usize> {
    let ends = ['。', '.', '!', '?', '！', '？', '\n'];
    let start = text[..m.start].rfind(ends).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[m.end..].find(ends).map_or(text.len(), |i| m.end + i);
    start..end
}

/// The sentence carries an evidence tag: a figure with its source.
pub fn tagged(text: &str, m: Range<usize>) -> bool {
    let around = sentence_around(text, &m);
    // The tag closes the sentence, so it may stand just after its end.
    let after = &text[around.end..];
    let after = &after[..after.len().min(8)];
    text[around].contains(crate::parse::markdown::TAG_MARK)
        || after
            .trim_start_matches(['。', '.', ' '])
            .starts_with(crate::parse::markdown::TAG_MARK)
}

/// Words of warning or a possibility around the match ("there is a small risk", 「痛みが出る
/// ことがあります」): the sentence is honest about it, not a promise.
pub fn hedged(text: &str, m: Range<usize>) -> bool {
    let around = &text[sentence_around(text, &m)];
    let lower = around.to_lowercase();
    [
        "ことがあります",
        "場合があります",
        "可能性",
        "少ない",
        "ほとんど",
        "may ",
        "can ",
        "might ",
        "some ",
        "usually",
        "most ",
        "rarely",
        "not ",
        "no treatment",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// A rule's expressions, compiled once per run of the program.
struct Compiled {
    /// Matches where any of them matches.
    any: Regex,
    each: Vec<(Regex, Allowed)>,
}

/// Every `ad/*` rule with its expressions, in the order of [`prefilter`]'s patterns.
/// `tests::every_ad_rule_is_in_the_prefilter` fails when a rule is missing.
fn all_rules() -> [(Rule, &'static [Expression]); 9] {
    use crate::lint::rules::*;
    [
        (Rule::AdAbsolute, ad_absolute::EXPRESSIONS),
        (Rule::AdBeforeAfter, ad_before_after::EXPRESSIONS),
        (Rule::AdCelebrity, ad_celebrity::EXPRESSIONS),
        (Rule::AdExaggeration, ad_exaggeration::EXPRESSIONS),
        (Rule::AdInducement, ad_inducement::EXPRESSIONS),
        (Rule::AdPriceEmphasis, ad_price_emphasis::EXPRESSIONS),
        (Rule::AdSuperiority, ad_superiority::EXPRESSIONS),
        (Rule::AdTestimonial, ad_testimonial::EXPRESSIONS),
        (
            Rule::AdUnsourcedStatistic,
            ad_unsourced_statistic::EXPRESSIONS,
        ),
    ]
}

/// One pattern per `ad/*` rule (the union of its expressions) in one set: a single pass over a
/// block says which rules need a closer look, instead of one pass per rule.
fn prefilter() -> &'static (regex::RegexSet, Vec<Rule>) {
    static SET: OnceLock<(regex::RegexSet, Vec<Rule>)> = OnceLock::new();
    SET.get_or_init(|| {
        let rules = all_rules();
        let patterns: Vec<String> = rules
            .iter()
            .map(|&(rule, expressions)| compiled(rule, expressions).any.as_str().to_string())
            .collect();
        let set = regex::RegexSetBuilder::new(&patterns)
            // Nine large alternations: with the default cache the lazy DFA would give up on
            // them and fall back to a slower engine.
            .dfa_size_limit(32 << 20)
            .build()
            // Should the union not compile, each rule searches on its own.
            .unwrap_or_else(|_| regex::RegexSet::empty());
        (set, rules.iter().map(|(r, _)| *r).collect())
    })
}

/// For each block of `page`, the rules (bits in [`all_rules`] order) whose expressions match
/// somewhere in it; `None` when the prefilter could not be built.
fn rules_in_blocks(page: &crate::parse::Page) -> Option<Vec<u16>> {
    let (set, _) = prefilter();
    if set.is_empty() {
        return None;
    }
    Some(
        page.body
            .blocks
            .iter()
            .map(|b| {
                set.matches(&b.text)
                    .iter()
                    .fold(0u16, |bits, i| bits | 1 << i)
            })
            .collect(),
    )
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
    scan_pages(cx, rule, expressions, what, help, out, |_| true);
}

/// [`scan`], on the published pages for which `applies` holds (a page that gives what the
/// guideline asks for next to the wording is exempt from some rules).
pub fn scan_pages(
    cx: &Context<'_>,
    rule: Rule,
    expressions: &[Expression],
    what: &str,
    help: &str,
    out: &mut Vec<Diagnostic>,
    applies: impl Fn(&crate::parse::Page) -> bool,
) {
    let compiled = compiled(rule, expressions);
    let bit = prefilter().1.iter().position(|r| *r == rule);
    for (page, _) in cx.published().filter(|(p, _)| applies(p)) {
        // Which blocks any of the rules matches in: read once per page, for all of them.
        let hits = cx.memo(page, "ad", || rules_in_blocks(page));
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
        for (i, block) in page.body.blocks.iter().enumerate() {
            let hit = match (&*hits, bit) {
                (Some(hits), Some(bit)) => hits.get(i).is_none_or(|h| h & (1 << bit) != 0),
                _ => true,
            };
            if hit {
                search(&block.text, &|o| block.source_offset(o));
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ad_rule_is_in_the_prefilter() {
        let listed: Vec<Rule> = all_rules().iter().map(|(r, _)| *r).collect();
        for rule in Rule::ALL {
            if rule.id().starts_with("ad/") {
                assert!(listed.contains(rule), "{} is not in all_rules()", rule.id());
            }
        }
        assert!(!prefilter().0.is_empty(), "the prefilter did not compile");
    }

    #[test]
    fn the_sentence_around_a_match_starts_after_a_japanese_full_stop() {
        let text = "当院の満足度は98%です。10人中9人が効果を実感しています。";
        let at = text.find("10人").unwrap();
        let around = sentence_around(text, &(at..at + "10人".len()));
        assert_eq!(&text[around], "10人中9人が効果を実感しています");
        // 100% after a full stop: this used to slice inside 。.
        let text = "説明します。満足度100%";
        let at = text.find("100").unwrap();
        assert!(!not_about_results(text, at..text.len()));
    }

    #[test]
    fn a_figure_is_sourced_when_its_sentence_carries_a_tag() {
        let mark = crate::parse::markdown::TAG_MARK;
        let text = format!("ある試験では、4.5%の患者が治療をやめました{mark}。");
        let at = text.find("4.5").unwrap();
        assert!(tagged(&text, at..at + 3));
        let text = "当院の満足度は98%です。";
        let at = text.find("98").unwrap();
        assert!(!tagged(text, at..at + 2));
    }
}
