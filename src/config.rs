//! `site.yaml`: the site's title per language, base URL, languages and evidence-level scheme.
//!
//! Every key is checked; an unknown key is an error with a suggestion, because a misspelt
//! setting that is silently ignored is worse than one that stops the build.

use crate::error::{Error, Result};
use crate::lint::{Diagnostic, Rule};
use crate::parse::fields::Fields;
use crate::source::SourceFile;
use crate::yaml::{self, Node};
use camino::{Utf8Path, Utf8PathBuf};

pub const FILE_NAME: &str = "site.yaml";

#[derive(Debug, Clone)]
pub struct Config {
    /// The site's folder.
    pub root: Utf8PathBuf,
    /// Absolute URL the site is published under, without a trailing slash.
    pub base_url: String,
    pub default_language: String,
    /// In the order site.yaml lists them.
    pub languages: Vec<Language>,
    /// Evidence levels, highest certainty first.
    pub evidence_levels: Vec<String>,
    /// Terms added to the claim detector's built-in lexicons, by language code.
    pub claim_lexicon: Vec<(String, crate::lint::claims::Extension)>,
}

#[derive(Debug, Clone)]
pub struct Language {
    /// The code used in file names and URLs: `ja`, `en`.
    pub code: String,
    /// The site title in this language.
    pub title: String,
    pub description: Option<String>,
    /// The locale used to format dates and plurals (`ja-JP`, `en-GB`).
    pub locale: String,
}

const TOP_KEYS: &[&str] = &[
    "base_url",
    "default_language",
    "languages",
    "evidence_levels",
    "claim_lexicon",
];
const LEXICON_KEYS: &[&str] = &["treatments", "effects", "not_claims"];
const LANGUAGE_KEYS: &[&str] = &["title", "description", "locale"];
/// GRADE certainty with the letters Japan's Minds guidelines use.
const DEFAULT_LEVELS: &[&str] = &["A", "B", "C", "D"];

impl Config {
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.code.as_str())
    }

    /// Reads `site.yaml` in `root`.
    pub fn load(root: &Utf8Path) -> Result<Config> {
        let path = root.join(FILE_NAME);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::msg(format!(
                    "no {FILE_NAME} in `{root}`: run akashi in a site folder or pass --root DIR"
                ))
            } else {
                Error::io(path.clone(), "read", e)
            }
        })?;
        let source = SourceFile::new(FILE_NAME, text);
        let mut diagnostics = Vec::new();
        let config = parse(&source, root, &mut diagnostics);
        match config {
            Some(config) if diagnostics.is_empty() => Ok(config),
            _ => Err(Error::Invalid {
                sources: vec![source],
                diagnostics,
            }),
        }
    }
}

fn parse(
    source: &SourceFile,
    root: &Utf8Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Config> {
    let node = match yaml::parse(&source.text) {
        Ok(node) => node,
        Err(e) => {
            diagnostics.push(Diagnostic::new(
                Rule::ConfigInvalid,
                source.path(),
                e.offset..e.offset,
                e.describe(|o| {
                    let lc = source.line_col(o);
                    (lc.line, lc.column)
                }),
            ));
            return None;
        }
    };
    let mut f = Fields {
        file: source.path(),
        base: 0,
        invalid: Rule::ConfigInvalid,
        unknown: Rule::ConfigUnknownKey,
        lang: None,
        diagnostics,
        suggested: Vec::new(),
    };
    let Node::Map(entries) = node else {
        f.report(
            Rule::ConfigInvalid,
            &(0..0),
            format!("{FILE_NAME} must be a mapping of settings"),
            None,
        );
        return None;
    };
    let mut base_url = None;
    let mut default_language = None;
    let mut languages = Vec::new();
    let mut evidence_levels = DEFAULT_LEVELS
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>();
    let mut languages_span = 0..0;
    let mut claim_lexicon = Vec::new();
    for entry in &entries {
        match entry.key.as_str() {
            "base_url" => {
                if let Some(url) = f.string(entry) {
                    if url.starts_with("https://") || url.starts_with("http://") {
                        base_url = Some(url.trim_end_matches('/').to_string());
                    } else {
                        f.report(
                            Rule::ConfigInvalid,
                            &entry.value_span,
                            format!("`base_url` must be an absolute http(s) URL, found `{url}`"),
                            Some("for example `base_url: https://www.example-clinic.jp`".into()),
                        );
                    }
                }
            }
            "default_language" => {
                default_language = f.string(entry).map(|s| (s, entry.value_span.clone()));
            }
            "languages" => {
                languages_span = entry.key_span.clone();
                for lang in f.mapping(entry).unwrap_or_default() {
                    if let Some(l) = parse_language(&mut f, lang) {
                        languages.push(l);
                    }
                }
            }
            "evidence_levels" => {
                if let Some(levels) = f.string_list(entry) {
                    if levels.is_empty() {
                        f.report(
                            Rule::ConfigInvalid,
                            &entry.value_span,
                            "`evidence_levels` must list at least one level".into(),
                            None,
                        );
                    } else {
                        evidence_levels = levels;
                    }
                }
            }
            "claim_lexicon" => {
                for lang in f.mapping(entry).unwrap_or_default() {
                    let mut ext = crate::lint::claims::Extension::default();
                    for list in f.mapping(lang).unwrap_or_default() {
                        let terms = f.string_list(list).unwrap_or_default();
                        match list.key.as_str() {
                            "treatments" => ext.treatments = terms,
                            "effects" => ext.effects = terms,
                            "not_claims" => ext.not_claims = terms,
                            _ => f.unknown_key(
                                list,
                                LEXICON_KEYS,
                                &format!("claim_lexicon.{}", lang.key),
                            ),
                        }
                    }
                    claim_lexicon.push((lang.key.clone(), ext));
                }
            }
            _ => f.unknown_key(entry, TOP_KEYS, FILE_NAME),
        }
    }
    for key in ["base_url", "default_language", "languages"] {
        if !entries.iter().any(|e| e.key == key) {
            f.missing(key, &(0..0), FILE_NAME);
        }
    }
    if languages.is_empty() && entries.iter().any(|e| e.key == "languages") {
        f.report(
            Rule::ConfigInvalid,
            &languages_span,
            "`languages` must define at least one language".into(),
            None,
        );
    }
    let default_language = match default_language {
        Some((code, span)) => {
            if !languages.is_empty() && !languages.iter().any(|l| l.code == code) {
                let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
                f.report(
                    Rule::ConfigInvalid,
                    &span,
                    format!("`default_language` is `{code}`, which `languages` does not define"),
                    Some(crate::suggest::did_you_mean(&code, &codes)),
                );
            }
            code
        }
        None => return None,
    };
    Some(Config {
        root: root.to_path_buf(),
        base_url: base_url?,
        default_language,
        languages,
        evidence_levels,
        claim_lexicon,
    })
}

fn parse_language(f: &mut Fields<'_>, entry: &yaml::Entry) -> Option<Language> {
    let code = entry.key.clone();
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        f.report(
            Rule::ConfigInvalid,
            &entry.key_span,
            format!("language code `{code}` must be lowercase letters, as used in file names (`ja`, `en`)"),
            None,
        );
        return None;
    }
    let mut title = None;
    let mut description = None;
    let mut locale = None;
    let fields = f.mapping(entry)?;
    for field in fields {
        match field.key.as_str() {
            "title" => title = f.string(field),
            "description" => description = f.string(field),
            "locale" => locale = f.string(field),
            _ => f.unknown_key(field, LANGUAGE_KEYS, &format!("language `{code}`")),
        }
    }
    let Some(title) = title else {
        f.missing("title", &entry.key_span, &format!("language `{code}`"));
        return None;
    };
    Some(Language {
        locale: locale.unwrap_or_else(|| code.clone()),
        code,
        title,
        description,
    })
}
