#![cfg_attr(not(doctest), doc = include_str!("docs/disclosure/self-pay.md"))]

use crate::config::{Treatment, TreatmentStatus};
use crate::lint::{Context, Diagnostic, Rule};
use crate::parse::Page;
use crate::parse::frontmatter::SELF_PAY_KEYS;

/// Items of a disclosure block that are absent.
pub fn missing<'k>(
    items: &Option<Vec<(String, Option<String>)>>,
    keys: &[&'k str],
) -> Vec<&'k str> {
    keys.iter()
        .copied()
        .filter(|k| {
            !items
                .as_ref()
                .is_some_and(|items| items.iter().any(|(key, v)| key == k && v.is_some()))
        })
        .collect()
}

pub fn names(treatments: &[&Treatment], page: &Page) -> String {
    treatments
        .iter()
        .map(|t| {
            t.names_in(&page.lang)
                .first()
                .cloned()
                .unwrap_or_else(|| t.id.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, _) in cx.articles() {
        let self_pay: Vec<&Treatment> = cx
            .site
            .treatments_discussed(page)
            .into_iter()
            .filter(|t| t.status.is_self_pay())
            .collect();
        if self_pay.is_empty() {
            continue;
        }
        let lacking = missing(&page.front.self_pay, SELF_PAY_KEYS);
        if lacking.is_empty() {
            continue;
        }
        let status = if self_pay
            .iter()
            .any(|t| t.status != TreatmentStatus::SelfPay)
        {
            "unapproved or off-label"
        } else {
            "self-pay"
        };
        out.push(
            Diagnostic::new(
                Rule::DisclosureSelfPay,
                page.source.path(),
                page.front.span_of("self_pay"),
                format!(
                    "the page discusses {} ({status}) but its `self_pay` disclosures lack: {}",
                    names(&self_pay, page),
                    lacking.join(", ")
                ),
            )
            .with_lang(Some(&page.lang))
            .with_help("add under `self_pay:` the usual treatment content (treatment), the standard cost or range (cost), the period and number of sessions (period), the main risks and side effects (risks) and a contact point (contact)"),
        );
    }
}
