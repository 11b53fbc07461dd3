#![cfg_attr(not(doctest), doc = include_str!("docs/suppress/missing-reason.md"))]
//!
//! Found where suppressions are applied (`crate::lint::suppress`); said here.

use crate::lint::{Diagnostic, Rule};
use crate::parse::{Page, WrittenSuppression};

/// `written`, a suppression comment of `page`, if it gives no reason.
pub fn report(page: &Page, written: &WrittenSuppression, out: &mut Vec<Diagnostic>) {
    if written.gives_reason {
        return;
    }
    out.push(
        Diagnostic::new(
            Rule::SuppressMissingReason,
            page.source.path(),
            written.span.clone(),
            "suppression without a reason suppresses nothing",
        )
        .with_lang(Some(&page.lang))
        .with_help(format!(
            "say why after a colon: `<!-- {} {}: why this is not a problem -->`",
            crate::lint::suppress::KEYWORD,
            written.ids.join(", ")
        )),
    );
}
