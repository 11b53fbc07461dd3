//! akashi (証, "proof"): a static site generator for bilingual Japanese/English patient
//! information that refuses to publish a treatment claim without an evidence level and a
//! citation.
//!
//! The pipeline, one function and one type per stage (see ARCHITECTURE.md):
//! 1. [`load`] → [`Loaded`]: the configuration, the theme and the files of `content/`;
//! 2. [`parse_site`] → [`Parsed`]: front matter, Markdown, evidence tags and references read into a
//!    [`site::Site`] with its [`routes::Routes`], each page checked on its own as it is read
//!    ([`read_page`]);
//! 3. [`check_parsed`] → [`Checked`]: the rules that read several pages, suppressions applied;
//! 4. [`render`] turns the site into HTML, feeds and a sitemap through the [`theme`];
//! 5. [`write`] replaces the output folder atomically.
//!
//! [`check`], [`build`] and [`rebuild`] (for `akashi serve`) run them in that order.

pub mod cli;
pub mod config;
pub mod content;
pub mod error;
pub mod findings;
pub mod fix;
pub mod incremental;
pub mod lint;
pub mod parse;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
pub mod suggest;
pub mod text;
pub mod theme;
pub mod timings;
pub mod web_address;
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
    /// The keys of the local and the linked rules' inputs.
    lint_key: (u64, u64),
    /// Set when the site was rendered.
    render_key: Option<u64>,
    /// Listing pages, feeds and the sitemap as rendered, by output path, with their keys.
    listings: incremental::Listings,
    /// When this run began reading `content/`.
    scanned: std::time::SystemTime,
    /// Whether the site was rendered (no finding blocked it).
    rendered: bool,
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
            .filter(|s| s.is_held())
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
    check_with(
        root,
        &[],
        options,
        &mut incremental::Cache::default(),
        false,
    )
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
    let mut checked = check_with(
        root,
        &outside,
        options,
        &mut incremental::Cache::default(),
        false,
    )?;
    let shown: std::collections::BTreeSet<&Utf8Path> =
        outside.iter().map(|(_, s)| s.as_path()).collect();
    checked
        .diagnostics
        .retain(|d| inside.contains(&d.file) || shown.contains(d.file.as_path()));
    Ok(checked)
}

/// Stage 1, load: the configuration, the theme, the claim detectors and the files of
/// `content/` (of the pages, only those that changed since `cache` last saw them), with what
/// reading them found.
pub struct Loaded {
    pub config: config::Config,
    pub theme: Theme,
    /// One detector per worker thread.
    pub detectors: std::sync::Arc<Vec<lint::claims::Detector>>,
    pub content: content::Content,
    /// What `static/` holds.
    pub static_dir: content::StaticDir,
    pub diagnostics: Vec<Diagnostic>,
    /// When this run began reading `content/`.
    pub scanned: std::time::SystemTime,
    pub timings: timings::Timings,
}

/// Reads the site in `root`, and the pages given from outside it.
pub fn load(
    root: &Utf8Path,
    outside: &[(Utf8PathBuf, Utf8PathBuf)],
    cache: &mut incremental::Cache,
) -> Result<Loaded> {
    let mut timings = timings::Timings::start();
    let config = config::Config::load(root)?;
    let (theme, mut diagnostics) = Theme::load(&config)?;
    let detectors = cache.detector(&config)?;
    timings.lap("config");

    let scanned = std::time::SystemTime::now();
    let listing = cache.listing(&config)?;
    let mut content = content::load_listing(&config, &listing, &|path, stamp| {
        cache.unchanged(path, stamp)
    });
    cache.keep_listing(listing);
    let extra = content::load_outside(&config, outside);
    content.pages.extend(extra.pages);
    content.problems.extend(extra.problems);
    content.other_sources.extend(extra.other_sources);
    diagnostics.extend(lint::load_findings(&std::mem::take(&mut content.problems)));
    let static_dir = content::StaticDir::list(&config.root);
    timings.lap("load");
    Ok(Loaded {
        config,
        theme,
        detectors,
        content,
        static_dir,
        diagnostics,
        scanned,
        timings,
    })
}

/// A page read on its own ([`read_page`]).
pub struct ReadPage {
    pub page: parse::Page,
    /// What parsing it and the rules that read one page found, less what the page's own
    /// suppressions cover.
    pub findings: Vec<Diagnostic>,
    /// For each suppression comment of the page, whether it suppressed one of those findings.
    pub suppressions_used: Vec<bool>,
}

/// Parses one page and runs the rules that read it alone (its prose, its tags, its dates):
/// what every page goes through, with `site` holding the configuration and references.
pub fn read_page(
    file: content::ContentFile,
    site: &Site,
    theme: &Theme,
    detector: &lint::claims::Detector,
    today: jiff::civil::Date,
) -> ReadPage {
    let mut found = Vec::new();
    let mut page = parse::parse_page(file, &mut found);
    routes::settle_heading_anchors(&mut page);
    let sentences = detector.sentences(&page);
    page.tag_statuses = tag_statuses(site, &page, &sentences);
    found.extend(lint::check_local(site, theme, &page, sentences, today));
    let (mut findings, suppressions_used) = lint::suppress::apply_to_page(&page, found);
    // The prose has been read. What later stages ask of it is found now, while it is here
    // (the treatments it names; the suppressions its comments make and the tags' lines are
    // already kept), and the text is set aside: rendering reads the file again, and so does a
    // report of a finding. What stays is kept in as little memory as it takes, for as long as
    // the site is: at 10,000 pairs, the slack of growing vectors alone was 100 MB.
    site.treatments_discussed(&page);
    page.body.blocks = Vec::new();
    page.body.comments = Vec::new();
    page.source.set_aside();
    page.shrink_to_fit();
    findings.shrink_to_fit();
    ReadPage {
        page,
        findings,
        suppressions_used,
    }
}

/// What the badges of a page say beside them ([`parse::Page::tag_statuses`]): for each tag with
/// a level, the statuses of the treatments its statement names or, when it names none of the
/// site's, those its paragraph named last (「エクソソーム点滴の効果は…。安全性も、わかって
/// いません」). Approved treatments have none, but are named all the same. Paragraphs without
/// tags are not read.
fn tag_statuses(
    site: &Site,
    page: &parse::Page,
    sentences: &[lint::claims::Sentence],
) -> Vec<(u32, config::TreatmentStatus)> {
    let mut out = Vec::new();
    let mut named: (usize, Vec<config::TreatmentStatus>) = (usize::MAX, Vec::new());
    let tagged = |block: usize| {
        page.body
            .blocks
            .get(block)
            .is_some_and(|b| !b.tags.is_empty())
    };
    for sentence in sentences.iter().filter(|s| tagged(s.block)) {
        if sentence.block != named.0 {
            named = (sentence.block, Vec::new());
        }
        if let Some(statuses) = site.statuses_named(&sentence.text) {
            named.1 = statuses;
        }
        for &tag in &sentence.tags {
            let leveled = page
                .body
                .tags
                .get(tag)
                .is_some_and(|t| t.tag.level.is_some());
            if leveled {
                out.extend(named.1.iter().map(|&status| (tag as u32, status)));
            }
        }
    }
    out.sort_by_key(|&(tag, _)| tag);
    out
}

/// Stage 2, parse: every page parsed and checked on its own ([`read_page`]), or taken from the
/// last run when its file did not change; the site with its pages and routes.
pub struct Parsed {
    pub site: Site,
    pub theme: Theme,
    /// The theme's own text, read as prose.
    pub theme_pages: Vec<parse::Page>,
    pub diagnostics: Vec<Diagnostic>,
    /// Per page (in the order of `site.pages`): what the next run may reuse.
    states: Vec<incremental::PageState>,
    local_key: u64,
    reuse: incremental::Reuse,
    scanned: std::time::SystemTime,
    pub timings: timings::Timings,
}

/// Parses what [`load`] read.
pub fn parse_site(loaded: Loaded, options: &Options, cache: &mut incremental::Cache) -> Parsed {
    use rayon::prelude::*;
    let Loaded {
        config,
        theme,
        detectors,
        mut content,
        static_dir,
        mut diagnostics,
        scanned,
        mut timings,
    } = loaded;
    // The rules that read one page at a time need the configuration and references only.
    let mut site = Site::new(
        config,
        content.references.take(),
        std::mem::take(&mut content.other_sources),
        &mut diagnostics,
    );
    site.static_dir = static_dir;
    // The theme's own text is on every page: read and checked like an article's prose, once
    // for as long as the theme, the configuration and the date stay the same.
    let theme_pages = parse::theme::prose(&theme, &site.config.default_language);
    let local_key = incremental::local_key(&site, &theme, options.today);
    diagnostics.extend(cache.theme_findings(local_key, || {
        // A clone of its own: the first thread to search with a detector owns its caches,
        // and that must be the worker thread that uses it for every page, not this one.
        let theme_detector = detectors[0].clone();
        let theme_sentences: Vec<_> = theme_pages
            .iter()
            .map(|p| theme_detector.sentences(p))
            .collect();
        lint::check_theme(&site, &theme, &theme_pages, &theme_sentences, options.today)
    }));
    cache.check_local_key(local_key);

    // Read and check what changed; take the rest from the last run.
    let mut reuse = incremental::Reuse::default();
    let incremental::Spare {
        pairs: mut kept,
        mut pages,
        mut states,
    } = cache.take_spare();
    kept.reserve(content.pages.len() + content.unchanged.len());
    let mut fresh = Vec::new();
    let mut unread = Vec::new();
    for path in std::mem::take(&mut content.unchanged) {
        match cache.take_unchanged(&path) {
            Some(mut k) => {
                k.state.unchanged = true;
                kept.push((k.page, k.state));
            }
            // Dropped because the local rules' inputs changed: read it after all.
            None => unread.push(path),
        }
    }
    let mut late = content::load_listed(&site.config, &unread);
    diagnostics.extend(lint::load_findings(&late.problems));
    content.pages.append(&mut late.pages);
    // Files are read here, each by the thread that parses it, and set aside once it is
    // checked: the texts of a large site are never all in memory at once.
    let mut unreadable = Vec::new();
    for mut file in content.pages {
        if !cache.has_page(&file.source.path) {
            fresh.push(file);
            continue;
        }
        if let Err(unread) = file.read() {
            unreadable.push(unread);
            continue;
        }
        match cache.take(&file.source) {
            Some(mut k) => {
                k.state.unchanged = true;
                k.state.stamp = file.stamp;
                kept.push((k.page, k.state));
            }
            None => fresh.push(file),
        }
    }
    reuse.parsed = kept.len();
    let parsed: Vec<Result<(parse::Page, incremental::PageState), Box<content::Unread>>> = fresh
        .into_par_iter()
        .map(|mut file| {
            file.read()?;
            let detector = &detectors[rayon::current_thread_index().unwrap_or(0) % detectors.len()];
            let stamp = file.stamp;
            let read = read_page(file, &site, &theme, detector, options.today);
            let state = incremental::PageState {
                prints: incremental::Prints::of(&read.page),
                suppressions_well_formed: lint::suppress::well_formed(&read.page),
                stamp,
                findings: read.findings,
                suppressions_used: read.suppressions_used,
                ..Default::default()
            };
            Ok((read.page, state))
        })
        .collect();
    let mut all: Vec<(parse::Page, incremental::PageState)> = kept;
    for result in parsed {
        match result {
            Ok(pair) => all.push(pair),
            Err(unread) => unreadable.push(unread),
        }
    }
    let problems: Vec<content::Problem> = unreadable
        .into_iter()
        .map(|unread| {
            site.other_sources.extend(unread.lossy);
            unread.problem
        })
        .collect();
    diagnostics.extend(lint::load_findings(&problems));
    all.sort_by(|a, b| a.0.source.path.cmp(&b.0.source.path));
    pages.reserve(all.len());
    states.reserve(all.len());
    for (page, state) in all.drain(..) {
        pages.push(page);
        states.push(state);
    }
    cache.spare_pairs(all);
    reuse.pages = pages.len();
    // The index and routes of the last run serve while every page has the same shape.
    let shape = incremental::shape_key(&site.config, &states);
    let site = site.with_pages_indexed(pages, cache.indexed(shape));
    cache.keep_indexed(shape, &site);
    timings.lap("parse");
    Parsed {
        site,
        theme,
        theme_pages,
        diagnostics,
        states,
        local_key,
        reuse,
        scanned,
        timings,
    }
}

/// Stage 3, check: the rules that read a page with the pages it links to, and those that read
/// the whole site; suppressions applied. With `keep`, each page's findings stay in its state as
/// well, for the next run to reuse.
pub fn check_parsed(
    parsed: Parsed,
    options: &Options,
    cache: &mut incremental::Cache,
    keep: bool,
) -> Checked {
    use rayon::prelude::*;
    let Parsed {
        mut site,
        theme,
        theme_pages,
        mut diagnostics,
        mut states,
        local_key,
        mut reuse,
        scanned,
        mut timings,
    } = parsed;
    // A page's results stay valid while it and its translations are unchanged.
    let unchanged: Vec<bool> = states.iter().map(|s| s.unchanged).collect();
    for (i, state) in states.iter_mut().enumerate() {
        state.unchanged = unchanged[i] && site.translations_at(i).iter().all(|&t| unchanged[t]);
        if !state.unchanged {
            state.html = None;
        }
    }
    let linked_key = incremental::linked_key(&site, &states);
    let reusable = cache.linked_key_matches(linked_key);
    let unchanged: Vec<bool> = states.iter().map(|s| s.unchanged).collect();
    let linked: Vec<Option<lint::suppress::Sorted>> = states
        .par_iter()
        .enumerate()
        .map(|(i, state)| {
            // The suppressions its findings met must be unchanged too.
            if reusable
                && state.unchanged
                && state.linked_suppressed.iter().all(|&(t, _)| unchanged[t])
            {
                None
            } else {
                let found = lint::check_linked(&site, &theme, options.today, i);
                Some(lint::suppress::apply_where_found(&site, i, found))
            }
        })
        .collect();
    for (state, found) in states.iter_mut().zip(linked) {
        match found {
            // Like the local rules' findings, these meet the suppressions of the page they are
            // in at once, and a page kept for the next run keeps what is left.
            Some(sorted) => {
                (state.linked, state.linked_suppressed) = (sorted.left, sorted.suppressed)
            }
            None => reuse.checked += 1,
        }
    }
    for state in &mut states {
        if keep {
            diagnostics.extend(state.findings.iter().cloned());
            diagnostics.extend(state.linked.iter().cloned());
        } else {
            diagnostics.append(&mut state.findings);
            diagnostics.append(&mut state.linked);
        }
    }
    diagnostics.extend(lint::check_site(&site, &theme, options.today));
    // Suppressions can change the outcome only in pages with findings left and in pages whose
    // suppressions are not all used and well formed (and in the theme's text): the others are
    // not looked at.
    let mut used: Vec<Vec<bool>> = states.iter().map(|s| s.suppressions_used.clone()).collect();
    for &(t, k) in states.iter().flat_map(|s| &s.linked_suppressed) {
        if let Some(u) = used.get_mut(t).and_then(|u| u.get_mut(k)) {
            *u = true;
        }
    }
    let mut unsettled: Vec<bool> = (states.iter().zip(&used))
        .map(|(s, used)| !(s.suppressions_well_formed && used.iter().all(|&u| u)))
        .collect();
    for d in &diagnostics {
        if let Some(i) = site.index_at_source(d.file.as_str()) {
            unsettled[i] = true;
        }
    }
    let pages = (site.pages.iter().zip(&used).zip(unsettled))
        .filter(|(_, unsettled)| *unsettled)
        .map(|((page, used), _)| (page, Some(used.as_slice())))
        .chain(theme_pages.iter().map(|page| (page, None)));
    let mut diagnostics = lint::suppress::apply(pages, diagnostics);
    // The pages' texts were set aside once each page was checked: those the findings point
    // into are read again, for the reports to show where.
    let mut shown = std::collections::HashSet::new();
    let mut changed = Vec::new();
    for d in &diagnostics {
        let Some(i) = site.index_at_source(d.file.as_str()) else {
            continue;
        };
        if shown.insert(i)
            && let Err(e) = site.pages[i].source.restore()
        {
            let path = site.pages[i].source.path.clone();
            changed.push(content::Problem::new(
                path,
                content::Trouble::CannotRead(e.to_string()),
            ));
        }
    }
    diagnostics.extend(lint::load_findings(&changed));
    findings::sort(&mut diagnostics);
    timings.lap("rules");
    Checked {
        site,
        theme,
        diagnostics,
        timings,
        reuse,
        states,
        lint_key: (local_key, linked_key),
        render_key: None,
        listings: Default::default(),
        scanned,
        rendered: false,
    }
}

/// Reads and checks the site: [`load`], [`parse_site`], [`check_parsed`].
fn check_with(
    root: &Utf8Path,
    outside: &[(Utf8PathBuf, Utf8PathBuf)],
    options: &Options,
    cache: &mut incremental::Cache,
    keep: bool,
) -> Result<Checked> {
    let loaded = load(root, outside, cache)?;
    let parsed = parse_site(loaded, options, cache);
    Ok(check_parsed(parsed, options, cache, keep))
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
    // Pages go to disk as they are rendered, so that they are never all in memory at once;
    // the staging folder replaces the output only when everything succeeded.
    let staging = std::sync::OnceLock::new();
    let written = std::sync::atomic::AtomicUsize::new(0);
    let mut checked = check_and_render(
        root,
        options,
        pagefind.is_some(),
        &mut incremental::Cache::default(),
        false,
        &mut || {
            let _ = staging.set(write::Staging::new(out)?);
            Ok(())
        },
        &|file| {
            written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            match staging.get() {
                Some(staging) => staging.write(&file),
                None => Err(Error::msg("no output folder to write to")),
            }
        },
    )?;
    let Some(staging) = staging.into_inner().filter(|_| checked.rendered) else {
        return Ok(Built {
            checked,
            written: None,
            search_index: false,
        });
    };
    let mut indexed = false;
    let mut search_time = None;
    if let Some(pagefind) = &pagefind {
        let started = std::time::Instant::now();
        pagefind.index(staging.path())?;
        search_time = Some(("search", started.elapsed()));
        indexed = true;
    }
    staging.commit()?;
    checked.timings.lap_with("write", search_time);
    Ok(Built {
        checked,
        written: Some(written.into_inner()),
        search_index: indexed,
    })
}

/// Lints the site, and when no finding is an error, renders it in memory, reusing what `cache`
/// kept of the last run (hand the result back with [`Checked::keep_in`]). The files are sorted
/// by path.
pub fn rebuild(
    root: &Utf8Path,
    options: &Options,
    search: bool,
    cache: &mut incremental::Cache,
) -> Result<(Checked, Option<Vec<render::OutputFile>>)> {
    let files = std::sync::Mutex::new(Vec::new());
    let checked = check_and_render(
        root,
        options,
        search,
        cache,
        true,
        &mut || Ok(()),
        &|file| {
            files
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .push(file);
            Ok(())
        },
    )?;
    if !checked.rendered {
        return Ok((checked, None));
    }
    let mut files = files
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((checked, Some(files)))
}

/// Lints, and when no finding is an error, calls `start` and then renders into `sink`, static
/// files first. With `keep`, what the next run may reuse is kept in the result.
fn check_and_render(
    root: &Utf8Path,
    options: &Options,
    search: bool,
    cache: &mut incremental::Cache,
    keep: bool,
    start: &mut dyn FnMut() -> Result<()>,
    sink: render::Sink<'_>,
) -> Result<Checked> {
    let mut checked = check_with(root, &[], options, cache, keep)?;
    if checked.has_errors() {
        return Ok(checked);
    }
    start()?;
    if !keep {
        // What only the lint reads is not kept while the site renders.
        for page in &mut checked.site.pages {
            page.front.spans = Vec::new();
            page.body.links = Vec::new();
            page.body.literal_emphasis = Vec::new();
            // The rendered badges come from the text, read again; the reference list from
            // the citation order.
            page.body.tags = Vec::new();
        }
    }
    let render_key = incremental::render_key(
        &checked.site,
        &checked.theme,
        &checked.states,
        search,
        options.live_reload,
    );
    let reusable = cache.render_key_matches(render_key);
    for file in write::static_files(&root.join("static"))? {
        sink(file)?;
    }
    let kept = std::sync::Mutex::new((Vec::new(), incremental::Listings::new()));
    {
        let earlier = incremental::Earlier {
            cache,
            states: &checked.states,
            valid: reusable,
        };
        let renderer = render::Renderer::new(&checked.site, &checked.theme, search)?
            .with_live_reload(options.live_reload)
            .with_site_key(render_key)
            .with_card_keys(checked.states.iter().map(|s| s.prints.card).collect());
        let (made, reused) = renderer.render_all(&earlier, &|file| {
            if keep && (file.page.is_some() || file.key.is_some()) {
                let mut kept = kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                match (file.page, file.key) {
                    (Some(i), _) => kept.0.push((i, file.bytes.clone())),
                    (None, Some(k)) => {
                        kept.1.insert(file.path.clone(), (k, file.bytes.clone()));
                    }
                    (None, None) => {}
                }
            }
            sink(file)
        })?;
        checked.reuse.outputs = made;
        checked.reuse.rendered = reused;
    }
    let (html, listings) = kept
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    for (i, bytes) in html {
        checked.states[i].html = Some(bytes);
    }
    checked.listings = listings;
    checked.render_key = Some(render_key);
    checked.rendered = true;
    checked.timings.lap("render");
    Ok(checked)
}

/// The default output folder of a site.
pub fn default_out(root: &Utf8Path) -> Utf8PathBuf {
    root.join("public")
}
