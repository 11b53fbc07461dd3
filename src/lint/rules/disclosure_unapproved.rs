#![cfg_attr(not(doctest), doc = include_str!("docs/disclosure/unapproved.md"))]

use super::disclosure_self_pay::{missing, names};
use crate::config::Treatment;
use crate::lint::{Context, Diagnostic, Rule};
use crate::parse::frontmatter::UNAPPROVED_KEYS;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, _) in cx.articles() {
        let unapproved: Vec<&Treatment> = cx
            .site
            .treatments_discussed(page)
            .into_iter()
            .filter(|t| t.status.is_unapproved())
            .collect();
        if unapproved.is_empty() {
            continue;
        }
        let lacking = missing(&page.front.unapproved, UNAPPROVED_KEYS);
        if lacking.is_empty() {
            continue;
        }
        out.push(
            Diagnostic::new(
                Rule::DisclosureUnapproved,
                page.source.path(),
                page.front.span_of("unapproved"),
                format!(
                    "the page discusses {} (unapproved or off-label) but its `unapproved` disclosures lack: {}",
                    names(&unapproved, page),
                    lacking.join(", ")
                ),
            )
            .with_lang(Some(&page.lang))
            .with_help("add under `unapproved:` that it is unapproved (status), how it is obtained (source), whether an approved equivalent exists in Japan (alternatives), safety information from abroad (safety_abroad), and that the relief system for adverse drug reactions does not cover it (relief_system)"),
        );
    }
}
