#![cfg_attr(not(doctest), doc = include_str!("docs/readability/grade.md"))]

use super::readability_long_sentence::is_japanese;
use crate::lint::{Context, Diagnostic, Rule};
use crate::parse::markdown::BlockKind;

/// Patient information aims at a reading grade of 8 or below.
pub const MAX_GRADE: f64 = 8.0;
/// Too few sentences make the formula meaningless.
const MIN_SENTENCES: usize = 5;

/// Syllables of an English word, by vowel groups (a silent final `e` does not count).
pub fn syllables(word: &str) -> usize {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let (mut n, mut count, mut previous) = (0usize, 0usize, false);
    // The last three letters, the latest last.
    let mut last = ['\0'; 3];
    let mut step = |c: char| {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
        n += 1;
        last = [last[1], last[2], c];
    };
    if word.is_ascii() {
        // Nearly every English word: no Unicode case tables needed.
        for b in word.bytes().filter(u8::is_ascii_alphabetic) {
            step(char::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in word
            .chars()
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_ascii_alphabetic())
        {
            step(c);
        }
    }
    if n == 0 {
        return 0;
    }
    // `table`, `simple`: a consonant before `le` keeps the syllable.
    let consonant_le = n > 2 && last[1] == 'l' && !vowel(last[0]);
    if n > 2 && last[2] == 'e' && !vowel(last[1]) && !consonant_le {
        count = count.saturating_sub(1);
    }
    count.max(1)
}

/// Flesch–Kincaid grade of English sentences. Words are counted as they are read, so the
/// memory it takes does not grow with the article.
pub fn grade(sentences: &[&str]) -> Option<f64> {
    if sentences.len() < MIN_SENTENCES {
        return None;
    }
    let (mut words, mut syllable_count) = (0usize, 0usize);
    for word in sentences
        .iter()
        .flat_map(|s| s.split_whitespace())
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
    {
        words += 1;
        syllable_count += syllables(word);
    }
    if words == 0 {
        return None;
    }
    let (w, s) = (words as f64, sentences.len() as f64);
    Some(0.39 * (w / s) + 11.8 * (syllable_count as f64 / w) - 15.59)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, sentences) in cx.articles() {
        // The body's prose: the grade is of what is read as running text, not of the title
        // or a disclosure (which `readability/long-sentence` still reads).
        let sentences: Vec<_> = sentences
            .iter()
            .filter(|s| s.kind != BlockKind::Field)
            .collect();
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
            ("İnside", 2),
            ("Étude", 1),
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
