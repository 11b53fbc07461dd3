//! `site.yaml`: the site's title per language, base URL, languages and evidence-level scheme.
//!
//! Every key is checked; an unknown key is an error with a suggestion, because a misspelt
//! setting that is silently ignored is worse than one that stops the build.

use crate::error::{Error, Result};
use crate::findings::{Diagnostic, Rule};
use crate::parse::fields::Fields;
use crate::source::SourceFile;
use crate::yaml::{self, Node};
use camino::{Utf8Path, Utf8PathBuf};

pub const FILE_NAME: &str = "site.yaml";

#[derive(Debug, Clone)]
pub struct Config {
    /// The site's folder.
    pub root: Utf8PathBuf,
    /// `site.yaml` itself, for the findings about what it says or lacks.
    pub source: SourceFile,
    /// Absolute URL the site is published under, without a trailing slash.
    pub base_url: String,
    pub default_language: String,
    /// In the order site.yaml lists them.
    pub languages: Vec<Language>,
    /// Evidence levels, highest certainty first.
    pub evidence_levels: Vec<String>,
    /// Terms added to the claim detector's built-in lexicons, by language code.
    pub claim_lexicon: Vec<(String, Extension)>,
    /// The treatments the site discusses, with their regulatory status in Japan.
    pub treatments: Vec<Treatment>,
    /// Who publishes the site, shown on every article and in its structured data.
    pub publisher: Option<Publisher>,
    /// Statements shown on every article: conflicts of interest and funding, by language.
    pub conflict_of_interest: Localized,
    pub funding: Localized,
    /// What becomes of HTML written in articles.
    pub raw_html: RawHtml,
}

/// `raw_html` in site.yaml: HTML that editors write in Markdown is sanitised (scripts, event
/// handlers, styles and unsafe URLs removed) unless the site allows it explicitly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RawHtml {
    #[default]
    Sanitize,
    Allow,
}

/// Terms a site adds to the claim detector's built-in lexicon of one language: `claim_lexicon`
/// in site.yaml, and the names of the site's treatments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Extension {
    pub treatments: Vec<String>,
    pub effects: Vec<String>,
    pub not_claims: Vec<String>,
}

/// Text per language code.
pub type Localized = Vec<(String, String)>;

/// The text for `lang` from a [`Localized`] value.
pub fn localized<'a>(text: &'a Localized, lang: &str) -> Option<&'a str> {
    text.iter()
        .find(|(l, _)| l == lang)
        .or_else(|| text.iter().find(|(l, _)| l == "*"))
        .map(|(_, t)| t.as_str())
}

#[derive(Debug, Clone, Default)]
pub struct Publisher {
    pub name: Localized,
    pub url: Option<String>,
    /// How to contact the publisher (phone, address, form), per language.
    pub contact: Localized,
}

/// Where a treatment stands under Japan's rules; it decides which disclosures a page needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreatmentStatus {
    /// Approved and covered by national health insurance for this use.
    Approved,
    /// 自由診療: approved, but paid in full by the patient.
    SelfPay,
    /// 未承認医薬品等: not approved in Japan.
    Unapproved,
    /// Approved for another use (適応外使用); treated like an unapproved product.
    OffLabel,
}

impl TreatmentStatus {
    pub const NAMES: &'static [&'static str] = &["approved", "self-pay", "unapproved", "off-label"];
    /// Every status, in the order of [`Self::NAMES`] (and of their values).
    pub const ALL: &'static [TreatmentStatus] = &[
        TreatmentStatus::Approved,
        TreatmentStatus::SelfPay,
        TreatmentStatus::Unapproved,
        TreatmentStatus::OffLabel,
    ];

    /// The name site.yaml gives it: `self-pay`.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|status| status.name() == s)
    }

    /// Needs the 自由診療 disclosures.
    pub fn is_self_pay(self) -> bool {
        self != TreatmentStatus::Approved
    }

    /// Needs the 未承認医薬品等 disclosures too.
    pub fn is_unapproved(self) -> bool {
        matches!(
            self,
            TreatmentStatus::Unapproved | TreatmentStatus::OffLabel
        )
    }
}

#[derive(Debug, Clone)]
pub struct Treatment {
    pub id: String,
    /// Names by language code, as they appear in articles.
    pub names: Vec<(String, Vec<String>)>,
    pub status: TreatmentStatus,
}

impl Treatment {
    pub fn names_in(&self, lang: &str) -> &[String] {
        self.names
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, n)| n.as_slice())
            .unwrap_or(&[])
    }
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
    /// How fast readers of this language read, for the reading time shown on articles.
    pub reading: ReadingSpeed,
}

/// Reading speed: Japanese is measured in characters a minute, English in words a minute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ReadingSpeed {
    CharactersPerMinute(u32),
    WordsPerMinute(u32),
}

impl ReadingSpeed {
    /// A usual speed for a language: about 500 characters a minute for languages written
    /// without spaces between words (Japanese, Chinese), about 200 words a minute otherwise.
    fn default_for(code: &str) -> Self {
        match code {
            "ja" | "zh" => ReadingSpeed::CharactersPerMinute(500),
            _ => ReadingSpeed::WordsPerMinute(200),
        }
    }

    /// Whole minutes (at least one) to read a text of this length.
    pub fn minutes(self, length: crate::parse::markdown::ReadingLength) -> u32 {
        let (amount, per_minute) = match self {
            ReadingSpeed::CharactersPerMinute(n) => (length.characters, n),
            ReadingSpeed::WordsPerMinute(n) => (length.words, n),
        };
        (amount as u32).div_ceil(per_minute.max(1)).max(1)
    }
}

const TOP_KEYS: &[&str] = &[
    "base_url",
    "default_language",
    "languages",
    "evidence_levels",
    "claim_lexicon",
    "treatments",
    "publisher",
    "conflict_of_interest",
    "funding",
    "raw_html",
];
const PUBLISHER_KEYS: &[&str] = &["name", "url", "contact"];
const TREATMENT_KEYS: &[&str] = &["id", "names", "status"];
const LEXICON_KEYS: &[&str] = &["treatments", "effects", "not_claims"];
const LANGUAGE_KEYS: &[&str] = &[
    "title",
    "description",
    "locale",
    "characters_per_minute",
    "words_per_minute",
];
/// GRADE certainty with the letters Japan's Minds guidelines use.
const DEFAULT_LEVELS: &[&str] = &["A", "B", "C", "D"];

impl Config {
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The claim detector's site terms: `claim_lexicon`, plus the names of the site's treatments.
    pub fn claim_terms(&self) -> Vec<(String, Extension)> {
        let mut terms = self.claim_lexicon.clone();
        for treatment in &self.treatments {
            for (lang, names) in &treatment.names {
                let i = match terms.iter().position(|(l, _)| l == lang) {
                    Some(i) => i,
                    None => {
                        terms.push((lang.clone(), Default::default()));
                        terms.len() - 1
                    }
                };
                terms[i].1.treatments.extend(names.iter().cloned());
            }
        }
        terms
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.code.as_str())
    }

    /// The site a command run in `start` works on: the nearest folder, `start` or one above it,
    /// that holds a `site.yaml` (as git finds its repository). Returned relative to `start`
    /// (`.`, `..`, `../..`) so that messages stay short.
    pub fn find_root(start: &Utf8Path) -> Result<Utf8PathBuf> {
        let absolute = std::path::absolute(start).map_err(|e| Error::io(start, "open", e))?;
        let mut up = Utf8PathBuf::from(".");
        for folder in absolute.ancestors() {
            // Whatever is there (a FIFO or a link to a device too): loading says what is wrong.
            if std::fs::symlink_metadata(folder.join(FILE_NAME)).is_ok() {
                return Ok(match (start.as_str(), up.as_str()) {
                    (_, ".") => start.to_path_buf(),
                    (".", _) => up,
                    _ => start.join(up),
                });
            }
            up = if up == "." {
                "..".into()
            } else {
                up.join("..")
            };
        }
        Err(Error::msg(format!(
            "no {FILE_NAME} in `{start}` or any folder above it: run akashi inside a site, pass --root DIR, or start a site with `akashi init`"
        )))
    }

    /// Reads `site.yaml` in `root`.
    pub fn load(root: &Utf8Path) -> Result<Config> {
        let path = root.join(FILE_NAME);
        let text = crate::source::read_regular_text(path.as_std_path()).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::msg(format!(
                    "no {FILE_NAME} in `{root}`: run akashi in a site folder or pass --root DIR"
                ))
            } else {
                Error::io(path.clone(), "read", e)
            }
        })?;
        Config::from_source(SourceFile::new(FILE_NAME, text), root)
    }

    /// The configuration in `source` (the text of a site.yaml) for a site at `root`; its
    /// problems, each at its place in the text, when it is not valid.
    pub fn from_source(source: SourceFile, root: &Utf8Path) -> Result<Config> {
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
    let node = match yaml::parse(source.text()) {
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
    let mut treatments = Vec::new();
    let mut publisher = None;
    let mut conflict_of_interest = Vec::new();
    let mut funding = Vec::new();
    let mut raw_html = RawHtml::default();
    for entry in &entries {
        match entry.key.as_str() {
            "base_url" => {
                if let Some(url) = f.string(entry) {
                    match crate::web_address::problem(&url) {
                        None => base_url = Some(url.trim_end_matches('/').to_string()),
                        Some(why) => f.report(
                            Rule::ConfigInvalid,
                            &entry.value_span,
                            format!("`base_url` is `{url}`, which {why}"),
                            Some("for example `base_url: https://www.example-clinic.jp`".into()),
                        ),
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
            "treatments" => treatments = parse_treatments(&mut f, entry),
            "publisher" => {
                let mut p = Publisher::default();
                for field in f.mapping(entry).unwrap_or_default() {
                    match field.key.as_str() {
                        "name" => p.name = parse_localized(&mut f, field),
                        "url" => {
                            p.url = f.string(field).filter(|url| {
                                let why = crate::web_address::problem(url);
                                if let Some(why) = &why {
                                    f.report(
                                        Rule::ConfigInvalid,
                                        &field.value_span,
                                        format!("`publisher.url` is `{url}`, which {why}"),
                                        Some("for example `url: https://www.example-clinic.jp`".into()),
                                    );
                                }
                                why.is_none()
                            })
                        }
                        "contact" => p.contact = parse_localized(&mut f, field),
                        _ => f.unknown_key(field, PUBLISHER_KEYS, "`publisher`"),
                    }
                }
                publisher = Some(p);
            }
            "conflict_of_interest" => conflict_of_interest = parse_localized(&mut f, entry),
            "funding" => funding = parse_localized(&mut f, entry),
            "raw_html" => match f.string(entry).as_deref() {
                Some("sanitize") => raw_html = RawHtml::Sanitize,
                Some("allow") => raw_html = RawHtml::Allow,
                Some(other) => f.report(
                    Rule::ConfigInvalid,
                    &entry.value_span,
                    format!("`raw_html` is `sanitize` or `allow`, found `{other}`"),
                    Some("`sanitize` (the default) removes scripts, event handlers and unsafe URLs from HTML written in articles; `allow` publishes it as written".into()),
                ),
                None => {}
            },
            "claim_lexicon" => {
                for lang in f.mapping(entry).unwrap_or_default() {
                    let mut ext = Extension::default();
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
        source: source.clone(),
        root: root.to_path_buf(),
        base_url: base_url?,
        default_language,
        languages,
        evidence_levels,
        claim_lexicon,
        treatments,
        publisher,
        conflict_of_interest,
        funding,
        raw_html,
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
    let mut reading = ReadingSpeed::default_for(&code);
    let fields = f.mapping(entry)?;
    for field in fields {
        match field.key.as_str() {
            "title" => title = f.string(field),
            "description" => description = f.string(field),
            "locale" => locale = f.string(field),
            "characters_per_minute" => {
                if let Some(n) = f.integer(field).filter(|n| *n > 0) {
                    reading = ReadingSpeed::CharactersPerMinute(n as u32);
                }
            }
            "words_per_minute" => {
                if let Some(n) = f.integer(field).filter(|n| *n > 0) {
                    reading = ReadingSpeed::WordsPerMinute(n as u32);
                }
            }
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
        reading,
    })
}

fn parse_treatments(f: &mut Fields<'_>, entry: &yaml::Entry) -> Vec<Treatment> {
    let Node::Seq(items) = &entry.value else {
        f.report(
            Rule::ConfigInvalid,
            &entry.value_span,
            format!("`treatments` must be a list, found {}", entry.value.kind()),
            Some("write one `- id: ...` item per treatment".into()),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let Node::Map(fields) = item else {
            f.report(
                Rule::ConfigInvalid,
                &entry.key_span,
                "each treatment must be a mapping with `id`, `names` and `status`".into(),
                None,
            );
            continue;
        };
        let (mut id, mut names, mut status) = (None, Vec::new(), None);
        for field in fields {
            match field.key.as_str() {
                "id" => id = f.string(field),
                "names" => {
                    for lang in f.mapping(field).unwrap_or_default() {
                        names.push((lang.key.clone(), f.string_list(lang).unwrap_or_default()));
                    }
                }
                "status" => {
                    let text = f.string(field).unwrap_or_default();
                    status = TreatmentStatus::parse(&text);
                    if status.is_none() {
                        f.report(
                            Rule::ConfigInvalid,
                            &field.value_span,
                            format!("`{text}` is not a treatment status"),
                            Some(crate::suggest::did_you_mean(&text, TreatmentStatus::NAMES)),
                        );
                    }
                }
                _ => f.unknown_key(field, TREATMENT_KEYS, "a treatment"),
            }
        }
        let span = fields
            .first()
            .map(|e| e.key_span.clone())
            .unwrap_or(entry.key_span.clone());
        match (id, status) {
            (Some(id), Some(status)) if !names.is_empty() => {
                out.push(Treatment { id, names, status })
            }
            (id, _) => f.report(
                Rule::ConfigInvalid,
                &span,
                format!(
                    "treatment `{}` needs `id`, `names` and `status`",
                    id.unwrap_or_default()
                ),
                None,
            ),
        }
    }
    out
}

/// `{ja: ..., en: ...}`, or one text for every language.
fn parse_localized(f: &mut Fields<'_>, entry: &yaml::Entry) -> Localized {
    if let Node::Map(items) = &entry.value {
        return items
            .iter()
            .filter_map(|item| f.string(item).map(|t| (item.key.clone(), t)))
            .collect();
    }
    f.string(entry)
        .map(|t| vec![("*".to_string(), t)])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_counts_characters_for_japanese_and_words_for_english() {
        let length = |text: &str| crate::parse::markdown::scan(text, 0).reading;
        let ja = ReadingSpeed::default_for("ja");
        assert_eq!(ja.minutes(length(&"あ".repeat(1000))), 2);
        assert_eq!(ja.minutes(length(&"あ".repeat(1001))), 3);
        let en = ReadingSpeed::default_for("en");
        assert_eq!(en.minutes(length(&"word ".repeat(200))), 1);
        assert_eq!(en.minutes(length(&"word ".repeat(450))), 3);
        assert_eq!(en.minutes(length("")), 1);
        // Headings, tags and code are not read as prose.
        assert_eq!(
            en.minutes(length(&format!(
                "# Title\n\n`code` [B: @x] {}",
                "word ".repeat(200)
            ))),
            1
        );
    }
}
