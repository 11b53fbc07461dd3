//! The whole site in memory after parsing: configuration, pages, bibliography, and the
//! address of every page ([`Routes`]). This is what the lint checks and the renderer renders.

use crate::config::Config;
use crate::findings::Diagnostic;
use crate::parse::{self, Page, references::References};
use crate::routes::Routes;
use crate::source::SourceFile;
use camino::Utf8Path;
use std::collections::HashMap;

#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Sorted by file path.
    pub pages: Vec<Page>,
    pub references: References,
    pub references_source: Option<SourceFile>,
    /// Files reported on but not parsed as pages.
    pub other_sources: Vec<SourceFile>,
    /// Index into `pages` by translation key and language.
    translations: HashMap<(String, String), usize>,
    /// Index into `pages` by source path (`content/treatments/rtms.ja.md`).
    by_source: HashMap<String, usize>,
    /// Every address the site publishes, computed from its pages.
    pub routes: Routes,
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
            translations: HashMap::new(),
            by_source: HashMap::new(),
            routes: Routes::default(),
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
    pub fn with_pages(mut self, pages: Vec<Page>) -> Site {
        self.pages = pages;
        self.translations.clear();
        self.by_source.clear();
        for (i, page) in self.pages.iter().enumerate() {
            self.translations
                .entry((page.translation_key(), page.lang.clone()))
                .or_insert(i);
            self.by_source
                .entry(crate::content::nfc(page.source.path.as_str()).into_owned())
                .or_insert(i);
        }
        self.routes = Routes::new(&self.config, &self.pages);
        self
    }

    /// Indices into `pages` of the page's translations (the same article in other languages).
    pub fn translations_of<'a>(&'a self, page: &'a Page) -> impl Iterator<Item = usize> + 'a {
        let key = page.translation_key();
        self.config
            .language_codes()
            .filter(move |l| *l != page.lang)
            .filter_map(move |l| {
                self.translations
                    .get(&(key.clone(), l.to_string()))
                    .copied()
            })
    }

    /// The same page in another language.
    pub fn translation(&self, page: &Page, lang: &str) -> Option<&Page> {
        self.translations
            .get(&(page.translation_key(), lang.to_string()))
            .map(|&i| &self.pages[i])
    }

    /// The page read from a source path (`content/treatments/rtms.ja.md`).
    pub fn page_at_source(&self, path: &str) -> Option<&Page> {
        self.by_source
            .get(crate::content::nfc(path).as_ref())
            .map(|&i| &self.pages[i])
    }

    /// The position of a page of this site in `pages`.
    pub fn index_of(&self, page: &Page) -> Option<usize> {
        self.by_source
            .get(crate::content::nfc(page.source.path.as_str()).as_ref())
            .copied()
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

    fn find_treatments(&self, page: &Page) -> Vec<usize> {
        let Some(names) = &self.treatment_names else {
            return Vec::new();
        };
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
        for text in texts {
            // Overlapping matches, so that a short name inside a longer one still counts.
            for m in names.find_overlapping_iter(text) {
                found[self.treatment_of[m.pattern().as_usize()]] = true;
            }
        }
        (0..found.len()).filter(|&i| found[i]).collect()
    }

    /// Pages that will be published: not drafts.
    pub fn published(&self) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(|p| !p.front.draft)
    }
}
