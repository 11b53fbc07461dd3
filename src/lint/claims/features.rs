//! What the claim model sees of a sentence: hashed features of its text, its ending, the
//! sentence before it, the heading above it, and the lexicon's signals.
//!
//! Text is read as a patient would see it: NFKC-normalised (full-width Latin and half-width
//! katakana read as their usual forms), lower case, digits as `0` (so that "60%" and "70%" are
//! one figure), invisible format characters removed. Every feature that comes from the
//! sentence itself keeps the byte range of the original sentence it was read from, so that a
//! finding can name the words that weighed most.
//!
//! Features are hashed into a fixed number of buckets ([`BUCKETS_LOG2`]); the model is one
//! weight per bucket. Changing anything here changes what the weights mean: retrain the model
//! (`cargo run --release --example train-claim-model`), which the corpus test checks.

use std::ops::Range;

/// log2 of the number of weights.
pub const BUCKETS_LOG2: u32 = 18;

/// Lengths of the character n-grams read from the sentence (1 to 3).
const SENTENCE_NGRAMS: Range<usize> = 1..4;
/// Lengths of the character n-grams read from the lead-in of a list (2).
const CONTEXT_NGRAMS: Range<usize> = 2..3;
/// How many characters of a sentence the model reads (its start).
const MAX_CHARS: usize = 2_000;
/// How many characters of the sentence's end (its predicate, in Japanese) are features.
const ENDING: usize = 8;
/// How many characters of the sentence's start are features.
const OPENING: usize = 4;

/// The lexicon's verdicts on a sentence, each a feature of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// A treatment named in the sentence.
    Treatment,
    /// An effect word.
    Effect,
    /// An effect word that is also a word for a symptom, or a strong effect of something
    /// unnamed.
    SecondaryEffect,
    /// The shape of a sentence that only mentions a treatment.
    NotClaim,
    /// A treatment named in the sentence before, the lead-in or the heading above.
    ContextTreatment,
}

impl Signal {
    fn id(self) -> u8 {
        self as u8
    }
}

/// A sentence as the model reads it.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub sentence: &'a str,
    pub previous: Option<&'a str>,
    pub heading: Option<&'a str>,
    /// For a list item or table cell: the sentence that introduces the list or table.
    pub lead_in: Option<&'a str>,
    pub item: bool,
    /// The language whose lexicon read the sentence (`ja`, `en`).
    pub lang: &'a str,
}

/// One feature: its weight's index, its value, and where in the sentence it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub bucket: u32,
    pub value: f32,
    pub span: Option<Range<usize>>,
    /// Read from the sentence before, the heading above or the lead-in, not the sentence.
    pub context: bool,
}

/// Text as the model reads it, with the byte offset in the original of each character.
#[derive(Debug, Default)]
pub struct Normalized {
    pub chars: Vec<char>,
    /// Byte range in the original of each of `chars`.
    pub origin: Vec<Range<usize>>,
}

pub use crate::text::is_invisible;

/// Characters of scripts written without spaces between words: kana and kanji.
fn is_unspaced(c: char) -> bool {
    matches!(c, '\u{3005}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Characters that NFKC leaves as they are and that need no lower-casing: kana, common kanji
/// and Japanese punctuation, which most of a Japanese page is made of.
fn is_stable(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{3002}' | '\u{300C}'..='\u{300F}' | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}' | '\u{30FC}' | '\u{4E00}'..='\u{9FFF}')
}

pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into::<true>(text, &mut out.chars, &mut out.origin);
    out
}

/// One character of normalised text, and where it came from when `PLACED`.
fn put<const PLACED: bool>(
    chars: &mut Vec<char>,
    origin: &mut Vec<Range<usize>>,
    c: char,
    at: Range<usize>,
) {
    chars.push(c);
    if PLACED {
        origin.push(at);
    }
}

/// [`normalize`] into buffers the caller keeps; `origin` is left empty unless `PLACED`.
fn normalize_into<const PLACED: bool>(
    text: &str,
    chars: &mut Vec<char>,
    origin: &mut Vec<Range<usize>>,
) {
    let nfkc = icu_normalizer::ComposingNormalizerBorrowed::new_nfkc();
    chars.clear();
    origin.clear();
    chars.reserve(text.len());
    if PLACED {
        origin.reserve(text.len());
    }
    let push =
        |chars: &mut Vec<char>, origin: &mut Vec<Range<usize>>, c: char, at: Range<usize>| {
            let c = if c.is_ascii_digit() { '0' } else { c };
            if c.is_whitespace() {
                if chars.last().is_none_or(|&l| l == ' ') {
                    return;
                }
                put::<PLACED>(chars, origin, ' ', at);
                return;
            }
            for lower in c.to_lowercase() {
                put::<PLACED>(chars, origin, lower, at.clone());
            }
        };
    let mut buf = [0u8; 4];
    for (i, c) in text.char_indices() {
        let at = i..i + c.len_utf8();
        if c.is_ascii() {
            // Most of an English page: no need for Unicode case tables.
            match c {
                '0'..='9' => put::<PLACED>(chars, origin, '0', at),
                c if c.is_ascii_whitespace() => push(chars, origin, ' ', at),
                c => put::<PLACED>(chars, origin, c.to_ascii_lowercase(), at),
            }
        } else if is_stable(c) {
            put::<PLACED>(chars, origin, c, at);
        } else if c == super::TAG_MARK || is_invisible(c) {
            continue;
        } else if c == super::CODE_MARK {
            push(chars, origin, ' ', at);
        } else {
            let normalized = nfkc.normalize(c.encode_utf8(&mut buf));
            for n in normalized.chars() {
                // A voiced-sound mark after half-width katakana composes with it.
                if let ('\u{3099}' | '\u{309A}', Some(&last)) = (n, chars.last()) {
                    let pair: String = [last, n].into_iter().collect();
                    let composed = nfkc.normalize(&pair);
                    let mut it = composed.chars();
                    if let (Some(one), None) = (it.next(), it.next()) {
                        *chars.last_mut().expect("a last character") = one;
                        if PLACED {
                            let start = origin.last().map_or(at.start, |r| r.start);
                            *origin.last_mut().expect("a last origin") = start..at.end;
                        }
                        continue;
                    }
                }
                push(chars, origin, n, at.clone());
            }
        }
    }
    while chars.last() == Some(&' ') {
        chars.pop();
        if PLACED {
            origin.pop();
        }
    }
}

/// A stable 64-bit hash (FNV-1a with a final mix), so that a bucket means the same on every
/// machine and in every version of Rust. [`start`], [`step`] and [`finish`] compute it one
/// character at a time, so that the n-grams that start at one place share their work.
fn hash(group: u8, chars: &[char]) -> u64 {
    finish(chars.iter().fold(start(group), |h, &c| step(h, c)))
}

fn start(group: u8) -> u64 {
    (0xcbf2_9ce4_8422_2325 ^ u64::from(group)).wrapping_mul(0x0000_0100_0000_01b3)
}

fn step(h: u64, c: char) -> u64 {
    (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3)
}

fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

fn bucket(h: u64) -> u32 {
    (h >> (64 - BUCKETS_LOG2)) as u32
}

// Feature groups: the first hashed value of each feature, so that the same n-gram in the
// sentence and in its context are different features.
const SENTENCE: u8 = 1;
const PREVIOUS: u8 = 2;
const HEADING: u8 = 3;
const ENDS: u8 = 4;
const OPENS: u8 = 5;
const WORDS: u8 = 6;
const SIGNALS: u8 = 7;
const BIAS: u8 = 8;
const SIGNAL_PAIRS: u8 = 9;
const LEAD_IN: u8 = 10;
const ITEM: u8 = 11;

/// Start and end of text marks, so that n-grams at the edges are told apart.
const START: char = '\u{2}';
const END: char = '\u{3}';

/// Punctuation that ends a sentence and says nothing of what it is.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '。' | '.' | '!' | '?' | '！' | '？' | ' ' | '」' | '』' | ')' | '）' | '"' | '”'
    )
}

/// Calls `emit` with every feature of `input`, given the lexicon's `signals`.
pub fn extract(input: &Input<'_>, signals: &[Signal], emit: &mut impl FnMut(Feature)) {
    with_scratch(|s| extract_with::<true>(s, input, signals, emit));
}

/// [`extract`] without where in the sentence each feature was read (every `span` is `None`):
/// the same features, in the same order, for less work. What scoring a sentence needs.
pub fn extract_unplaced(input: &Input<'_>, signals: &[Signal], emit: &mut impl FnMut(Feature)) {
    with_scratch(|s| extract_with::<false>(s, input, signals, emit));
}

/// Buffers one thread reuses from sentence to sentence: a page has hundreds.
#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    origin: Vec<Range<usize>>,
    framed: Vec<char>,
    /// Bucket, and the range of `chars` it was read from.
    grams: Vec<(u32, u32, u32)>,
    words: Vec<Range<usize>>,
    context_grams: Vec<u32>,
    context_words: Vec<u32>,
}

fn with_scratch(f: impl FnOnce(&mut Scratch)) {
    // Taken out while in use, so that a nested call (none today) would find fresh buffers
    // rather than a borrowed cell.
    let mut scratch = SCRATCH.with_borrow_mut(std::mem::take);
    f(&mut scratch);
    SCRATCH.with_borrow_mut(|kept| *kept = scratch);
}

fn extract_with<const PLACED: bool>(
    s: &mut Scratch,
    input: &Input<'_>,
    signals: &[Signal],
    emit: &mut impl FnMut(Feature),
) {
    let Scratch {
        chars,
        origin,
        framed,
        grams,
        words,
        context_grams,
        context_words,
    } = s;
    normalize_into::<PLACED>(input.sentence, chars, origin);
    // What a reader takes in of one sentence: the rest of a pathologically long one adds
    // nothing but time.
    chars.truncate(MAX_CHARS);
    origin.truncate(MAX_CHARS);
    let chars: &[char] = chars;
    let origin: &[Range<usize>] = origin;
    let span = |from: usize, to: usize| -> Option<Range<usize>> {
        if !PLACED {
            return None;
        }
        let first = origin.get(from)?;
        let last = origin.get(to.checked_sub(1)?)?;
        Some(first.start..last.end)
    };
    emit(Feature {
        bucket: bucket(finish(input.lang.chars().fold(start(BIAS), step))),
        value: 1.0,
        span: None,
        context: false,
    });

    // Character n-grams of the sentence, framed by start and end marks. Each distinct n-gram
    // counts once, so that repeating a word does not make a sentence more of a claim.
    framed.clear();
    framed.push(START);
    framed.extend_from_slice(chars);
    framed.push(END);
    grams.clear();
    // In Latin script the words say it all (see below); character n-grams are for text
    // without spaces between words.
    let spaced = !chars.iter().any(|&c| is_unspaced(c));
    for i in 0..framed.len() * usize::from(!spaced) {
        let mut h = start(SENTENCE);
        for n in 1..SENTENCE_NGRAMS.end.min(framed.len() - i + 1) {
            h = step(h, framed[i + n - 1]);
            if n < SENTENCE_NGRAMS.start {
                continue;
            }
            // Positions in `chars`: the frame shifts them by one.
            let from = i.saturating_sub(1);
            let to = (i + n - 1).min(chars.len());
            grams.push((bucket(finish(h)), from as u32, to as u32));
        }
    }
    emit_distinct(grams, &span, emit);

    // Latin-script words and word pairs, each distinct one once.
    latin_words_into(chars, words);
    grams.clear();
    for (k, w) in words.iter().enumerate() {
        let (from, to) = (w.start as u32, w.end as u32);
        grams.push((bucket(hash(WORDS, &chars[w.clone()])), from, to));
        if let Some(next) = words.get(k + 1) {
            let pair = chars[w.clone()]
                .iter()
                .chain([' '].iter())
                .chain(chars[next.clone()].iter())
                .fold(start(WORDS), |h, &c| step(h, c));
            grams.push((bucket(finish(pair)), from, next.end as u32));
        }
    }
    emit_distinct(grams, &span, emit);

    // The ending (without closing punctuation) and the opening.
    let mut end = chars.len();
    while end > 0 && is_closing(chars[end - 1]) {
        end -= 1;
    }
    for k in 1..=ENDING.min(end) {
        emit(Feature {
            bucket: bucket(hash(ENDS, &chars[end - k..end])),
            value: 0.5,
            span: span(end - k, end),
            context: false,
        });
    }
    for k in 1..=OPENING.min(chars.len()) {
        emit(Feature {
            bucket: bucket(hash(OPENS, &chars[..k])),
            value: 0.5,
            span: span(0, k),
            context: false,
        });
    }

    // A list item or table cell, and what introduces it ("Side effects can include:").
    emit(Feature {
        bucket: bucket(hash(ITEM, &[if input.item { 'i' } else { 'p' }])),
        value: 1.0,
        span: None,
        context: false,
    });
    let lead_in = if input.item { input.lead_in } else { None };

    // The sentence before, the heading above, and the lead-in.
    for (group, context) in [
        (PREVIOUS, input.previous),
        (HEADING, input.heading),
        (LEAD_IN, lead_in),
    ] {
        let Some(context) = context else {
            emit(Feature {
                bucket: bucket(hash(group, &[])),
                value: 1.0,
                span: None,
                context: false,
            });
            continue;
        };
        // Its end, nearest the sentence, when it is very long.
        let chars = context_chars(context);
        // Character n-grams of the lead-in only: for the sentence before and the heading
        // above they told the dev split nothing their words, endings and the lexicon's
        // signals do not, and cost a third of the time.
        context_grams.clear();
        if group == LEAD_IN {
            context_grams.extend(
                CONTEXT_NGRAMS.flat_map(|n| chars.windows(n).map(move |g| bucket(hash(group, g)))),
            );
        }
        // Its Latin-script words ("side effects" in the heading above a list).
        latin_words_into(&chars, words);
        context_words.clear();
        context_words.extend(
            words
                .iter()
                .map(|w| bucket(hash(group + 16, &chars[w.clone()]))),
        );
        for (set, weight) in [(&mut *context_grams, 0.5), (&mut *context_words, 0.7)] {
            distinct(set, |b| *b);
            let value = weight / (set.len().max(1) as f32).sqrt();
            for &b in set.iter() {
                emit(Feature {
                    bucket: b,
                    value,
                    span: None,
                    context: true,
                });
            }
        }
        // The context's ending says whether it was a question or a lead-in to a list.
        let mut end = chars.len();
        while end > 0 && matches!(chars[end - 1], ' ' | '。' | '.') {
            end -= 1;
        }
        for k in 1..=3.min(end) {
            emit(Feature {
                bucket: bucket(finish(
                    chars[end - k..end]
                        .iter()
                        .fold(step(start(group), '$'), |h, &c| step(h, c)),
                )),
                value: 0.3,
                span: None,
                context: true,
            });
        }
    }

    // The lexicon's signals, alone and in pairs.
    let id = |s: Signal| char::from(b'a' + s.id());
    for signal in signals {
        emit(Feature {
            bucket: bucket(hash(SIGNALS, &[id(*signal)])),
            value: 1.0,
            span: None,
            context: *signal == Signal::ContextTreatment,
        });
    }
    for (i, a) in signals.iter().enumerate() {
        for b in &signals[i + 1..] {
            let (a, b) = (id(*a), id(*b));
            emit(Feature {
                bucket: bucket(hash(SIGNAL_PAIRS, &[a, b])),
                value: 0.5,
                span: None,
                context: false,
            });
        }
    }
}

/// A context as the model reads it: its end, nearest the sentence, when it is very long. The
/// last few are kept, since the sentence before one sentence is the next one's context and a
/// heading stands above many.
fn context_chars(context: &str) -> std::rc::Rc<[char]> {
    CONTEXTS.with_borrow_mut(|kept| {
        if let Some((_, chars)) = kept.iter().find(|(text, _)| text == context) {
            return chars.clone();
        }
        let mut chars = normalize(context).chars;
        chars.drain(..chars.len().saturating_sub(MAX_CHARS));
        let chars: std::rc::Rc<[char]> = chars.into();
        if kept.len() == 4 {
            kept.remove(0);
        }
        kept.push((context.to_string(), chars.clone()));
        chars
    })
}

/// Emits each distinct `(bucket, from, to)` once, all with the same value, so that a sentence
/// with more features does not weigh more for it.
fn emit_distinct(
    items: &mut Vec<(u32, u32, u32)>,
    span: &impl Fn(usize, usize) -> Option<Range<usize>>,
    emit: &mut impl FnMut(Feature),
) {
    distinct(items, |g| g.0);
    let value = 1.0 / (items.len().max(1) as f32).sqrt();
    for &(bucket, from, to) in items.iter() {
        emit(Feature {
            bucket,
            value,
            span: span(from as usize, to as usize),
            context: false,
        });
    }
}

thread_local! {
    static CONTEXTS: std::cell::RefCell<Vec<(String, std::rc::Rc<[char]>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
    /// One bit per bucket, all clear between calls of [`distinct`].
    static SEEN: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Keeps the first item of each bucket, in order, in time linear in the items.
fn distinct<T>(items: &mut Vec<T>, bucket: impl Fn(&T) -> u32) {
    SEEN.with_borrow_mut(|seen| {
        seen.resize(1 << (BUCKETS_LOG2 - 6), 0);
        items.retain(|item| {
            let b = bucket(item) as usize;
            let (word, bit) = (b >> 6, 1u64 << (b & 63));
            let new = seen[word] & bit == 0;
            seen[word] |= bit;
            new
        });
        for item in items.iter() {
            seen[bucket(item) as usize >> 6] = 0;
        }
    });
}

/// Ranges in `chars` of words made of ASCII letters and digits, into `words`.
fn latin_words_into(chars: &[char], words: &mut Vec<Range<usize>>) {
    words.clear();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        let inside = c.is_ascii_alphanumeric() || (*c == '\'' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..chars.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        normalize(s).chars.into_iter().collect()
    }

    #[test]
    fn normalisation_reads_text_as_a_reader_sees_it() {
        assert_eq!(text("ＮＭＮ点滴"), "nmn点滴");
        assert_eq!(text("ｴｸｿｿｰﾑ"), "エクソソーム");
        assert_eq!(text("ｶﾞﾝ"), "ガン");
        assert_eq!(text("ea\u{200b}ses  pain"), "eases pain");
        assert_eq!(text("改善率は約６割"), "改善率は約0割");
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let original = "ＮＭＮ点滴は";
        let n = normalize(original);
        assert_eq!(&original[n.origin[0].clone()], "Ｎ");
        assert_eq!(&original[n.origin[3].clone()], "点");
    }

    #[test]
    fn the_same_sentence_gives_the_same_features() {
        let input = Input {
            sentence: "Ketamine may ease depression quickly.",
            previous: Some("Ketamine is an anaesthetic."),
            heading: None,
            lead_in: None,
            item: false,
            lang: "en",
        };
        let collect = || {
            let mut v = Vec::new();
            extract(&input, &[Signal::Treatment], &mut |f| v.push(f));
            v
        };
        let a = collect();
        assert_eq!(a, collect());
        assert!(a.iter().all(|f| f.bucket < 1 << BUCKETS_LOG2));
        assert!(
            a.iter().any(|f| f.span == Some(0..8)),
            "a feature of `ketamine`"
        );
    }
}
