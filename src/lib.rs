//! akashi (証, "proof"): a static site generator for bilingual Japanese/English patient
//! information that refuses to publish a treatment claim without an evidence level and a
//! citation.
//!
//! The pipeline, one module per stage:
//! 1. [`content`] walks `content/` and reads every file;
//! 2. [`parse`] reads front matter, Markdown, evidence tags and references into a [`site::Site`];
//! 3. [`lint`] checks the site and returns findings;
//! 4. [`render`] turns the site into HTML, feeds and a sitemap through the [`theme`];
//! 5. [`write`] replaces the output folder atomically.

pub mod cli;
pub mod config;
pub mod content;
pub mod error;
pub mod fix;
pub mod lint;
pub mod parse;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
pub mod suggest;
pub mod theme;
pub mod write;
pub mod yaml;

pub use error::{Error, Result};

use camino::{Utf8Path, Utf8PathBuf};
use lint::Diagnostic;
use site::Site;
use source::SourceFile;
use theme::Theme;

/// Settings of a run that do not come from the site.
#[derive(Debug, Clone)]
pub struct Options {
    /// The date review deadlines are checked against.
    pub today: jiff::civil::Date,
    /// Pages load the live-reload script of `akashi serve`.
    pub live_reload: bool,
}

impl Options {
    /// `today` when given; otherwise the date of `SOURCE_DATE_EPOCH` (the reproducible-builds
    /// convention) when it is set; otherwise the current date in UTC.
    pub fn new(today: Option<jiff::civil::Date>) -> Result<Options> {
        if let Some(today) = today {
            return Ok(Options {
                today,
                live_reload: false,
            });
        }
        let stamp = match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(epoch) => {
                let seconds: i64 = epoch.trim().parse().map_err(|_| {
                    Error::msg(format!(
                        "SOURCE_DATE_EPOCH must be a number of seconds, found `{epoch}`"
                    ))
                })?;
                jiff::Timestamp::from_second(seconds)
                    .map_err(|e| Error::msg(format!("SOURCE_DATE_EPOCH: {e}")))?
            }
            Err(_) => jiff::Timestamp::now(),
        };
        Ok(Options {
            live_reload: false,
            today: stamp.to_zoned(jiff::tz::TimeZone::UTC).date(),
        })
    }
}

/// A site read and checked: everything a command needs to report or build.
pub struct Checked {
    pub site: Site,
    pub theme: Theme,
    /// All findings, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Findings worth showing after a build: warnings and errors (notes are for `lint`).
    pub fn warnings_and_errors(&self) -> Vec<Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity >= lint::Severity::Warning)
            .cloned()
            .collect()
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The source a finding points into.
    pub fn source(&self, path: &Utf8Path) -> Option<&SourceFile> {
        self.site
            .source(path)
            .or_else(|| self.theme.sources().find(|s| s.path() == path))
    }
}

/// Loads the site in `root` and runs the lint.
pub fn check(root: &Utf8Path, options: &Options) -> Result<Checked> {
    check_with(root, &[], options)
}

/// Lints only the given Markdown files (inside or outside `content/`, or folders of them) with
/// the site's configuration, references and theme.
pub fn check_paths(root: &Utf8Path, paths: &[Utf8PathBuf], options: &Options) -> Result<Checked> {
    let root_abs = std::fs::canonicalize(root).map_err(|e| Error::io(root, "open", e))?;
    let mut inside = std::collections::BTreeSet::new();
    let mut outside = Vec::new();
    for given in paths {
        let meta = std::fs::metadata(given).map_err(|e| Error::io(given.clone(), "read", e))?;
        let files: Vec<Utf8PathBuf> = if meta.is_dir() {
            walkdir::WalkDir::new(given)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| {
                    e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md")
                })
                .filter_map(|e| Utf8PathBuf::from_path_buf(e.into_path()).ok())
                .collect()
        } else {
            vec![given.clone()]
        };
        for file in files {
            let abs =
                std::fs::canonicalize(&file).map_err(|e| Error::io(file.clone(), "open", e))?;
            match abs.strip_prefix(root_abs.join(content::CONTENT_DIR)) {
                Ok(rel) => {
                    let rel = Utf8Path::from_path(rel)
                        .ok_or_else(|| Error::msg(format!("`{file}` is not a UTF-8 path")))?;
                    inside.insert(Utf8PathBuf::from(content::CONTENT_DIR).join(rel));
                }
                Err(_) => {
                    let abs = Utf8PathBuf::from_path_buf(abs)
                        .map_err(|_| Error::msg(format!("`{file}` is not a UTF-8 path")))?;
                    outside.push((abs, file));
                }
            }
        }
    }
    let mut checked = check_with(root, &outside, options)?;
    let shown: std::collections::BTreeSet<&Utf8Path> =
        outside.iter().map(|(_, s)| s.as_path()).collect();
    checked
        .diagnostics
        .retain(|d| inside.contains(&d.file) || shown.contains(d.file.as_path()));
    Ok(checked)
}

fn check_with(
    root: &Utf8Path,
    outside: &[(Utf8PathBuf, Utf8PathBuf)],
    options: &Options,
) -> Result<Checked> {
    let config = config::Config::load(root)?;
    let (theme, mut diagnostics) = Theme::load(&config)?;
    let detector = lint::claims::Detector::new(&config.claim_terms())
        .map_err(|e| Error::msg(format!("invalid term in site.yaml `claim_lexicon`: {e}")))?;
    let extra = content::load_outside(&config, outside);
    let (site, site_diagnostics) = Site::load_with(config, extra)?;
    diagnostics.extend(site_diagnostics);
    let cx = lint::Context::new(&site, &theme, &detector, options.today);
    diagnostics.extend(lint::check(&cx));
    drop(cx);
    let mut diagnostics = lint::suppress::apply(&site, diagnostics);
    lint::diagnostic::sort(&mut diagnostics);
    Ok(Checked {
        site,
        theme,
        diagnostics,
    })
}

/// What a build did.
pub struct Built {
    pub checked: Checked,
    /// Files written, or `None` when findings blocked publishing (nothing was written).
    pub written: Option<usize>,
    /// Whether Pagefind built the search index.
    pub search_index: bool,
}

/// Lints the site, and when no finding is an error, renders it into `out`.
pub fn build(root: &Utf8Path, out: &Utf8Path, options: &Options) -> Result<Built> {
    write::check_output_dir(root, out)?;
    let checked = check(root, options)?;
    if checked.has_errors() {
        return Ok(Built {
            checked,
            written: None,
            search_index: false,
        });
    }
    let pagefind = search::Pagefind::find(root);
    let renderer = render::Renderer::new(&checked.site, &checked.theme, pagefind.is_some())?
        .with_live_reload(options.live_reload);
    let mut files = write::static_files(&root.join("static"))?;
    files.extend(renderer.render_all()?);
    drop(renderer);
    let mut indexed = false;
    write::write_site(out, &files, |staging| {
        if let Some(pagefind) = &pagefind {
            pagefind.index(staging)?;
            indexed = true;
        }
        Ok(())
    })?;
    Ok(Built {
        checked,
        written: Some(files.len()),
        search_index: indexed,
    })
}

/// The default output folder of a site.
pub fn default_out(root: &Utf8Path) -> Utf8PathBuf {
    root.join("public")
}
