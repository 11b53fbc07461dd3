//! `content/references.yaml`: the site's bibliography, citation key to reference.
//!
//! Every entry is checked: unknown keys, missing fields, a DOI or PMID that is malformed, a
//! `type` or `design` outside the known lists. Problems point at the line and column of the
//! field at fault.

use super::fields::Fields;
use crate::findings::{Diagnostic, Rule};
use crate::source::SourceFile;
use crate::yaml::{self, Node};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

/// What kind of evidence a source is; the lint compares it with the level a claim states.
pub const DESIGNS: &[&str] = &[
    "guideline",
    "systematic-review",
    "meta-analysis",
    "network-meta-analysis",
    "rct",
    "cohort",
    "case-control",
    "case-series",
    "case-report",
    "preclinical",
    "expert-opinion",
    "regulatory",
    "other",
];
/// Who or what a source studied: a review of animal studies supports no more than the
/// animal studies do.
pub const POPULATIONS: &[&str] = &["human", "animal", "in-vitro"];
pub const TYPES: &[&str] = &[
    "article",
    "book",
    "chapter",
    "guideline",
    "web",
    "regulatory",
];
const FIELDS: &[&str] = &[
    "type",
    "authors",
    "title",
    "journal",
    "year",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmid",
    "design",
    "population",
    "publisher",
    "place",
    "edition",
    "book_title",
    "editors",
    "url",
    "accessed",
];

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reference {
    pub key: String,
    /// Span of the key in references.yaml.
    pub key_span: Range<usize>,
    pub kind: String,
    pub authors: Vec<String>,
    pub title: String,
    pub journal: Option<String>,
    pub year: Option<i64>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub design: String,
    /// `human`, `animal` or `in-vitro`, when the entry says.
    pub population: Option<String>,
    pub publisher: Option<String>,
    pub place: Option<String>,
    pub edition: Option<String>,
    pub book_title: Option<String>,
    pub editors: Vec<String>,
    pub url: Option<String>,
    pub accessed: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct References {
    pub by_key: BTreeMap<String, Reference>,
    /// Keys defined in the file whose entries could not be read; their findings say why, so
    /// tags citing them are not reported as citing a missing reference too.
    pub broken: BTreeSet<String>,
}

impl References {
    pub fn get(&self, key: &str) -> Option<&Reference> {
        self.by_key.get(key)
    }
}

pub fn parse(source: &SourceFile, diagnostics: &mut Vec<Diagnostic>) -> References {
    let mut refs = References::default();
    let node = match yaml::parse(source.text()) {
        Ok(node) => node,
        Err(e) => match recover(source, &mut refs, diagnostics) {
            Some(entries) => Node::Map(entries),
            None => {
                diagnostics.push(syntax_error(source, 0, &e));
                return refs;
            }
        },
    };
    let entries = match node {
        Node::Map(entries) => entries,
        Node::Null => return refs,
        other => {
            diagnostics.push(Diagnostic::new(
                Rule::CiteInvalidReference,
                source.path(),
                0..0,
                format!(
                    "references.yaml must map citation keys to references, found {}",
                    other.kind()
                ),
            ));
            return refs;
        }
    };
    let mut f = Fields {
        file: source.path(),
        base: 0,
        invalid: Rule::CiteInvalidReference,
        unknown: Rule::CiteInvalidReference,
        lang: None,
        diagnostics,
        suggested: Vec::new(),
    };
    for entry in &entries {
        match parse_entry(&mut f, entry) {
            Some(r) => {
                refs.by_key.insert(r.key.clone(), r);
            }
            None => {
                refs.broken.insert(entry.key.clone());
            }
        }
    }
    refs
}

fn syntax_error(source: &SourceFile, base: usize, e: &yaml::SyntaxError) -> Diagnostic {
    let at = base + e.offset;
    Diagnostic::new(
        Rule::CiteInvalidReference,
        source.path(),
        at..at,
        e.describe(|o| {
            let lc = source.line_col(base + o);
            (lc.line, lc.column)
        }),
    )
}

/// When the file as a whole is not valid YAML, reads each reference on its own (a key at the
/// start of a line and the indented lines under it), so that one broken or repeated entry is
/// reported by itself and the others can still be cited. Entries that cannot be read are
/// reported and listed in `refs.broken`; a key defined again is reported at its second
/// definition, and the first is used. Returns `None` when the file is not laid out as one
/// reference per top-level key, or when no entry on its own shows the problem.
fn recover(
    source: &SourceFile,
    refs: &mut References,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<yaml::Entry>> {
    let text = source.text();
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        match bare.chars().next() {
            None | Some(' ' | '\t' | '#') => {}
            _ if bare == "---" && starts.is_empty() => {}
            Some('-' | '[' | '{' | '%' | '.' | '?') => return None,
            _ => starts.push(offset),
        }
        offset += line.len();
    }
    let mut found = Vec::new();
    let mut broken = BTreeSet::new();
    let mut entries: Vec<yaml::Entry> = Vec::new();
    let mut first_at: HashMap<String, usize> = HashMap::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let chunk = &text[start..end];
        let parsed = yaml::parse(chunk).map(|mut node| {
            node.shift(start);
            node
        });
        match parsed {
            Ok(Node::Map(mut parsed)) if parsed.len() == 1 => {
                let entry = parsed.remove(0);
                if let Some(&first) = first_at.get(&entry.key) {
                    let line = source.line_col(first).line;
                    found.push(
                        Diagnostic::new(
                            Rule::CiteInvalidReference,
                            source.path(),
                            entry.key_span.clone(),
                            format!(
                                "reference `{}` is defined twice; the definition at line {line} is used",
                                entry.key
                            ),
                        )
                        .with_help("remove one of them, or give this one a key of its own"),
                    );
                    continue;
                }
                first_at.insert(entry.key.clone(), entry.key_span.start);
                entries.push(entry);
            }
            Ok(_) => return None,
            Err(e) => {
                let key = chunk
                    .split_once(':')
                    .map(|(k, _)| k.trim().trim_matches(['"', '\'']).to_string())
                    .unwrap_or_default();
                broken.insert(key);
                found.push(syntax_error(source, start, &e));
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    diagnostics.extend(found);
    refs.broken.extend(broken);
    Some(entries)
}

fn parse_entry(f: &mut Fields<'_>, entry: &yaml::Entry) -> Option<Reference> {
    let key = entry.key.clone();
    let valid_key = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '+' | '/'));
    if !valid_key {
        f.report(
            Rule::CiteInvalidReference,
            &entry.key_span,
            format!("citation key `{key}` can hold only ASCII letters, digits and _ - . : + /"),
            Some("for example `mutz2019`".into()),
        );
        return None;
    }
    let fields = f.mapping(entry)?;
    f.suggested.clear();
    let mut r = Reference {
        key: key.clone(),
        key_span: entry.key_span.clone(),
        ..Default::default()
    };
    let what = format!("reference `{key}`");
    for field in fields {
        match field.key.as_str() {
            "type" => r.kind = one_of(f, field, TYPES).unwrap_or_default(),
            "design" => r.design = one_of(f, field, DESIGNS).unwrap_or_default(),
            "population" => r.population = one_of(f, field, POPULATIONS),
            "authors" => r.authors = f.string_list(field).unwrap_or_default(),
            "editors" => r.editors = f.string_list(field).unwrap_or_default(),
            "title" => r.title = f.string(field).unwrap_or_default(),
            "journal" => r.journal = f.string(field),
            "year" => r.year = f.integer(field),
            "volume" => r.volume = f.string(field),
            "issue" => r.issue = f.string(field),
            "pages" => r.pages = f.string(field),
            "publisher" => r.publisher = f.string(field),
            "place" => r.place = f.string(field),
            "edition" => r.edition = f.string(field),
            "book_title" => r.book_title = f.string(field),
            "accessed" => r.accessed = f.date(field).map(|d| d.to_string()),
            "url" => {
                r.url = f.string(field).filter(|u| {
                    let why = crate::web_address::problem(u);
                    if let Some(why) = &why {
                        f.report(Rule::CiteInvalidReference, &field.value_span, format!("`url` of `{key}` is `{u}`, which {why}"), None);
                    }
                    why.is_none()
                })
            }
            "doi" => {
                r.doi = f.string(field).and_then(|doi| {
                    let doi = doi.trim_start_matches("https://doi.org/").trim_start_matches("doi:").to_string();
                    if is_doi(&doi) {
                        Some(doi)
                    } else {
                        f.report(
                            Rule::CiteInvalidReference,
                            &field.value_span,
                            format!("`{doi}` is not a DOI"),
                            Some("a DOI starts with `10.`, a registrant number and `/`, then letters, digits and `-._;()/:` only: `10.1136/bmj.l1079`; cite a DOI with other characters by its doi.org address in `url`".into()),
                        );
                        None
                    }
                })
            }
            "pmid" => {
                r.pmid = f.string(field).and_then(|pmid| {
                    if !pmid.is_empty() && pmid.len() <= 9 && pmid.bytes().all(|b| b.is_ascii_digit()) && !pmid.starts_with('0') {
                        Some(pmid)
                    } else {
                        f.report(
                            Rule::CiteInvalidReference,
                            &field.value_span,
                            format!("`{pmid}` is not a PubMed ID"),
                            Some("a PMID is a number of up to 9 digits, such as `30917990`".into()),
                        );
                        None
                    }
                })
            }
            _ => f.unknown_key(field, FIELDS, &what),
        }
    }
    let mut required = vec!["type", "title", "year", "design"];
    if !matches!(r.kind.as_str(), "web" | "regulatory" | "guideline") {
        required.push("authors");
    }
    if r.kind == "article" {
        required.push("journal");
    }
    if r.kind == "chapter" {
        required.push("book_title");
    }
    if matches!(r.kind.as_str(), "web") {
        required.push("url");
    }
    for k in required {
        if !fields.iter().any(|e| e.key == k) && !f.suggested.iter().any(|s| s == k) {
            f.report(
                Rule::CiteInvalidReference,
                &entry.key_span,
                format!("reference `{key}` has no `{k}`"),
                None,
            );
        }
    }
    Some(r)
}

fn one_of(f: &mut Fields<'_>, entry: &yaml::Entry, allowed: &[&str]) -> Option<String> {
    let value = f.string(entry)?;
    if allowed.contains(&value.as_str()) {
        return Some(value);
    }
    f.report(
        Rule::CiteInvalidReference,
        &entry.value_span,
        format!("`{value}` is not a known `{}`", entry.key),
        Some(crate::suggest::did_you_mean(&value, allowed)),
    );
    None
}

/// `10.` + registrant (4-9 digits, dotted sub-registrants allowed) + `/` + a suffix of the
/// characters Crossref recommends (`A-Z a-z 0-9 - . _ ; ( ) / :`), which nearly every DOI in
/// use keeps to. A DOI with other characters (old SICI DOIs with `<` and `>`) is cited by its
/// doi.org address in `url` instead.
pub fn is_doi(doi: &str) -> bool {
    let Some(rest) = doi.strip_prefix("10.") else {
        return false;
    };
    let Some((registrant, suffix)) = rest.split_once('/') else {
        return false;
    };
    let first = registrant.split('.').next().unwrap_or("");
    (4..=9).contains(&first.len())
        && registrant
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && !suffix.is_empty()
        && suffix
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._;()/:".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doi_shapes() {
        assert!(is_doi("10.1136/bmj.l1079"));
        assert!(is_doi("10.1001/jamapsychiatry.2016.3644"));
        assert!(!is_doi("10.11/short"));
        assert!(!is_doi("doi.org/10.1136/x"));
        assert!(!is_doi("10.1136/"));
        assert!(!is_doi("10.1136/has space"));
        assert!(is_doi("10.1016/S0140-6736(19)30417-9"));
        assert!(!is_doi("10.1136/x\"><script>alert(1)</script>"));
        assert!(!is_doi("10.1136/x<b>"));
    }
}
