#![cfg_attr(not(doctest), doc = include_str!("docs/disclosure/site-statements.md"))]

use crate::config::{Localized, localized};
use crate::lint::{Context, Diagnostic, Rule, Severity};

/// The key's span in site.yaml (`publisher:` at the start of a line), or the empty span at the
/// start of the file, which reports on the whole file.
fn key_span(text: &str, key: &str) -> std::ops::Range<usize> {
    let pattern = format!("{key}:");
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with(&pattern) {
            return at..at + key.len();
        }
        at += line.len();
    }
    0..0
}

/// The languages of the site for which `text` says nothing.
fn missing_in<'a>(text: Option<&Localized>, languages: &[&'a str]) -> Vec<&'a str> {
    languages
        .iter()
        .copied()
        .filter(|lang| {
            text.and_then(|t| localized(t, lang))
                .is_none_or(|t| t.trim().is_empty())
        })
        .collect()
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let config = &cx.site.config;
    let source = &config.source;
    let languages: Vec<&str> = config.language_codes().collect();
    // A site about treatments (it lists some, or its pages make tagged claims) is medical: its
    // readers decide about their health from it.
    let medical =
        !config.treatments.is_empty() || cx.site.pages.iter().any(|p| !p.body.tags.is_empty());
    let publisher = config.publisher.as_ref();
    let statements: [(&str, &str, &str, Option<&Localized>); 4] = [
        (
            "publisher",
            "publisher.name",
            "who publishes the site",
            publisher.map(|p| &p.name),
        ),
        (
            "publisher",
            "publisher.contact",
            "how to contact the publisher",
            publisher.map(|p| &p.contact),
        ),
        (
            "conflict_of_interest",
            "conflict_of_interest",
            "the conflict-of-interest statement",
            Some(&config.conflict_of_interest),
        ),
        (
            "funding",
            "funding",
            "the funding statement",
            Some(&config.funding),
        ),
    ];
    for (top, key, what, text) in statements {
        let missing = missing_in(text, &languages);
        if missing.is_empty() {
            continue;
        }
        let message = if missing.len() == languages.len() {
            format!("site.yaml has no `{key}`: {what}, shown under every article")
        } else {
            format!(
                "`{key}` in site.yaml says nothing in {}: {what}, shown under every article",
                missing.join(", ")
            )
        };
        let entries: Vec<String> = missing.iter().map(|l| format!("{l}: …")).collect();
        let help = if missing.len() < languages.len() {
            format!(
                "add `{}` under `{key}:` in site.yaml",
                entries.join("` and `")
            )
        } else {
            match key.split_once('.') {
                Some((parent, leaf)) => format!(
                    "add `{leaf}: {{{}}}` under `{parent}:` in site.yaml",
                    entries.join(", ")
                ),
                None => format!("add `{key}: {{{}}}` to site.yaml", entries.join(", ")),
            }
        };
        let mut finding = Diagnostic::new(
            Rule::DisclosureSiteStatements,
            source.path(),
            key_span(source.text(), top),
            message,
        )
        .with_help(help);
        if !medical {
            finding.severity = Severity::Warning;
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::key_span;

    #[test]
    fn a_key_is_found_at_the_start_of_its_line() {
        let text = "base_url: x\n# funding: no\nfunding:\n  ja: a\n";
        assert_eq!(&text[key_span(text, "funding")], "funding");
        assert_eq!(key_span(text, "publisher"), 0..0);
    }
}
