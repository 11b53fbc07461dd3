//! The labelled sentences the claim model learns from and is measured on.
//!
//! Two formats are read:
//! - **real-page files** (`tests/corpus/real/*.tsv`): one file per public page, written in our
//!   own words one sentence for one, in the page's order, with headings, so that each sentence
//!   has the sentence before it and the heading above it as context. Header lines `#source`,
//!   `#kind`, `#topic`, `#lang`, `#split`, then rows `label kind shape text [note]`. The format
//!   is described in full in `docs/claim-labels.md`.
//! - **regression sets** (`tests/corpus/*.tsv`): `label kind context sentence` rows of our own
//!   sentences, written before the real-page corpus.
//!
//! Reading never panics on a bad file: the error names the file and line.

use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    Claim,
    None,
    /// Kept, but neither trained on nor scored.
    Borderline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Split {
    Train,
    Dev,
    Test,
}

impl Split {
    pub fn name(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Dev => "dev",
            Split::Test => "test",
        }
    }
}

/// One labelled sentence with its context.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The file it is in and its line there.
    pub file: String,
    pub line: usize,
    pub lang: String,
    pub split: Split,
    pub label: Label,
    /// What kind of claim or non-claim it is (`benefit`, `procedure`, …).
    pub kind: String,
    /// Where on the page it stands (`p`, `li`, `q`, `a`, `td`, `cap`, `cta`).
    pub shape: String,
    pub text: String,
    /// The sentence before it under the same heading.
    pub previous: Option<String>,
    /// The heading above it.
    pub heading: Option<String>,
    /// For a list item or table cell (`li`, `td`): the last other sentence under the same
    /// heading, which introduces the list.
    pub lead_in: Option<String>,
}

impl Example {
    /// Where the sentence stands, as the detector reads it.
    pub fn around(&self) -> super::Around<'_> {
        let item = self.is_item();
        super::Around {
            previous: self.previous.as_deref(),
            heading: self.heading.as_deref(),
            lead_in: self.lead_in.as_deref().filter(|_| item),
            item,
        }
    }

    pub fn is_item(&self) -> bool {
        matches!(self.shape.as_str(), "li" | "td")
    }
}

/// A page the corpus was modelled on.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub file: String,
    pub address: String,
    pub kind: String,
    pub lang: String,
    pub split: Split,
}

/// Reads every `*.tsv` file of a real-page corpus folder, in file-name order.
pub fn read_real(dir: &Path) -> Result<(Vec<Source>, Vec<Example>), String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    let mut sources = Vec::new();
    let mut examples = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        let (source, rows) = parse_real(&name, &text)?;
        sources.push(source);
        examples.extend(rows);
    }
    Ok((sources, examples))
}

/// Parses one real-page file.
pub fn parse_real(name: &str, text: &str) -> Result<(Source, Vec<Example>), String> {
    let mut header = std::collections::BTreeMap::new();
    let mut rows = Vec::new();
    let mut heading: Option<String> = None;
    let mut previous: Option<String> = None;
    let mut lead_in: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let at = |what: String| format!("{name}:{}: {what}", i + 1);
        if line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('#') {
            let (key, value) = rest.split_once('\t').unwrap_or((rest, ""));
            header.insert(key.to_string(), value.trim().to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if !(4..=5).contains(&cols.len()) {
            return Err(at(format!(
                "expected 4 or 5 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let text = cols[3].trim().to_string();
        let label = match cols[0] {
            "heading" => {
                heading = Some(text);
                previous = None;
                lead_in = None;
                continue;
            }
            "claim" => Label::Claim,
            "none" => Label::None,
            "borderline" => Label::Borderline,
            other => return Err(at(format!("unknown label `{other}`"))),
        };
        let shape = cols[2].to_string();
        let item = matches!(shape.as_str(), "li" | "td");
        rows.push(Example {
            file: name.to_string(),
            line: i + 1,
            lang: String::new(),
            split: Split::Train,
            label,
            kind: cols[1].to_string(),
            shape,
            previous: previous.replace(text.clone()),
            heading: heading.clone(),
            lead_in: lead_in.clone().filter(|_| item),
            text: text.clone(),
        });
        if !item {
            lead_in = Some(text);
        }
    }
    let get = |key: &str| {
        header
            .get(key)
            .cloned()
            .ok_or_else(|| format!("{name}: no #{key} line"))
    };
    let lang = get("lang")?;
    let split = match get("split")?.as_str() {
        "train" => Split::Train,
        "dev" => Split::Dev,
        "test" => Split::Test,
        other => return Err(format!("{name}: unknown split `{other}`")),
    };
    for row in &mut rows {
        row.lang = lang.clone();
        row.split = split;
    }
    let source = Source {
        file: name.to_string(),
        address: get("source")?,
        kind: get("kind")?,
        lang,
        split,
    };
    Ok((source, rows))
}

/// Reads a regression set: `label kind context sentence` rows with a header line; `label` is
/// `claim` or `other`.
pub fn read_regression(path: &Path, lang: &str) -> Result<Vec<Example>, String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [label, kind, context, sentence] = cols[..] else {
            return Err(format!("{name}:{}: expected 4 columns", i + 1));
        };
        out.push(Example {
            file: name.clone(),
            line: i + 1,
            lang: lang.to_string(),
            split: Split::Test,
            label: if label == "claim" {
                Label::Claim
            } else {
                Label::None
            },
            kind: kind.to_string(),
            shape: "p".into(),
            text: sentence.to_string(),
            previous: Some(context.to_string()).filter(|c| !c.is_empty()),
            heading: None,
            lead_in: None,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_the_sentence_before_under_the_same_heading() {
        let file = "#source\thttps://example.org/a\n#kind\thospital\n#topic\tt\n#lang\tja\n#split\tdev\n\
                    heading\t-\th1\t見出し\n\
                    none\tdefinition\tp\t一文目です。\n\
                    claim\tbenefit\tp\t痛みを和らげます。\n\
                    heading\t-\th2\t次の見出し\n\
                    none\tprice\ttd\t1回 5,000円\n\
                    none\tdisease\tp\t次のような症状があります。\n\
                    none\tdisease\tli\t頭痛\n\
                    none\tdisease\tli\tめまい\n";
        let (source, rows) = parse_real("x.tsv", file).unwrap();
        assert_eq!(source.split, Split::Dev);
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[0].previous, None);
        assert_eq!(rows[1].previous.as_deref(), Some("一文目です。"));
        assert_eq!(rows[1].heading.as_deref(), Some("見出し"));
        assert_eq!(rows[2].previous, None);
        assert_eq!(rows[2].heading.as_deref(), Some("次の見出し"));
        // List items are read under what introduces the list.
        assert_eq!(rows[5].previous.as_deref(), Some("頭痛"));
        assert_eq!(
            rows[5].lead_in.as_deref(),
            Some("次のような症状があります。")
        );
        assert!(rows[5].around().item);
    }

    #[test]
    fn a_bad_row_names_its_file_and_line() {
        let err = parse_real("x.tsv", "#lang\tja\nclaim\tbenefit\n").unwrap_err();
        assert_eq!(
            err,
            "x.tsv:2: expected 4 or 5 tab-separated columns, found 2"
        );
    }
}
