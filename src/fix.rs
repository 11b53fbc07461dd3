//! `akashi lint --fix` and `--diff`: applies the safe fixes that findings carry (a full-width
//! tag rewritten in ASCII, a level written in the wrong case) and nothing else. Each file is
//! rewritten atomically, keeping its byte order mark and line endings; `--diff` shows the
//! changed lines without writing.

use crate::error::{Error, Result};
use crate::lint::Diagnostic;
use crate::source::SourceFile;
use camino::{Utf8Path, Utf8PathBuf};
use std::collections::BTreeMap;

/// One file's changes.
pub struct FileFix {
    pub path: Utf8PathBuf,
    pub original: String,
    pub fixed: String,
    /// The findings fixed, as `line:column rule`.
    pub applied: Vec<String>,
}

/// Computes the fixes for `diagnostics`; overlapping fixes in one place are left for a later run.
pub fn plan<'s>(
    diagnostics: &[Diagnostic],
    source: impl Fn(&Utf8Path) -> Option<&'s SourceFile>,
) -> Vec<FileFix> {
    let mut by_file: BTreeMap<&Utf8Path, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diagnostics.iter().filter(|d| d.fix.is_some()) {
        by_file.entry(d.file.as_path()).or_default().push(d);
    }
    let mut out = Vec::new();
    for (path, mut fixes) in by_file {
        let Some(file) = source(path) else { continue };
        fixes.sort_by_key(|d| (d.span.start, d.span.end));
        let mut fixed = String::with_capacity(file.text().len());
        let mut at = 0;
        let mut applied = Vec::new();
        let mut last: Option<(std::ops::Range<usize>, &str)> = None;
        for d in fixes {
            let replacement = d.fix.as_deref().unwrap_or_default();
            // Two rules may offer the same fix for one tag: apply it once.
            if last
                .as_ref()
                .is_some_and(|(span, r)| *span == d.span && *r == replacement)
            {
                continue;
            }
            if d.span.start < at || d.span.end > file.text().len() {
                continue;
            }
            last = Some((d.span.clone(), replacement));
            fixed.push_str(&file.text()[at..d.span.start]);
            fixed.push_str(replacement);
            at = d.span.end;
            let lc = file.line_col(d.span.start);
            applied.push(format!(
                "{}:{}:{} {}",
                path,
                lc.line,
                lc.column,
                d.rule.id()
            ));
        }
        fixed.push_str(&file.text()[at..]);
        if !applied.is_empty() {
            out.push(FileFix {
                path: path.to_path_buf(),
                original: file.text().to_string(),
                fixed,
                applied,
            });
        }
    }
    out
}

/// Writes the fixed files (paths relative to `root` unless absolute). A file that changed
/// since it was checked (an editor saved it meanwhile) would lose that change, so then no file
/// is written and the run says which one to check again.
pub fn apply(root: &Utf8Path, fixes: &[FileFix]) -> Result<()> {
    let mut planned = Vec::new();
    for fix in fixes {
        let path = if fix.path.is_absolute() {
            fix.path.clone()
        } else {
            root.join(&fix.path)
        };
        let bytes = std::fs::read(&path).map_err(|e| Error::io(path.clone(), "read", e))?;
        let bom = if bytes.starts_with("\u{feff}".as_bytes()) {
            "\u{feff}"
        } else {
            ""
        };
        if bytes[bom.len()..] != *fix.original.as_bytes() {
            return Err(Error::msg(format!(
                "`{}` changed while akashi was checking it, so no file was fixed; run `akashi lint --fix` again",
                fix.path
            )));
        }
        let permissions = std::fs::metadata(&path)
            .map_err(|e| Error::io(path.clone(), "read", e))?
            .permissions();
        planned.push((path, bom, permissions, &fix.fixed));
    }
    for (path, bom, permissions, fixed) in planned {
        let dir = path
            .parent()
            .ok_or_else(|| Error::msg(format!("`{path}` has no folder")))?;
        let mut temp =
            tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, "write in", e))?;
        std::io::Write::write_all(&mut temp, format!("{bom}{fixed}").as_bytes())
            .map_err(|e| Error::io(path.clone(), "write", e))?;
        // The file keeps who may read and write it (a temporary file is private to its owner).
        temp.as_file()
            .set_permissions(permissions)
            .map_err(|e| Error::io(path.clone(), "write", e))?;
        temp.persist(&path)
            .map_err(|e| Error::io(path.clone(), "replace", e.error))?;
    }
    Ok(())
}

/// The changed lines, in unified-diff style.
pub fn diff(fixes: &[FileFix]) -> String {
    let mut out = String::new();
    for fix in fixes {
        out.push_str(&format!("--- {}\n+++ {}\n", fix.path, fix.path));
        let old: Vec<&str> = fix.original.split('\n').collect();
        let new: Vec<&str> = fix.fixed.split('\n').collect();
        // Fixes never add or remove lines, so lines pair one to one.
        for (i, (o, n)) in old.iter().zip(new.iter()).enumerate() {
            if o != n {
                out.push_str(&format!(
                    "@@ -{line},1 +{line},1 @@\n-{}\n+{}\n",
                    o.trim_end_matches('\r'),
                    n.trim_end_matches('\r'),
                    line = i + 1
                ));
            }
        }
    }
    out
}
