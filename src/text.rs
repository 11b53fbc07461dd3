//! Text as every rule reads it: NFKC-normalised, with invisible format characters removed, so
//! that `ＮＭＮ点滴`, `ｴｸｿｿｰﾑ` and `exo\u{200B}some` are the words they look like to a reader.
//!
//! Normalising is done piece by piece as prose is gathered ([`normalize_piece`]), so that each
//! normalised character still maps back to the bytes of the file it was read from. What was
//! removed is kept ([`Removed`]), for the rule that reports invisible characters inside words.

use std::ops::Range;

/// Characters that take no space on screen, which word processors and web pages leave in
/// copied text: soft hyphen, combining grapheme joiner, zero-width spaces and joiners,
/// direction marks, embeddings and isolates, word joiner and invisible operators, Hangul and
/// Mongolian fillers, variation selectors and the zero-width no-break space (U+FEFF).
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// Control characters no published text should carry: the C0 controls other than tab, line
/// feed and carriage return, DEL, the C1 controls, and the noncharacters U+FFFE and U+FFFF.
/// XML 1.0 forbids the C0 ones and U+FFFE/U+FFFF outright (a feed with one is not XML).
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{FFFE}' | '\u{FFFF}')
}

/// Whether XML 1.0 allows `c` in a document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// East Asian wide and full-width characters (CJK ideographs, kana, full-width punctuation and
/// forms), but not Hangul, which is written with spaces between words.
pub fn is_wide(c: Option<char>) -> bool {
    let Some(c) = c else { return false };
    matches!(c as u32,
        0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF01..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// What an invisible character is called, so that an editor can search for it.
pub fn invisible_name(c: char) -> &'static str {
    match c {
        '\u{AD}' => "soft hyphen",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{200E}' | '\u{200F}' | '\u{061C}' => "direction mark",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "text direction control",
        '\u{2060}' => "word joiner",
        '\u{FE00}'..='\u{FE0F}' => "variation selector",
        '\u{FEFF}' => "zero-width no-break space",
        c if is_control(c) => "control character",
        _ => "invisible character",
    }
}

/// Characters NFKC leaves as they are: ASCII other than controls, kana, common kanji and
/// Japanese punctuation, which most of a page is made of.
#[inline]
fn is_stable(c: char) -> bool {
    matches!(c, ' '..='~' | '\n' | '\t' | '\u{3001}'..='\u{3035}' | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FC}' | '\u{4E00}'..='\u{9FFF}')
}

/// Printable ASCII, to hand out one character of it without allocating.
const ASCII: &str = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// NFKC of the full-width forms of ASCII (`ＮＭＮ`, `（`, `？`) and of the ideographic space,
/// the characters NFKC changes most often in Japanese text, without a table lookup.
fn quick_nfkc(c: char) -> Option<&'static str> {
    let ascii = match c {
        '\u{FF01}'..='\u{FF5E}' => c as u32 - 0xFEE0,
        '\u{3000}' => 0x20,
        _ => return None,
    } as usize;
    ASCII.get(ascii - 0x20..ascii - 0x1F)
}

/// Marks that NFKC composes with the character before them: combining marks, and the
/// half-width voiced sound marks of half-width katakana (`ｶﾞ` is `ガ`).
fn joins_previous(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}' | '\u{3099}' | '\u{309A}' | '\u{FF9E}' | '\u{FF9F}'
    )
}

/// An invisible character removed from text, where it stood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    pub c: char,
    /// Byte offset in the file.
    pub at: usize,
    /// Byte offset in the normalised text where it stood.
    pub index: usize,
}

/// A run of normalised text and the bytes of the file it was read from; `verbatim` when the
/// run is exactly those bytes, so that each of its characters maps back to its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub source: Range<usize>,
    pub verbatim: bool,
}

/// Normalises `text`, read from `source` of a file (`verbatim` when `text` is exactly those
/// bytes), into pieces that map back to the file; calls `removed` with each invisible
/// character dropped.
pub fn normalize_piece<'a>(
    text: &'a str,
    source: Range<usize>,
    verbatim: bool,
    removed: &mut impl FnMut(Removed),
) -> Vec<Piece<'a>> {
    // Most text is ASCII or common Japanese, which NFKC leaves as it is.
    let Some(first) = text.find(|c: char| !is_stable(c)) else {
        return vec![Piece {
            text: text.into(),
            source,
            verbatim,
        }];
    };
    let nfkc = icu_normalizer::ComposingNormalizerBorrowed::new_nfkc();
    let at = |i: usize| {
        if verbatim {
            source.start + i
        } else {
            source.start
        }
    };
    let span = |from: usize, to: usize| {
        if verbatim {
            source.start + from..source.start + to
        } else {
            source.clone()
        }
    };
    let mut out: Vec<Piece<'a>> = Vec::new();
    // The start of the run of unchanged text not yet pushed.
    let mut kept = 0;
    // Bytes of normalised text pushed so far.
    let mut written = 0;
    let mut chars = text[first..]
        .char_indices()
        .map(|(i, c)| (first + i, c))
        .peekable();
    while let Some((i, c)) = chars.next() {
        if is_stable(c) {
            continue;
        }
        // The character and the marks that compose with it.
        let mut end = i + c.len_utf8();
        while let Some(&(j, m)) = chars.peek() {
            if !joins_previous(m) {
                break;
            }
            end = j + m.len_utf8();
            chars.next();
        }
        let cluster = &text[i..end];
        let replacement: std::borrow::Cow<'a, str> =
            if (is_invisible(c) || is_control(c)) && end == i + c.len_utf8() {
                removed(Removed {
                    c,
                    at: at(i),
                    index: written + (i - kept),
                });
                "".into()
            } else if let Some(ascii) = quick_nfkc(c).filter(|_| cluster.len() == c.len_utf8()) {
                ascii.into()
            } else {
                let n = nfkc.normalize(cluster);
                if n == cluster {
                    continue;
                }
                n
            };
        if kept < i {
            written += i - kept;
            out.push(Piece {
                text: text[kept..i].into(),
                source: span(kept, i),
                verbatim,
            });
        }
        if !replacement.is_empty() {
            written += replacement.len();
            out.push(Piece {
                text: replacement,
                source: span(i, end),
                verbatim: false,
            });
        }
        kept = end;
    }
    if kept < text.len() {
        out.push(Piece {
            text: text[kept..].into(),
            source: span(kept, text.len()),
            verbatim,
        });
    }
    out
}

/// Whether NFKC or the removal of invisible characters would change `text`: `false` for most
/// of a page (ASCII, kana, common kanji and Japanese punctuation), which is then used as it is.
#[inline]
pub fn needs_normalizing(text: &str) -> bool {
    !text.chars().all(is_stable)
}

/// `text` normalised, without a map back: for looking a word up.
pub fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(is_stable) {
        return text.into();
    }
    // ICU's own pass, which keeps what is already normalised, then the invisible characters
    // out (NFKC keeps them).
    let n = icu_normalizer::ComposingNormalizerBorrowed::new_nfkc().normalize(text);
    if n.contains(is_invisible) {
        n.chars()
            .filter(|&c| !is_invisible(c))
            .collect::<String>()
            .into()
    } else {
        n
    }
}

/// Words (runs of letters) that mix scripts and contain a letter that looks like one of
/// another script: `eаses` with a Cyrillic `а`. Japanese, which mixes kanji and kana by
/// design, and words in one script are never reported. Returns each word's byte range in
/// `text` and the first letter out of place.
pub fn mixed_script_words(text: &str) -> Vec<(Range<usize>, char)> {
    use unicode_security::MixedScript;
    use unicode_security::mixed_script::is_potential_mixed_script_confusable_char;
    // Look-alike letters of Latin ones come from Greek, Cyrillic and Armenian (U+0370 to
    // U+058F, led by bytes CD to D6 in UTF-8), and from Georgian, Cherokee and the Cyrillic
    // and Cherokee extensions (led by E1 and EA): text without any such byte (English,
    // Japanese) has none to find.
    let lead =
        |b: u8| u8::from(b.wrapping_sub(0xCD) <= 9) | u8::from(b == 0xE1) | u8::from(b == 0xEA);
    // A chunk at a time, without an early exit inside it, so that the compiler can vectorise.
    if !text
        .as_bytes()
        .chunks(64)
        .any(|chunk| chunk.iter().fold(0u8, |acc, &b| acc | lead(b)) != 0)
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let spaced_letter = |c: char| c.is_alphabetic() && !is_wide(Some(c)) && c != 'µ';
    let mut check = |from: usize, to: usize| {
        let word = &text[from..to];
        if word.is_ascii() || word.chars().count() < 2 || word.is_single_script() {
            return;
        }
        // The letter out of place: one not of the script of the word's first letter that a
        // reader could take for a letter of it.
        let first = word
            .chars()
            .next()
            .map(|c| c.to_string())
            .unwrap_or_default();
        let odd = word.chars().find(|&c| {
            let pair = format!("{first}{c}");
            !pair.as_str().is_single_script() && is_potential_mixed_script_confusable_char(c)
        });
        let odd = odd.or_else(|| {
            word.chars()
                .find(|&c| !c.is_ascii() && is_potential_mixed_script_confusable_char(c))
        });
        if let Some(c) = odd {
            out.push((from..to, c));
        }
    };
    for (i, c) in text.char_indices() {
        match (spaced_letter(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                check(s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        check(s, text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(String, Range<usize>, bool)> {
        normalize_piece(text, 10..10 + text.len(), true, &mut |_| {})
            .into_iter()
            .map(|p| (p.text.into_owned(), p.source, p.verbatim))
            .collect()
    }

    #[test]
    fn full_width_half_width_and_invisible_characters_read_as_they_look() {
        assert_eq!(normalize("ＮＭＮ点滴"), "NMN点滴");
        assert_eq!(normalize("ｴｸｿｿｰﾑ"), "エクソソーム");
        assert_eq!(normalize("ｶﾞﾝ"), "ガン");
        assert_eq!(normalize("ea\u{200b}ses"), "eases");
        assert_eq!(normalize("日本\u{2060}一"), "日本一");
        assert_eq!(normalize("うつ病を改善します。"), "うつ病を改善します。");
    }

    #[test]
    fn each_piece_maps_back_to_the_bytes_it_was_read_from() {
        let p = pieces("aＮb");
        assert_eq!(
            p,
            [
                ("a".into(), 10..11, true),
                ("N".into(), 11..14, false),
                ("b".into(), 14..15, true)
            ]
        );
        let mut removed = Vec::new();
        normalize_piece("e\u{200b}s", 0..5, true, &mut |r| removed.push(r));
        assert_eq!(
            removed,
            [Removed {
                c: '\u{200b}',
                at: 1,
                index: 1
            }]
        );
    }

    #[test]
    fn a_cyrillic_letter_in_a_latin_word_is_found_and_japanese_is_not() {
        let found = mixed_script_words("TMS e\u{0430}ses pain");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, '\u{0430}');
        assert!(mixed_script_words("TMS治療はうつ病の症状を軽減します").is_empty());
        assert!(mixed_script_words("Москва and café, 5 µg, naïve").is_empty());
    }
}
