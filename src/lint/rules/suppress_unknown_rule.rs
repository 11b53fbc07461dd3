#![cfg_attr(not(doctest), doc = include_str!("docs/suppress/unknown-rule.md"))]
//!
//! Found where suppressions are applied (`crate::lint::suppress`); said here.

use crate::lint::{Diagnostic, Rule};
use crate::parse::{Page, WrittenSuppression};

/// Each id of `written` (a suppression comment of `page`) that names no rule.
pub fn report(page: &Page, written: &WrittenSuppression, out: &mut Vec<Diagnostic>) {
    for id in written.ids.iter().filter(|id| Rule::from_id(id).is_none()) {
        let ids: Vec<&str> = Rule::ids().collect();
        out.push(
            Diagnostic::new(
                Rule::SuppressUnknownRule,
                page.source.path(),
                written.span.clone(),
                format!("`{id}` is not a rule"),
            )
            .with_lang(Some(&page.lang))
            .with_help(crate::suggest::did_you_mean(id, &ids)),
        );
    }
}
