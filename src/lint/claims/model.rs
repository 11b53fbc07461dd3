//! The learned claim model: one weight per feature bucket, a calibration, and the two
//! thresholds per language that make a sentence an error or a warning.
//!
//! The weights (`model.bin`, little-endian `i16`, one per bucket) and the rest (`model.json`)
//! are written by [`super::train`] from the labelled corpus in `tests/corpus/real/` and built
//! into the binary; nothing is downloaded. Scoring a sentence is a sum over its features, so it
//! runs in time linear in its length.

use super::features::{self, Feature, Input, Signal};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::OnceLock;

/// Everything of a model but its weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Must equal [`features::BUCKETS_LOG2`].
    pub buckets_log2: u32,
    /// A weight is its stored `i16` times this.
    pub scale: f64,
    /// Calibration: the probability of a claim is `sigmoid(a * margin + b)`.
    pub calibration: (f64, f64),
    /// Per language: the probability from which a sentence is a claim (error) and from which
    /// it may be one (warning), chosen on the dev split.
    pub thresholds: Vec<Thresholds>,
    /// How the model was trained, and what it scored on the dev split: for the reader.
    pub training: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    pub lang: String,
    pub error: f64,
    pub warning: f64,
}

/// A trained model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub header: Header,
    pub weights: Vec<i16>,
}

/// How sure the model is that a sentence is a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Not a claim.
    None,
    /// Perhaps a claim: a warning for the editor to review.
    Uncertain,
    /// A claim: an error until it is tagged.
    Claim,
}

static BUILT_IN: OnceLock<Result<Model, String>> = OnceLock::new();
static EMPTY: OnceLock<Model> = OnceLock::new();

impl Model {
    /// The model built into akashi.
    pub fn built_in() -> Result<&'static Model, String> {
        BUILT_IN
            .get_or_init(|| {
                Model::from_parts(
                    include_str!("model.json"),
                    include_bytes!("model.bin").as_slice(),
                )
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// A model with no weights and no thresholds: it calls nothing a claim.
    pub fn empty() -> &'static Model {
        EMPTY.get_or_init(|| Model {
            header: Header {
                buckets_log2: features::BUCKETS_LOG2,
                scale: 1.0,
                calibration: (1.0, 0.0),
                thresholds: Vec::new(),
                training: serde_json::Value::Null,
            },
            weights: vec![0; 1 << features::BUCKETS_LOG2],
        })
    }

    pub fn from_parts(header: &str, weights: &[u8]) -> Result<Model, String> {
        let header: Header =
            serde_json::from_str(header).map_err(|e| format!("claim model header: {e}"))?;
        if header.buckets_log2 != features::BUCKETS_LOG2
            || weights.len() != 2 << header.buckets_log2
        {
            return Err("claim model weights do not match the feature layout".into());
        }
        let weights = weights
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        Ok(Model { header, weights })
    }

    /// The header as JSON and the weights as bytes, as the files are stored.
    pub fn to_parts(&self) -> (String, Vec<u8>) {
        let mut json = serde_json::to_string_pretty(&self.header).expect("a header serialises");
        json.push('\n');
        let bytes = self.weights.iter().flat_map(|w| w.to_le_bytes()).collect();
        (json, bytes)
    }

    fn weight(&self, bucket: u32) -> f64 {
        f64::from(self.weights[bucket as usize]) * self.header.scale
    }

    /// The probability that the sentence is a claim.
    pub fn probability(&self, input: &Input<'_>, signals: &[Signal]) -> f64 {
        self.calibrate(self.weigh(input, signals, false).margin)
    }

    /// The sum of the sentence's feature weights and, when `parts`, where they came from.
    fn weigh(&self, input: &Input<'_>, signals: &[Signal], parts: bool) -> Weighed {
        let mut out = Weighed::default();
        if !parts {
            features::extract_unplaced(input, signals, &mut |f: Feature| {
                out.margin += self.weight(f.bucket) * f64::from(f.value);
            });
            return out;
        }
        features::extract(input, signals, &mut |f: Feature| {
            let w = self.weight(f.bucket) * f64::from(f.value);
            out.margin += w;
            if f.context {
                out.context += w;
            } else if let Some(span) = f.span {
                out.parts.push((span, w));
            }
        });
        out
    }

    pub fn calibrate(&self, margin: f64) -> f64 {
        let (a, b) = self.header.calibration;
        sigmoid(a * margin + b)
    }

    pub fn tier(&self, lang: &str, probability: f64) -> Tier {
        let Some(t) = self.header.thresholds.iter().find(|t| t.lang == lang) else {
            return Tier::None;
        };
        if probability >= t.error {
            Tier::Claim
        } else if probability >= t.warning {
            Tier::Uncertain
        } else {
            Tier::None
        }
    }

    /// The probability that the sentence is a claim, its tier, and, when `explain` and the
    /// tier is not [`Tier::None`], why: all from one reading of its features.
    pub fn assess(
        &self,
        input: &Input<'_>,
        signals: &[Signal],
        explain: bool,
    ) -> (f64, Tier, Option<Explanation>) {
        let weighed = self.weigh(input, signals, explain);
        let probability = self.calibrate(weighed.margin);
        let tier = self.tier(input.lang, probability);
        let why = (explain && tier != Tier::None).then(|| weighed.explain(input.sentence));
        (probability, tier, why)
    }
}

/// A sentence's weights: their sum, the part from its context, and the part from each span of
/// the sentence.
#[derive(Default)]
struct Weighed {
    margin: f64,
    context: f64,
    parts: Vec<(Range<usize>, f64)>,
}

impl Weighed {
    /// Weight per byte of the sentence, spread evenly over the bytes each feature was read
    /// from, gathered into words.
    fn explain(&self, text: &str) -> Explanation {
        let mut per_byte = vec![0.0f64; text.len()];
        for (span, w) in &self.parts {
            if span.is_empty() || span.end > text.len() {
                continue;
            }
            let share = w / span.len() as f64;
            for b in &mut per_byte[span.clone()] {
                *b += share;
            }
        }
        let mut phrases = strongest_runs(text, &per_byte);
        phrases.truncate(3);
        let strongest = phrases.first().map_or(0.0, |(_, w)| *w);
        Explanation {
            words: phrases.into_iter().map(|(p, _)| p).collect(),
            context: self.context > 0.0 && self.context > strongest,
        }
    }
}

/// Why the model read a sentence as a claim.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explanation {
    pub words: Vec<String>,
    /// The sentence before or the heading above weighed most (a claim whose subject was named
    /// there).
    pub context: bool,
}

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Words of the text that weigh towards a claim, with their weight, heaviest first. A word is
/// a run of Latin letters and digits, or a run of kanji, katakana or Latin letters with the
/// kana that follow it (改善します, 抑え); words that carry no content (`it`, `the`, kana alone)
/// are left out.
fn strongest_runs(text: &str, per_byte: &[f64]) -> Vec<(String, f64)> {
    let mut words: Vec<(String, f64)> = Vec::new();
    for (range, kind) in words_of(text) {
        if kind == WordKind::Function {
            continue;
        }
        let weight: f64 = per_byte[range.clone()].iter().sum();
        if weight <= 0.0 {
            continue;
        }
        let word = text[range].to_string();
        match words.iter_mut().find(|(w, _)| *w == word) {
            Some(seen) => seen.1 += weight,
            None => words.push((word, weight)),
        }
    }
    words.sort_by(|a, b| b.1.total_cmp(&a.1));
    words
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordKind {
    Content,
    /// Kana alone, punctuation, and English words such as `it` and `the`.
    Function,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Kanji,
    Katakana,
    Hiragana,
    Other,
}

fn script(c: char) -> Script {
    match c {
        c if c.is_ascii_alphanumeric() || c == '+' => Script::Latin,
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            Script::Latin
        }
        '\u{3041}'..='\u{309F}' => Script::Hiragana,
        '\u{30A0}'..='\u{30FF}' | '\u{FF66}'..='\u{FF9F}' => Script::Katakana,
        '\u{4E00}'..='\u{9FFF}' | '\u{3005}' => Script::Kanji,
        _ => Script::Other,
    }
}

const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have",
    "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or",
    "our", "she", "so", "than", "that", "the", "their", "them", "there", "these", "they", "this",
    "those", "to", "us", "was", "we", "were", "what", "when", "which", "who", "with", "you",
    "your",
];

fn is_particle(c: char) -> bool {
    matches!(
        c,
        'を' | 'が' | 'は' | 'に' | 'で' | 'と' | 'の' | 'も' | 'へ' | 'や' | 'か'
    )
}

/// The words of a text with their byte ranges.
fn words_of(text: &str) -> Vec<(Range<usize>, WordKind)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let first = script(chars[i].1);
        let mut j = i + 1;
        while j < chars.len() && script(chars[j].1) == first && first != Script::Other {
            j += 1;
        }
        // Up to four kana after kanji or katakana belong to the word (改善 + します), up to a
        // particle (腫れ + を).
        if matches!(first, Script::Kanji | Script::Katakana) {
            let mut tail = 0;
            while j < chars.len()
                && tail < 4
                && script(chars[j].1) == Script::Hiragana
                && !is_particle(chars[j].1)
            {
                j += 1;
                tail += 1;
            }
        }
        // A word does not end in the middle of こと (戻るこ|とができます).
        if j > i + 1 && chars[j - 1].1 == 'こ' && chars.get(j).is_some_and(|c| c.1 == 'と') {
            j -= 1;
        }
        let start = chars[i].0;
        let end = chars.get(j).map_or(text.len(), |c| c.0);
        let word = &text[start..end];
        let kind = match first {
            Script::Latin if !ENGLISH_FUNCTION_WORDS.contains(&word.to_lowercase().as_str()) => {
                WordKind::Content
            }
            Script::Kanji | Script::Katakana => WordKind::Content,
            _ => WordKind::Function,
        };
        out.push((start..end, kind));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_kana_and_leave_out_function_words() {
        let words: Vec<(&str, WordKind)> = words_of("腫れを抑え、TMS治療で改善します")
            .into_iter()
            .map(|(r, k)| (&"腫れを抑え、TMS治療で改善します"[r], k))
            .collect();
        assert!(words.contains(&("腫れ", WordKind::Content)));
        assert!(words.contains(&("改善します", WordKind::Content)));
        assert!(words.contains(&("TMS", WordKind::Content)));
        let en: Vec<WordKind> = words_of("It eases").into_iter().map(|(_, k)| k).collect();
        assert_eq!(
            en,
            [WordKind::Function, WordKind::Function, WordKind::Content]
        );
    }
}
