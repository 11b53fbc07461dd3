#![cfg_attr(not(doctest), doc = include_str!("docs/i18n/missing-translation.md"))]

use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let site = cx.site;
    for page in cx.scoped() {
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
