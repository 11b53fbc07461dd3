#![cfg_attr(not(doctest), doc = include_str!("docs/review/missing.md"))]

use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, _) in cx.articles() {
        let fm = &page.front;
        // Front matter that could not be read is reported as `frontmatter/invalid` already.
        if fm.spans.is_empty() {
            continue;
        }
        // A key written with a bad value is reported as `frontmatter/invalid` already.
        let written = |key: &str| fm.spans.iter().any(|(k, _)| k == key);
        let missing: Vec<&str> = ["authors", "reviewed_by", "last_reviewed", "next_review"]
            .into_iter()
            .filter(|k| !written(k))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let keys: Vec<String> = missing.iter().map(|k| format!("`{k}`")).collect();
        out.push(
            Diagnostic::new(
                Rule::ReviewMissing,
                page.source.path(),
                0..3,
                format!("a published article needs {}", keys.join(", ")),
            )
            .with_lang(Some(&page.lang))
            .with_help("name who wrote the page, the medical reviewer with their qualification, the date of the last review and when the next is due (at most three years later); or set `draft: true`"),
        );
    }
}
