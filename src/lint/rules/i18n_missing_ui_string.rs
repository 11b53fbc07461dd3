#![cfg_attr(not(doctest), doc = include_str!("docs/i18n/missing-ui-string.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use crate::theme;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let theme = cx.theme;
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
