//! The whole site in memory after parsing: configuration, pages, bibliography, and the URL of
//! every page. This is what the lint checks and the renderer renders.

use crate::config::Config;
use crate::content::{self, PageKind};
use crate::error::Result;
use crate::lint::Diagnostic;
use crate::parse::{self, Page, references::References};
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
}

impl Site {
    /// Loads and parses the site in `config.root`; findings are returned beside it.
    pub fn load(config: Config) -> Result<(Site, Vec<Diagnostic>)> {
        Site::load_with(config, content::Content::default())
    }

    /// Like [`Site::load`], with pages from outside `content/` added (for `akashi lint PATH`).
    pub fn load_with(config: Config, extra: content::Content) -> Result<(Site, Vec<Diagnostic>)> {
        let mut loaded = content::load(&config)?;
        loaded.pages.extend(extra.pages);
        loaded.diagnostics.extend(extra.diagnostics);
        loaded.other_sources.extend(extra.other_sources);
        let mut diagnostics = loaded.diagnostics;
        // Pages parse independently: in parallel, collected in file order.
        let parsed: Vec<(Page, Vec<Diagnostic>)> = {
            use rayon::prelude::*;
            loaded
                .pages
                .into_par_iter()
                .map(|file| {
                    let mut found = Vec::new();
                    let page = parse::parse_page(file, &mut found);
                    (page, found)
                })
                .collect()
        };
        let mut pages = Vec::with_capacity(parsed.len());
        for (page, found) in parsed {
            diagnostics.extend(found);
            pages.push(page);
        }
        let references = match &loaded.references {
            Some(source) => parse::references::parse(source, &mut diagnostics),
            None => References::default(),
        };
        let mut translations = HashMap::new();
        for (i, page) in pages.iter().enumerate() {
            translations
                .entry((page.translation_key(), page.lang.clone()))
                .or_insert(i);
        }
        let site = Site {
            config,
            pages,
            references,
            references_source: loaded.references,
            other_sources: loaded.other_sources,
            translations,
        };
        Ok((site, diagnostics))
    }

    /// The same page in another language.
    pub fn translation(&self, page: &Page, lang: &str) -> Option<&Page> {
        self.translations
            .get(&(page.translation_key(), lang.to_string()))
            .map(|&i| &self.pages[i])
    }

    /// Every source file, for reporters that show source lines.
    pub fn sources(&self) -> impl Iterator<Item = &SourceFile> {
        self.pages
            .iter()
            .map(|p| &p.source)
            .chain(self.references_source.iter())
            .chain(self.other_sources.iter())
    }

    pub fn source(&self, path: &Utf8Path) -> Option<&SourceFile> {
        self.sources().find(|s| s.path() == path)
    }

    /// Site-relative URL path of a page: `/ja/treatments/rtms/`.
    pub fn url(&self, page: &Page) -> String {
        let mut url = format!("/{}/", page.lang);
        for part in page.dir.split('/').filter(|p| !p.is_empty()) {
            url.push_str(&url_segment(part));
            url.push('/');
        }
        if page.kind == PageKind::Article {
            url.push_str(&url_segment(&page.slug));
            url.push('/');
        }
        url
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

    /// The site's treatments that a page names in its title or body (in any language).
    pub fn treatments_discussed(&self, page: &Page) -> Vec<&crate::config::Treatment> {
        let text = format!("{}\n{}", page.front.title, page.body_text()).to_lowercase();
        self.config
            .treatments
            .iter()
            .filter(|t| {
                t.names
                    .iter()
                    .flat_map(|(_, n)| n)
                    .any(|name| text.contains(&name.to_lowercase()))
            })
            .collect()
    }

    /// Pages that will be published: not drafts.
    pub fn published(&self) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(|p| !p.front.draft)
    }
}

/// A path segment of a URL made from a file or tag name: ASCII lowercased so that URLs that
/// differ only by case cannot coexist, white space as `-`.
pub fn url_segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.trim().chars() {
        if c.is_whitespace() {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}
