#![cfg_attr(not(doctest), doc = include_str!("docs/content/duplicate-url.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use std::collections::BTreeMap;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let site = cx.site;
    let mut by_url: BTreeMap<String, Vec<&crate::parse::Page>> = BTreeMap::new();
    for page in site.published() {
        by_url.entry(site.url(page)).or_default().push(page);
    }
    for (url, pages) in &by_url {
        // A page at `/en/atom.xml/` is written as `en/atom.xml/index.html`, where the feed's
        // file is: the two cannot both exist.
        let path = url.trim_end_matches('/');
        let file_of_its_own = path.ends_with("/index.html")
            || ["/404.html", "/sitemap.xml"].contains(&path)
            || site
                .config
                .language_codes()
                .any(|l| path == format!("/{l}/atom.xml"));
        let generated = file_of_its_own
            || site.config.language_codes().any(|l| {
                url.starts_with(&format!("/{l}/tags/")) || *url == format!("/{l}/evidence/")
            });
        if generated {
            for page in pages {
                out.push(
                    Diagnostic::new(
                        Rule::ContentDuplicateUrl,
                        page.source.path(),
                        0..0,
                        format!("would be published at {url}, where akashi publishes a page or file of its own (tags, evidence levels, feeds, listings)"),
                    )
                    .with_lang(Some(&page.lang))
                    .with_help("rename the file or its folder"),
                );
            }
            continue;
        }
        if pages.len() < 2 {
            continue;
        }
        let first = &pages[0].source.path;
        for page in &pages[1..] {
            out.push(
                Diagnostic::new(
                    Rule::ContentDuplicateUrl,
                    page.source.path(),
                    0..0,
                    format!("would be published at {url}, like {first}"),
                )
                .with_lang(Some(&page.lang))
                .with_help("rename one of the files: URLs ignore upper and lower case and turn spaces into `-`"),
            );
        }
    }
}
