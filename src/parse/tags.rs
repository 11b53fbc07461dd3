//! Evidence tags and plain citations in running text.
//!
//! ```text
//! [B: @oreardon2007; @mutz2019]   evidence tag: level, then citation keys
//! [@mutz2019]                     plain citation (allowed on sentences that are not claims)
//! [B:]                            a level without citations (reported by the lint)
//! ［Ｂ：＠mutz2019］                 full-width variants typed by a Japanese input method
//! ```
//!
//! Anything in brackets that does not have this shape is ordinary text.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The evidence level as written, normalised to ASCII (`Ｂ` becomes `B`); `None` for a plain
    /// citation.
    pub level: Option<String>,
    /// Citation keys, in order, with their byte ranges in the scanned text (the `@` included).
    pub keys: Vec<(String, Range<usize>)>,
    /// Whether any full-width bracket, colon, at sign or semicolon was used.
    pub fullwidth: bool,
    /// The first invisible character in the tag (a zero-width space or soft hyphen pasted from
    /// a word processor): the tag is read without it.
    pub invisible: Option<char>,
}

pub use crate::text::is_invisible;

/// Finds every tag in `text`, with its byte range.
pub fn find(text: &str) -> Vec<(Range<usize>, Tag)> {
    let mut found = Vec::new();
    let mut search_from = 0;
    while let Some(rel) = text[search_from..].find(['[', '［']) {
        let open = search_from + rel;
        let open_len = text[open..].chars().next().map_or(1, char::len_utf8);
        let inner_start = open + open_len;
        let Some(close_rel) = text[inner_start..].find([']', '］', '[', '［']) else {
            break;
        };
        let close = inner_start + close_rel;
        let close_char = text[close..].chars().next().unwrap_or(']');
        if close_char == '[' || close_char == '［' {
            search_from = close;
            continue;
        }
        let end = close + close_char.len_utf8();
        match parse_inner(&text[inner_start..close], inner_start) {
            Some(mut tag) => {
                tag.fullwidth |= open_len > 1 || close_char == '］';
                found.push((open..end, tag));
                search_from = end;
            }
            None => search_from = inner_start,
        }
    }
    found
}

fn parse_inner(inner: &str, base: usize) -> Option<Tag> {
    let mut fullwidth = false;
    let colon = inner.find([':', '：']);
    let first_at = inner.find(['@', '＠']);
    let (level, cites, cites_base) = match colon {
        Some(c) if first_at.is_none_or(|a| c < a) => {
            let level_text = inner[..c].trim();
            fullwidth |= inner[c..].starts_with('：');
            let colon_len = if inner[c..].starts_with('：') { 3 } else { 1 };
            (
                Some(level_text),
                &inner[c + colon_len..],
                base + c + colon_len,
            )
        }
        _ => (None, inner, base),
    };
    let level = match level {
        Some(l) => {
            let normalised: String = l
                .chars()
                .filter(|c| !is_invisible(*c))
                .map(to_ascii)
                .collect();
            fullwidth |= normalised
                .chars()
                .ne(l.chars().filter(|c| !is_invisible(*c)));
            let valid = !normalised.is_empty()
                && normalised.chars().count() <= 8
                && normalised
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '+' || c == '-');
            if !valid {
                return None;
            }
            Some(normalised)
        }
        None => None,
    };
    let mut keys = Vec::new();
    if !cites.trim().is_empty() {
        let mut offset = 0;
        for part in cites.split_inclusive([';', '；']) {
            let part_start = offset;
            offset += part.len();
            let (body, sep) = match part.char_indices().last() {
                Some((i, c @ (';' | '；'))) => (&part[..i], Some(c)),
                _ => (part, None),
            };
            fullwidth |= sep == Some('；');
            let space = |c: char| c.is_whitespace() || is_invisible(c);
            let trimmed = body.trim_start_matches(space);
            let lead = body.len() - trimmed.len();
            let trimmed = trimmed.trim_end_matches(space);
            let (key, at_len) = if let Some(k) = trimmed.strip_prefix('@') {
                (k, 1)
            } else if let Some(k) = trimmed.strip_prefix('＠') {
                fullwidth = true;
                (k, 3)
            } else {
                return None;
            };
            let clean: String = key.chars().filter(|c| !is_invisible(*c)).collect();
            if !is_key(&clean) {
                return None;
            }
            let start = cites_base + part_start + lead;
            keys.push((clean, start..start + at_len + key.len()));
        }
    }
    if level.is_none() && keys.is_empty() {
        return None;
    }
    // A page keeps its tags for the whole run, and most cite one or two sources.
    keys.shrink_to_fit();
    Some(Tag {
        level,
        keys,
        fullwidth,
        invisible: inner.chars().find(|c| is_invisible(*c)),
    })
}

/// Citation keys as Pandoc allows them, minus the punctuation that would be ambiguous here.
fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        && chars
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '+' | '/'))
        && !key.ends_with(['.', ':'])
}

/// Full-width ASCII forms (Ａ, １) to ASCII.
fn to_ascii(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Tag {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap().1
    }

    #[test]
    fn evidence_tag_with_two_keys() {
        let text = "症状を軽減します[B: @oreardon2007; @mutz2019]。";
        let found = find(text);
        let (range, tag) = &found[0];
        assert_eq!(&text[range.clone()], "[B: @oreardon2007; @mutz2019]");
        assert_eq!(tag.level.as_deref(), Some("B"));
        let keys: Vec<&str> = tag.keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["oreardon2007", "mutz2019"]);
        assert_eq!(&text[tag.keys[1].1.clone()], "@mutz2019");
        assert!(!tag.fullwidth);
    }

    #[test]
    fn plain_citation_and_level_only() {
        assert_eq!(one("x [@mutz2019].").level, None);
        let t = one("x [C:].");
        assert_eq!(t.level.as_deref(), Some("C"));
        assert!(t.keys.is_empty());
    }

    #[test]
    fn fullwidth_variants_are_recognised_and_flagged() {
        let text = "軽減します［Ｂ：＠mutz2019；＠brunoni2017］。";
        let t = one(text);
        assert!(t.fullwidth);
        assert_eq!(t.level.as_deref(), Some("B"));
        assert_eq!(&text[t.keys[0].1.clone()], "＠mutz2019");
        assert_eq!(t.keys[1].0, "brunoni2017");
    }

    #[test]
    fn ordinary_brackets_are_text() {
        for text in [
            "[注: 詳しくは下記]",
            "[1]",
            "[see above]",
            "[a: b c]",
            "email [x@y.z]",
        ] {
            assert!(find(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn nested_opening_bracket_restarts() {
        let t = one("[see [B: @a]]");
        assert_eq!(t.keys[0].0, "a");
    }
}
