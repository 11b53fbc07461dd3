//! Fluent UI strings, strict: a missing message or argument is an error naming the key and the
//! locale, never a silent fallback. Unicode isolation marks are off, since HTML has `dir` and
//! the marks would show up in titles and feeds.

use crate::error::{Error, Result};
use crate::theme::Theme;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::Arc;

pub struct Locales {
    bundles: HashMap<String, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Locales {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locales")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Locales {
    /// Builds one bundle per language; `locale_of` gives the locale used for plural rules.
    pub fn new(theme: &Theme, locale_of: impl Fn(&str) -> String) -> Result<Locales> {
        let mut bundles = HashMap::new();
        for locale in &theme.locales {
            let tag = locale_of(&locale.lang);
            let langid = tag
                .parse::<unic_langid::LanguageIdentifier>()
                .map_err(|_| {
                    Error::msg(format!(
                        "`{tag}` is not a valid locale for `{}` in site.yaml",
                        locale.lang
                    ))
                })?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            for file in &locale.files {
                // Syntax errors and duplicates were reported by the lint; keep what parsed.
                let resource =
                    FluentResource::try_new(file.text().to_string()).unwrap_or_else(|(r, _)| r);
                bundle.add_resource_overriding(resource);
            }
            bundles.insert(locale.lang.clone(), bundle);
        }
        Ok(Locales { bundles })
    }

    /// Formats message `key` in `lang` with `args`.
    pub fn format(
        &self,
        lang: &str,
        key: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<String, String> {
        let bundle = self
            .bundles
            .get(lang)
            .ok_or_else(|| format!("no UI strings for language `{lang}` (locales/{lang}/)"))?;
        let pattern = bundle
            .get_message(key)
            .and_then(|m| m.value())
            .ok_or_else(|| {
                format!("UI string `{key}` is missing in locale `{lang}` (locales/{lang}/)")
            })?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if let Some(e) = errors.first() {
            return Err(format!("UI string `{key}` in locale `{lang}`: {e}"));
        }
        Ok(text.into_owned())
    }

    /// Like [`Locales::format`] with text arguments.
    pub fn text(&self, lang: &str, key: &str, args: &[(&str, &str)]) -> Result<String> {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, FluentValue::from(v.to_string()));
        }
        self.format(lang, key, if args.is_empty() { None } else { Some(&fa) })
            .map_err(Error::msg)
    }
}

/// Registers `t(key="...", lang=..., name=value...)` on a Tera instance. `lang` defaults to the
/// `lang` variable of the page being rendered.
pub fn register(tera: &mut tera::Tera, locales: Arc<Locales>) {
    tera.register_function(
        "t",
        move |kwargs: tera::Kwargs, state: &tera::State| -> tera::TeraResult<String> {
            let key: String = kwargs.must_get::<&str>("key")?.to_string();
            let lang = match kwargs.get::<&str>("lang")? {
                Some(l) => l.to_string(),
                None => state.get::<String>("lang")?.ok_or_else(|| {
                    tera::Error::message(format!(
                        "t(key=\"{key}\"): no `lang` on this page; pass lang=..."
                    ))
                })?,
            };
            let mut args = FluentArgs::new();
            for (name, value) in kwargs.iter() {
                let name = name.to_string();
                if name == "key" || name == "lang" {
                    continue;
                }
                if value.is_undefined() || value.is_none() {
                    return Err(tera::Error::message(format!(
                        "t(key=\"{key}\"): argument `{name}` is undefined"
                    )));
                }
                let fv = if let Some(i) = value.as_i64() {
                    FluentValue::from(i)
                } else if let Some(f) = value.as_f64() {
                    FluentValue::from(f)
                } else if let Some(s) = value.as_str() {
                    FluentValue::from(s.to_string())
                } else {
                    return Err(tera::Error::message(format!(
                        "t(key=\"{key}\"): argument `{name}` must be text or a number"
                    )));
                };
                args.set(name, fv);
            }
            locales
                .format(&lang, &key, Some(&args))
                .map_err(tera::Error::message)
        },
    );
}
