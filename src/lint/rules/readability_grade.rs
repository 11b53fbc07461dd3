#![cfg_attr(not(doctest), doc = include_str!("docs/readability/grade.md"))]

use super::readability_long_sentence::is_japanese;
use crate::lint::{Context, Diagnostic, Rule};

/// Patient information aims at a reading grade of 8 or below.
pub const MAX_GRADE: f64 = 8.0;
/// Too few sentences make the formula meaningless.
const MIN_SENTENCES: usize = 5;

/// Syllables of an English word, by vowel groups (a silent final `e` does not count).
pub fn syllables(word: &str) -> usize {
    let word = word.to_lowercase();
    let letters: Vec<char> = word.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    if letters.is_empty() {
        return 0;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous = false;
    for &c in &letters {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    let n = letters.len();
    // `table`, `simple`: a consonant before `le` keeps the syllable.
    let consonant_le = n > 2 && letters[n - 2] == 'l' && !vowel(letters[n - 3]);
    if n > 2 && letters[n - 1] == 'e' && !vowel(letters[n - 2]) && !consonant_le {
        count -= 1;
    }
    count.max(1)
}

/// Flesch–Kincaid grade of English sentences.
pub fn grade(sentences: &[&str]) -> Option<f64> {
    let words: Vec<&str> = sentences
        .iter()
        .flat_map(|s| s.split_whitespace())
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .collect();
    if sentences.len() < MIN_SENTENCES || words.is_empty() {
        return None;
    }
    let syllable_count: usize = words.iter().map(|w| syllables(w)).sum();
    let (w, s) = (words.len() as f64, sentences.len() as f64);
    Some(0.39 * (w / s) + 11.8 * (syllable_count as f64 / w) - 15.59)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, sentences) in cx.articles() {
        let english: Vec<&str> = sentences
            .iter()
            .map(|s| s.text.as_str())
            .filter(|t| !is_japanese(t))
            .collect();
        // Only pages written mostly in English.
        if english.len() * 2 < sentences.len() {
            continue;
        }
        let Some(g) = grade(&english) else { continue };
        if g <= MAX_GRADE {
            continue;
        }
        out.push(
            Diagnostic::new(
                Rule::ReadabilityGrade,
                page.source.path(),
                page.front.span_of("title"),
                format!("reading grade {g:.1} (Flesch-Kincaid, over {} sentences; aim for {MAX_GRADE:.0} or below)", english.len()),
            )
            .with_lang(Some(&page.lang))
            .with_help("use shorter sentences and everyday words"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_of_common_words() {
        for (word, n) in [
            ("depression", 3),
            ("make", 1),
            ("treatment", 2),
            ("table", 2),
            ("the", 1),
            ("energy", 3),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn plain_text_scores_low_and_dense_text_high() {
        let plain = [
            "TMS is a treatment.",
            "It uses a magnet.",
            "You sit in a chair.",
            "It takes about forty minutes.",
            "You can go home after.",
        ];
        assert!(grade(&plain).unwrap() < 6.0);
        let dense = ["Repetitive transcranial magnetic stimulation constitutes a non-invasive neuromodulatory intervention administered predominantly to individuals exhibiting treatment-resistant depressive symptomatology.";
            5];
        assert!(grade(&dense).unwrap() > 16.0);
    }
}
