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
pub mod incremental;
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
pub mod timings;
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
    /// How long each stage took.
    pub timings: timings::Timings,
    /// How much of an earlier run was reused.
    pub reuse: incremental::Reuse,
    /// Per page (in the order of `site.pages`): what the next run may reuse.
    states: Vec<incremental::PageState>,
    lint_key: u64,
    /// Set when the site was rendered.
    render_key: Option<u64>,
    /// Listing pages, feeds and the sitemap as rendered, by output path, with their keys.
    listings: incremental::Listings,
    /// When this run began reading `content/`.
    scanned: std::time::SystemTime,
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

    /// Hands what this run made to `cache`, for the next run to reuse.
    pub fn keep_in(self, cache: &mut incremental::Cache) {
        cache.keep(
            self.site.pages,
            self.states,
            self.scanned,
            self.lint_key,
            self.render_key.map(|k| (k, self.listings)),
        );
    }
}

/// Loads the site in `root` and runs the lint.
pub fn check(root: &Utf8Path, options: &Options) -> Result<Checked> {
    check_with(root, &[], options, &mut incremental::Cache::default())
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
    let mut checked = check_with(root, &outside, options, &mut incremental::Cache::default())?;
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
    cache: &mut incremental::Cache,
) -> Result<Checked> {
    use rayon::prelude::*;
    let mut timings = timings::Timings::start();
    let config = config::Config::load(root)?;
    let (theme, mut diagnostics) = Theme::load(&config)?;
    let detector = cache.detector(&config)?;
    timings.lap("config");

    let scanned = cache.scanning();
    let mut loaded = content::load_changed(&config, &|path, stamp| cache.unchanged(path, stamp))?;
    let extra = content::load_outside(&config, outside);
    loaded.pages.extend(extra.pages);
    loaded.diagnostics.extend(extra.diagnostics);
    loaded.other_sources.extend(extra.other_sources);
    diagnostics.append(&mut loaded.diagnostics);
    timings.lap("load");

    // Parse what changed; take the rest from the last run.
    let mut reuse = incremental::Reuse::default();
    let mut kept = Vec::with_capacity(loaded.pages.len() + loaded.unchanged.len());
    let mut fresh = Vec::new();
    for path in &loaded.unchanged {
        match cache.take_unchanged(path) {
            Some(mut k) => {
                k.state.unchanged = true;
                kept.push((k.page, k.state));
            }
            None => return Err(Error::msg(format!("`{path}` vanished from the cache"))),
        }
    }
    for file in loaded.pages {
        match cache.take(&file.source.path, &file.source.text) {
            Some(mut k) => {
                k.state.unchanged = true;
                k.state.stamp = file.stamp;
                kept.push((k.page, k.state));
            }
            None => fresh.push(file),
        }
    }
    reuse.parsed = kept.len();
    let parsed: Vec<(parse::Page, incremental::PageState)> = fresh
        .into_par_iter()
        .map(|file| {
            let mut state = incremental::PageState {
                stamp: file.stamp,
                ..Default::default()
            };
            let page = parse::parse_page(file, &mut state.parse_findings);
            state.sentences = detector.sentences(&page);
            (page, state)
        })
        .collect();
    let mut all: Vec<(parse::Page, incremental::PageState)> = kept;
    all.extend(parsed);
    all.sort_by(|a, b| a.0.source.path.cmp(&b.0.source.path));
    let (pages, mut states): (Vec<_>, Vec<_>) = all.into_iter().unzip();
    reuse.pages = pages.len();
    let site = Site::new(
        config,
        pages,
        loaded.references,
        loaded.other_sources,
        &mut diagnostics,
    );
    timings.lap("parse");

    let lint_key = incremental::lint_key(&site, &theme, options.today);
    let reusable = cache.lint_key_matches(lint_key);
    let sentences: Vec<Vec<lint::claims::Sentence>> = states
        .iter_mut()
        .map(|s| std::mem::take(&mut s.sentences))
        .collect();
    // A page's results stay valid while it and its translations are unchanged.
    let unchanged: Vec<bool> = states.iter().map(|s| s.unchanged).collect();
    for (i, state) in states.iter_mut().enumerate() {
        state.unchanged =
            unchanged[i] && site.translations_of(&site.pages[i]).all(|t| unchanged[t]);
        if !state.unchanged {
            state.html = None;
        }
    }
    let same: Vec<bool> = states.iter().map(|s| s.unchanged).collect();
    let findings: Vec<Option<Vec<Diagnostic>>> = (0..site.pages.len())
        .into_par_iter()
        .map(|i| {
            if reusable && same[i] {
                None
            } else {
                Some(lint::check_page(
                    &site,
                    &theme,
                    &sentences,
                    options.today,
                    i,
                ))
            }
        })
        .collect();
    for ((state, found), sentences) in states.iter_mut().zip(findings).zip(sentences) {
        if let Some(found) = found {
            state.findings = found;
        } else {
            reuse.checked += 1;
        }
        state.sentences = sentences;
    }
    for state in &states {
        diagnostics.extend(state.parse_findings.iter().cloned());
        diagnostics.extend(state.findings.iter().cloned());
    }
    {
        let sentences: Vec<Vec<lint::claims::Sentence>> = states
            .iter_mut()
            .map(|s| std::mem::take(&mut s.sentences))
            .collect();
        diagnostics.extend(lint::check_site(&site, &theme, &sentences, options.today));
        for (state, s) in states.iter_mut().zip(sentences) {
            state.sentences = s;
        }
    }
    let mut diagnostics = lint::suppress::apply(&site, diagnostics);
    lint::diagnostic::sort(&mut diagnostics);
    timings.lap("rules");
    Ok(Checked {
        site,
        theme,
        diagnostics,
        timings,
        reuse,
        states,
        lint_key,
        render_key: None,
        listings: Default::default(),
        scanned,
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
    let pagefind = search::Pagefind::find(root);
    let (checked, files) = check_and_render(
        root,
        options,
        pagefind.is_some(),
        &mut incremental::Cache::default(),
    )?;
    let mut checked = checked;
    let Some(files) = files else {
        return Ok(Built {
            checked,
            written: None,
            search_index: false,
        });
    };
    let mut indexed = false;
    let mut search_time = None;
    write::write_site(out, &files, |staging| {
        if let Some(pagefind) = &pagefind {
            let started = std::time::Instant::now();
            pagefind.index(staging)?;
            search_time = Some(("search", started.elapsed()));
            indexed = true;
        }
        Ok(())
    })?;
    checked.timings.lap_with("write", search_time);
    Ok(Built {
        checked,
        written: Some(files.len()),
        search_index: indexed,
    })
}

/// Lints the site, and when no finding is an error, renders it in memory, reusing what `cache`
/// kept of the last run and leaving this run's results there. The files come in a fixed
/// order: static files first, then the rendered pages.
pub fn rebuild(
    root: &Utf8Path,
    options: &Options,
    search: bool,
    cache: &mut incremental::Cache,
) -> Result<(Checked, Option<Vec<render::OutputFile>>)> {
    check_and_render(root, options, search, cache)
}

fn check_and_render(
    root: &Utf8Path,
    options: &Options,
    search: bool,
    cache: &mut incremental::Cache,
) -> Result<(Checked, Option<Vec<render::OutputFile>>)> {
    let mut checked = check_with(root, &[], options, cache)?;
    if checked.has_errors() {
        return Ok((checked, None));
    }
    let render_key =
        incremental::render_key(&checked.site, &checked.theme, search, options.live_reload);
    let reusable = cache.render_key_matches(render_key);
    let mut files = write::static_files(&root.join("static"))?;
    {
        let earlier = incremental::Earlier {
            cache,
            states: &checked.states,
            valid: reusable,
        };
        let renderer = render::Renderer::new(&checked.site, &checked.theme, search)?
            .with_live_reload(options.live_reload)
            .with_site_key(render_key);
        let (rendered, reused) = renderer.render_all(&earlier)?;
        checked.reuse.outputs = rendered.len();
        files.extend(rendered);
        checked.reuse.rendered = reused;
    }
    checked.listings = files
        .iter()
        .filter_map(|f| f.key.map(|k| (f.path.clone(), (k, f.bytes.clone()))))
        .collect();
    for file in &files {
        if let Some(i) = file.page {
            checked.states[i].html = Some(file.bytes.clone());
        }
    }
    checked.render_key = Some(render_key);
    checked.timings.lap("render");
    Ok((checked, Some(files)))
}

/// The default output folder of a site.
pub fn default_out(root: &Utf8Path) -> Utf8PathBuf {
    root.join("public")
}
