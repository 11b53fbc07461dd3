//! The site's look and words: Tera templates in `templates/` and Fluent UI strings in
//! `locales/<lang>/*.ftl`, read once per run: the built-in theme ([`builtin`]), with the
//! site's own files in its place file by file, and the site's own messages in place of the
//! built-in ones message by message.
//!
//! The lint uses the theme to check that every UI string a template or akashi itself asks for
//! exists in every language; the renderer builds its Tera instance and Fluent bundles from it.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::findings::{Diagnostic, Rule};
use crate::source::SourceFile;
use camino::Utf8PathBuf;
use std::collections::{BTreeMap, BTreeSet};

pub mod builtin;

pub const TEMPLATES_DIR: &str = "templates";
pub const LOCALES_DIR: &str = "locales";

/// UI strings that akashi asks for from Rust (the badges' words and explanations, the notes
/// beside them, the citation marks' labels, reference links), beside those the templates name.
pub const BUILTIN_KEYS: &[&str] = &[
    "evidence-level",
    "evidence-badge-text",
    "evidence-level-meaning",
    "evidence-badge-more",
    "treatment-status-note",
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
        let mut templates: BTreeMap<String, SourceFile> = builtin::templates()
            .into_iter()
            .filter(|(name, _)| name.ends_with(".html"))
            .map(|(name, text)| {
                let path = format!("{}/{TEMPLATES_DIR}/{name}", builtin::PREFIX);
                (name, SourceFile::new(Utf8PathBuf::from(path), text))
            })
            .collect();
        for file in read_dir(config, &config.root.join(TEMPLATES_DIR), "html")? {
            templates.insert(Theme::template_name(&file).to_string(), file);
        }
        let mut diagnostics = Vec::new();
        let mut locales = Vec::new();
        for lang in config.language_codes() {
            let own = read_dir(config, &config.root.join(LOCALES_DIR).join(lang), "ftl")?;
            let built_in: Vec<SourceFile> = builtin::locale_files(lang)
                .into_iter()
                .map(|(name, text)| {
                    let path = format!("{}/{LOCALES_DIR}/{lang}/{name}", builtin::PREFIX);
                    SourceFile::new(Utf8PathBuf::from(path), text)
                })
                .collect();
            if own.is_empty() && built_in.is_empty() {
                return Err(Error::msg(format!(
                    "no UI strings for `{lang}`: the built-in theme speaks {}; add Fluent files to `{LOCALES_DIR}/{lang}/` (`akashi init --theme` writes the built-in ones there to start from)",
                    builtin::languages().join(" and ")
                )));
            }
            let mut keys = BTreeSet::new();
            // The built-in messages first: a site's own message of the same name replaces
            // one (in the bundles, later resources override), which is not a duplicate.
            // A file nested too deep for the Fluent parser (which recurses) is reported and
            // left out, before anything parses it.
            let mut own = own;
            own.retain(|file| match too_deep(file.text()) {
                None => true,
                Some(_) => {
                    diagnostics.extend(check_fluent(file, lang).0);
                    false
                }
            });
            for files in [&built_in, &own] {
                let mut defined = BTreeSet::new();
                for file in files {
                    diagnostics.extend(messages(file, lang, &mut defined));
                }
                keys.extend(defined);
            }
            let mut files = built_in;
            files.extend(own);
            locales.push(Locale {
                lang: lang.to_string(),
                files,
                keys,
            });
        }
        let templates = templates.into_values().collect();
        Ok((Theme { templates, locales }, diagnostics))
    }

    /// The template's name for Tera: its path inside `templates/`.
    pub fn template_name(file: &SourceFile) -> &str {
        let path = file.path.as_str();
        let path = path
            .strip_prefix(builtin::PREFIX)
            .and_then(|p| p.strip_prefix('/'))
            .unwrap_or(path);
        path.strip_prefix("templates/").unwrap_or(path)
    }

    pub fn sources(&self) -> impl Iterator<Item = &SourceFile> {
        self.templates
            .iter()
            .chain(self.locales.iter().flat_map(|l| l.files.iter()))
    }
}

/// How deep placeables (`{ … }`) and calls (`F( … )`) may nest in a Fluent file; real messages
/// nest two or three deep, and the Fluent parser recurses once per level.
pub const MAX_FLUENT_DEPTH: usize = 64;

/// Where nesting first goes deeper than [`MAX_FLUENT_DEPTH`], if it does: braces count
/// anywhere, parentheses inside a placeable (in text they are only text).
fn too_deep(text: &str) -> Option<usize> {
    let (mut braces, mut calls) = (0usize, 0usize);
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'{' => braces += 1,
            b'}' => {
                braces = braces.saturating_sub(1);
                if braces == 0 {
                    calls = 0;
                }
            }
            b'(' if braces > 0 => calls += 1,
            b')' if braces > 0 => calls = calls.saturating_sub(1),
            _ => continue,
        }
        if braces + calls > MAX_FLUENT_DEPTH {
            return Some(i);
        }
    }
    None
}

/// The findings in one of a site's Fluent files of language `lang`, read on its own, and
/// whether the file can be handed to the Fluent parser (it is not nested too deep).
pub fn check_fluent(file: &SourceFile, lang: &str) -> (Vec<Diagnostic>, bool) {
    if let Some(at) = too_deep(file.text()) {
        let finding = Diagnostic::new(
            Rule::I18nInvalidLocale,
            file.path(),
            at..at + 1,
            format!(
                "placeables or calls nested more than {MAX_FLUENT_DEPTH} deep; the file is not read"
            ),
        );
        return (vec![finding], false);
    }
    (messages(file, lang, &mut BTreeSet::new()), true)
}

/// The ids of the messages `file` defines, added to `defined`; findings for syntax errors and
/// for a message defined twice among the files that share `defined`.
fn messages(file: &SourceFile, lang: &str, defined: &mut BTreeSet<String>) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let resource = match fluent_syntax::parser::parse(file.text()) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                // The parser may point one past the end (an entry cut short by the end of the
                // file): the span stays inside the text.
                let text = &file.text();
                // Rounded out to whole characters.
                let mut end = e.pos.end.min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                let mut start = e.pos.start.min(end);
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                diagnostics.push(Diagnostic::new(
                    Rule::I18nInvalidLocale,
                    file.path(),
                    start..end,
                    format!("Fluent syntax error: {}", e.kind),
                ));
            }
            r
        }
    };
    for entry in resource.body {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let id = m.id.name.to_string();
            if !defined.insert(id.clone()) {
                let at = file
                    .text()
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
    diagnostics
}

/// Every `*.ext` file below `dir`, sorted, as sources relative to the site root.
fn read_dir(config: &Config, dir: &camino::Utf8Path, ext: &str) -> Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::msg(format!("cannot read `{dir}`: {e}")))?;
        // Symbolic links are not followed out of the site, as in content/ and static/.
        if entry.file_type().is_dir() || entry.file_type().is_symlink() {
            continue;
        }
        let Some(path) = camino::Utf8Path::from_path(entry.path()) else {
            continue;
        };
        if path.extension() != Some(ext) {
            continue;
        }
        // A link, a FIFO or a device is refused with its path rather than skipped.
        let text = crate::source::read_regular_text(path.as_std_path())
            .map_err(|e| Error::io(path, "read", e))?;
        let shown: Utf8PathBuf = crate::content::relative(&config.root, path);
        files.push(SourceFile::new(shown, text));
    }
    Ok(files)
}

/// Keys that templates pass to `t(key="...")`, with their spans.
pub fn template_keys(template: &SourceFile) -> Vec<(String, std::ops::Range<usize>)> {
    let text = &template.text();
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
