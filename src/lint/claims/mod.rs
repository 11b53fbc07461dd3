//! The claim detector: which sentences of an article are treatment claims.
//!
//! A sentence is a claim when it names a treatment (or refers back to one named just before)
//! and says something about its effect: benefit, mechanism, harm, safety, superiority, or that
//! the effect is unknown. Sentences shaped like instructions, questions, logistics, page
//! navigation or approval history are left alone, as are headings, block quotes, code and text
//! in quotation marks. The lexicons are data ([`lexicon`]), extended per site in `site.yaml`.
//!
//! Precision and recall on a labelled corpus of our own are measured by
//! `tests/claim_corpus.rs` and reported in `docs/claim-detector.md`.

pub mod lexicon;
pub mod segment;

use crate::parse::Page;
use crate::parse::markdown::{BlockKind, CODE_MARK, TAG_MARK};
use regex::Regex;
use std::ops::Range;

/// Terms a site adds to the built-in lexicon of one language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extension {
    pub treatments: Vec<String>,
    pub effects: Vec<String>,
    pub not_claims: Vec<String>,
}

#[derive(Clone)]
struct Compiled {
    script: Regex,
    treatments: Regex,
    anaphora: Regex,
    effects: Regex,
    weak_effects: Regex,
    not_claims: Regex,
    /// Words that look like drug names (long katakana words): a treatment only when the
    /// sentence also states a benefit.
    drug_like: Option<Regex>,
    agent_effects: Regex,
    not_agents: Regex,
    /// Matches where `effects`, `weak_effects` or `agent_effects` does: a sentence without
    /// any of them is no claim, which one pass tells.
    any_effect: Regex,
    /// Japanese leaves the subject out when it was just named: a sentence with an effect after
    /// one that names a treatment is about that treatment.
    zero_anaphora: bool,
}

/// The detector, built once per run. A clone shares the compiled lexicons but has its own
/// search caches, so that threads that each use their own clone do not wait for each other.
#[derive(Clone)]
pub struct Detector {
    lexicons: Vec<Compiled>,
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
    pub is_claim: bool,
}

impl Detector {
    /// The built-in lexicons, extended by a site's terms per language code (`ja`, `en`).
    pub fn new(extensions: &[(String, Extension)]) -> Result<Detector, String> {
        let ext = |code: &str| {
            extensions
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, e)| e.clone())
                .unwrap_or_default()
        };
        Ok(Detector {
            lexicons: vec![
                compile(&lexicon::JA, &ext("ja"), true)?,
                compile(&lexicon::EN, &ext("en"), false)?,
            ],
        })
    }

    /// Classifies one sentence, given the sentence before it (or the heading above it).
    pub fn is_claim(&self, sentence: &str, context: Option<&str>) -> bool {
        let marked = sentence.contains([TAG_MARK, CODE_MARK]);
        let unmarked = if marked {
            std::borrow::Cow::Owned(sentence.replace(TAG_MARK, "").replace(CODE_MARK, " "))
        } else {
            std::borrow::Cow::Borrowed(sentence)
        };
        let text = strip_quotations(&unmarked);
        let Some(lex) = self.lexicons.iter().find(|l| l.script.is_match(&text)) else {
            return false;
        };
        if lex.not_claims.is_match(&text) || !lex.any_effect.is_match(&text) {
            return false;
        }
        let effect = lex.effects.is_match(&text);
        let treatment = lex.treatments.is_match(&text)
            || (effect && lex.drug_like.as_ref().is_some_and(|d| d.is_match(&text)));
        if treatment && (effect || lex.weak_effects.is_match(&text)) {
            return true;
        }
        // A strong effect said of something that is not a disease or the body: a product or
        // procedure the lexicon does not name ("HIFU tightens sagging skin").
        let anaphoric = lex.anaphora.is_match(&text);
        if let Some(m) = lex.agent_effects.find(&text) {
            let agent = &text[..m.start()];
            if !anaphoric
                && agent.chars().any(char::is_alphanumeric)
                && !lex.not_agents.is_match(agent)
            {
                return true;
            }
        }
        if !effect {
            return false;
        }
        let context_treatment =
            context.is_some_and(|c| lex.treatments.is_match(&strip_quotations(c)));
        context_treatment && (lex.zero_anaphora || anaphoric)
    }

    /// The sentences of an article's prose, classified. Headings, block quotes and code are
    /// not prose; a heading still serves as context for the sentence under it.
    pub fn sentences(&self, page: &Page) -> Vec<Sentence> {
        let mut out: Vec<Sentence> = Vec::new();
        // The context of a sentence is the sentence before it, or the heading above it.
        let mut heading: Option<&str> = None;
        let mut previous: Option<usize> = None;
        for block in &page.body.blocks {
            if block.kind == BlockKind::Heading {
                heading = Some(&block.text);
                previous = None;
                continue;
            }
            if block.kind == BlockKind::Quote {
                continue;
            }
            let mut tag_index = 0;
            for range in segment::sentences(&block.text) {
                let raw = &block.text[range.clone()];
                let marks = raw.matches(TAG_MARK).count();
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
                let context = match previous {
                    Some(i) => Some(out[i].text.as_str()),
                    None => heading,
                };
                let is_claim = self.is_claim(&text, context);
                out.push(Sentence {
                    span: block.source_span(range),
                    text,
                    tags,
                    is_claim,
                });
                previous = Some(out.len() - 1);
            }
            // Marks outside any sentence (a block of tags only) attach to the last sentence.
            if let (true, Some(last)) = (tag_index < block.tags.len(), out.last_mut()) {
                last.tags.extend(&block.tags[tag_index..]);
            }
        }
        out
    }
}

fn compile(
    builtin: &lexicon::Builtin,
    ext: &Extension,
    zero_anaphora: bool,
) -> Result<Compiled, String> {
    let regex =
        |pattern: String| Regex::new(&ascii_word_boundaries(&pattern)).map_err(|e| e.to_string());
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
    let effects = terms(builtin.effects, &ext.effects)?;
    let weak_effects = terms(builtin.weak_effects, &[])?;
    let agent_effects = terms(builtin.agent_effects, &[])?;
    let any_effect = Regex::new(&format!(
        "(?:{})|(?:{})|(?:{})",
        effects.as_str(),
        weak_effects.as_str(),
        agent_effects.as_str()
    ))
    .map_err(|e| e.to_string())?;
    Ok(Compiled {
        script: regex(builtin.script.to_string())?,
        treatments: terms(builtin.treatments, &ext.treatments)?,
        anaphora: regex(format!("(?i){}", alternatives(builtin.anaphora, &[])))?,
        effects,
        weak_effects,
        not_claims: regex(format!(
            "(?i){}",
            alternatives(builtin.not_claims, &ext.not_claims)
        ))?,
        drug_like: builtin
            .drug_like
            .map(|p| regex(p.to_string()))
            .transpose()?,
        agent_effects,
        not_agents: terms(builtin.not_agents, &[])?,
        any_effect,
        zero_anaphora,
    })
}

/// Word boundaries in the lexicons are about Latin-script words: ASCII boundaries say so (a
/// word ends before 治 in `TMS治療`), and keep the regex engine on its fast path for text that
/// is not ASCII.
pub fn ascii_word_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Removes quoted words that are someone else's: a quoted sentence (`「効きますか？」と`,
/// `"Will it cure me?"`) is reported speech, not the page's claim. Short quotes that name a
/// thing (`「TMS治療」は`) are kept.
pub fn strip_quotations(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['「', '『', '“', '"']) {
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
        let Some(close_rel) = rest[inner_start..].find(close_char) else {
            break;
        };
        let inner = &rest[inner_start..inner_start + close_rel];
        let after = &rest[inner_start + close_rel + close_char.len_utf8()..];
        let reported = inner.ends_with(['。', '？', '！', '?', '!', '.'])
            || after.starts_with('と')
            || after.starts_with("って")
            || after.starts_with("という")
            || inner.chars().count() > 20;
        out.push_str(&rest[..open]);
        if !reported {
            out.push_str(inner);
        }
        rest = after;
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detector() -> Detector {
        Detector::new(&[]).unwrap()
    }

    #[test]
    fn quoted_speech_is_removed() {
        assert_eq!(
            strip_quotations("患者さんから「TMSは効きますか？」とよく聞かれます。"),
            "患者さんからとよく聞かれます。"
        );
        assert_eq!(
            strip_quotations("「TMS治療」は磁気を使います。"),
            "TMS治療は磁気を使います。"
        );
    }

    #[test]
    fn site_terms_extend_the_lexicon() {
        let plain = detector();
        assert!(!plain.is_claim("Zorblax users report better results.", None));
        let ext = Extension {
            treatments: vec!["Zorblax".into()],
            ..Default::default()
        };
        let d = Detector::new(&[("en".into(), ext)]).unwrap();
        assert!(d.is_claim("Zorblax users report better results.", None));
    }
}
