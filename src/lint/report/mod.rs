//! Reporters: one file per output format. Each takes the findings and the sources they point
//! into and returns the text to print.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::lint::{Diagnostic, Severity};
use camino::{Utf8Path, Utf8PathBuf};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The one base of the paths in every format: the folder akashi runs in. Files below it are
/// named from there (`content/x.ja.md`, or `site/content/x.ja.md` when the site is in a
/// subfolder, which is what GitHub annotations and code scanning need in a repository's
/// root); files above it with `..` (`../site.yaml` from `content/`).
pub struct Paths {
    base: PathBuf,
    root: PathBuf,
}

impl Paths {
    /// For a site at `root` (as given), seen from the current folder.
    pub fn new(root: &Utf8Path) -> Paths {
        let base = std::env::current_dir()
            .and_then(std::fs::canonicalize)
            .unwrap_or_default();
        Paths::from(root, &base)
    }

    /// For a site at `root`, seen from `base` (relative roots are taken from `base`).
    pub fn from(root: &Utf8Path, base: &Path) -> Paths {
        let root = base.join(root);
        let root = std::fs::canonicalize(&root).unwrap_or(root);
        Paths {
            base: base.to_path_buf(),
            root,
        }
    }

    /// `file` as the reports name it: `file` is relative to the site root, or absolute.
    pub fn show(&self, file: &Utf8Path) -> Utf8PathBuf {
        let absolute = self.root.join(file);
        let shown = relative(&absolute, &self.base).unwrap_or(absolute);
        match Utf8PathBuf::from_path_buf(shown) {
            // One separator in every format, on every system.
            Ok(p) if cfg!(windows) => p.as_str().replace('\\', "/").into(),
            Ok(p) => p,
            Err(_) => file.to_path_buf(),
        }
    }

    /// The findings with their files named from the base, and for each name so shown the file
    /// it stands for (to look its text up).
    pub fn rebase(
        &self,
        diagnostics: &[Diagnostic],
    ) -> (Vec<Diagnostic>, HashMap<Utf8PathBuf, Utf8PathBuf>) {
        let mut shown_as: HashMap<&Utf8Path, Utf8PathBuf> = HashMap::new();
        let mut files = HashMap::new();
        let shown = diagnostics
            .iter()
            .map(|d| {
                let file = shown_as
                    .entry(d.file.as_path())
                    .or_insert_with(|| {
                        let shown = self.show(&d.file);
                        files.insert(shown.clone(), d.file.clone());
                        shown
                    })
                    .clone();
                Diagnostic { file, ..d.clone() }
            })
            .collect();
        (shown, files)
    }
}

/// `path` relative to `base`, both absolute; `None` when they share no root (another drive).
fn relative(path: &Path, base: &Path) -> Option<PathBuf> {
    let path: Vec<Component> = normal(path);
    let base: Vec<Component> = normal(base);
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in common..base.len() {
        out.push("..");
    }
    for part in &path[common..] {
        out.push(part);
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    Some(out)
}

/// The components of an absolute path with `.` and `..` resolved by name.
fn normal(path: &Path) -> Vec<Component<'_>> {
    let mut parts = Vec::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(parts.last(), Some(Component::Normal(_))) {
                    parts.pop();
                }
            }
            other => parts.push(other),
        }
    }
    parts
}

/// Counts by severity.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut s = Summary::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_named_from_the_folder_akashi_runs_in() {
        let base = Path::new("/repo");
        let at_root = Paths::from(Utf8Path::new("."), base);
        assert_eq!(at_root.show("content/a.ja.md".into()), "content/a.ja.md");
        let in_subfolder = Paths::from(Utf8Path::new("site"), base);
        assert_eq!(
            in_subfolder.show("content/a.ja.md".into()),
            "site/content/a.ja.md"
        );
        let from_inside = Paths::from(Utf8Path::new(".."), Path::new("/repo/content"));
        assert_eq!(from_inside.show("content/a.ja.md".into()), "a.ja.md");
        assert_eq!(from_inside.show("site.yaml".into()), "../site.yaml");
        assert_eq!(
            at_root.show("/elsewhere/draft.ja.md".into()),
            "../elsewhere/draft.ja.md"
        );
    }
}
