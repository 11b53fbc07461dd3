//! Every address the site publishes, computed once from the parsed pages: the URL layout lives
//! here and nowhere else.
//!
//! A site in languages `ja` and `en` publishes:
//!
//! | URL | file | what |
//! |---|---|---|
//! | `/` | `index.html` | the landing page, for every language |
//! | `/404.html` | `404.html` | the page for addresses that do not exist |
//! | `/ja/` | `ja/index.html` | the language's home page (with `content/_index.ja.md`) |
//! | `/ja/treatments/` | `ja/treatments/index.html` | a section (`content/treatments/_index.ja.md`) |
//! | `/ja/treatments/rtms/` | `ja/treatments/rtms/index.html` | an article (`content/treatments/rtms.ja.md`) |
//! | `/ja/tags/` | `ja/tags/index.html` | the list of tags |
//! | `/ja/tags/うつ病/` | `ja/tags/うつ病/index.html` | the articles with one tag |
//! | `/ja/evidence/` | `ja/evidence/index.html` | what the evidence levels mean |
//! | `/ja/atom.xml` | `ja/atom.xml` | the language's feed |
//! | `/sitemap.xml` | `sitemap.xml` | every page, with its translations |
//! | `/pagefind/…` | `pagefind/…` | the search index, when one is built |
//!
//! Rendering iterates [`Routes`]; the link rules, `content/duplicate-url` and the incremental
//! keys of listing pages ask it. Within a page, the anchors are its headings' ids and
//! [`reference_anchor`] for each entry of its reference list.

use crate::config::Config;
use crate::content::PageKind;
use crate::parse::Page;
use std::collections::{BTreeMap, HashMap};

/// What is published at an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `/`: the landing page.
    Landing,
    /// `/404.html`.
    NotFound,
    /// `/sitemap.xml`.
    Sitemap,
    /// `/ja/`: a language's home page, with the introduction of `content/_index.ja.md` when
    /// there is one (`intro`, an index into the site's pages).
    Home { lang: String, intro: Option<usize> },
    /// A section's page (`content/treatments/_index.ja.md`).
    Section { page: usize },
    /// An article.
    Article { page: usize },
    /// `/ja/tags/`.
    Tags { lang: String },
    /// `/ja/tags/うつ病/`: the articles with the tag `name`, whose address segment is `slug`.
    Tag {
        lang: String,
        name: String,
        slug: String,
    },
    /// `/ja/evidence/`.
    Evidence { lang: String },
    /// `/ja/atom.xml`.
    Feed { lang: String },
}

/// One address and what is published there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The URL path, as the site's own links write it before percent-encoding (`/ja/tags/うつ病/`).
    pub url: String,
    pub kind: Kind,
}

impl Route {
    /// The file it is written to, relative to the output folder: `ja/index.html` for `/ja/`.
    pub fn file(&self) -> String {
        match &self.kind {
            Kind::NotFound | Kind::Sitemap | Kind::Feed { .. } => {
                self.url.trim_start_matches('/').to_string()
            }
            _ => page_file(&self.url),
        }
    }

    /// Listed in the sitemap: the pages a search engine should know (home pages, sections,
    /// articles, the evidence levels).
    pub fn in_sitemap(&self) -> bool {
        matches!(
            self.kind,
            Kind::Home { .. } | Kind::Section { .. } | Kind::Article { .. } | Kind::Evidence { .. }
        )
    }

    /// The site's page shown at this address, if it is one.
    pub fn page(&self) -> Option<usize> {
        match self.kind {
            Kind::Section { page } | Kind::Article { page } => Some(page),
            Kind::Home { intro, .. } => intro,
            _ => None,
        }
    }
}

/// A page that would be published where something else already is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// Index of the page into the site's pages.
    pub page: usize,
    pub url: String,
    /// The page published there instead (the first in file order), or `None` when the address
    /// belongs to akashi's own pages and files (tags, evidence levels, feeds, listings).
    pub with: Option<usize>,
}

/// Every route of the site, in the order they are rendered and listed in the sitemap.
#[derive(Debug, Clone, Default)]
pub struct Routes {
    routes: Vec<Route>,
    by_url: HashMap<String, usize>,
    /// Route of each page that has one, by index into the site's pages.
    of_page: HashMap<usize, usize>,
    /// Published articles of each language, newest first: the order of listings and feeds.
    articles: HashMap<String, Vec<usize>>,
    /// Published articles by language and tag address (slug), newest first.
    tagged: HashMap<(String, String), Vec<usize>>,
    /// The address of every page, published or not, by index into the site's pages.
    page_urls: Vec<String>,
    clashes: Vec<Clash>,
}

impl Routes {
    /// The routes of `pages` (sorted by file path, as the site keeps them).
    pub fn new(config: &Config, pages: &[Page]) -> Routes {
        let mut routes = Routes::default();
        routes.push(LANDING.into(), Kind::Landing);
        routes.push(NOT_FOUND.into(), Kind::NotFound);
        routes.page_urls = pages.iter().map(page_url).collect();
        // Pages claim their addresses in file order; the first one keeps an address.
        let mut claimed: HashMap<&str, usize> = HashMap::new();
        let mut clashes = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            if page.front.draft {
                continue;
            }
            let url = routes.page_urls[i].as_str();
            let home = page.kind == PageKind::SectionIndex && page.dir.is_empty();
            if !home && is_reserved(config, url) {
                clashes.push(Clash {
                    page: i,
                    url: url.to_string(),
                    with: None,
                });
            } else if let Some(&first) = claimed.get(url) {
                clashes.push(Clash {
                    page: i,
                    url: url.to_string(),
                    with: Some(first),
                });
            } else {
                claimed.insert(url, i);
            }
        }
        let owned: Vec<bool> = (0..pages.len())
            .map(|i| claimed.get(routes.page_urls[i].as_str()) == Some(&i))
            .collect();
        for lang in config.language_codes() {
            let intro = pages.iter().enumerate().position(|(i, p)| {
                p.lang == lang
                    && p.kind == PageKind::SectionIndex
                    && p.dir.is_empty()
                    && !p.front.draft
                    && owned[i]
            });
            routes.push(
                home_url(lang),
                Kind::Home {
                    lang: lang.to_string(),
                    intro,
                },
            );
            for (i, page) in pages.iter().enumerate() {
                if page.lang == lang
                    && page.kind == PageKind::SectionIndex
                    && !page.dir.is_empty()
                    && !page.front.draft
                    && owned[i]
                {
                    routes.push(routes.page_urls[i].clone(), Kind::Section { page: i });
                }
            }
            let mut articles: Vec<usize> = (0..pages.len())
                .filter(|&i| {
                    let p = &pages[i];
                    p.lang == lang && p.is_article() && !p.front.draft && owned[i]
                })
                .collect();
            articles.sort_by(|&a, &b| {
                let (a, b) = (&pages[a], &pages[b]);
                b.front
                    .date
                    .cmp(&a.front.date)
                    .then_with(|| a.front.title.cmp(&b.front.title))
                    .then_with(|| a.source.path.cmp(&b.source.path))
            });
            for &i in &articles {
                routes.push(routes.page_urls[i].clone(), Kind::Article { page: i });
            }
            routes.push(
                tags_url(lang),
                Kind::Tags {
                    lang: lang.to_string(),
                },
            );
            // One page per tag; tags written differently but with one slug share it, under the
            // name its newest article gives it.
            let mut tags: BTreeMap<String, &str> = BTreeMap::new();
            for &i in &articles {
                let mut slugs: Vec<String> = Vec::new();
                for tag in &pages[i].front.tags {
                    let slug = tag_slug(tag);
                    if !slugs.contains(&slug) {
                        routes
                            .tagged
                            .entry((lang.to_string(), slug.clone()))
                            .or_default()
                            .push(i);
                        slugs.push(slug.clone());
                    }
                    tags.entry(slug).or_insert(tag);
                }
            }
            for (slug, name) in tags {
                routes.push(
                    slug_url(lang, &slug),
                    Kind::Tag {
                        lang: lang.to_string(),
                        name: name.to_string(),
                        slug,
                    },
                );
            }
            routes.push(
                evidence_url(lang),
                Kind::Evidence {
                    lang: lang.to_string(),
                },
            );
            routes.push(
                feed_url(lang),
                Kind::Feed {
                    lang: lang.to_string(),
                },
            );
            routes.articles.insert(lang.to_string(), articles);
        }
        routes.push(SITEMAP.into(), Kind::Sitemap);
        routes.clashes = clashes;
        routes
    }

    fn push(&mut self, url: String, kind: Kind) {
        let at = self.routes.len();
        self.by_url.entry(url.clone()).or_insert(at);
        let route = Route { url, kind };
        if let Some(page) = route.page() {
            self.of_page.insert(page, at);
        }
        self.routes.push(route);
    }

    /// Every route, in the order they are rendered.
    pub fn iter(&self) -> impl Iterator<Item = &Route> {
        self.routes.iter()
    }

    /// The route at a URL path (decoded: `/ja/tags/うつ病/`); a page's address is found with or
    /// without its final `/`.
    pub fn at(&self, url: &str) -> Option<&Route> {
        let found = self.by_url.get(url).or_else(|| {
            (!url.ends_with('/'))
                .then(|| self.by_url.get(&format!("{url}/")))
                .flatten()
        });
        found.map(|&i| &self.routes[i])
    }

    /// The route of the site's page `page` (an index into its pages), when it is published.
    pub fn of_page(&self, page: usize) -> Option<&Route> {
        self.of_page.get(&page).map(|&i| &self.routes[i])
    }

    /// Published articles in `lang` with a tag whose address is `/lang/tags/slug/`, newest
    /// first, as indices into the site's pages.
    pub fn tagged(&self, lang: &str, slug: &str) -> &[usize] {
        self.tagged
            .get(&(lang.to_string(), slug.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// The address of the site's page `page` (an index into its pages), as [`page_url`] makes
    /// it, computed once.
    pub fn url_of(&self, page: usize) -> &str {
        &self.page_urls[page]
    }

    /// Published articles in `lang`, newest first, as indices into the site's pages.
    pub fn articles(&self, lang: &str) -> &[usize] {
        self.articles.get(lang).map_or(&[], Vec::as_slice)
    }

    /// Pages that would be published where something else is.
    pub fn clashes(&self) -> &[Clash] {
        &self.clashes
    }

    /// The address lies where akashi publishes generated files: the search index.
    pub fn is_generated_file(url: &str) -> bool {
        url.starts_with(SEARCH_PREFIX)
    }
}

/// The landing page.
pub const LANDING: &str = "/";
/// The page for addresses that do not exist.
pub const NOT_FOUND: &str = "/404.html";
/// The sitemap.
pub const SITEMAP: &str = "/sitemap.xml";
/// Where Pagefind's search index and scripts are published.
pub const SEARCH_PREFIX: &str = "/pagefind/";

/// A language's home page: `/ja/`.
pub fn home_url(lang: &str) -> String {
    format!("/{lang}/")
}

/// The list of a language's tags: `/ja/tags/`.
pub fn tags_url(lang: &str) -> String {
    format!("/{lang}/tags/")
}

/// The page of one tag: `/ja/tags/うつ病/`.
pub fn tag_url(lang: &str, tag: &str) -> String {
    slug_url(lang, &tag_slug(tag))
}

/// The page of the tag whose address segment is `slug`.
fn slug_url(lang: &str, slug: &str) -> String {
    format!("{}{slug}/", tags_url(lang))
}

/// What the evidence levels mean: `/ja/evidence/`.
pub fn evidence_url(lang: &str) -> String {
    format!("/{lang}/evidence/")
}

/// A language's feed: `/ja/atom.xml`.
pub fn feed_url(lang: &str) -> String {
    format!("/{lang}/atom.xml")
}

/// The address of a page (also of a draft, which is not published there):
/// `/ja/treatments/rtms/`.
pub fn page_url(page: &Page) -> String {
    let mut url = home_url(&page.lang);
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

/// The anchor of entry `n` (from 1) of an article's reference list, which citation marks link
/// to.
pub fn reference_anchor(n: usize) -> String {
    format!("ref-{n}")
}

/// The anchor of the `k`th mark (from 1) in the text that cites reference `n`: `cite-3-1`.
/// The reference's entry leads back to it.
pub fn citation_anchor(n: usize, k: usize) -> String {
    format!("cite-{n}-{k}")
}

/// The id of the explanation a badge shows when pressed, by the tag's index in its page.
pub fn evidence_note_anchor(tag: usize) -> String {
    format!("evidence-note-{}", tag + 1)
}

/// Is `anchor` one akashi gives to an element it writes in an article: a reference (`ref-3`), a
/// citation mark (`cite-3-1`) or a badge's explanation (`evidence-note-2`)? No heading may have
/// it ([`settle_heading_anchors`]).
pub fn is_generated_anchor(anchor: &str) -> bool {
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(n) = anchor.strip_prefix("ref-") {
        number(n)
    } else if let Some(rest) = anchor.strip_prefix("cite-") {
        rest.split_once('-')
            .is_some_and(|(n, k)| number(n) && number(k))
    } else if let Some(n) = anchor.strip_prefix("evidence-note-") {
        number(n)
    } else {
        false
    }
}

/// Gives each heading of `page` whose anchor is one akashi gives to an element it writes
/// ([`is_generated_anchor`]: `## Ref 1` would be `ref-1`, the first reference's id) the next
/// free anchor after it (`ref-1-2`), as a second heading of the same text would get: an id is
/// never on two elements, and a link to the reference still leads to the reference.
pub fn settle_heading_anchors(page: &mut Page) {
    let headings = &mut page.body.headings;
    if !headings.iter().any(|h| is_generated_anchor(&h.anchor)) {
        return;
    }
    let mut used: std::collections::HashSet<String> =
        headings.iter().map(|h| h.anchor.clone()).collect();
    for heading in headings.iter_mut() {
        if is_generated_anchor(&heading.anchor) {
            let anchor = (2..)
                .map(|n| format!("{}-{n}", heading.anchor))
                .find(|a| !used.contains(a))
                .expect("a free anchor");
            used.insert(anchor.clone());
            heading.anchor = anchor;
        }
    }
}

/// The anchor of an evidence level on the evidence page: `level-b`.
pub fn level_anchor(level: &str) -> String {
    format!("level-{}", level.to_lowercase())
}

/// Does `page` have the anchor (decoded or not): a heading's id, or an entry of its
/// reference list?
pub fn has_anchor(page: &Page, anchor: &str) -> bool {
    let anchor = percent_decode(anchor);
    page.body.headings.iter().any(|h| h.anchor == anchor)
        || (1..=page.citation_count()).any(|n| reference_anchor(n) == anchor)
}

/// Addresses where only akashi publishes: a page there would collide with a generated page or
/// file, or be written into a folder that is one (`/en/atom.xml/` is written as
/// `en/atom.xml/index.html`, where the feed's file is).
fn is_reserved(config: &Config, url: &str) -> bool {
    let path = url.trim_end_matches('/');
    path.ends_with("/index.html")
        || [NOT_FOUND, SITEMAP].contains(&path)
        || config
            .language_codes()
            .any(|l| path == feed_url(l) || url.starts_with(&tags_url(l)) || url == evidence_url(l))
}

/// The file of the page at a URL path: `ja/index.html` for `/ja/`.
pub fn page_file(url: &str) -> String {
    format!("{}index.html", url.trim_start_matches('/'))
}

/// The most bytes a folder or file name may have on the file systems a site is built on
/// (ext4, APFS, NTFS allow 255): a tag longer than this as a URL segment could not be written.
pub const MAX_SEGMENT_BYTES: usize = 255;

/// The URL segment of a tag: like a file name's, with characters that cannot stand in a path
/// segment replaced.
pub fn tag_slug(tag: &str) -> String {
    let slug: String = url_segment(tag)
        .chars()
        .map(|c| {
            if c.is_control()
                || matches!(
                    c,
                    '/' | '\\' | '?' | '#' | '%' | '"' | '<' | '>' | '|' | ':' | '*' | '.'
                )
            {
                '-'
            } else {
                c
            }
        })
        .collect();
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "tag".into()
    } else if crate::content::reserved_on_windows(&slug) {
        format!("{slug}-tag")
    } else {
        slug
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

/// Percent-encodes a URL path (UTF-8 bytes outside the unreserved set), keeping `/`.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%E3%81%86` escapes in a URL path; a `%` not followed by two hex digits stays as it
/// is, and bytes that do not form UTF-8 become U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_escapes_decode_and_malformed_ones_stay() {
        assert_eq!(percent_decode("/ja/tags/%E3%81%86/"), "/ja/tags/う/");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        // A `%` before a multi-byte character must not split it.
        assert_eq!(percent_decode("%あ"), "%あ");
    }
}
