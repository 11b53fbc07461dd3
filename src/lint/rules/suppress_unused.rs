#![cfg_attr(not(doctest), doc = include_str!("docs/suppress/unused.md"))]
//!
//! Found where suppressions are applied (`crate::lint::suppress`); said here.

use crate::lint::{Diagnostic, Rule};
use crate::parse::{Page, WrittenSuppression};

/// `written`, a suppression comment of `page` that suppressed no finding.
pub fn report(page: &Page, written: &WrittenSuppression) -> Diagnostic {
    Diagnostic::new(
        Rule::SuppressUnused,
        page.source.path(),
        written.span.clone(),
        "this suppression suppresses no finding",
    )
    .with_lang(Some(&page.lang))
    .with_help("remove it, or move it to the line before the paragraph it is meant for")
}
