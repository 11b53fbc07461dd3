//! Typed reading of YAML mappings (site.yaml, front matter, references.yaml) that reports every
//! problem as a finding at the absolute position of the key or value at fault, instead of
//! stopping at the first one.

use crate::findings::{Diagnostic, Rule};
use crate::suggest;
use crate::yaml::{Entry, Node};
use camino::Utf8Path;
use jiff::civil::Date;
use std::ops::Range;

/// Reads the entries of one mapping. `base` is the byte offset of the YAML text in its file.
pub struct Fields<'a> {
    pub file: &'a Utf8Path,
    pub base: usize,
    pub invalid: Rule,
    pub unknown: Rule,
    pub lang: Option<&'a str>,
    pub diagnostics: &'a mut Vec<Diagnostic>,
    /// Keys that an unknown key was taken for (`titel` -> `title`): a missing-key finding for
    /// them would only repeat the suggestion.
    pub suggested: Vec<String>,
}

impl Fields<'_> {
    pub fn span(&self, span: &Range<usize>) -> Range<usize> {
        self.base + span.start..self.base + span.end
    }

    pub fn report(
        &mut self,
        rule: Rule,
        span: &Range<usize>,
        message: String,
        help: Option<String>,
    ) {
        let mut d = Diagnostic::new(rule, self.file, self.span(span), message).with_lang(self.lang);
        d.help = help;
        self.diagnostics.push(d);
    }

    fn invalid(&mut self, entry: &Entry, message: String) {
        self.report(self.invalid, &entry.value_span.clone(), message, None);
    }

    /// Reports the entry as unknown, with a suggestion from `known`.
    pub fn unknown_key(&mut self, entry: &Entry, known: &[&str], what: &str) {
        if let Some(close) = suggest::closest(&entry.key, known.iter().copied()) {
            self.suggested.push(close.to_string());
        }
        self.report(
            self.unknown,
            &entry.key_span.clone(),
            format!("unknown key `{}` in {what}", entry.key),
            Some(suggest::did_you_mean(&entry.key, known)),
        );
    }

    pub fn missing(&mut self, key: &str, span: &Range<usize>, what: &str) {
        if self.suggested.iter().any(|k| k == key) {
            return;
        }
        self.report(
            self.invalid,
            span,
            format!("missing required key `{key}` in {what}"),
            None,
        );
    }

    pub fn string(&mut self, entry: &Entry) -> Option<String> {
        match &entry.value {
            Node::Str(s) if s.trim().is_empty() => {
                self.invalid(entry, format!("`{}` is empty", entry.key));
                None
            }
            Node::Str(s) => Some(s.trim().to_string()),
            // Numbers written plainly (`volume: 364`) are text to an editor.
            Node::Int(_) | Node::Float(_) => entry.value.as_scalar_text(),
            other => {
                self.invalid(
                    entry,
                    format!("`{}` must be text, found {}", entry.key, other.kind()),
                );
                None
            }
        }
    }

    pub fn boolean(&mut self, entry: &Entry) -> Option<bool> {
        match &entry.value {
            Node::Bool(b) => Some(*b),
            other => {
                self.invalid(
                    entry,
                    format!(
                        "`{}` must be true or false, found {}",
                        entry.key,
                        other.kind()
                    ),
                );
                None
            }
        }
    }

    pub fn integer(&mut self, entry: &Entry) -> Option<i64> {
        match &entry.value {
            Node::Int(i) => Some(*i),
            Node::Str(s) if s.trim().parse::<i64>().is_ok() => s.trim().parse().ok(),
            other => {
                self.invalid(
                    entry,
                    format!(
                        "`{}` must be a whole number, found {}",
                        entry.key,
                        other.kind()
                    ),
                );
                None
            }
        }
    }

    pub fn date(&mut self, entry: &Entry) -> Option<Date> {
        let text = match &entry.value {
            Node::Str(s) => s.trim().to_string(),
            other => {
                self.invalid(
                    entry,
                    format!(
                        "`{}` must be a date (YYYY-MM-DD), found {}",
                        entry.key,
                        other.kind()
                    ),
                );
                return None;
            }
        };
        let well_formed = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        match text.parse::<Date>() {
            Ok(d) if well_formed => Some(d),
            _ => {
                self.invalid(
                    entry,
                    format!(
                        "`{}` must be a date written YYYY-MM-DD, found `{text}`",
                        entry.key
                    ),
                );
                None
            }
        }
    }

    /// A list of strings; a single string is accepted as a list of one.
    pub fn string_list(&mut self, entry: &Entry) -> Option<Vec<String>> {
        match &entry.value {
            Node::Str(s) if !s.trim().is_empty() => Some(vec![s.trim().to_string()]),
            Node::Seq(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item.as_scalar_text() {
                        Some(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                        _ => {
                            self.invalid(
                                entry,
                                format!(
                                    "`{}` must be a list of text, found an item that is {}",
                                    entry.key,
                                    item.kind()
                                ),
                            );
                            return None;
                        }
                    }
                }
                Some(out)
            }
            other => {
                self.invalid(
                    entry,
                    format!(
                        "`{}` must be a list of text, found {}",
                        entry.key,
                        other.kind()
                    ),
                );
                None
            }
        }
    }

    /// The entries of a nested mapping.
    pub fn mapping<'n>(&mut self, entry: &'n Entry) -> Option<&'n [Entry]> {
        match &entry.value {
            Node::Map(entries) => Some(entries),
            other => {
                self.invalid(
                    entry,
                    format!(
                        "`{}` must be a mapping of keys to values, found {}",
                        entry.key,
                        other.kind()
                    ),
                );
                None
            }
        }
    }
}
