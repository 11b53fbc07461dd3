//! The default theme, built into the binary from this repository's own `templates/`,
//! `locales/` and `static/` (the sample site's theme), as mdBook builds its theme in. A site
//! needs only `site.yaml` and `content/`; its own theme files replace these file by file, and
//! its own Fluent messages replace these message by message.

use rust_embed::Embed;
use std::borrow::Cow;

/// How reports name a file of the built-in theme: `[built-in]/templates/article.html`.
pub const PREFIX: &str = "[built-in]";

#[derive(Embed)]
#[folder = "templates/"]
struct Templates;

#[derive(Embed)]
#[folder = "locales/"]
#[include = "*/*.ftl"]
struct Locales;

#[derive(Embed)]
#[folder = "static/"]
struct Static;

fn sorted<E: Embed>() -> Vec<String> {
    let mut names: Vec<String> = E::iter().map(Cow::into_owned).collect();
    names.sort();
    names
}

fn text<E: Embed>(name: &str) -> Option<String> {
    E::get(name).and_then(|f| String::from_utf8(f.data.into_owned()).ok())
}

/// Every template (`article.html`, `new.ja.md`, ...) by its name inside `templates/`.
pub fn templates() -> Vec<(String, String)> {
    sorted::<Templates>()
        .into_iter()
        .filter_map(|name| text::<Templates>(&name).map(|t| (name, t)))
        .collect()
}

/// One template by its name inside `templates/`.
pub fn template(name: &str) -> Option<String> {
    text::<Templates>(name)
}

/// The Fluent files of language `lang`, by their path inside `locales/<lang>/`.
pub fn locale_files(lang: &str) -> Vec<(String, String)> {
    let prefix = format!("{lang}/");
    sorted::<Locales>()
        .into_iter()
        .filter_map(|path| {
            let name = path.strip_prefix(&prefix)?.to_string();
            text::<Locales>(&path).map(|t| (name, t))
        })
        .collect()
}

/// The languages the built-in theme speaks.
pub fn languages() -> Vec<String> {
    let mut langs: Vec<String> = sorted::<Locales>()
        .into_iter()
        .filter_map(|p| p.split_once('/').map(|(l, _)| l.to_string()))
        .collect();
    langs.dedup();
    langs
}

/// The style sheet, scripts and other files published as they are, by path inside `static/`.
pub fn static_files() -> Vec<(String, Vec<u8>)> {
    sorted::<Static>()
        .into_iter()
        .filter_map(|path| Static::get(&path).map(|f| (path, f.data.into_owned())))
        .collect()
}

/// Whether the built-in theme publishes `path` (inside `static/`).
pub fn has_static(path: &str) -> bool {
    Static::get(path).is_some()
}

/// Every file of the theme by its path in a site (`templates/article.html`,
/// `locales/ja/main.ftl`, `static/style.css`), for `akashi init --theme`.
pub fn files() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for name in sorted::<Templates>() {
        if let Some(f) = Templates::get(&name) {
            files.push((format!("templates/{name}"), f.data.into_owned()));
        }
    }
    for path in sorted::<Locales>() {
        if let Some(f) = Locales::get(&path) {
            files.push((format!("locales/{path}"), f.data.into_owned()));
        }
    }
    for (path, data) in static_files() {
        files.push((format!("static/{path}"), data));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_is_the_repository_s_own() {
        let names: Vec<String> = templates().into_iter().map(|(n, _)| n).collect();
        for name in [
            "article.html",
            "base.html",
            "404.html",
            "new.ja.md",
            "new.en.md",
        ] {
            assert!(names.iter().any(|n| n == name), "{name}: {names:?}");
        }
        assert_eq!(languages(), ["en", "ja"]);
        assert!(has_static("style.css") && has_static("search.js"));
        let on_disk = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/static/style.css"));
        let built_in = static_files().into_iter().find(|(p, _)| p == "style.css");
        assert_eq!(on_disk.ok(), built_in.map(|(_, d)| d));
    }
}
