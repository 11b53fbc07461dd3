//! What one run leaves for the next, so that `akashi serve` redoes only what a change affects.
//!
//! A [`Cache`] keeps, for every page of the last run, its parsed form, its findings and its
//! rendered HTML. The next run reuses each of
//! them while its inputs are unchanged:
//!
//! - the parsed page and the findings of the local rules (those that read its prose), while
//!   the file's text is the same and so are the configuration, references, theme and review
//!   date ([`local_key`]); the prose itself is not kept;
//! - the findings of the linked rules (links, translations), while the page's text and its
//!   translations' are the same and so is what those rules read of the rest of the site: which
//!   pages exist with which headings, and the static files ([`linked_key`]);
//! - an article's HTML, while its text and its translations' are the same and so is everything
//!   the article template reads from the rest of the site: configuration, references, theme,
//!   and every page's URL, draft state and (for section pages) title ([`render_key`]);
//! - a listing page, feed or sitemap, while those site-wide inputs are the same and so is what
//!   it shows of each article it lists, and the text of the section page it introduces.
//!
//! Everything else (site rules, listing pages, feeds, the sitemap) is recomputed on every run.
//! Reuse is decided by comparing inputs, never by guessing from which file was saved, so a run
//! with a cache gives the same result as one without.

use crate::lint::Diagnostic;
use crate::lint::claims::Detector;
use crate::parse::Page;
use crate::site::Site;
use crate::theme::Theme;
use camino::Utf8PathBuf;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// What a page contributed to the last run.
#[derive(Debug)]
pub struct Kept {
    pub page: Page,
    pub state: PageState,
}

/// A page's results besides its parsed form, in the order the pipeline makes them.
#[derive(Debug, Default, Clone)]
pub struct PageState {
    /// Findings of parsing the page (front matter, Markdown) and of the local rules that the
    /// page's own suppressions leave.
    pub findings: Vec<Diagnostic>,
    /// For each suppression comment of the page, whether it suppressed one of the page's own
    /// findings (which are then not in `findings`).
    pub suppressions_used: Vec<bool>,
    /// Whether every suppression comment of the page gives a reason and names only rules that
    /// exist.
    pub suppressions_well_formed: bool,
    /// Findings of the linked rules on the page that the suppressions of the files they are in
    /// leave.
    pub linked: Vec<Diagnostic>,
    /// The suppressions that the other findings of the linked rules on the page met: the
    /// index of the page they are in (the page itself, or the translation a finding is about),
    /// and of the suppression in it.
    pub linked_suppressed: Vec<(usize, usize)>,
    /// The rendered page, for articles.
    pub html: Option<bytes::Bytes>,
    /// The file as it was when read.
    pub stamp: Option<crate::content::Stamp>,
    /// What the rest of the site sees of the page, taken when it was read.
    pub prints: Prints,
    /// Whether the page's text and its translations' are the same as in the last run (so its
    /// `html` was rendered from what it says now).
    pub unchanged: bool,
}

/// Hashes of what the rest of the site sees of a page, taken once, when the page is read: a
/// run combines them into the site-wide keys without looking into every page again.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Prints {
    /// What the index and routes read ([`crate::site::PageIndex`], [`crate::routes::Routes`]):
    /// path, language, kind, folder, slug, draft state, date, title and tags.
    pub shape: u64,
    /// What the linked rules read of other pages: path, draft state, tags, heading anchors and
    /// how many sources it cites.
    pub linked: u64,
    /// What other pages show of it: path, draft state, and a section page's title.
    pub render: u64,
    /// What listings show of it ([`crate::render::card_key`]).
    pub card: u64,
}

impl Prints {
    pub fn of(page: &Page) -> Prints {
        let front = &page.front;
        let path = page.source.path.as_str();
        let mut h = DefaultHasher::new();
        (path, page.kind == crate::content::PageKind::Article).hash(&mut h);
        (&page.lang, &page.dir, &page.slug).hash(&mut h);
        (front.draft, &front.date, &front.title, &front.tags).hash(&mut h);
        let shape = h.finish();
        let mut h = DefaultHasher::new();
        (path, front.draft, &front.tags).hash(&mut h);
        for heading in &page.body.headings {
            heading.anchor.hash(&mut h);
        }
        page.citation_count().hash(&mut h);
        let linked = h.finish();
        let mut h = DefaultHasher::new();
        (path, front.draft).hash(&mut h);
        // Every page's navigation and breadcrumbs show the sections' titles; the listing
        // pages that show a section's text have it in their own keys.
        if !page.is_article() {
            front.title.hash(&mut h);
        }
        let render = h.finish();
        Prints {
            shape,
            linked,
            render,
            card: crate::render::card_key(page),
        }
    }
}

/// How much of the last run a run reused.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Reuse {
    pub pages: usize,
    /// Pages whose text was unchanged.
    pub parsed: usize,
    /// Pages whose page-rule findings were reused.
    pub checked: usize,
    /// Rendered files (pages, feeds, the sitemap), and how many of them were reused.
    pub outputs: usize,
    pub rendered: usize,
}

#[derive(Default)]
pub struct Cache {
    /// When the last run began reading `content/`.
    scanned: Option<std::time::SystemTime>,
    /// The detectors, with a hash of the terms they were made with.
    detector: Option<(u64, Arc<Vec<Detector>>)>,
    /// By the page's path as text (hashing a `Path` walks its components).
    pages: HashMap<String, Kept>,
    local_key: Option<u64>,
    linked_key: Option<u64>,
    render_key: Option<u64>,
    /// Listing pages, feeds and the sitemap by output path, with the key each was rendered
    /// from.
    listings: Listings,
    /// What the rules found in the theme's own text, with the local key it was found under
    /// (the theme, the configuration and the date are all in it).
    theme_findings: Option<(u64, Vec<Diagnostic>)>,
    /// The last site's index and routes, with its [`shape_key`].
    indexed: Option<(u64, Indexed)>,
    /// What the last run found in `content/`.
    listing: Option<crate::content::Listing>,
    /// What the caller said changed since the last run read `content/` ([`Cache::told`]).
    changed: Option<Change>,
    /// The last run's vectors of pages, emptied and kept for their memory.
    spare: Spare,
}

/// What changed in the site's folder, as a file-system watcher tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Only the contents of these files of `content/` (the site's folder joined with
    /// `content/...`) changed, in place. Changes outside `content/` (the theme, static files,
    /// site.yaml) need no naming: every run reads them.
    InPlace(Vec<Utf8PathBuf>),
    /// Files or folders came, went or were renamed, or the watcher cannot tell.
    Anything,
}

impl Change {
    /// This change, then `later`.
    pub fn and(self, later: Change) -> Change {
        match (self, later) {
            (Change::InPlace(mut paths), Change::InPlace(more)) => {
                paths.extend(more);
                Change::InPlace(paths)
            }
            _ => Change::Anything,
        }
    }
}

/// Emptied vectors of the last run, kept for their memory: a save at 10,000 pairs moves 20,000
/// pages through them, and getting that memory from the system afresh on every save (which
/// zeroes it) was a quarter of the save's time.
#[derive(Default)]
pub struct Spare {
    pub pairs: Vec<(Page, PageState)>,
    pub pages: Vec<Page>,
    pub states: Vec<PageState>,
}

/// A site's index and routes ([`Site::indexed`]).
type Indexed = (Arc<crate::site::PageIndex>, Arc<crate::routes::Routes>);

/// Rendered listing pages, feeds and the sitemap by output path, with their keys.
pub type Listings = HashMap<String, (u64, bytes::Bytes)>;

/// What the renderer may take from the cache in this run.
pub struct Earlier<'a> {
    pub cache: &'a Cache,
    /// This run's page states, in the order of `Site::pages`.
    pub states: &'a [PageState],
    /// Whether the site-wide inputs of articles are as when they were rendered.
    pub valid: bool,
}

impl crate::render::Earlier for Earlier<'_> {
    fn article(&self, page: usize) -> Option<bytes::Bytes> {
        let state = self.states.get(page)?;
        if self.valid && state.unchanged {
            state.html.clone()
        } else {
            None
        }
    }

    fn listing(&self, path: &str, key: u64) -> Option<bytes::Bytes> {
        match self.cache.listings.get(path) {
            Some((k, bytes)) if *k == key => Some(bytes.clone()),
            _ => None,
        }
    }
}

impl Cache {
    /// Says what changed in the site's folder since the last run (`akashi serve` knows it from
    /// its file-system watcher). With [`Change::InPlace`], the next run takes the last run's
    /// listing of `content/` and asks about the named files alone, instead of walking it.
    /// What it is told adds up until a run reads `content/`, so a run that stopped before
    /// (site.yaml broken) forgets nothing.
    pub fn told(&mut self, change: Change) {
        self.changed = Some(match self.changed.take() {
            Some(earlier) => earlier.and(change),
            None => change,
        });
    }

    /// The files of `content/`: the last run's listing with new stamps for the files that
    /// [`Cache::told`] named as changed in place, or a new walk when that cannot be told.
    pub fn listing(
        &mut self,
        config: &crate::config::Config,
    ) -> crate::Result<crate::content::Listing> {
        let changed = self.changed.take();
        if let (Some(Change::InPlace(changed)), Some(mut listing)) = (changed, self.listing.take())
            && listing.lists(&config.root)
            && listing.restat(&changed)
        {
            return Ok(listing);
        }
        crate::content::list(config)
    }

    /// Keeps this run's listing of `content/` for the next.
    pub fn keep_listing(&mut self, listing: crate::content::Listing) {
        self.listing = Some(listing);
    }

    /// The claim detector for the site's terms, one per thread (a regex's search caches are
    /// fastest for the thread that owns them): the last run's when the terms are the same, so
    /// that their caches are warm.
    pub fn detector(&mut self, site: &crate::config::Config) -> crate::Result<Arc<Vec<Detector>>> {
        let terms = site.claim_terms();
        let id = {
            let mut h = DefaultHasher::new();
            terms.hash(&mut h);
            h.finish()
        };
        if let Some((kept, detector)) = &self.detector
            && *kept == id
        {
            return Ok(detector.clone());
        }
        let detector =
            Detector::new(&terms).map_err(|e| crate::Error::msg(format!("site.yaml: {e}")))?;
        let detector = Arc::new(
            (0..rayon::current_num_threads().max(1))
                .map(|_| detector.clone())
                .collect::<Vec<_>>(),
        );
        // Pages checked with other terms are dropped by [`Cache::check_local_key`]: the terms
        // are part of the configuration, which the local key covers.
        self.detector = Some((id, detector.clone()));
        Ok(detector)
    }

    /// Whether the page file at `path` is, by its stamp, the one the last run read. A file
    /// changed in the same tick of the clock as that run read it could keep its stamp, so a
    /// file whose time is not older than the last run is read again (as git does).
    pub fn unchanged(&self, path: &camino::Utf8Path, stamp: &crate::content::Stamp) -> bool {
        let Some(scanned) = self.scanned else {
            return false;
        };
        self.pages
            .get(path.as_str())
            .is_some_and(|k| k.state.stamp.as_ref() == Some(stamp) && stamp.modified < scanned)
    }

    /// The last run's page for `path`, which [`Cache::unchanged`] said is unchanged.
    pub fn take_unchanged(&mut self, path: &camino::Utf8Path) -> Option<Kept> {
        self.pages.remove(path.as_str())
    }

    /// Whether the last run kept a page for `path`.
    pub fn has_page(&self, path: &camino::Utf8Path) -> bool {
        self.pages.contains_key(path.as_str())
    }

    /// The last run's page for `path` when its text is the one in `source`.
    pub fn take(&mut self, source: &crate::source::SourceFile) -> Option<Kept> {
        match self.pages.remove(source.path.as_str()) {
            Some(kept) if kept.page.source.digest() == source.digest() => Some(kept),
            _ => None,
        }
    }

    /// Forgets the pages of the last run when the local rules' inputs changed: their findings
    /// must be found again, from the prose, which is not kept.
    pub fn check_local_key(&mut self, key: u64) {
        if self.local_key != Some(key) {
            self.pages.clear();
        }
    }

    /// The findings in the theme's text from the last run, if its inputs (`local_key`) are the
    /// same; otherwise `check` finds them, and they are kept for the next run.
    pub fn theme_findings(
        &mut self,
        local_key: u64,
        check: impl FnOnce() -> Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        match &self.theme_findings {
            Some((key, found)) if *key == local_key => found.clone(),
            _ => {
                let found = check();
                self.theme_findings = Some((local_key, found.clone()));
                found
            }
        }
    }

    /// The index and routes of the last site when its shape was `key`.
    pub fn indexed(&self, key: u64) -> Option<Indexed> {
        match &self.indexed {
            Some((k, indexed)) if *k == key => Some(indexed.clone()),
            _ => None,
        }
    }

    /// Keeps a site's index and routes for the next run.
    pub fn keep_indexed(&mut self, key: u64, site: &Site) {
        self.indexed = Some((key, site.indexed()));
    }

    /// Whether the linked rules' view of the site is the same as in the last run.
    pub fn linked_key_matches(&self, key: u64) -> bool {
        self.linked_key == Some(key)
    }

    pub fn render_key_matches(&self, key: u64) -> bool {
        self.render_key == Some(key)
    }

    /// The emptied vectors of the last run ([`Spare`]), for this run to fill.
    pub fn take_spare(&mut self) -> Spare {
        std::mem::take(&mut self.spare)
    }

    /// Gives back an emptied vector of pages and states for the next run.
    pub fn spare_pairs(&mut self, mut pairs: Vec<(Page, PageState)>) {
        pairs.clear();
        self.spare.pairs = pairs;
    }

    /// Keeps what this run made for the next one.
    pub fn keep(
        &mut self,
        mut pages: Vec<Page>,
        mut states: Vec<PageState>,
        scanned: std::time::SystemTime,
        (local_key, linked_key): (u64, u64),
        rendered: Option<(u64, Listings)>,
    ) {
        self.scanned = Some(scanned);
        self.pages.clear();
        for (page, state) in pages.drain(..).zip(states.drain(..)) {
            self.pages
                .insert(page.source.path.to_string(), Kept { page, state });
        }
        states.clear();
        self.spare.pages = pages;
        self.spare.states = states;
        self.local_key = Some(local_key);
        self.linked_key = Some(linked_key);
        // A run that did not render leaves the pages rendered before, and their key.
        if let Some((key, listings)) = rendered {
            self.render_key = Some(key);
            self.listings = listings;
        }
    }
}

/// The inputs every page's findings and HTML depend on: configuration, references and theme.
fn hash_site_inputs(h: &mut DefaultHasher, site: &Site, theme: &Theme) {
    hash_config(h, &site.config);
    site.references_source.as_ref().map(|s| s.text()).hash(h);
    for source in theme.sources() {
        source.path.hash(h);
        source.text().hash(h);
    }
}

/// The configuration is made from site.yaml's text and the site's folder alone.
fn hash_config(h: &mut DefaultHasher, config: &crate::config::Config) {
    (config.root.as_str(), &config.source.text()).hash(h);
}

/// Everything besides a page that the local rules read.
pub fn local_key(site: &Site, theme: &Theme, today: jiff::civil::Date) -> u64 {
    let mut h = DefaultHasher::new();
    hash_site_inputs(&mut h, site, theme);
    today.to_string().hash(&mut h);
    h.finish()
}

/// Everything the index and routes are made from: the configuration and the shape of every
/// page, in order.
pub fn shape_key(config: &crate::config::Config, states: &[PageState]) -> u64 {
    let mut h = DefaultHasher::new();
    hash_config(&mut h, config);
    for state in states {
        state.prints.shape.hash(&mut h);
    }
    h.finish()
}

/// Everything besides a page and its translations that the linked rules read: the
/// configuration, which pages exist with which headings, citations and tags (the routes), and
/// the static files.
/// (When the references or the theme change, the local key drops every kept page anyway.)
pub fn linked_key(site: &Site, states: &[PageState]) -> u64 {
    let mut h = DefaultHasher::new();
    hash_config(&mut h, &site.config);
    for state in states {
        // Path, draft state, tags (links to tag pages lead somewhere while an article has the
        // tag), heading anchors and citation count: not the title or date, which no linked
        // rule reads.
        state.prints.linked.hash(&mut h);
    }
    // Links to files in static/ are checked against the files there.
    site.static_dir.hash_into(&mut h);
    h.finish()
}

/// Everything besides an article and its translations that its rendered page shows.
pub fn render_key(
    site: &Site,
    theme: &Theme,
    states: &[PageState],
    search: bool,
    live_reload: bool,
) -> u64 {
    let mut h = DefaultHasher::new();
    hash_site_inputs(&mut h, site, theme);
    (search, live_reload).hash(&mut h);
    for state in states {
        state.prints.render.hash(&mut h);
    }
    h.finish()
}
