//! Where the links of an article lead, for the `link/*` rules: another article (by its Markdown
//! source, which survives URL changes), a page akashi generates, a file in `static/`, an
//! anchor, or an unsafe URL. Nothing here touches the network: external links are not checked.

use crate::content::static_dir::Entry;
use crate::lint::{Context, Rule};
use crate::parse::Page;
use crate::parse::markdown::Link;
use crate::site::SourceLink;

/// A problem with one link: the rule, the message and the help.
pub struct Problem {
    pub rule: Rule,
    pub message: String,
    pub help: String,
}

fn problem(rule: Rule, message: String, help: &str) -> Option<Problem> {
    Some(Problem {
        rule,
        message,
        help: help.to_string(),
    })
}

use crate::routes::{Kind, Routes, has_anchor, level_anchor, page_url, percent_decode};

pub fn check(cx: &Context<'_>, page: &Page, link: &Link) -> Option<Problem> {
    let site = cx.site;
    let dest = link.dest.trim();
    // Browsers drop tabs, line breaks and other control characters from URLs before reading
    // the scheme (`java\tscript:`).
    let lower: String = dest
        .chars()
        .filter(|c| !c.is_ascii_control() && *c != ' ')
        .collect::<String>()
        .to_ascii_lowercase();
    if ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return problem(
            Rule::LinkUnsafe,
            format!(
                "a `{}:` URL can run code in the reader's browser",
                lower.split(':').next().unwrap_or_default()
            ),
            "link to a page or a file instead",
        );
    }
    if dest.is_empty()
        || lower.contains("://")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
        || lower.starts_with("//")
    {
        return None;
    }
    // A link written with Windows folder separators: `\` is part of a name on the web.
    if dest.contains('\\') {
        let fixed = dest.replace('\\', "/");
        let written_right = Link {
            dest: fixed.clone(),
            ..link.clone()
        };
        return match check(cx, page, &written_right) {
            None => problem(
                Rule::LinkBroken,
                format!("`{dest}` separates folders with `\\`, which on the web is part of a name"),
                &format!("write `{fixed}`"),
            ),
            Some(mut p) => {
                p.help = format!("write `/` between folders, not `\\`; then {}", p.help);
                Some(p)
            }
        };
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    if path.is_empty() {
        let anchor = anchor.unwrap_or_default();
        return (!anchor.is_empty() && !has_anchor(page, anchor)).then(|| Problem {
            rule: Rule::LinkAnchor,
            message: format!("this page has no heading `#{anchor}`"),
            help: "check the heading's text, or give the heading an id: `## 見出し {#id}`".into(),
        });
    }
    // A Markdown source, relative to this page's folder.
    if path.ends_with(".md") && !path.starts_with('/') {
        let target = match site.source_link(page, path) {
            SourceLink::Page(i) => &site.pages[i],
            SourceLink::Outside => {
                return problem(
                    Rule::LinkBroken,
                    format!("`{}` points outside content/", percent_decode(path)),
                    "link to a file inside content/",
                );
            }
            SourceLink::Missing(source) => {
                return problem(
                    Rule::LinkBroken,
                    format!("no page `{source}`"),
                    "check the file name and folder; links to sources are relative to this file",
                );
            }
        };
        if link.html {
            return Some(Problem {
                rule: Rule::LinkBroken,
                message: format!(
                    "HTML is published as written, so readers would follow `{path}`, which is not an address on the site"
                ),
                help: format!(
                    "write the page's address, `{}`, or make it a Markdown link: [text]({path})",
                    page_url(target)
                ),
            });
        }
        return target_problems(page, target, anchor);
    }
    let absolute = if path.starts_with('/') {
        normalize(&percent_decode(path))
    } else {
        // Relative to the page's own URL.
        normalize(&format!("{}{}", page_url(page), percent_decode(path)))
    };
    match site.routes.at(&absolute) {
        Some(route) => {
            return match (route.page(), &route.kind) {
                (Some(target), _) => target_problems(page, &site.pages[target], anchor),
                (None, Kind::Evidence { .. }) => anchor
                    .filter(|a| {
                        let a = percent_decode(a);
                        !a.is_empty()
                            && !site
                                .config
                                .evidence_levels
                                .iter()
                                .any(|l| level_anchor(l) == a)
                    })
                    .and_then(|a| {
                        problem(
                            Rule::LinkAnchor,
                            format!("the evidence levels page has no anchor `#{a}`"),
                            &format!(
                                "link to one of the levels: {}",
                                site.config
                                    .evidence_levels
                                    .iter()
                                    .map(|l| format!("`#{}`", level_anchor(l)))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        )
                    }),
                // A page or file akashi makes: the landing page, a tag, the feed.
                (None, _) => None,
            };
        }
        None if Routes::is_generated_file(&absolute) => return None,
        None => {}
    }
    let rel = absolute.trim_start_matches('/');
    if let Some(linked) = site.static_dir.linked_folder(rel) {
        return problem(
            Rule::LinkMissingFile,
            format!("`static/{linked}` is a symbolic link, and akashi does not publish links"),
            "copy the folder into static/ instead of linking to it",
        );
    }
    // Symbolic links in static/ are not published (they could pull in files from anywhere on
    // the machine that builds the site), so a link to one would be broken.
    match site.static_dir.get(rel) {
        Some(Entry::File) => return None,
        Some(Entry::Link) => {
            return problem(
                Rule::LinkMissingFile,
                format!("`static{absolute}` is a symbolic link, and akashi does not publish links"),
                "copy the file into static/ instead of linking to it",
            );
        }
        None if crate::theme::builtin::has_static(rel) => {
            return None;
        }
        _ => {}
    }
    if let Some(lang) = site
        .config
        .language_codes()
        .find(|l| absolute.starts_with(&crate::routes::tags_url(l)))
    {
        return problem(
            Rule::LinkBroken,
            format!("no published article in `{lang}` has the tag of `{absolute}`"),
            &format!(
                "link to a tag that articles have, or to the list of tags, `{}`",
                crate::routes::tags_url(lang)
            ),
        );
    }
    let looks_like_page =
        absolute.ends_with('/') || !absolute.rsplit('/').next().unwrap_or("").contains('.');
    if looks_like_page && !link.image {
        problem(
            Rule::LinkBroken,
            format!("akashi publishes no page at `{absolute}`"),
            "link to the article's Markdown source (`../section/name.ja.md`), which keeps working when URLs change",
        )
    } else {
        problem(
            Rule::LinkMissingFile,
            format!("no file `static{absolute}`"),
            "put the file in static/ at that path; static/ is published as it is",
        )
    }
}

/// Resolves `.` and `..` in an absolute URL path, keeping a trailing `/`.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let trailing = if path.ends_with('/') && !parts.is_empty() {
        "/"
    } else {
        ""
    };
    format!("/{}{trailing}", parts.join("/"))
}

fn target_problems(page: &Page, target: &Page, anchor: Option<&str>) -> Option<Problem> {
    if target.front.draft && !page.front.draft {
        return problem(
            Rule::LinkBroken,
            format!(
                "`{}` is a draft, so it is not published",
                target.source.path
            ),
            "publish the page (remove `draft: true`) or remove the link",
        );
    }
    if let Some(anchor) = anchor.filter(|a| !a.is_empty() && !has_anchor(target, a)) {
        return problem(
            Rule::LinkAnchor,
            format!("`{}` has no heading `#{anchor}`", target.source.path),
            "check the heading's text, or give the heading an id: `## 見出し {#id}`",
        );
    }
    if target.lang != page.lang {
        return problem(
            Rule::LinkOtherLanguage,
            format!(
                "links from this page in `{}` to {}, a page in `{}`",
                page.lang, target.source.path, target.lang
            ),
            "link to the page in this page's language; the language switcher already leads to translations",
        );
    }
    None
}

/// The findings of `rule` on the links of the pages in scope. Every link is checked once per
/// run of the rules, whichever `link/*` rule asks first; the others read the same findings.
pub fn report(cx: &Context<'_>, rule: Rule, out: &mut Vec<crate::lint::Diagnostic>) {
    let all = cx.link_findings.get_or_init(|| {
        let mut all = Vec::new();
        for page in cx.scoped() {
            for link in &page.body.links {
                if let Some(p) = check(cx, page, link) {
                    all.push(
                        crate::lint::Diagnostic::new(
                            p.rule,
                            page.source.path(),
                            link.span.clone(),
                            p.message,
                        )
                        .with_lang(Some(&page.lang))
                        .with_help(p.help),
                    );
                }
            }
        }
        all
    });
    out.extend(all.iter().filter(|d| d.rule == rule).cloned());
}
