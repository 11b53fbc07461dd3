//! Stage 4, render: the parsed site to HTML pages, feeds and a sitemap, through the site's Tera
//! templates and Fluent UI strings.
//!
//! Rendering produces [`OutputFile`]s in a fixed order; it writes nothing (that is
//! [`crate::write`]'s job) and makes no decision about whether the site may be published (that
//! is the lint's).

pub mod budget;
pub mod dates;
pub mod feeds;
pub mod i18n;
pub mod markdown;
pub mod vancouver;

use crate::config::TreatmentStatus;
use crate::content::PageKind;
use crate::error::{Error, Result};
use crate::parse::Page;
pub use crate::routes::encode_path;
use crate::routes::{Kind, Route, page_url};
use crate::site::Site;
use crate::theme::Theme;
use dates::DateFormats;
use i18n::Locales;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;

/// A file of the built site: its path inside the output folder (`/`-separated) and contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: bytes::Bytes,
    /// For an article's page: the article's index in `Site::pages`.
    pub page: Option<usize>,
    /// For a listing page, feed or sitemap: what it was rendered from, as a hash (see
    /// [`Earlier::listing`]).
    pub key: Option<u64>,
}

/// Where rendered files go: called from several threads at once.
pub type Sink<'a> = &'a (dyn Fn(OutputFile) -> Result<()> + Sync);

/// What the renderer may take from an earlier run instead of rendering it again.
pub trait Earlier: Sync {
    /// An article's page, by the article's index in `Site::pages`, when nothing it shows has
    /// changed since.
    fn article(&self, page: usize) -> Option<bytes::Bytes>;
    /// A listing page, feed or sitemap at `path` when it was rendered from the same `key`: a
    /// hash of the site-wide inputs and of the facts it shows about each article it lists.
    fn listing(&self, path: &str, key: u64) -> Option<bytes::Bytes>;
}

/// No earlier run: everything is rendered.
pub struct Nothing;

impl Earlier for Nothing {
    fn article(&self, _: usize) -> Option<bytes::Bytes> {
        None
    }
    fn listing(&self, _: &str, _: u64) -> Option<bytes::Bytes> {
        None
    }
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<bytes::Bytes>) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
            page: None,
            key: None,
        }
    }
}

/// Templates a theme must provide.
pub const REQUIRED_TEMPLATES: &[&str] = &[
    "landing.html",
    "index.html",
    "section.html",
    "article.html",
    "tag.html",
    "tags.html",
    "evidence.html",
    "404.html",
];

pub struct Renderer<'s> {
    site: &'s Site,
    tera: tera::Tera,
    locales: Arc<Locales>,
    dates: DateFormats,
    /// Whether a search index will be built (pages then load the search box).
    search: bool,
    /// Whether pages load the live-reload script of `akashi serve`.
    live_reload: bool,
    /// The top-level section pages of each language, for the navigation: (title, URL).
    nav: HashMap<String, Vec<(String, String)>>,
    /// Published section pages by language and folder.
    sections: HashMap<(String, String), usize>,
    /// A hash of every input that is not an article (see [`crate::incremental::render_key`]).
    site_key: u64,
    /// For each page (by index), a hash of what listings show of it ([`card_key`]), taken
    /// when the page was read, so that a listing's key costs one lookup per article, not a
    /// pass over its tags (an article with N tags is on N tag pages). Empty until
    /// [`Renderer::with_card_keys`] gives them; then they are computed as needed.
    card_keys: Vec<u64>,
    /// What each evidence level's badge says, by language and level, and the words of the link
    /// after its explanation and of the notes beside it, by language: made once, not for every
    /// page.
    level_texts: HashMap<String, LanguageTexts>,
}

/// The words of one language that badges need, made once per run.
#[derive(Default)]
struct LanguageTexts {
    levels: HashMap<String, markdown::LevelText>,
    levels_link: String,
    /// By status, in the order of `TreatmentStatus::ALL`.
    status_notes: Vec<String>,
}

impl<'s> Renderer<'s> {
    pub fn new(site: &'s Site, theme: &Theme, search: bool) -> Result<Self> {
        let config = &site.config;
        let locale_of = |code: &str| {
            config
                .language(code)
                .map(|l| l.locale.clone())
                .unwrap_or_else(|| code.to_string())
        };
        let locales = Arc::new(Locales::new(theme, locale_of)?);
        let dates = DateFormats::new(
            config
                .languages
                .iter()
                .map(|l| (l.code.as_str(), l.locale.as_str())),
        )?;
        let mut tera = tera::Tera::new();
        // Functions must exist before templates are added: Tera checks calls when it compiles.
        i18n::register(&mut tera, locales.clone());
        budget::register(&mut tera);
        tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|t| (Theme::template_name(t), t.text())),
        )
        .map_err(|e| Error::Template {
            message: format!("template error: {e}"),
        })?;
        for name in REQUIRED_TEMPLATES {
            if !tera.contains_template(name) {
                return Err(Error::msg(format!("the theme has no `templates/{name}`")));
            }
        }
        let mut nav: HashMap<String, Vec<(String, String)>> = HashMap::new();
        let mut sections = HashMap::new();
        for (i, p) in site.pages.iter().enumerate() {
            if p.front.draft || p.kind != PageKind::SectionIndex || p.dir.is_empty() {
                continue;
            }
            sections.entry((p.lang.clone(), p.dir.clone())).or_insert(i);
            if !p.dir.contains('/') {
                nav.entry(p.lang.clone())
                    .or_default()
                    .push((p.front.title.clone(), page_url(p)));
            }
        }
        let level_texts = config
            .language_codes()
            .map(|lang| {
                let text = |key: &str, args: &[(&str, &str)]| locales.text(lang, key, args);
                let levels = config
                    .evidence_levels
                    .iter()
                    .map(|l| {
                        let name =
                            text("evidence-level", &[("level", l)]).unwrap_or_else(|_| l.clone());
                        let words = text("evidence-badge-text", &[("level", l), ("name", &name)])
                            .unwrap_or_else(|_| name.clone());
                        let meaning =
                            text("evidence-level-meaning", &[("level", l)]).unwrap_or_default();
                        (l.clone(), markdown::LevelText { words, meaning })
                    })
                    .collect();
                let status_notes = TreatmentStatus::ALL
                    .iter()
                    .map(|&status| {
                        text("treatment-status-note", &[("status", status.name())])
                            .unwrap_or_else(|_| status.name().to_string())
                    })
                    .collect();
                let texts = LanguageTexts {
                    levels,
                    levels_link: text("evidence-badge-more", &[]).unwrap_or_default(),
                    status_notes,
                };
                (lang.to_string(), texts)
            })
            .collect();
        Ok(Renderer {
            level_texts,
            site,
            tera,
            locales,
            dates,
            search,
            live_reload: false,
            nav,
            sections,
            site_key: 0,
            card_keys: Vec::new(),
        })
    }

    pub fn with_live_reload(mut self, live_reload: bool) -> Self {
        self.live_reload = live_reload;
        self
    }

    /// What listings show of each page, by index into the site's pages ([`card_key`]).
    pub fn with_card_keys(mut self, keys: Vec<u64>) -> Self {
        if keys.len() == self.site.pages.len() {
            self.card_keys = keys;
        }
        self
    }

    /// The hash of the site-wide inputs that listing pages are keyed by.
    pub fn with_site_key(mut self, key: u64) -> Self {
        self.site_key = key;
        self
    }

    /// The key of a listing: the site-wide inputs, its path, the text of the section page it
    /// shows (if any) and what it shows of each article.
    fn listing_key(&self, path: &str, section: Option<&Page>, articles: &[usize]) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        (self.site_key, path).hash(&mut h);
        section.map(|s| s.source.digest()).hash(&mut h);
        for &a in articles {
            match self.card_keys.get(a) {
                Some(key) => key.hash(&mut h),
                None => card_key(&self.site.pages[a]).hash(&mut h),
            }
        }
        h.finish()
    }

    /// The site's pages at `indices`.
    fn pages_at(&self, indices: &[usize]) -> Vec<&'s Page> {
        indices.iter().map(|&i| &self.site.pages[i]).collect()
    }

    /// The listing at `path` from `earlier`, or rendered by `render`; keyed either way.
    #[allow(clippy::too_many_arguments)]
    fn listing(
        &self,
        earlier: &dyn Earlier,
        path: &str,
        section: Option<&Page>,
        articles: &[usize],
        reused: &std::sync::atomic::AtomicUsize,
        render: impl FnOnce() -> Result<OutputFile>,
    ) -> Result<OutputFile> {
        let key = self.listing_key(path, section, articles);
        let mut file = match earlier.listing(path, key) {
            Some(bytes) => {
                reused.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                OutputFile::new(path, bytes)
            }
            None => render()?,
        };
        file.key = Some(key);
        Ok(file)
    }

    /// Renders the whole site, route by route ([`crate::routes`]), taking from `earlier` what
    /// has not changed, and hands each file to `sink` as soon as it is made (articles in
    /// parallel, so in no fixed order). Returns how many files were made and how many of them
    /// were taken from `earlier`.
    pub fn render_all(&self, earlier: &dyn Earlier, sink: Sink<'_>) -> Result<(usize, usize)> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let made = AtomicUsize::new(0);
        let out = |file: OutputFile| {
            made.fetch_add(1, Ordering::Relaxed);
            sink(file)
        };
        let reused = AtomicUsize::new(0);
        let site = self.site;
        // The sitemap lists every article of every language: when none of them moved or
        // changed its dates, the last one still holds and its entries need not be made.
        let everything: Vec<usize> = site
            .routes
            .iter()
            .filter_map(|r| match r.kind {
                Kind::Article { page } => Some(page),
                _ => None,
            })
            .collect();
        let sitemap_file = Route {
            url: crate::routes::SITEMAP.into(),
            kind: Kind::Sitemap,
        }
        .file();
        let sitemap_key = self.listing_key(&sitemap_file, None, &everything);
        let earlier_sitemap = earlier.listing(&sitemap_file, sitemap_key);
        let sitemap: Vec<feeds::SitemapEntry> = match earlier_sitemap {
            Some(_) => Vec::new(),
            None => site
                .routes
                .iter()
                .filter(|r| r.in_sitemap())
                .map(|r| self.sitemap_entry(r))
                .collect(),
        };
        // Every page renders on its own: listings and articles alike, in parallel.
        {
            use rayon::prelude::*;
            let routes: Vec<&Route> = site
                .routes
                .iter()
                .filter(|r| r.kind != Kind::Sitemap)
                .collect();
            routes.par_iter().try_for_each(|&route| {
                let Kind::Article { page: index } = route.kind else {
                    return out(self.listing_route(route, earlier, &reused)?);
                };
                if let Some(bytes) = earlier.article(index) {
                    reused.fetch_add(1, Ordering::Relaxed);
                    let mut file = OutputFile::new(route.file(), bytes);
                    file.page = Some(index);
                    return out(file);
                }
                let article = &site.pages[index];
                let mut cx = self.base(&article.lang, &route.url, &self.alternates(route));
                cx["article"] = self.article_json(article)?;
                let mut file = self.page("article.html", route, cx)?;
                file.page = Some(index);
                out(file)
            })?;
        }
        let mut file = match earlier_sitemap {
            Some(bytes) => {
                reused.fetch_add(1, Ordering::Relaxed);
                OutputFile::new(sitemap_file, bytes)
            }
            None => OutputFile::new(sitemap_file, feeds::sitemap(&sitemap)),
        };
        file.key = Some(sitemap_key);
        out(file)?;
        Ok((made.into_inner(), reused.into_inner()))
    }

    /// A page or file that lists articles, or none (the landing page, the evidence levels):
    /// keyed, and taken from `earlier` when its key is the same.
    fn listing_route(
        &self,
        route: &Route,
        earlier: &dyn Earlier,
        reused: &std::sync::atomic::AtomicUsize,
    ) -> Result<OutputFile> {
        let site = self.site;
        let file = route.file();
        let url = route.url.as_str();
        match &route.kind {
            Kind::Landing => {
                self.listing(earlier, &file, None, &[], reused, || self.landing(route))
            }
            Kind::NotFound => {
                self.listing(earlier, &file, None, &[], reused, || self.not_found(route))
            }
            Kind::Home { lang, intro } => {
                let intro = intro.map(|i| &site.pages[i]);
                let articles = site.routes.articles(lang);
                self.listing(earlier, &file, intro, articles, reused, || {
                    let mut cx = self.base(lang, url, &self.alternates(route));
                    cx["intro"] = match intro {
                        Some(p) => self.section_json(p)?,
                        None => Value::Null,
                    };
                    cx["articles"] = self.cards(&self.pages_at(articles));
                    self.page("index.html", route, cx)
                })
            }
            Kind::Section { page } => {
                let section = &site.pages[*page];
                let inside = format!("{}/", section.dir);
                let members: Vec<usize> = (site.routes.articles(&section.lang).iter())
                    .copied()
                    .filter(|&a| {
                        let dir = &site.pages[a].dir;
                        *dir == section.dir || dir.starts_with(&inside)
                    })
                    .collect();
                self.listing(earlier, &file, Some(section), &members, reused, || {
                    let mut cx = self.base(&section.lang, url, &self.alternates(route));
                    cx["section"] = self.section_json(section)?;
                    cx["articles"] = self.cards(&self.pages_at(&members));
                    self.page("section.html", route, cx)
                })
            }
            Kind::Tags { lang } => {
                let articles = site.routes.articles(lang);
                self.listing(earlier, &file, None, articles, reused, || {
                    let mut cx = self.base(lang, url, &self.alternates(route));
                    cx["tags"] = site
                        .routes
                        .iter()
                        .filter_map(|r| match &r.kind {
                            Kind::Tag {
                                lang: l,
                                name,
                                slug,
                            } if l == lang => Some(json!({
                                "name": name,
                                "url": encode_path(&r.url),
                                "count": site.routes.tagged(lang, slug).len(),
                            })),
                            _ => None,
                        })
                        .collect();
                    self.page("tags.html", route, cx)
                })
            }
            Kind::Tag { lang, name, slug } => {
                let members = site.routes.tagged(lang, slug);
                self.listing(earlier, &file, None, members, reused, || {
                    let mut cx = self.base(lang, url, &self.alternates(route));
                    cx["tag"] = json!({"name": name});
                    cx["articles"] = self.cards(&self.pages_at(members));
                    self.page("tag.html", route, cx)
                })
            }
            Kind::Evidence { lang } => self.listing(earlier, &file, None, &[], reused, || {
                let mut cx = self.base(lang, url, &self.alternates(route));
                cx["levels"] = site
                    .config
                    .evidence_levels
                    .iter()
                    .map(|l| json!({"id": l, "anchor": crate::routes::level_anchor(l)}))
                    .collect();
                self.page("evidence.html", route, cx)
            }),
            Kind::Feed { lang } => {
                let articles = site.routes.articles(lang);
                self.listing(earlier, &file, None, articles, reused, || {
                    Ok(self.feed(route, lang, &self.pages_at(articles)))
                })
            }
            Kind::Article { .. } | Kind::Sitemap => Err(Error::msg(format!(
                "{url} is not a listing: articles and the sitemap are rendered on their own"
            ))),
        }
    }

    /// `(lang, url)` for every language, from a URL pattern.
    fn per_language(&self, url: impl Fn(&str) -> String) -> Vec<(String, String)> {
        self.site
            .config
            .language_codes()
            .map(|l| (l.to_string(), url(l)))
            .collect()
    }

    /// The same content in each language, as `(lang, url)`: a page's published translations;
    /// for akashi's own pages, the same page in every language (for a tag, which is a word of
    /// one language, the other languages' tag lists).
    fn alternates(&self, route: &Route) -> Vec<(String, String)> {
        use crate::routes::{evidence_url, home_url, tags_url};
        match &route.kind {
            Kind::Landing | Kind::Home { .. } => self.per_language(home_url),
            Kind::Section { page } | Kind::Article { page } => {
                let page = &self.site.pages[*page];
                self.site
                    .config
                    .language_codes()
                    .filter_map(|l| {
                        let p = if l == page.lang {
                            Some(page)
                        } else {
                            self.site.translation(page, l)
                        };
                        p.filter(|p| !p.front.draft)
                            .map(|p| (l.to_string(), crate::routes::page_url(p)))
                    })
                    .collect()
            }
            Kind::Tags { .. } => self.per_language(tags_url),
            Kind::Tag { lang, .. } => self.per_language(|l| {
                if l == lang {
                    route.url.clone()
                } else {
                    tags_url(l)
                }
            }),
            Kind::Evidence { .. } => self.per_language(evidence_url),
            Kind::NotFound | Kind::Feed { .. } | Kind::Sitemap => Vec::new(),
        }
    }

    fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.site.config.base_url, encode_path(path))
    }

    /// Variables every page has.
    fn base(&self, lang: &str, url: &str, alternates: &[(String, String)]) -> Value {
        let config = &self.site.config;
        let default = &config.default_language;
        let x_default = alternates
            .iter()
            .find(|(l, _)| l == default)
            .or_else(|| alternates.first())
            .map(|(_, u)| self.absolute(u))
            .unwrap_or_else(|| self.absolute("/"));
        let switcher: Vec<Value> = config
            .language_codes()
            .filter(|l| *l != lang)
            .map(|l| {
                let target = alternates
                    .iter()
                    .find(|(al, _)| al == l)
                    .map(|(_, u)| u.clone());
                json!({
                    "lang": l,
                    "url": encode_path(&target.clone().unwrap_or_else(|| crate::routes::home_url(l))),
                    "translated": target.is_some(),
                    // A page of one language that has no version in this one (not a page,
                    // such as the one for a missing address, that belongs to no language).
                    "untranslated": target.is_none() && !alternates.is_empty(),
                })
            })
            .collect();
        let nav: Vec<Value> = self
            .nav
            .get(lang)
            .into_iter()
            .flatten()
            .map(|(title, u)| json!({"title": title, "url": encode_path(u), "current": url.starts_with(u.as_str())}))
            .collect();
        let language = config.language(lang);
        json!({
            "lang": lang,
            "url": encode_path(url),
            "canonical": self.absolute(url),
            "site": {
                "title": language.map(|l| l.title.as_str()).unwrap_or_default(),
                "description": language.and_then(|l| l.description.as_deref()),
                "base_url": config.base_url,
            },
            "alternates": alternates.iter().map(|(l, u)| json!({"lang": l, "href": self.absolute(u)})).collect::<Vec<_>>(),
            "x_default": x_default,
            "switcher": switcher,
            "nav": nav,
            "home_url": crate::routes::home_url(lang),
            "evidence_url": crate::routes::evidence_url(lang),
            "tags_url": crate::routes::tags_url(lang),
            "feed_url": crate::routes::feed_url(lang),
            "search": self.search,
            "live_reload": self.live_reload,
            "publisher": config.publisher.as_ref().map(|p| json!({
                "name": crate::config::localized(&p.name, lang),
                "url": p.url,
                "contact": crate::config::localized(&p.contact, lang),
            })),
            "statements": {
                "conflict_of_interest": crate::config::localized(&config.conflict_of_interest, lang),
                "funding": crate::config::localized(&config.funding, lang),
            },
        })
    }

    fn page(&self, template: &str, route: &Route, cx: Value) -> Result<OutputFile> {
        let url = &route.url;
        let context = tera::Context::from_serialize(&cx).map_err(|e| Error::Template {
            message: e.to_string(),
        })?;
        // Listing pages of a large site have big contexts: one copy at a time.
        drop(cx);
        budget::start_page();
        let html = self
            .tera
            .render(template, &context)
            .map_err(|e| Error::Template {
                message: format!("rendering {url} with templates/{template}: {e}"),
            })?;
        Ok(OutputFile::new(route.file(), html))
    }

    fn date(&self, lang: &str, date: Option<jiff::civil::Date>) -> Value {
        date.map(|d| json!({"iso": d.to_string(), "display": self.dates.format(lang, d)}))
            .unwrap_or(Value::Null)
    }

    fn cards(&self, pages: &[&Page]) -> Value {
        pages
            .iter()
            .map(|p| {
                json!({
                    "title": p.front.title,
                    "summary": p.front.summary,
                    "url": encode_path(&page_url(p)),
                    "date": self.date(&p.lang, p.front.date),
                })
            })
            .collect()
    }

    fn tag_links(&self, page: &Page) -> Value {
        page.front
            .tags
            .iter()
            .map(|t| json!({"name": t, "url": encode_path(&crate::routes::tag_url(&page.lang, t))}))
            .collect()
    }

    fn section_json(&self, page: &Page) -> Result<Value> {
        Ok(json!({
            "title": page.front.title,
            "summary": page.front.summary,
            "url": encode_path(&page_url(page)),
            "content": self.body(page, &markdown::citation_numbers(page))?.html,
        }))
    }

    /// The body's HTML. Its text was set aside once the page was checked: it is read again
    /// from the file, which must not have changed since.
    fn body(
        &self,
        page: &Page,
        numbers: &HashMap<String, usize>,
    ) -> Result<markdown::RenderedBody> {
        let text = page.source.read_again().map_err(|source| Error::Io {
            path: page.source.path.clone(),
            action: "read again",
            source,
        })?;
        // The same text as was checked, so its body starts where it did.
        let body = text.get(page.body_start..).ok_or_else(|| Error::Io {
            path: page.source.path.clone(),
            action: "read again",
            source: crate::source::changed(),
        })?;
        let lang = page.lang.as_str();
        let no_texts = LanguageTexts::default();
        let texts = self.level_texts.get(lang).unwrap_or(&no_texts);
        let citation_label = |n: usize| {
            self.locales
                .format(
                    lang,
                    "citation-label",
                    Some(&fluent_bundle::FluentArgs::from_iter([("number", n)])),
                )
                .unwrap_or_else(|_| n.to_string())
        };
        let evidence_url = crate::routes::evidence_url(lang);
        let resolve = |dest: &str| self.resolve_link(page, dest);
        Ok(markdown::render(
            page,
            body,
            &markdown::BodyContext {
                levels: &texts.levels,
                levels_link: &texts.levels_link,
                status_notes: &texts.status_notes,
                citation_label: &citation_label,
                evidence_url: &evidence_url,
                numbers,
                resolve_link: &resolve,
                allow_raw_html: self.site.config.raw_html == crate::config::RawHtml::Allow,
            },
        ))
    }

    /// A relative link to another Markdown source (`../conditions/depression.ja.md#anchor`)
    /// becomes that page's URL.
    fn resolve_link(&self, page: &Page, dest: &str) -> Option<String> {
        if dest.contains("://")
            || dest.starts_with(['/', '#'])
            || dest.starts_with("mailto:")
            || dest.starts_with("tel:")
        {
            return None;
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        if !path.ends_with(".md") {
            return None;
        }
        let url = match self.site.source_link(page, path) {
            crate::site::SourceLink::Page(i) => self.site.routes.url_of(i),
            _ => return None,
        };
        Some(match fragment {
            Some(f) => format!("{}#{f}", encode_path(url)),
            None => encode_path(url),
        })
    }

    fn article_json(&self, page: &Page) -> Result<Value> {
        let lang = page.lang.as_str();
        let numbers = markdown::citation_numbers(page);
        let order = page.citation_order();
        let body = self.body(page, &numbers)?;
        let references: Vec<Value> = order
            .iter()
            .enumerate()
            .filter_map(|(i, key)| {
                let r = self.site.references.get(key)?;
                let n = i + 1;
                // What kind of study it is, in words (`study-design`); a preclinical study
                // says whether it was on animals or on cells when the reference says so.
                let design = match (r.design.as_str(), r.population.as_deref()) {
                    ("preclinical", Some(p @ ("animal" | "in-vitro"))) => format!("preclinical-{p}"),
                    (design, _) => design.to_string(),
                };
                let cited = body.citations.get(&n).copied().unwrap_or(0);
                Some(json!({
                    "number": n,
                    "anchor": crate::routes::reference_anchor(n),
                    "key": key,
                    "design": design,
                    "backlinks": (1..=cited).map(|k| crate::routes::citation_anchor(n, k)).collect::<Vec<_>>(),
                    "html": vancouver::format(r),
                    "doi": r.doi,
                    "doi_url": r.doi.as_ref().map(|d| format!("https://doi.org/{d}")),
                    "pmid": r.pmid,
                    "pubmed_url": r.pmid.as_ref().map(|p| format!("https://pubmed.ncbi.nlm.nih.gov/{p}/")),
                    "url": r.url,
                }))
            })
            .collect();
        let disclosure = |items: &Option<Vec<(String, Option<String>)>>| -> Value {
            match items {
                Some(items) => items
                    .iter()
                    .filter_map(|(k, v)| v.as_ref().map(|v| json!({"key": k, "value": v})))
                    .collect(),
                None => Value::Null,
            }
        };
        let section = self
            .sections
            .get(&(lang.to_string(), page.dir.clone()))
            .map(|&i| &self.site.pages[i])
            .map(|s| json!({"title": s.front.title, "url": encode_path(&page_url(s))}));
        let fm = &page.front;
        Ok(json!({
            "title": fm.title,
            "summary": fm.summary,
            "date": self.date(lang, fm.date),
            "updated": self.date(lang, fm.updated),
            "tags": self.tag_links(page),
            "authors": fm.authors,
            "reviewed_by": fm.reviewed_by,
            "last_reviewed": self.date(lang, fm.last_reviewed),
            "next_review": self.date(lang, fm.next_review),
            "evidence_summary": self.evidence_summary(&body.levels),
            "content": body.html,
            "toc": page.body.headings.iter().filter(|h| h.level <= 3).map(|h| json!({"level": h.level, "text": h.text, "anchor": h.anchor})).collect::<Vec<_>>(),
            "references": references,
            "self_pay": disclosure(&fm.self_pay),
            "unapproved": disclosure(&fm.unapproved),
            "section": section,
            "jsonld": self.json_ld(page, order),
            "reading_minutes": self.site.config.language(lang).map(|l| l.reading.minutes(page.body.reading)),
        }))
    }

    /// How many statements of an article carry a badge of each level, in the order of the
    /// site's scheme (its most certain level first); `null` for an article with none.
    fn evidence_summary(&self, counted: &HashMap<String, usize>) -> Value {
        let total: usize = counted.values().sum();
        if total == 0 {
            return Value::Null;
        }
        let levels: Vec<Value> = self
            .site
            .config
            .evidence_levels
            .iter()
            .filter_map(|level| {
                let count = *counted.get(level)?;
                Some(json!({"level": level, "anchor": crate::routes::level_anchor(level), "count": count}))
            })
            .collect();
        json!({"total": total, "levels": levels})
    }

    /// schema.org `MedicalWebPage` with the facts the page shows: language, dates, authors,
    /// reviewer, publisher, the references it cites and the treatments it discusses. Escaped
    /// for a `<script>` element.
    fn json_ld(&self, page: &Page, order: &[String]) -> String {
        let config = &self.site.config;
        let fm = &page.front;
        let citations: Vec<Value> = order
            .iter()
            .filter_map(|k| self.site.references.get(k))
            .map(|r| {
                let mut c = json!({"@type": "ScholarlyArticle", "name": r.title});
                if let Some(doi) = &r.doi {
                    c["identifier"] = json!(format!("https://doi.org/{doi}"));
                }
                if let Some(journal) = &r.journal {
                    c["isPartOf"] = json!({"@type": "Periodical", "name": journal});
                }
                if let Some(year) = r.year {
                    c["datePublished"] = json!(year.to_string());
                }
                c
            })
            .collect();
        let about: Vec<Value> = self
            .site
            .treatments_discussed(page)
            .iter()
            .map(|t| {
                let name = t
                    .names_in(&page.lang)
                    .first()
                    .cloned()
                    .unwrap_or_else(|| t.id.clone());
                json!({"@type": "MedicalTherapy", "name": name})
            })
            .collect();
        let mut doc = json!({
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": fm.title,
            "description": fm.summary,
            "url": self.absolute(&page_url(page)),
            "inLanguage": config.language(&page.lang).map(|l| l.locale.as_str()).unwrap_or(&page.lang),
        });
        let set = |doc: &mut Value, key: &str, value: Value| {
            if !value.is_null() && value.as_array().is_none_or(|a| !a.is_empty()) {
                doc[key] = value;
            }
        };
        set(
            &mut doc,
            "datePublished",
            json!(fm.date.map(|d| d.to_string())),
        );
        set(
            &mut doc,
            "dateModified",
            json!(fm.updated.map(|d| d.to_string())),
        );
        set(
            &mut doc,
            "lastReviewed",
            json!(fm.last_reviewed.map(|d| d.to_string())),
        );
        set(
            &mut doc,
            "reviewedBy",
            json!(
                fm.reviewed_by
                    .as_ref()
                    .map(|r| json!({"@type": "Person", "name": r}))
            ),
        );
        set(
            &mut doc,
            "author",
            json!(
                fm.authors
                    .iter()
                    .map(|a| json!({"@type": "Person", "name": a}))
                    .collect::<Vec<_>>()
            ),
        );
        if let Some(p) = &config.publisher {
            let mut org = json!({"@type": "Organization"});
            set(
                &mut org,
                "name",
                json!(crate::config::localized(&p.name, &page.lang)),
            );
            set(&mut org, "url", json!(p.url));
            doc["publisher"] = org;
        }
        set(&mut doc, "citation", json!(citations));
        set(&mut doc, "about", json!(about));
        // As JSON escapes, `<`, `>` and `&` cannot end the script element or open a comment
        // in it, whatever the front matter says.
        serde_json::to_string(&doc)
            .unwrap_or_default()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }

    fn landing(&self, route: &Route) -> Result<OutputFile> {
        let config = &self.site.config;
        let mut cx = self.base(
            &config.default_language,
            &route.url,
            &self.alternates(route),
        );
        cx["languages"] = config
            .languages
            .iter()
            .map(|l| json!({"lang": l.code, "title": l.title, "description": l.description, "url": crate::routes::home_url(&l.code)}))
            .collect();
        // The landing page is for every language: x-default is the page itself.
        cx["x_default"] = json!(self.absolute(&route.url));
        self.page("landing.html", route, cx)
    }

    fn not_found(&self, route: &Route) -> Result<OutputFile> {
        let config = &self.site.config;
        let mut cx = self.base(&config.default_language, &route.url, &[]);
        cx["languages"] = config
            .languages
            .iter()
            .map(|l| json!({"lang": l.code, "title": l.title, "url": crate::routes::home_url(&l.code)}))
            .collect();
        self.page("404.html", route, cx)
    }

    fn feed(&self, route: &Route, lang: &str, articles: &[&Page]) -> OutputFile {
        let title = self
            .site
            .config
            .language(lang)
            .map(|l| l.title.as_str())
            .unwrap_or_default();
        let entries = articles
            .iter()
            .map(|a| {
                let published = a.front.date.map(|d| d.to_string()).unwrap_or_default();
                feeds::FeedEntry {
                    title: a.front.title.clone(),
                    url: self.absolute(&page_url(a)),
                    updated: a
                        .front
                        .updated
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| published.clone()),
                    published,
                    summary: a.front.summary.clone(),
                    authors: a.front.authors.clone(),
                }
            })
            .collect();
        let feed = feeds::Feed {
            lang,
            title,
            home: self.absolute(&crate::routes::home_url(lang)),
            self_url: self.absolute(&route.url),
            entries,
        };
        OutputFile::new(route.file(), feeds::atom(&feed))
    }

    /// The sitemap's entry for a route: its address, an article's last change, and the
    /// address of each translation.
    fn sitemap_entry(&self, route: &Route) -> feeds::SitemapEntry {
        let alternates = self.alternates(route);
        let lastmod = match route.kind {
            Kind::Article { page } => {
                let fm = &self.site.pages[page].front;
                fm.updated.or(fm.date).map(|d| d.to_string())
            }
            _ => None,
        };
        let mut alts: Vec<(String, String)> = alternates
            .iter()
            .map(|(l, u)| (l.clone(), self.absolute(u)))
            .collect();
        if alternates.len() > 1 {
            let default = &self.site.config.default_language;
            if let Some((_, u)) = alternates.iter().find(|(l, _)| l == default) {
                alts.push(("x-default".into(), self.absolute(u)));
            }
        }
        feeds::SitemapEntry {
            loc: self.absolute(&route.url),
            lastmod,
            alternates: alts,
        }
    }
}

/// What listings show of an article, as a hash.
pub fn card_key(a: &Page) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    let fm = &a.front;
    (
        &a.source.path,
        &fm.title,
        &fm.summary,
        &fm.tags,
        &fm.authors,
    )
        .hash(&mut h);
    (
        fm.date.map(|d| d.to_string()),
        fm.updated.map(|d| d.to_string()),
    )
        .hash(&mut h);
    h.finish()
}
