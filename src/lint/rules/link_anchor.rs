#![cfg_attr(not(doctest), doc = include_str!("docs/link/anchor.md"))]

use crate::lint::{Context, Diagnostic, Rule, links};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    links::report(cx, Rule::LinkAnchor, out);
}
