#![cfg_attr(not(doctest), doc = include_str!("docs/i18n/claim-mismatch.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use crate::parse::Page;
use crate::parse::markdown::TagAt;
use std::collections::BTreeSet;

/// The citations of a tag, order ignored.
fn keys(tag: &TagAt) -> BTreeSet<&str> {
    tag.tag.keys.iter().map(|(k, _)| k.as_str()).collect()
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let site = cx.site;
    let default = &site.config.default_language;
    for page in cx.scoped().filter(|p| &p.lang != default) {
        let Some(original) = site.translation(page, default) else {
            continue;
        };
        compare(
            page,
            original,
            &|key| site.references.get(key).is_some(),
            out,
        );
    }
}

/// Reports the claims of `page` (a translation) that differ from those of `original`.
/// Tags citing an unknown key are left to `cite/unknown-key`, so that one typo is one finding.
fn compare(page: &Page, original: &Page, known: &dyn Fn(&str) -> bool, out: &mut Vec<Diagnostic>) {
    let claims = |p: &'_ Page| -> Vec<TagAt> {
        p.body
            .tags
            .iter()
            .filter(|t| t.tag.level.is_some() && !t.tag.keys.is_empty())
            .filter(|t| t.tag.keys.iter().all(|(k, _)| known(k)))
            .cloned()
            .collect()
    };
    let mut theirs = claims(original);
    let mut unmatched = Vec::new();
    for tag in claims(page) {
        let exact = theirs
            .iter()
            .position(|t| t.tag.level == tag.tag.level && keys(t) == keys(&tag));
        if let Some(i) = exact {
            theirs.remove(i);
        } else {
            unmatched.push(tag);
        }
    }
    for tag in unmatched {
        let level = tag.tag.level.clone().unwrap_or_default();
        let same_sources = theirs.iter().position(|t| keys(t) == keys(&tag));
        let (message, help) = match same_sources {
            Some(i) => {
                let other = theirs.remove(i);
                let line = other.line;
                (
                    format!(
                        "level {level} here, but level {} for the same sources in {} (line {line})",
                        other.tag.level.unwrap_or_default(),
                        original.source.path
                    ),
                    "both languages must state the same certainty; correct whichever is wrong"
                        .to_string(),
                )
            }
            None => (
                format!(
                    "{} has no claim tagged {}",
                    original.source.path,
                    super::claim_fullwidth_tag::ascii_form(&tag.tag)
                ),
                "translate the claim in both languages, with the same level and citations"
                    .to_string(),
            ),
        };
        out.push(
            Diagnostic::new(
                Rule::I18nClaimMismatch,
                page.source.path(),
                tag.span.clone(),
                message,
            )
            .with_lang(Some(&page.lang))
            .with_help(help),
        );
    }
    for tag in theirs {
        out.push(
            Diagnostic::new(
                Rule::I18nClaimMismatch,
                original.source.path(),
                tag.span.clone(),
                format!(
                    "{} has no claim tagged {}",
                    page.source.path,
                    super::claim_fullwidth_tag::ascii_form(&tag.tag)
                ),
            )
            .with_lang(Some(&original.lang))
            .with_help("translate the claim in both languages, with the same level and citations"),
        );
    }
}
