//! The claim detector: which sentences of an article are treatment claims, and how sure it is.
//!
//! A sentence is a claim when it says that an intervention has, may have or is expected to have
//! an effect: benefit, mechanism, harm, safety, superiority, or that the effect is unknown
//! (`docs/claim-labels.md`). The detector reads each sentence of the prose with the sentence
//! before it, the heading above it and, in a list or table, the sentence that introduces it
//! ([`Around`]); the hand-written lexicons ([`lexicon`], extended per site in `site.yaml`) give
//! their signals, and a learned model ([`model`], trained by [`train`] on [`corpus`]) weighs
//! them with the text into a probability and a [`Tier`]: a claim (an error when untagged),
//! uncertain (a warning), or none. Headings, block quotes and code are not prose.
//!
//! Precision and recall on sentences modelled on real pages are measured by
//! `tests/claim_corpus.rs` and reported in `docs/claim-detector.md`.

pub mod corpus;
pub mod features;
pub mod lexicon;
pub mod model;
pub mod segment;
pub mod train;

use crate::parse::Page;
use crate::parse::markdown::{BlockKind, CODE_MARK, TAG_MARK};
use features::{Input, Signal};
pub use model::{Explanation, Model, Tier};
use regex::Regex;
use std::ops::Range;

/// Terms a site adds to the built-in lexicon of one language (site.yaml's `claim_lexicon` and
/// its treatments' names), read with the configuration.
pub use crate::config::Extension;

#[derive(Clone)]
struct Compiled {
    lang: &'static str,
    script: fn(char) -> bool,
    /// Treatments alone, to read the context.
    treatments: Regex,
    /// The site's own not-claim phrases: a sentence with one is never a claim.
    site_not_claims: Option<Regex>,
    /// `treatments`, `effects`, `secondary_effects` and `not_claims`, in [`Lexeme`] order, in
    /// one pass.
    set: regex::RegexSet,
}

/// The detector, built once per run: the lexicons (built in, extended by the site) and the
/// learned model. A clone shares the compiled lexicons but has its own search caches, so that
/// threads that each use their own clone do not wait for each other.
#[derive(Clone)]
pub struct Detector {
    lexicons: Vec<Compiled>,
    model: &'static Model,
}

/// A sentence of an article with what the lint needs to know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Span in the file, from the first character to the last (tags included).
    pub span: Range<usize>,
    /// The text without tags, as classified.
    pub text: String,
    /// Indices into the page's `body.tags` of the tags placed on this sentence.
    pub tags: Vec<usize>,
    /// How sure the detector is that this is a treatment claim; [`Tier::None`], unjudged, for a
    /// sentence whose tag gives an evidence level.
    pub tier: Tier,
    /// For an untagged sentence read as a claim: why.
    pub why: Option<Explanation>,
    /// What it is part of: prose, a quote, or a front matter value.
    pub kind: BlockKind,
    /// Which block of the page (paragraph, list item, table cell, field) it is in, by index.
    pub block: usize,
}

impl Sentence {
    /// Is it a claim (the error tier)?
    pub fn is_claim(&self) -> bool {
        self.tier == Tier::Claim
    }
}

/// Where a sentence stands: what the detector reads around it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Around<'a> {
    /// The sentence before it under the same heading.
    pub previous: Option<&'a str>,
    /// The heading above it.
    pub heading: Option<&'a str>,
    /// For a list item or table cell: the last sentence before the list or table.
    pub lead_in: Option<&'a str>,
    /// Is it in a list item or table cell?
    pub item: bool,
}

impl<'a> Around<'a> {
    /// A sentence in a paragraph after `previous`.
    pub fn after(previous: &'a str) -> Around<'a> {
        Around {
            previous: Some(previous),
            ..Around::default()
        }
    }

    /// A sentence in a paragraph under `heading`.
    pub fn under(heading: &'a str) -> Around<'a> {
        Around {
            heading: Some(heading),
            ..Around::default()
        }
    }
}

/// A sentence as the lexicon of its language read it: the model's input and signals.
pub struct Reading<'a> {
    pub lang: &'static str,
    /// The sentence as read: quoted questions left out ([`without_quoted_questions`]).
    pub sentence: std::borrow::Cow<'a, str>,
    pub around: Around<'a>,
    pub signals: Vec<Signal>,
    /// The site said this is not a claim.
    pub site_not_claim: bool,
}

impl Reading<'_> {
    pub fn input(&self) -> Input<'_> {
        Input {
            sentence: &self.sentence,
            previous: self.around.previous,
            heading: self.around.heading,
            lead_in: self.around.lead_in,
            item: self.around.item,
            lang: self.lang,
        }
    }
}

/// What the detector makes of a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    pub tier: Tier,
    pub probability: f64,
}

impl Verdict {
    /// No claim: text in no script the detector reads, or a site's own not-claim phrase.
    pub const NONE: Verdict = Verdict {
        tier: Tier::None,
        probability: 0.0,
    };
}

impl Detector {
    /// The built-in lexicons, extended by a site's terms per language code (`ja`, `en`), and
    /// the built-in model.
    pub fn new(extensions: &[(String, Extension)]) -> Result<Detector, String> {
        Detector::with_model(extensions, Model::built_in()?)
    }

    /// The lexicons without a trained model (every sentence reads as no claim): what training
    /// reads the lexicons' signals with, whatever the model built in.
    pub fn untrained(extensions: &[(String, Extension)]) -> Result<Detector, String> {
        Detector::with_model(extensions, Model::empty())
    }

    fn with_model(
        extensions: &[(String, Extension)],
        model: &'static Model,
    ) -> Result<Detector, String> {
        let ext = |code: &str| {
            extensions
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, e)| e.clone())
                .unwrap_or_default()
        };
        Ok(Detector {
            lexicons: vec![
                compile("ja", &lexicon::JA, &ext("ja"))?,
                compile("en", &lexicon::EN, &ext("en"))?,
            ],
            model,
        })
    }

    /// Reads a sentence with the lexicon of its script, given the sentence before it and the
    /// heading above it. `None` for text in no script the detector reads (numbers, symbols).
    pub fn read<'a>(&self, sentence: &'a str, around: Around<'a>) -> Option<Reading<'a>> {
        let lex = self
            .lexicons
            .iter()
            .find(|l| sentence.chars().any(l.script))?;
        // A question is not a claim, quoted or not: 「TMS治療は効きますか？」とよく聞かれます。
        let read = without_quoted_questions(sentence);
        let text = if read.contains([TAG_MARK, CODE_MARK]) {
            std::borrow::Cow::Owned(read.replace(TAG_MARK, "").replace(CODE_MARK, " "))
        } else {
            std::borrow::Cow::Borrowed(read.as_ref())
        };
        let mut signals = Vec::new();
        let hits = lex.set.matches(&text);
        for (signal, lexeme) in [
            (Signal::Treatment, Lexeme::Treatment),
            (Signal::Effect, Lexeme::Effect),
            (Signal::SecondaryEffect, Lexeme::SecondaryEffect),
            (Signal::NotClaim, Lexeme::NotClaim),
        ] {
            if hits.matched(lexeme as usize) {
                signals.push(signal);
            }
        }
        let context = around.previous.or(around.lead_in).or(around.heading);
        if context.is_some_and(|c| names_treatment(lex, c)) {
            signals.push(Signal::ContextTreatment);
        }
        let site_not_claim = lex
            .site_not_claims
            .as_ref()
            .is_some_and(|r| r.is_match(&text));
        drop(text);
        Some(Reading {
            lang: lex.lang,
            sentence: read,
            around,
            signals,
            site_not_claim,
        })
    }

    /// How sure the detector is that a sentence is a treatment claim.
    pub fn classify(&self, sentence: &str, around: Around<'_>) -> Verdict {
        self.judge(sentence, around, false).0
    }

    /// The verdict on a sentence and, if asked and it is one, why it reads as a claim.
    fn judge(
        &self,
        sentence: &str,
        around: Around<'_>,
        explain: bool,
    ) -> (Verdict, Option<Explanation>) {
        let Some(reading) = self.read(sentence, around).filter(|r| !r.site_not_claim) else {
            return (Verdict::NONE, None);
        };
        let (probability, tier, why) =
            self.model
                .assess(&reading.input(), &reading.signals, explain);
        (Verdict { tier, probability }, why)
    }

    /// The sentences of an article's prose, classified. Headings, block quotes and code are
    /// not prose; a heading is context for the sentences under it.
    pub fn sentences(&self, page: &Page) -> Vec<Sentence> {
        let mut out: Vec<Sentence> = Vec::new();
        let mut heading: Option<&str> = None;
        let mut previous: Option<usize> = None;
        // The last sentence outside lists and tables: what introduces the next list.
        let mut lead_in: Option<usize> = None;
        for (block_index, block) in page.body.blocks.iter().enumerate() {
            match block.kind {
                BlockKind::Heading => {
                    heading = Some(&block.text);
                    previous = None;
                    lead_in = None;
                    continue;
                }
                // A title, summary or disclosure stands on its own.
                BlockKind::Field => {
                    previous = None;
                    lead_in = None;
                }
                // Quoted or not, what the page publishes is read the same way.
                BlockKind::Prose | BlockKind::Quote => {
                    if previous.is_some_and(|i| out[i].kind == BlockKind::Field) {
                        previous = None;
                        lead_in = None;
                    }
                }
            }
            let mut tag_index = 0;
            for (n, range) in segment::sentences(&block.text).into_iter().enumerate() {
                let raw = &block.text[range.clone()];
                let mut marks = raw.matches(TAG_MARK).count();
                if n == 0 {
                    // Tags before the first words of a block close no sentence of it.
                    let before = block.text[..range.start].matches(TAG_MARK).count();
                    let leading = raw
                        .find(|c: char| c.is_alphanumeric())
                        .map_or(0, |i| raw[..i].matches(TAG_MARK).count());
                    tag_index += before + leading;
                    marks -= leading;
                }
                let tags = block
                    .tags
                    .get(tag_index..tag_index + marks)
                    .map(<[usize]>::to_vec)
                    .unwrap_or_default();
                tag_index += marks;
                let text: String = if marks > 0 {
                    raw.replace(TAG_MARK, "").trim().to_string()
                } else {
                    raw.trim().to_string()
                };
                let around = Around {
                    previous: previous.map(|i| out[i].text.as_str()),
                    heading,
                    lead_in: lead_in.filter(|_| block.item).map(|i| out[i].text.as_str()),
                    item: block.item,
                };
                // A sentence tagged with a level needs no verdict: no rule asks for one, and
                // on a well-tagged page that is a good share of the sentences.
                let leveled = tags
                    .iter()
                    .any(|&i| page.body.tags.get(i).is_some_and(|t| t.tag.level.is_some()));
                let (verdict, why) = if leveled || !block.read_for_claims {
                    (Verdict::NONE, None)
                } else {
                    let (mut verdict, why) = self.judge(&text, around, tags.is_empty());
                    // A title or summary is a line of its own, unlike the prose the model
                    // learned from: only a confident reading counts there.
                    if block.kind == BlockKind::Field && verdict.tier == Tier::Uncertain {
                        verdict = Verdict::NONE;
                    }
                    (verdict, why)
                };
                out.push(Sentence {
                    span: block.source_span(range),
                    text,
                    tags,
                    tier: verdict.tier,
                    why,
                    kind: block.kind,
                    block: block_index,
                });
                previous = Some(out.len() - 1);
                if !block.item {
                    lead_in = previous;
                }
            }
            // A block of tags only closes no sentence: its tags count for none
            // (`claim/misplaced-tag`), not for the sentence before it.
        }
        out
    }
}

thread_local! {
    /// The last context looked up, its language and whether it names a treatment: a heading
    /// stands above many sentences.
    static LAST_CONTEXT: std::cell::RefCell<(&'static str, String, bool)> =
        const { std::cell::RefCell::new(("", String::new(), false)) };
}

/// The sentence with the words of each quoted question left out (`「効きますか？」と` reads as
/// `「…」と`): a question asks, it does not claim, whatever marks surround it. A quoted statement
/// stays: putting a claim in quotation marks does not make it someone else's.
pub fn without_quoted_questions(text: &str) -> std::borrow::Cow<'_, str> {
    // One character at a time is a vectorised search; prose from blocks is normalised, so
    // its `？` is `?` already.
    if !text.contains('?') && !text.contains('？') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['「', '『', '“', '"']) {
        let open_char = rest[open..].chars().next().unwrap_or('"');
        let close_char = match open_char {
            '「' => '」',
            '『' => '』',
            '“' => '”',
            _ => '"',
        };
        let inner_start = open + open_char.len_utf8();
        let Some(close) = rest[inner_start..].find(close_char) else {
            break;
        };
        let inner = &rest[inner_start..inner_start + close];
        out.push_str(&rest[..inner_start]);
        if inner.trim_end().ends_with(['？', '?']) {
            out.push('…');
        } else {
            out.push_str(inner);
        }
        out.push(close_char);
        rest = &rest[inner_start + close + close_char.len_utf8()..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Does the context name a treatment (in the language of `lex`)?
fn names_treatment(lex: &Compiled, context: &str) -> bool {
    LAST_CONTEXT.with_borrow_mut(|(lang, text, found)| {
        if *lang != lex.lang || text != context {
            *found = lex.treatments.is_match(context);
            *lang = lex.lang;
            text.clear();
            text.push_str(context);
        }
        *found
    })
}

/// The lexicon patterns of a [`Compiled`] set, in its order.
#[derive(Clone, Copy)]
enum Lexeme {
    Treatment,
    Effect,
    SecondaryEffect,
    NotClaim,
}

fn compile(
    lang: &'static str,
    builtin: &lexicon::Builtin,
    ext: &Extension,
) -> Result<Compiled, String> {
    // A site's own terms (its treatments' names, claim_lexicon) can number thousands: the
    // compiled alternation may grow past the regex crate's default limit of 10 MiB.
    let regex = |pattern: String| {
        regex::RegexBuilder::new(&ascii_word_boundaries(&pattern))
            .size_limit(TERMS_SIZE_LIMIT)
            .build()
            .map_err(|e| too_large(lang, ext, e))
    };
    let alternatives = |list: &[&str], extra: &[String]| -> String {
        let mut parts: Vec<String> = list.iter().map(|p| format!("(?:{p})")).collect();
        parts.extend(extra.iter().map(|t| regex::escape(t)));
        parts.join("|")
    };
    // Latin-script terms match whole words; Japanese has no spaces between words.
    let terms = |list: &[&str], extra: &[String]| {
        let body = alternatives(list, extra);
        if builtin.word_boundaries {
            regex(format!(r"(?i)\b(?:{body})(?:\b|$)"))
        } else {
            regex(format!("(?i)(?:{body})"))
        }
    };
    let treatments = terms(builtin.treatments, &ext.treatments)?;
    let effects = terms(builtin.effects, &ext.effects)?;
    let secondary_effects = terms(builtin.secondary_effects, &[])?;
    let not_claims = regex(format!(
        "(?i){}",
        alternatives(builtin.not_claims, &ext.not_claims)
    ))?;
    let site_not_claims = (!ext.not_claims.is_empty())
        .then(|| regex(format!("(?i){}", alternatives(&[], &ext.not_claims))))
        .transpose()?;
    let set = regex::RegexSetBuilder::new([
        treatments.as_str(),
        effects.as_str(),
        secondary_effects.as_str(),
        not_claims.as_str(),
    ])
    // The lexicons are large alternations: with the default cache the lazy DFA gives up on
    // them and the set falls back to a far slower engine.
    .dfa_size_limit(32 << 20)
    .size_limit(TERMS_SIZE_LIMIT)
    .build()
    .map_err(|e| too_large(lang, ext, e))?;
    Ok(Compiled {
        lang,
        script: builtin.script,
        treatments,
        site_not_claims,
        set,
    })
}

/// How large the compiled lexicon of one language may grow, with the site's own terms.
const TERMS_SIZE_LIMIT: usize = 256 << 20;

/// A lexicon that does not compile, said in terms of site.yaml: which language and how many
/// terms of the site's own.
fn too_large(lang: &str, ext: &Extension, e: regex::Error) -> String {
    let count = ext.treatments.len() + ext.effects.len() + ext.not_claims.len();
    match e {
        regex::Error::CompiledTooBig(limit) => format!(
            "the {count} terms for `{lang}` (the names of `treatments` and `claim_lexicon.{lang}` together) make the claim detector's word list larger than {} MiB; list fewer names (the names a page uses, not every spelling)",
            limit >> 20
        ),
        other => format!("a term for `{lang}` is not valid: {other}"),
    }
}

/// Word boundaries in the lexicons are about Latin-script words: ASCII boundaries say so (a
/// word ends before 治 in `TMS治療`), and keep the regex engine on its fast path for text that
/// is not ASCII.
pub fn ascii_word_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detector() -> Detector {
        Detector::new(&[]).unwrap()
    }

    #[test]
    fn quoted_questions_are_left_out_and_quoted_claims_are_not() {
        assert_eq!(
            without_quoted_questions("「TMS治療は効きますか？」とよく聞かれます。"),
            "「…」とよく聞かれます。"
        );
        assert_eq!(
            without_quoted_questions("「TMS治療はうつ病を改善します。」"),
            "「TMS治療はうつ病を改善します。」"
        );
        assert_eq!(
            without_quoted_questions("Patients ask \"Does TMS hurt?\" at the first visit."),
            "Patients ask \"…\" at the first visit."
        );
    }

    #[test]
    fn site_terms_extend_the_lexicon() {
        // A product name no lexicon knows: read as a treatment once the site names it.
        let sentence = "Zorblax users report better results.";
        let plain = detector().classify(sentence, Around::default());
        assert_eq!(plain.tier, Tier::None);
        let ext = Extension {
            treatments: vec!["Zorblax".into()],
            ..Default::default()
        };
        let d = Detector::new(&[("en".into(), ext)]).unwrap();
        let named = d.classify(sentence, Around::default());
        assert!(named.probability > plain.probability);
        assert_ne!(named.tier, Tier::None);
    }
}

#[cfg(test)]
mod size_tests {
    #[test]
    fn a_lexicon_too_large_is_named_by_language_and_site_yaml_keys() {
        let ext = super::Extension {
            treatments: vec!["a".into(); 3],
            ..Default::default()
        };
        let message = super::too_large("en", &ext, regex::Error::CompiledTooBig(256 << 20));
        assert!(
            message.contains("the 3 terms for `en`")
                && message.contains("`treatments`")
                && message.contains("`claim_lexicon.en`")
                && message.contains("256 MiB"),
            "{message}"
        );
    }
}
