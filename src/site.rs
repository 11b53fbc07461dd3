//! The whole site in memory after parsing: configuration, pages, bibliography, and the
//! address of every page ([`Routes`]). This is what the lint checks and the renderer renders.

use crate::config::Config;
use crate::findings::Diagnostic;
use crate::parse::{self, Page, references::References};
use crate::routes::Routes;
use crate::source::SourceFile;
use camino::Utf8Path;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Sorted by file path.
    pub pages: Vec<Page>,
    pub references: References,
    pub references_source: Option<SourceFile>,
    /// Files reported on but not parsed as pages.
    pub other_sources: Vec<SourceFile>,
    /// What `static/` holds.
    pub static_dir: crate::content::StaticDir,
    /// The pages by translation and by source path.
    index: Arc<PageIndex>,
    /// Every address the site publishes, computed from its pages.
    pub routes: Arc<Routes>,
    /// Finds the names of the site's treatments (ASCII letters in any case); pattern `i` is a
    /// name of treatment `treatment_of[i]`.
    treatment_names: Option<aho_corasick::AhoCorasick>,
    treatment_of: Vec<usize>,
}

impl Site {
    /// The site with its configuration and bibliography, and no pages yet: what the rules
    /// that look at one page at a time need (see [`Site::with_pages`]).
    pub fn new(
        config: Config,
        references_source: Option<SourceFile>,
        other_sources: Vec<SourceFile>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Site {
        let references = match &references_source {
            Some(source) => parse::references::parse(source, diagnostics),
            None => References::default(),
        };
        let mut site = Site {
            config,
            pages: Vec::new(),
            references,
            references_source,
            other_sources,
            static_dir: Default::default(),
            index: Default::default(),
            routes: Default::default(),
            treatment_names: None,
            treatment_of: Vec::new(),
        };
        let mut names = Vec::new();
        for (i, treatment) in site.config.treatments.iter().enumerate() {
            for name in treatment.names.iter().flat_map(|(_, n)| n) {
                if !name.is_empty() {
                    // Matched on text as a reader sees it: `ＮＭＮ` is `NMN`.
                    names.push(crate::text::normalize(name).into_owned());
                    site.treatment_of.push(i);
                }
            }
        }
        site.treatment_names = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&names)
            .ok();
        site
    }

    /// The site with its pages (sorted by file path), indexed.
    pub fn with_pages(self, pages: Vec<Page>) -> Site {
        self.with_pages_indexed(pages, None)
    }

    /// The site with its pages (sorted by file path), and `indexed`, the index and routes of a
    /// site whose pages had the same shape ([`crate::incremental::Prints`]) and configuration,
    /// when there is one; otherwise they are computed.
    pub fn with_pages_indexed(
        mut self,
        pages: Vec<Page>,
        indexed: Option<(Arc<PageIndex>, Arc<Routes>)>,
    ) -> Site {
        self.pages = pages;
        match indexed {
            Some((index, routes)) => {
                self.index = index;
                self.routes = routes;
            }
            None => {
                self.index = Arc::new(PageIndex::new(&self.config, &self.pages));
                self.routes = Arc::new(Routes::new(&self.config, &self.pages));
            }
        }
        self
    }

    /// The index and routes, for a later site of the same shape.
    pub fn indexed(&self) -> (Arc<PageIndex>, Arc<Routes>) {
        (self.index.clone(), self.routes.clone())
    }

    /// Indices into `pages` of the translations of the page at index `page` (the same article
    /// in other languages).
    pub fn translations_at(&self, page: usize) -> &[usize] {
        self.index.others.get(page).map_or(&[], Vec::as_slice)
    }

    /// The same page in another language.
    pub fn translation(&self, page: &Page, lang: &str) -> Option<&Page> {
        self.index
            .translations
            .get(&(page.translation_key(), lang.to_string()))
            .map(|&i| &self.pages[i])
    }

    /// The page read from a source path (`content/treatments/rtms.ja.md`).
    pub fn page_at_source(&self, path: &str) -> Option<&Page> {
        self.index_at_source(path).map(|i| &self.pages[i])
    }

    /// The position in `pages` of the page read from a source path.
    pub fn index_at_source(&self, path: &str) -> Option<usize> {
        self.index
            .by_source
            .get(crate::content::nfc(path).as_ref())
            .copied()
    }

    /// The position of a page of this site in `pages`.
    pub fn index_of(&self, page: &Page) -> Option<usize> {
        self.index_at_source(page.source.path.as_str())
    }

    /// The published page at a URL path (`/ja/treatments/rtms/`, or without its final `/`);
    /// the first in file order when two collide.
    pub fn published_at(&self, url: &str) -> Option<&Page> {
        self.routes
            .at(url)
            .and_then(|r| r.page())
            .map(|i| &self.pages[i])
    }

    /// Every source file, for reporters that show source lines.
    pub fn sources(&self) -> impl Iterator<Item = &SourceFile> {
        self.pages
            .iter()
            .map(|p| &p.source)
            .chain(self.references_source.iter())
            .chain(self.other_sources.iter())
            .chain(std::iter::once(&self.config.source))
    }

    pub fn source(&self, path: &Utf8Path) -> Option<&SourceFile> {
        if let Some(page) = self.page_at_source(path.as_str()) {
            return Some(&page.source);
        }
        self.sources().find(|s| s.path() == path)
    }

    /// The page a relative link to a Markdown source (`../conditions/depression.ja.md`,
    /// percent-encoded or not) in `page` leads to: the one lookup that the link rules and the
    /// renderer share.
    pub fn source_link(&self, page: &Page, path: &str) -> SourceLink {
        let path = crate::routes::percent_decode(path);
        let Some(inside) = Site::linked_source(page, &path) else {
            return SourceLink::Outside;
        };
        let source = format!("content/{inside}");
        match self.index_at_source(&source) {
            Some(i) => SourceLink::Page(i),
            None => SourceLink::Missing(source),
        }
    }

    /// Where a relative link to a Markdown source leads, as a path inside `content/`
    /// (`conditions/depression.ja.md`), resolved from the linking page's folder; `None` when
    /// its `..` steps leave `content/`. Used by the renderer and the link checks alike.
    pub fn linked_source(page: &Page, path: &str) -> Option<String> {
        // Pages given on the command line from outside the site have no folder inside it.
        let mut parts: Vec<&str> = page
            .dir
            .split('/')
            .filter(|p| !p.is_empty() && !p.starts_with('@'))
            .collect();
        for part in path.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                p => parts.push(p),
            }
        }
        Some(parts.join("/"))
    }

    /// The site's treatments that a page names in its title, summary or body (in
    /// any language, however typed: full-width, half-width, with invisible characters).
    pub fn treatments_discussed(&self, page: &Page) -> Vec<&crate::config::Treatment> {
        page.treatments
            .get_or_init(|| self.find_treatments(page))
            .iter()
            .filter_map(|&i| self.config.treatments.get(i))
            .collect()
    }

    /// For a text (as a reader sees it) that names any of the site's treatments: their
    /// statuses, each once, those of approved, covered treatments left out. What a statement
    /// about them should say beside its badge; `None` when it names none of them.
    pub fn statuses_named(&self, text: &str) -> Option<Vec<crate::config::TreatmentStatus>> {
        use crate::config::TreatmentStatus;
        let mut out = Vec::new();
        let mut any = false;
        for i in self.treatments_in(text) {
            any = true;
            let status = self.config.treatments[i].status;
            if status != TreatmentStatus::Approved && !out.contains(&status) {
                out.push(status);
            }
        }
        any.then_some(out)
    }

    /// The indices of the site's treatments whose names a text (as a reader sees it) holds, one
    /// for each name found. Overlapping matches, so that a short name inside a longer one still
    /// counts.
    fn treatments_in<'t>(&'t self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        self.treatment_names
            .iter()
            .flat_map(move |names| names.find_overlapping_iter(text))
            .map(|m| self.treatment_of[m.pattern().as_usize()])
    }

    fn find_treatments(&self, page: &Page) -> Vec<usize> {
        if self.treatment_names.is_none() {
            return Vec::new();
        }
        let mut found = vec![false; self.config.treatments.len()];
        // Not the disclosures: they name the alternatives to the treatment the page is about.
        let fields = [&page.front.title, &page.front.summary].map(|t| crate::text::normalize(t));
        // The body as every rule reads it (normalised, HTML's text included, code left out),
        // while its blocks are there; the raw text, normalised, once they have been dropped.
        let blocks = &page.body.blocks;
        let body = blocks
            .is_empty()
            .then(|| crate::text::normalize(page.body_text()));
        let texts = fields
            .iter()
            .map(|t| t.as_ref())
            .chain(body.as_deref())
            .chain(
                blocks
                    .iter()
                    .filter(|b| b.kind != crate::parse::markdown::BlockKind::Field)
                    .map(|b| b.text.as_str()),
            );
        for i in texts.flat_map(|text| self.treatments_in(text)) {
            found[i] = true;
        }
        (0..found.len()).filter(|&i| found[i]).collect()
    }

    /// Pages that will be published: not drafts.
    pub fn published(&self) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(|p| !p.front.draft)
    }
}

/// The site's pages by translation and by source path.
#[derive(Debug, Default)]
pub struct PageIndex {
    /// By translation key and language.
    translations: HashMap<(String, String), usize>,
    /// For each page, its translations.
    others: Vec<Vec<usize>>,
    /// By source path in NFC (`content/treatments/rtms.ja.md`).
    by_source: HashMap<String, usize>,
}

impl PageIndex {
    fn new(config: &Config, pages: &[Page]) -> PageIndex {
        let mut index = PageIndex::default();
        let keys: Vec<String> = pages.iter().map(Page::translation_key).collect();
        for (i, page) in pages.iter().enumerate() {
            index
                .translations
                .entry((keys[i].clone(), page.lang.clone()))
                .or_insert(i);
            index
                .by_source
                .entry(crate::content::nfc(page.source.path.as_str()).into_owned())
                .or_insert(i);
        }
        let mut lookup = (String::new(), String::new());
        index.others = pages
            .iter()
            .enumerate()
            .map(|(i, page)| {
                config
                    .language_codes()
                    .filter(|l| *l != page.lang)
                    .filter_map(|l| {
                        lookup.0.clone_from(&keys[i]);
                        lookup.1.clear();
                        lookup.1.push_str(l);
                        index.translations.get(&lookup).copied()
                    })
                    .collect()
            })
            .collect();
        index
    }
}

/// Where a relative link to a Markdown source leads ([`Site::source_link`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceLink {
    /// Its `..` steps leave `content/`.
    Outside,
    /// No page was read from that file (`content/…`, named).
    Missing(String),
    /// The page at this index.
    Page(usize),
}
