//! Front matter: the YAML block between a first line `---` and the next line `---`.
//!
//! [`split`] finds the block; [`parse_article`] and [`parse_section`] read it into typed values,
//! reporting every problem at its absolute line and column in the Markdown file.

use super::fields::Fields;
use crate::findings::{Diagnostic, Rule};
use crate::source::SourceFile;
use crate::yaml::{self, Node};
use jiff::civil::Date;
use std::ops::Range;

/// Where the front matter and the body are in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the YAML text (between the two `---` lines); `None` when the file has no
    /// front matter.
    pub yaml: Option<Range<usize>>,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

/// Finds the front matter. A block that is opened but never closed is an error at the opening
/// line.
pub fn split(text: &str) -> Result<Split, Range<usize>> {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Ok(Split {
            yaml: None,
            body_start: 0,
        });
    };
    if first.trim_end() != "---" {
        return Ok(Split {
            yaml: None,
            body_start: 0,
        });
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for line in lines {
        if line.trim_end() == "---" {
            return Ok(Split {
                yaml: Some(yaml_start..offset),
                body_start: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(0..first.trim_end().len())
}

/// Disclosures required for self-pay care (自由診療) by Japan's medical advertising guideline.
pub const SELF_PAY_KEYS: &[&str] = &["treatment", "cost", "period", "risks", "contact"];
/// Additional disclosures for unapproved drugs and devices (未承認医薬品等).
pub const UNAPPROVED_KEYS: &[&str] = &[
    "status",
    "source",
    "alternatives",
    "safety_abroad",
    "relief_system",
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub tags: Vec<String>,
    pub authors: Vec<String>,
    pub reviewed_by: Option<String>,
    pub last_reviewed: Option<Date>,
    pub next_review: Option<Date>,
    pub draft: bool,
    /// Disclosure items in the order of [`SELF_PAY_KEYS`]; `None` for an item not given.
    pub self_pay: Option<Vec<(String, Option<String>)>>,
    pub unapproved: Option<Vec<(String, Option<String>)>>,
    /// Span in the file of each key's value, for findings about a value (`title: 日本一の…`);
    /// a disclosure item's as `self_pay.cost`.
    pub spans: Vec<(String, Range<usize>)>,
}

impl FrontMatter {
    /// Span of `key`'s value, or of the opening `---` when the key is absent.
    pub fn span_of(&self, key: &str) -> Range<usize> {
        self.spans
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, s)| s.clone())
            .unwrap_or(0..3)
    }

    /// The values a reader sees (title, summary, disclosures), with the key each was given
    /// under and its span in the file.
    pub fn published(&self) -> Vec<(&str, &str, Range<usize>)> {
        let mut out = Vec::new();
        for (key, value) in [("title", &self.title), ("summary", &self.summary)] {
            if let Some((_, span)) = self.spans.iter().find(|(k, _)| k == key) {
                out.push((key, value.as_str(), span.clone()));
            }
        }
        for (group, items) in [
            ("self_pay", &self.self_pay),
            ("unapproved", &self.unapproved),
        ] {
            for (item, value) in items.iter().flatten() {
                let Some(value) = value else { continue };
                let key = format!("{group}.{item}");
                if let Some((k, span)) = self.spans.iter().find(|(k, _)| *k == key) {
                    out.push((k.as_str(), value.as_str(), span.clone()));
                }
            }
        }
        out
    }
}

const ARTICLE_KEYS: &[&str] = &[
    "title",
    "summary",
    "date",
    "updated",
    "tags",
    "authors",
    "reviewed_by",
    "last_reviewed",
    "next_review",
    "draft",
    "self_pay",
    "unapproved",
];
const SECTION_KEYS: &[&str] = &["title", "summary"];

/// Reads an article's front matter. Problems become findings; what could be read is returned.
pub fn parse_article(
    source: &SourceFile,
    lang: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> (FrontMatter, usize) {
    let mut fm = FrontMatter::default();
    let Some((entries, base, body_start)) = read_block(source, lang, diagnostics) else {
        return (fm, body_start_or_zero(source));
    };
    let mut f = fields(source, lang, base, diagnostics);
    fm.spans.reserve_exact(entries.len());
    for entry in &entries {
        fm.spans
            .push((entry.key.clone(), f.span(&entry.value_span)));
        match entry.key.as_str() {
            "title" => fm.title = f.string(entry).unwrap_or_default(),
            "summary" => fm.summary = f.string(entry).unwrap_or_default(),
            "date" => fm.date = f.date(entry),
            "updated" => fm.updated = f.date(entry),
            "tags" => fm.tags = f.string_list(entry).unwrap_or_default(),
            "authors" => fm.authors = f.string_list(entry).unwrap_or_default(),
            "reviewed_by" => fm.reviewed_by = f.string(entry),
            "last_reviewed" => fm.last_reviewed = f.date(entry),
            "next_review" => fm.next_review = f.date(entry),
            "draft" => fm.draft = f.boolean(entry).unwrap_or(false),
            "self_pay" => fm.self_pay = disclosure(&mut f, entry, SELF_PAY_KEYS, &mut fm.spans),
            "unapproved" => {
                fm.unapproved = disclosure(&mut f, entry, UNAPPROVED_KEYS, &mut fm.spans)
            }
            _ => f.unknown_key(entry, ARTICLE_KEYS, "front matter"),
        }
    }
    let suggested = std::mem::take(&mut f.suggested);
    report_missing(
        source,
        lang,
        &entries,
        &["title", "summary", "date"],
        &suggested,
        diagnostics,
    );
    (fm, body_start)
}

/// A section's `_index` page: title and optional summary.
pub fn parse_section(
    source: &SourceFile,
    lang: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> (String, Option<String>, usize) {
    let Some((entries, base, body_start)) = read_block(source, lang, diagnostics) else {
        return (String::new(), None, body_start_or_zero(source));
    };
    let mut f = fields(source, lang, base, diagnostics);
    let (mut title, mut summary) = (String::new(), None);
    for entry in &entries {
        match entry.key.as_str() {
            "title" => title = f.string(entry).unwrap_or_default(),
            "summary" => summary = f.string(entry),
            _ => f.unknown_key(entry, SECTION_KEYS, "a section's front matter"),
        }
    }
    let suggested = std::mem::take(&mut f.suggested);
    report_missing(source, lang, &entries, &["title"], &suggested, diagnostics);
    (title, summary, body_start)
}

/// Missing keys are reported at the opening `---`, where the editor adds them.
fn report_missing(
    source: &SourceFile,
    lang: &str,
    entries: &[yaml::Entry],
    required: &[&str],
    suggested: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for key in required {
        if !entries.iter().any(|e| e.key == *key) && !suggested.iter().any(|s| s == key) {
            diagnostics.push(
                Diagnostic::new(
                    Rule::FrontmatterInvalid,
                    source.path(),
                    0..3,
                    format!("missing required key `{key}` in front matter"),
                )
                .with_lang(Some(lang)),
            );
        }
    }
}

fn fields<'a>(
    source: &'a SourceFile,
    lang: &'a str,
    base: usize,
    diagnostics: &'a mut Vec<Diagnostic>,
) -> Fields<'a> {
    Fields {
        file: source.path(),
        base,
        invalid: Rule::FrontmatterInvalid,
        unknown: Rule::FrontmatterUnknownKey,
        lang: Some(lang),
        diagnostics,
        suggested: Vec::new(),
    }
}

fn body_start_or_zero(source: &SourceFile) -> usize {
    match split(source.text()) {
        Ok(s) => s.body_start,
        Err(_) => source.text().len(),
    }
}

/// Splits and parses the YAML block into mapping entries; reports why when it cannot.
fn read_block(
    source: &SourceFile,
    lang: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Vec<yaml::Entry>, usize, usize)> {
    let report =
        |diagnostics: &mut Vec<Diagnostic>, span: Range<usize>, message: String, help: &str| {
            diagnostics.push(
                Diagnostic::new(Rule::FrontmatterInvalid, source.path(), span, message)
                    .with_lang(Some(lang))
                    .with_help(help),
            );
        };
    let split = match split(source.text()) {
        Ok(split) => split,
        Err(opening) => {
            report(
                diagnostics,
                opening,
                "front matter is never closed".into(),
                "end the front matter with a line containing only `---`",
            );
            return None;
        }
    };
    let Some(range) = split.yaml else {
        report(
            diagnostics,
            0..0,
            "the file has no front matter".into(),
            "start the file with `---`, then `title:`, `summary:` and `date:` lines, then `---`",
        );
        return None;
    };
    let text = &source.text()[range.clone()];
    match yaml::parse(text) {
        Ok(Node::Map(entries)) => Some((entries, range.start, split.body_start)),
        Ok(Node::Null) => {
            report(
                diagnostics,
                0..3,
                "the front matter is empty".into(),
                "add `title:`, `summary:` and `date:` lines",
            );
            None
        }
        Ok(other) => {
            report(
                diagnostics,
                range.start
                    ..range
                        .end
                        .min(range.start + source.line_range(range.start).len()),
                format!(
                    "front matter must be a mapping of keys to values, found {}",
                    other.kind()
                ),
                "write one `key: value` per line",
            );
            None
        }
        Err(e) => {
            let at = range.start + e.offset;
            report(
                diagnostics,
                at..at,
                e.describe(|o| {
                    let lc = source.line_col(range.start + o);
                    (lc.line, lc.column)
                }),
                "check the quoting and indentation on this line and the one before; quote values that contain `: ` or start with `[`, `{`, `*` or `@`",
            );
            None
        }
    }
}

/// Reads a disclosure mapping; the span of each item's value is kept as `key.item`.
fn disclosure(
    f: &mut Fields<'_>,
    entry: &yaml::Entry,
    keys: &[&str],
    spans: &mut Vec<(String, Range<usize>)>,
) -> Option<Vec<(String, Option<String>)>> {
    let items = f.mapping(entry)?;
    let mut out: Vec<(String, Option<String>)> =
        keys.iter().map(|k| (k.to_string(), None)).collect();
    for item in items {
        match out.iter_mut().find(|(k, _)| *k == item.key) {
            Some(slot) => {
                spans.push((
                    format!("{}.{}", entry.key, item.key),
                    f.span(&item.value_span),
                ));
                slot.1 = f.string(item)
            }
            None => f.unknown_key(item, keys, &format!("`{}`", entry.key)),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lf_and_crlf() {
        let s = split("---\ntitle: a\n---\nbody").unwrap();
        assert_eq!(s.yaml, Some(4..13));
        assert_eq!(s.body_start, 17);
        let s = split("---\r\ntitle: a\r\n---\r\nbody").unwrap();
        assert_eq!(s.yaml, Some(5..15));
        assert_eq!(s.body_start, 20);
    }

    #[test]
    fn unclosed_front_matter_points_at_opening_line() {
        assert_eq!(split("---\ntitle: a\nbody\n"), Err(0..3));
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(
            split("# Title\n").unwrap(),
            Split {
                yaml: None,
                body_start: 0
            }
        );
    }
}
