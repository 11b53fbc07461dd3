//! The site's look and words: Tera templates in `templates/` and Fluent UI strings in
//! `locales/<lang>/*.ftl`, read once per run.
//!
//! The lint uses the theme to check that every UI string a template or akashi itself asks for
//! exists in every language; the renderer builds its Tera instance and Fluent bundles from it.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::lint::{Diagnostic, Rule};
use crate::source::SourceFile;
use camino::Utf8PathBuf;
use std::collections::BTreeSet;

pub const TEMPLATES_DIR: &str = "templates";
pub const LOCALES_DIR: &str = "locales";

/// UI strings that akashi asks for from Rust (badge labels, reference links), beside those the
/// templates name.
pub const BUILTIN_KEYS: &[&str] = &[
    "evidence-level",
    "evidence-badge-label",
    "citation-label",
    "reference-doi",
    "reference-pubmed",
];

#[derive(Debug)]
pub struct Theme {
    /// Template files, by path relative to the site root; the template name is the path inside
    /// `templates/`.
    pub templates: Vec<SourceFile>,
    pub locales: Vec<Locale>,
}

#[derive(Debug)]
pub struct Locale {
    pub lang: String,
    pub files: Vec<SourceFile>,
    /// Message ids defined in this language.
    pub keys: BTreeSet<String>,
}

impl Theme {
    pub fn load(config: &Config) -> Result<(Theme, Vec<Diagnostic>)> {
        let templates = read_dir(config, &config.root.join(TEMPLATES_DIR), "html")?;
        if templates.is_empty() {
            return Err(Error::msg(format!(
                "no templates in `{}/{TEMPLATES_DIR}/`",
                config.root
            )));
        }
        let mut diagnostics = Vec::new();
        let mut locales = Vec::new();
        for lang in config.language_codes() {
            let dir = config.root.join(LOCALES_DIR).join(lang);
            let files = read_dir(config, &dir, "ftl")?;
            if files.is_empty() {
                return Err(Error::msg(format!(
                    "no UI strings for `{lang}`: add Fluent files to `{LOCALES_DIR}/{lang}/`"
                )));
            }
            let mut keys = BTreeSet::new();
            for file in &files {
                let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        for e in errors {
                            diagnostics.push(Diagnostic::new(
                                Rule::I18nInvalidLocale,
                                file.path(),
                                e.pos.clone(),
                                format!("Fluent syntax error: {}", e.kind),
                            ));
                        }
                        r
                    }
                };
                for entry in resource.body {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        let id = m.id.name.to_string();
                        if !keys.insert(id.clone()) {
                            let at = file
                                .text
                                .find(&format!("\n{id} ="))
                                .map(|i| i + 1)
                                .unwrap_or(0);
                            diagnostics.push(Diagnostic::new(
                                Rule::I18nInvalidLocale,
                                file.path(),
                                at..at + id.len(),
                                format!("`{id}` is defined twice in `{lang}`"),
                            ));
                        }
                    }
                }
            }
            locales.push(Locale {
                lang: lang.to_string(),
                files,
                keys,
            });
        }
        Ok((Theme { templates, locales }, diagnostics))
    }

    /// The template's name for Tera: its path inside `templates/`.
    pub fn template_name(file: &SourceFile) -> &str {
        file.path
            .as_str()
            .strip_prefix("templates/")
            .unwrap_or(file.path.as_str())
    }

    pub fn sources(&self) -> impl Iterator<Item = &SourceFile> {
        self.templates
            .iter()
            .chain(self.locales.iter().flat_map(|l| l.files.iter()))
    }
}

/// Every `*.ext` file below `dir`, sorted, as sources relative to the site root.
fn read_dir(config: &Config, dir: &camino::Utf8Path, ext: &str) -> Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::msg(format!("cannot read `{dir}`: {e}")))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(path) = camino::Utf8Path::from_path(entry.path()) else {
            continue;
        };
        if path.extension() != Some(ext) {
            continue;
        }
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, "read", e))?;
        let shown: Utf8PathBuf = crate::content::relative(&config.root, path);
        files.push(SourceFile::new(shown, text));
    }
    Ok(files)
}

/// Keys that templates pass to `t(key="...")`, with their spans.
pub fn template_keys(template: &SourceFile) -> Vec<(String, std::ops::Range<usize>)> {
    let text = &template.text;
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("t(") {
        let call = from + i;
        from = call + 2;
        let preceded_by_ident = text[..call]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if preceded_by_ident {
            continue;
        }
        let window_end = text[call..].find(')').map_or(text.len(), |e| call + e);
        let args = &text[call..window_end];
        let Some(k) = args.find("key") else { continue };
        let after = args[k + 3..].trim_start();
        let Some(after) = after.strip_prefix('=') else {
            continue;
        };
        let after = after.trim_start();
        let Some(quote) = after
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '`'))
        else {
            continue;
        };
        let Some(len) = after[1..].find(quote) else {
            continue;
        };
        let key = &after[1..1 + len];
        let start = call + (args.len() - after.len()) + 1;
        out.push((key.to_string(), start..start + len));
    }
    out
}
