//! Stage 3, lint: checks on the parsed site that decide whether it may be published.
//!
//! The lint reads the [`Site`] and returns findings; it never renders. `akashi build` runs it
//! first and writes nothing when a finding is an error.

pub mod diagnostic;
pub mod report;
pub mod rules;

pub use diagnostic::{Diagnostic, Severity};
pub use rules::Rule;

use crate::site::Site;
use crate::theme::{self, Theme};
use std::collections::BTreeMap;

/// Runs every site-wide check.
pub fn check(site: &Site, theme: &Theme) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    missing_ui_strings(theme, &mut out);
    duplicate_urls(site, &mut out);
    missing_translations(site, &mut out);
    unknown_citation_keys(site, &mut out);
    out
}

fn duplicate_urls(site: &Site, out: &mut Vec<Diagnostic>) {
    let mut by_url: BTreeMap<String, Vec<&crate::parse::Page>> = BTreeMap::new();
    for page in site.published() {
        by_url.entry(site.url(page)).or_default().push(page);
    }
    for (url, pages) in &by_url {
        let generated = site
            .config
            .language_codes()
            .any(|l| url.starts_with(&format!("/{l}/tags/")) || *url == format!("/{l}/evidence/"));
        if generated {
            for page in pages {
                out.push(
                    Diagnostic::new(
                        Rule::ContentDuplicateUrl,
                        page.source.path(),
                        0..0,
                        format!("would be published at {url}, where akashi publishes its own tag or evidence-level page"),
                    )
                    .with_lang(Some(&page.lang))
                    .with_help("rename the file or its folder"),
                );
            }
            continue;
        }
        if pages.len() < 2 {
            continue;
        }
        let first = &pages[0].source.path;
        for page in &pages[1..] {
            out.push(
                Diagnostic::new(
                    Rule::ContentDuplicateUrl,
                    page.source.path(),
                    0..0,
                    format!("would be published at {url}, like {first}"),
                )
                .with_lang(Some(&page.lang))
                .with_help("rename one of the files: URLs ignore upper and lower case and turn spaces into `-`"),
            );
        }
    }
}

fn missing_translations(site: &Site, out: &mut Vec<Diagnostic>) {
    for page in &site.pages {
        for lang in site.config.language_codes() {
            if lang == page.lang || site.translation(page, lang).is_some() {
                continue;
            }
            let expected = page
                .source
                .path
                .with_file_name(format!("{}.{lang}.md", page.slug));
            out.push(
                Diagnostic::new(
                    Rule::I18nMissingTranslation,
                    page.source.path(),
                    0..0,
                    format!("no `{lang}` translation of this page"),
                )
                .with_lang(Some(&page.lang))
                .with_help(format!(
                    "add {expected}; until then the language switcher leads to the `{lang}` home page"
                )),
            );
        }
    }
}

fn unknown_citation_keys(site: &Site, out: &mut Vec<Diagnostic>) {
    let known: Vec<&str> = site.references.by_key.keys().map(String::as_str).collect();
    for page in &site.pages {
        for tag in &page.body.tags {
            for (key, span) in &tag.tag.keys {
                if site.references.get(key).is_some() {
                    continue;
                }
                let help = match crate::suggest::closest(key, known.iter().copied()) {
                    Some(c) => format!("did you mean `@{c}`?"),
                    None => "add the reference to content/references.yaml".to_string(),
                };
                out.push(
                    Diagnostic::new(
                        Rule::CiteUnknownKey,
                        page.source.path(),
                        span.clone(),
                        format!("`@{key}` is not in content/references.yaml"),
                    )
                    .with_lang(Some(&page.lang))
                    .with_help(help),
                );
            }
        }
    }
}

fn missing_ui_strings(theme: &Theme, out: &mut Vec<Diagnostic>) {
    for template in &theme.templates {
        for (key, span) in theme::template_keys(template) {
            for locale in &theme.locales {
                if !locale.keys.contains(&key) {
                    out.push(
                        Diagnostic::new(
                            Rule::I18nMissingUiString,
                            template.path(),
                            span.clone(),
                            format!("UI string `{key}` is missing in locale `{}`", locale.lang),
                        )
                        .with_lang(Some(&locale.lang))
                        .with_help(format!(
                            "add `{key} = ...` to a file in locales/{}/",
                            locale.lang
                        )),
                    );
                }
            }
        }
    }
    for locale in &theme.locales {
        for key in theme::BUILTIN_KEYS {
            if !locale.keys.contains(*key) {
                out.push(
                    Diagnostic::new(
                        Rule::I18nMissingUiString,
                        format!("{}/{}/", theme::LOCALES_DIR, locale.lang),
                        0..0,
                        format!("UI string `{key}`, which akashi uses in every article, is missing in locale `{}`", locale.lang),
                    )
                    .with_lang(Some(&locale.lang)),
                );
            }
        }
    }
}
