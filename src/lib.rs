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
pub mod lint;
pub mod parse;
pub mod render;
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

/// A site read and checked: everything a command needs to report or build.
pub struct Checked {
    pub site: Site,
    pub theme: Theme,
    /// All findings, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
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
pub fn check(root: &Utf8Path) -> Result<Checked> {
    let config = config::Config::load(root)?;
    let (theme, mut diagnostics) = Theme::load(&config)?;
    let (site, site_diagnostics) = Site::load(config)?;
    diagnostics.extend(site_diagnostics);
    diagnostics.extend(lint::check(&site, &theme));
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
}

/// Lints the site, and when no finding is an error, renders it into `out`.
pub fn build(root: &Utf8Path, out: &Utf8Path) -> Result<Built> {
    write::check_output_dir(root, out)?;
    let checked = check(root)?;
    if checked.has_errors() {
        return Ok(Built {
            checked,
            written: None,
        });
    }
    let renderer = render::Renderer::new(&checked.site, &checked.theme)?;
    let mut files = write::static_files(&root.join("static"))?;
    files.extend(renderer.render_all()?);
    drop(renderer);
    write::write_site(out, &files)?;
    Ok(Built {
        checked,
        written: Some(files.len()),
    })
}

/// The default output folder of a site.
pub fn default_out(root: &Utf8Path) -> Utf8PathBuf {
    root.join("public")
}
