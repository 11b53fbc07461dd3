//! `akashi init [DIR]`: writes a working bilingual starter site (site.yaml with every key
//! explained, one article pair with a tagged claim, references.yaml); `--theme` writes the
//! built-in theme's files for editing. Like `akashi new`, it never overwrites a file: when
//! any file it would write exists, it writes none.

use crate::error::{Error, Result};
use camino::{Utf8Path, Utf8PathBuf};
use rust_embed::Embed;

#[derive(Embed)]
#[folder = "src/scaffold/starter/"]
struct Starter;

/// What `init` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// A new site, and with `theme` the built-in theme's files too.
    Site { theme: bool },
    /// Only the built-in theme's files, into an existing site.
    Theme,
}

/// The files of the starter site by their path in it, with `today` and the first review date
/// filled in.
fn starter(today: jiff::civil::Date) -> Result<Vec<(String, Vec<u8>)>> {
    let next_review = today.saturating_add(jiff::Span::new().years(super::REVIEW_YEARS));
    let mut context = tera::Context::new();
    context.insert("today", &today.to_string());
    context.insert("next_review", &next_review.to_string());
    let mut names: Vec<String> = Starter::iter().map(|n| n.into_owned()).collect();
    names.sort();
    let mut files = Vec::new();
    for name in names {
        let Some(file) = Starter::get(&name) else {
            continue;
        };
        let mut bytes = file.data.into_owned();
        if name.ends_with(".md") {
            let text = String::from_utf8(bytes).unwrap_or_default();
            bytes = tera::Tera::one_off(&text, &context, false)
                .map_err(|e| Error::Template {
                    message: format!("the starter article {name}: {e}"),
                })?
                .into_bytes();
        }
        // Stored without its dot, so that tools do not take it for this repository's own.
        let name = if name == "gitignore" {
            ".gitignore".to_string()
        } else {
            name
        };
        files.push((name, bytes));
    }
    Ok(files)
}

/// Writes the files into `dir` (created if needed) and returns their paths.
pub fn init(dir: &Utf8Path, what: What, today: jiff::civil::Date) -> Result<Vec<Utf8PathBuf>> {
    let config = dir.join(crate::config::FILE_NAME);
    let mut files = Vec::new();
    match what {
        What::Site { theme } => {
            if config.exists() {
                return Err(Error::msg(format!(
                    "`{config}` already exists: `{dir}` is a site already (`akashi init --theme` writes only the built-in theme into it)"
                )));
            }
            files.extend(starter(today)?);
            if theme {
                files.extend(crate::theme::builtin::files());
            }
        }
        What::Theme => files.extend(crate::theme::builtin::files()),
    }
    let existing: Vec<String> = files
        .iter()
        .filter(|(path, _)| dir.join(path).exists())
        .map(|(path, _)| path.clone())
        .collect();
    if !existing.is_empty() {
        let mut named = existing
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if existing.len() > 5 {
            named.push_str(&format!(" and {} more", existing.len() - 5));
        }
        return Err(Error::msg(format!(
            "nothing written, since akashi init never overwrites a file: {named} already exist{} in `{dir}`",
            if existing.len() == 1 { "s" } else { "" }
        )));
    }
    let mut written = Vec::new();
    for (path, bytes) in files {
        let target = dir.join(&path);
        let result = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| {
                let mut file = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&target)?;
                std::io::Write::write_all(&mut file, &bytes)
            });
        if let Err(e) = result {
            // Nothing half-written: what this run wrote goes again.
            for done in &written {
                let _ = std::fs::remove_file(done);
            }
            return Err(Error::io(target, "create", e));
        }
        written.push(target);
    }
    Ok(written)
}
