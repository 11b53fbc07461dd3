#![cfg_attr(not(doctest), doc = include_str!("docs/content/duplicate-url.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use std::collections::BTreeMap;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let site = cx.site;
    let mut by_url: BTreeMap<String, Vec<&crate::parse::Page>> = BTreeMap::new();
    let mut checked = std::collections::HashSet::new();
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
        if let Some(clash) = static_clash(site, url, &mut checked) {
            out.push(
                Diagnostic::new(
                    Rule::ContentDuplicateUrl,
                    pages[0].source.path(),
                    0..0,
                    format!("would be published at {url}, where `{clash}` is published too"),
                )
                .with_lang(Some(&pages[0].lang))
                .with_help("rename the page, or move the file in static/ elsewhere"),
            );
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

/// A file in `static/` that a page at `url` would replace, or that stands where one of the
/// page's folders must be (`static/en/about` as a file, against `/en/about/`). Folders already
/// looked at are in `checked`.
fn static_clash(
    site: &crate::site::Site,
    url: &str,
    checked: &mut std::collections::HashSet<String>,
) -> Option<String> {
    let root = site.config.root.join("static");
    let rel = url.trim_matches('/');
    let index = format!("{rel}/index.html");
    if std::fs::symlink_metadata(root.join(&index)).is_ok() {
        return Some(format!("static/{index}"));
    }
    let mut folder = rel;
    while !folder.is_empty() {
        if !checked.insert(folder.to_string()) {
            break;
        }
        if std::fs::symlink_metadata(root.join(folder)).is_ok_and(|m| !m.is_dir()) {
            return Some(format!("static/{folder}"));
        }
        folder = folder.rsplit_once('/').map_or("", |(parent, _)| parent);
    }
    None
}
