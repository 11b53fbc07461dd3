//! `akashi new SECTION/SLUG`: creates an article in every language of the site from the
//! templates `templates/new.<lang>.md` (the site's, or the built-in theme's), with today's date
//! and review dates filled in. It never overwrites a file: when any of the files exists, it
//! writes none. `akashi init` ([`init`]) starts a whole site.

use crate::config::Config;
use crate::error::{Error, Result};
use camino::Utf8PathBuf;

/// A new article starts as a draft reviewed today, next due in one year.
pub mod init;

const REVIEW_YEARS: i16 = 1;

/// Creates the files; returns their paths.
pub fn new_article(
    config: &Config,
    path: &str,
    today: jiff::civil::Date,
) -> Result<Vec<Utf8PathBuf>> {
    let path = path.trim().trim_matches('/').trim_end_matches(".md");
    let parts: Vec<&str> = path.split('/').collect();
    let bad = |why: &str| {
        Error::msg(format!(
            "cannot create `{path}`: {why}; write it as SECTION/SLUG, for example `treatments/ketamine`"
        ))
    };
    if path.is_empty() || parts.iter().any(|p| p.is_empty() || p.starts_with('.')) {
        return Err(bad("empty or hidden parts"));
    }
    if let Some((part, why)) = parts
        .iter()
        .find_map(|p| crate::content::name_problem(p).map(|why| (p, why)))
    {
        return Err(bad(&format!(
            "`{part}` cannot name a page or folder: {why}"
        )));
    }
    let slug = parts[parts.len() - 1];
    if config
        .language_codes()
        .any(|l| slug.ends_with(&format!(".{l}")))
    {
        return Err(bad("the language is added by akashi"));
    }
    let dir = config
        .root
        .join(crate::content::CONTENT_DIR)
        .join(parts[..parts.len() - 1].join("/"));
    let next_review = today.saturating_add(jiff::Span::new().years(REVIEW_YEARS));
    let mut planned = Vec::new();
    for lang in config.language_codes() {
        let target = dir.join(format!("{slug}.{lang}.md"));
        if target.exists() {
            return Err(Error::msg(format!(
                "`{target}` already exists; akashi new never overwrites a file"
            )));
        }
        // The site's own starting text, or the built-in theme's.
        let name = format!("new.{lang}.md");
        let template_path = config.root.join("templates").join(&name);
        let template = match crate::source::read_regular_text(template_path.as_std_path()) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                crate::theme::builtin::template(&name).ok_or_else(|| {
                    Error::msg(format!(
                        "no `templates/{name}` to start a {lang} article from: the built-in theme has one for {} only",
                        crate::theme::builtin::languages().join(" and ")
                    ))
                })?
            }
            Err(e) => return Err(Error::io(template_path.clone(), "read", e)),
        };
        let mut context = tera::Context::new();
        context.insert("slug", slug);
        context.insert("section", &parts[..parts.len() - 1].join("/"));
        context.insert("lang", lang);
        context.insert("today", &today.to_string());
        context.insert("next_review", &next_review.to_string());
        let text =
            tera::Tera::one_off(&template, &context, false).map_err(|e| Error::Template {
                message: format!("templates/new.{lang}.md: {e}"),
            })?;
        planned.push((target, text));
    }
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(dir.clone(), "create", e))?;
    let mut written = Vec::new();
    for (target, text) in planned {
        // create_new: a file that appeared since the check is still not overwritten.
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target);
        match file.and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes())) {
            Ok(()) => written.push(target),
            Err(e) => {
                for done in &written {
                    let _ = std::fs::remove_file(done);
                }
                return Err(Error::io(target, "create", e));
            }
        }
    }
    Ok(written)
}
