//! Sentence segmentation for Japanese and English prose.
//!
//! A sentence ends at 。！？ (or `.`, `!`, `?` followed by a space, a line end or a Japanese
//! character), never inside brackets or quotes (「…」『…』（…）), and never after a common
//! abbreviation (`Dr.`, `e.g.`, `vs.`), an initial (`J. Smith`) or before a lowercase word. Closing
//! brackets and evidence tags right after the end belong to the sentence, so that
//! `軽減します。[B: @x]` and `reduces pain. [B: @x]` are tagged sentences.

use crate::parse::markdown::TAG_MARK;
use std::ops::Range;

/// Words that end with a full stop but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "prof", "st", "vs", "v", "e.g", "i.e", "cf", "approx", "fig", "figs",
    "no", "nos", "vol", "p", "pp", "inc", "ltd", "co", "jr", "sr", "al", "ca", "dept", "univ",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "u.s", "u.k", "a.m", "p.m", "ph.d", "m.d",
];

const OPENERS: &[char] = &['「', '『', '（', '(', '【', '［', '〔', '《', '〈', '“'];
const CLOSERS: &[char] = &['」', '』', '）', ')', '】', '］', '〕', '》', '〉', '”'];
/// Characters that may follow the end of a sentence and still belong to it.
const TRAILING: &[char] = &[
    '」', '』', '）', ')', '】', '］', '〕', '》', '〉', '”', '"', '\'', '’',
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if OPENERS.contains(&c) {
            depth += 1;
        } else if CLOSERS.contains(&c) {
            depth = depth.saturating_sub(1);
        }
        // `（詳しくは下記をご覧ください。）`: a whole sentence in brackets ends with them.
        let closes_sentence = matches!(c, '）' | ')')
            && depth == 0
            && i > 0
            && matches!(chars[i - 1].1, '。' | '！' | '？' | '.' | '!' | '?');
        let ends = depth == 0 && (closes_sentence || is_end(text, &chars, i));
        if !ends {
            i += 1;
            continue;
        }
        // Take closing brackets, quotes and tags that follow.
        let mut j = i + 1;
        loop {
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() && chars[k].1 != '\n' {
                k += 1;
            }
            if k < chars.len() && chars[k].1 == TAG_MARK {
                j = k + 1;
            } else if j < chars.len()
                && (TRAILING.contains(&chars[j].1)
                    || matches!(chars[j].1, '。' | '！' | '？' | '!' | '?'))
            {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        push_trimmed(text, start..end, &mut out);
        start = end;
        i = j;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    if end > start && text[start..end].chars().any(|c| c.is_alphanumeric()) {
        out.push(start..end);
    } else if end > start {
        // Lone tags or punctuation join the previous sentence.
        if let Some(last) = out.last_mut() {
            last.end = end;
        }
    }
}

fn is_end(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    if matches!(c, '。' | '！' | '？' | '．') {
        return true;
    }
    if !matches!(c, '.' | '!' | '?') {
        return false;
    }
    // What follows, skipping closing quotes and brackets.
    let mut j = i + 1;
    while j < chars.len() && TRAILING.contains(&chars[j].1) {
        j += 1;
    }
    let Some(&(_, next)) = chars.get(j) else {
        return true;
    };
    let next_word = chars[j..]
        .iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace());
    if next == TAG_MARK {
        return true;
    }
    if !next.is_whitespace() {
        // `3.5 mg`, `e.g.x`: only a Japanese character right after ends the sentence.
        return crate::parse::markdown::is_wide(Some(next));
    }
    // `"Really?" she asked`, `vs. placebo`: a lowercase word goes on with the sentence.
    if next_word.is_some_and(|w| w.is_lowercase()) {
        return false;
    }
    if c != '.' {
        return true;
    }
    if next_word.is_some_and(|w| w.is_ascii_digit()) {
        return false;
    }
    let word: String = text[..chars[i].0]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // An initial: `J. Smith`.
    let mut letters = word.chars();
    !(letters.next().is_some_and(|c| c.is_uppercase()) && letters.next().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn japanese_terminators_and_brackets() {
        assert_eq!(
            split(
                "症状が軽くなります。医師は「効果はありますか？」と聞かれます。（詳しくは下記。）次へ"
            ),
            [
                "症状が軽くなります。",
                "医師は「効果はありますか？」と聞かれます。",
                "（詳しくは下記。）",
                "次へ"
            ]
        );
    }

    #[test]
    fn tags_after_the_end_belong_to_the_sentence() {
        let t = format!("軽減します。{TAG_MARK}次の文です。Pain eases. {TAG_MARK} Next one.");
        assert_eq!(
            split(&t),
            [
                format!("軽減します。{TAG_MARK}").as_str(),
                "次の文です。",
                &format!("Pain eases. {TAG_MARK}"),
                "Next one."
            ]
        );
    }

    #[test]
    fn english_abbreviations_do_not_end_sentences() {
        assert_eq!(
            split(
                "Dr. Sato uses drugs, e.g. sertraline, vs. placebo at approx. 50 mg. J. Smith agrees. It works!"
            ),
            [
                "Dr. Sato uses drugs, e.g. sertraline, vs. placebo at approx. 50 mg.",
                "J. Smith agrees.",
                "It works!"
            ]
        );
        assert_eq!(
            split("The U.S. FDA cleared it in 2008. Then it spread."),
            ["The U.S. FDA cleared it in 2008.", "Then it spread."]
        );
    }

    #[test]
    fn decimals_and_quotes() {
        assert_eq!(
            split("It lowers HbA1c by 0.5%. \"Really?\" she asked."),
            ["It lowers HbA1c by 0.5%.", "\"Really?\" she asked."]
        );
    }
}
