#![cfg_attr(not(doctest), doc = include_str!("docs/cite/unused-reference.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use std::collections::HashSet;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(source) = &cx.site.references_source else {
        return;
    };
    let cited: HashSet<&str> = cx
        .site
        .pages
        .iter()
        .flat_map(|p| p.citation_order())
        .map(String::as_str)
        .collect();
    for (key, reference) in &cx.site.references.by_key {
        if !cited.contains(key.as_str()) {
            out.push(Diagnostic::new(
                Rule::CiteUnusedReference,
                source.path(),
                reference.key_span.clone(),
                format!("no page cites `{key}`"),
            ));
        }
    }
}
