#![cfg_attr(not(doctest), doc = include_str!("docs/content/invalid-name.md"))]
//!
//! File and folder names are checked as content is loaded (`crate::content`), and said by
//! [`report`]; [`check`] checks the other names akashi writes to disk: each tag becomes a
//! folder (`/ja/tags/<tag>/`).

use crate::content::{Problem, Trouble};
use crate::lint::{Context, Diagnostic, Rule};

pub fn report(problem: &Problem) -> Option<Diagnostic> {
    let Trouble::InvalidName { part, why } = &problem.trouble else {
        return None;
    };
    Some(
        Diagnostic::new(
            Rule::ContentInvalidName,
            problem.path.clone(),
            problem.at.clone(),
            format!("`{part}` cannot name a page or folder: {why}"),
        )
        .with_help(format!(
            "rename `{part}` to `{}`; the page is not published until then",
            crate::content::safe_name(part)
        )),
    )
}
use crate::routes::{MAX_SEGMENT_BYTES, tag_slug};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for page in cx.scoped() {
        for tag in &page.front.tags {
            let slug = tag_slug(tag);
            if slug.len() <= MAX_SEGMENT_BYTES {
                continue;
            }
            // The longest start of the tag whose folder name fits.
            let mut shorter = String::new();
            for c in tag.chars() {
                shorter.push(c);
                if tag_slug(&shorter).len() > MAX_SEGMENT_BYTES {
                    shorter.pop();
                    break;
                }
            }
            out.push(
                Diagnostic::new(
                    Rule::ContentInvalidName,
                    page.source.path(),
                    page.front.span_of("tags"),
                    format!(
                        "the tag `{}…` would be a folder name of {} bytes (`/{}/tags/…/`); file systems hold at most {MAX_SEGMENT_BYTES}",
                        tag.chars().take(12).collect::<String>(),
                        slug.len(),
                        page.lang
                    ),
                )
                .with_lang(Some(&page.lang))
                .with_help(format!(
                    "shorten the tag, to at most `{}`",
                    shorter.trim_end()
                )),
            );
        }
    }
}
