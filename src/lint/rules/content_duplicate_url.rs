#![cfg_attr(not(doctest), doc = include_str!("docs/content/duplicate-url.md"))]

use crate::content::static_dir::Entry;
use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let site = cx.site;
    for clash in site.routes.clashes() {
        let page = &site.pages[clash.page];
        let url = &clash.url;
        let (message, help) = match clash.with {
            None => (
                format!(
                    "would be published at {url}, where akashi publishes a page or file of its own (tags, evidence levels, feeds, listings)"
                ),
                "rename the file or its folder",
            ),
            Some(first) => (
                format!(
                    "would be published at {url}, like {}",
                    site.pages[first].source.path
                ),
                "rename one of the files: URLs ignore upper and lower case and turn spaces into `-`",
            ),
        };
        out.push(
            Diagnostic::new(Rule::ContentDuplicateUrl, page.source.path(), 0..0, message)
                .with_lang(Some(&page.lang))
                .with_help(help),
        );
    }
    for route in site.routes.iter() {
        let Some(page) = route.page().map(|i| &site.pages[i]) else {
            continue;
        };
        if let Some(clash) = static_clash(site, &route.url) {
            out.push(
                Diagnostic::new(
                    Rule::ContentDuplicateUrl,
                    page.source.path(),
                    0..0,
                    format!(
                        "would be published at {}, where `{clash}` is published too",
                        route.url
                    ),
                )
                .with_lang(Some(&page.lang))
                .with_help("rename the page, or move the file in static/ elsewhere"),
            );
        }
    }
}

/// A file in `static/` that a page at `url` would replace, or that stands where one of the
/// page's folders must be (`static/en/about` as a file, against `/en/about/`).
fn static_clash(site: &crate::site::Site, url: &str) -> Option<String> {
    let listed = &site.static_dir;
    let rel = url.trim_matches('/');
    if rel.is_empty() {
        return None;
    }
    // Each folder on the way, from the top: where nothing is listed, nothing deeper is.
    let ends = rel.match_indices('/').map(|(i, _)| i).chain([rel.len()]);
    for end in ends {
        let folder = &rel[..end];
        match listed.entry(folder)? {
            Entry::Folder => {}
            _ => return Some(format!("static/{folder}")),
        }
    }
    let index = format!("{rel}/index.html");
    listed.entry(&index).map(|_| format!("static/{index}"))
}
