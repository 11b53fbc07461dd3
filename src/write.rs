//! Stage 5, write: the output folder, replaced atomically.
//!
//! The site is written into a new folder beside the output folder, then swapped into place in
//! one step, so a failed build leaves the previous output exactly as it was and a reader never
//! sees a half-written site. akashi replaces only a folder that it created itself (it leaves a
//! marker file there), refuses output folders that would destroy the site's sources, and writes
//! nothing outside the output folder.

use crate::error::{Error, Result};
use crate::render::OutputFile;
use camino::{Utf8Path, Utf8PathBuf};

/// Marks a folder as akashi's output, safe to replace on the next build.
pub const MARKER: &str = ".akashi-output";
const MARKER_TEXT: &str = "This folder is written by `akashi build` and replaced on every build.\n";

/// Checks that `out` may be used as the output folder of the site in `root`.
pub fn check_output_dir(root: &Utf8Path, out: &Utf8Path) -> Result<()> {
    let root = canonical(root)?;
    let out_abs = absolute(out)?;
    let refuse = |why: &str| {
        Err(Error::msg(format!(
            "refusing to use `{out}` as the output folder: {why}"
        )))
    };
    if out_abs == root {
        return refuse("it is the site folder itself");
    }
    if root.starts_with(&out_abs) {
        return refuse("it contains the site");
    }
    for protected in ["content", "templates", "locales", "static", ".git"] {
        if out_abs.starts_with(root.join(protected)) {
            return refuse(&format!("it is inside the site's `{protected}/` folder"));
        }
    }
    if out_abs.parent().is_none() {
        return refuse("it is the root of the file system");
    }
    let home = std::env::var_os("HOME").and_then(|h| Utf8PathBuf::from_path_buf(h.into()).ok());
    if home.is_some_and(|home| out_abs == home) {
        return refuse("it is your home folder");
    }
    if out.exists() {
        let meta = std::fs::symlink_metadata(out).map_err(|e| Error::io(out, "inspect", e))?;
        if meta.file_type().is_symlink() {
            return refuse("it is a symbolic link");
        }
        if !meta.is_dir() {
            return refuse("it is a file");
        }
        let mut entries = std::fs::read_dir(out).map_err(|e| Error::io(out, "read", e))?;
        let empty = entries.next().is_none();
        if !empty && !out.join(MARKER).is_file() {
            return refuse(&format!(
                "it is not empty and akashi did not create it (no `{MARKER}` file); empty it or choose another folder with --out"
            ));
        }
    }
    Ok(())
}

/// Writes `files` as the new contents of `out`. `finish` runs on the complete new folder before
/// it replaces the old one (the search index is built there), so that its failure too leaves
/// the previous output in place.
pub fn write_site(
    out: &Utf8Path,
    files: &[OutputFile],
    finish: impl FnOnce(&Utf8Path) -> Result<()>,
) -> Result<()> {
    use rayon::prelude::*;
    let staging = Staging::new(out)?;
    files.par_iter().try_for_each(|f| staging.write(f))?;
    finish(staging.path())?;
    staging.commit()
}

/// The new output folder while it is being written: beside the output folder, so that it can
/// replace it in one step. Dropped without [`Staging::commit`], it is deleted and the output
/// folder is left as it was.
pub struct Staging {
    out: Utf8PathBuf,
    dir: tempfile::TempDir,
    path: Utf8PathBuf,
    /// Folders created so far, so that each is created once.
    made: std::sync::Mutex<std::collections::HashSet<Utf8PathBuf>>,
}

impl Staging {
    pub fn new(out: &Utf8Path) -> Result<Staging> {
        let out_abs = absolute(out)?;
        let parent = out_abs
            .parent()
            .ok_or_else(|| Error::msg(format!("`{out}` has no parent folder")))?;
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, "create", e))?;
        let name = out_abs.file_name().unwrap_or("public");
        let prefix = format!(".{name}.akashi-new-");
        remove_abandoned(parent, &prefix);
        // The folder's name says which process writes it, so that a later run can tell a
        // folder left by a build that was stopped (Ctrl-C, a killed CI job) from one in use.
        let dir = tempfile::Builder::new()
            .prefix(&format!("{prefix}{}-", std::process::id()))
            .tempdir_in(parent)
            .map_err(|e| Error::io(parent, "create a folder in", e))?;
        let path = Utf8Path::from_path(dir.path())
            .ok_or_else(|| Error::msg("temporary folder path is not UTF-8"))?
            .to_path_buf();
        Ok(Staging {
            out: out_abs,
            dir,
            path,
            made: Default::default(),
        })
    }

    /// The folder being written.
    pub fn path(&self) -> &Utf8Path {
        &self.path
    }

    /// Writes one file; may be called from several threads at once.
    pub fn write(&self, file: &OutputFile) -> Result<()> {
        let rel = safe_relative(&file.path)?;
        let path = self.path.join(rel);
        if let Some(dir) = path.parent() {
            // Created while the lock is held: another thread writing into the same folder
            // must not find it marked as made before it exists.
            let mut made = self
                .made
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if !made.contains(dir) {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create", e))?;
                made.insert(dir.to_path_buf());
            }
        }
        std::fs::write(&path, &file.bytes).map_err(|e| Error::io(&path, "write", e))
    }

    /// Marks the new folder as akashi's and puts it in place of the output folder; the old
    /// one is deleted.
    pub fn commit(self) -> Result<()> {
        let Staging { out, dir, path, .. } = self;
        std::fs::write(path.join(MARKER), MARKER_TEXT).map_err(|e| Error::io(&path, "write", e))?;
        if out.exists() {
            // Swap old and new in one step; the old site then sits in the staging folder.
            rustix::fs::renameat_with(
                rustix::fs::CWD,
                path.as_std_path(),
                rustix::fs::CWD,
                out.as_std_path(),
                rustix::fs::RenameFlags::EXCHANGE,
            )
            .map_err(|e| Error::io(&out, "replace", e.into()))?;
            remove_tree(&path);
            drop(dir);
        } else {
            std::fs::rename(&path, &out).map_err(|e| Error::io(&out, "create", e))?;
            // Nothing is left to clean up.
            let _ = dir.keep();
        }
        Ok(())
    }
}

/// Deletes the new output folders that builds stopped before they finished left in `parent`:
/// those named `<prefix><pid>-…` whose process no longer runs.
fn remove_abandoned(parent: &Utf8Path, prefix: &str) {
    let Ok(entries) = parent.read_dir_utf8() else {
        return;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<i32>().ok())
            .and_then(rustix::process::Pid::from_raw)
        else {
            continue;
        };
        let gone = rustix::process::test_kill_process(pid) == Err(rustix::io::Errno::SRCH);
        if gone && entry.file_type().is_ok_and(|t| t.is_dir()) {
            remove_tree(entry.path());
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Deletes a folder akashi wrote (the previous output), its files in parallel. What cannot be
/// deleted is left for the temporary folder's own clean-up.
fn remove_tree(dir: &Utf8Path) {
    use rayon::prelude::*;
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_dir() {
            dirs.push((entry.depth(), entry.into_path()));
        } else {
            files.push(entry.into_path());
        }
    }
    files.par_iter().for_each(|f| {
        let _ = std::fs::remove_file(f);
    });
    dirs.sort_by_key(|d| std::cmp::Reverse(d.0));
    for (_, d) in dirs {
        let _ = std::fs::remove_dir(d);
    }
}

/// The built-in theme's static files, then the files under `dir` (the site's `static/`), as
/// output files; a site's file replaces the built-in one at the same path.
pub fn static_files(dir: &Utf8Path) -> Result<Vec<OutputFile>> {
    let own = own_static_files(dir)?;
    let mut files: Vec<OutputFile> = crate::theme::builtin::static_files()
        .into_iter()
        .filter(|(path, _)| !own.iter().any(|f| f.path == *path))
        .map(|(path, bytes)| OutputFile::new(path, bytes))
        .collect();
    files.extend(own);
    Ok(files)
}

/// The files under `dir` (the site's `static/`) as output files.
fn own_static_files(dir: &Utf8Path) -> Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    if dir.is_symlink() {
        return Err(Error::msg(format!(
            "`{dir}` is a symbolic link: akashi publishes only files inside the site, so make it a folder"
        )));
    }
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .follow_root_links(false)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| Error::msg(format!("cannot read `{dir}`: {e}")))?;
        // Symbolic links are not published (link/missing-file says so); a FIFO or a device is
        // refused with its path below.
        if entry.file_type().is_dir() || entry.file_type().is_symlink() {
            continue;
        }
        let path = Utf8Path::from_path(entry.path()).ok_or_else(|| {
            Error::msg(format!(
                "file name is not UTF-8: {}",
                entry.path().display()
            ))
        })?;
        let rel = path.strip_prefix(dir).unwrap_or(path);
        let bytes = crate::source::read_regular(path.as_std_path())
            .map_err(|e| Error::io(path, "read", e))?;
        files.push(OutputFile::new(rel.as_str().replace('\\', "/"), bytes));
    }
    Ok(files)
}

/// A relative path with no `..`, root or prefix component, or an error.
fn safe_relative(path: &str) -> Result<&Utf8Path> {
    let p = Utf8Path::new(path);
    let ok = !path.is_empty()
        && p.components()
            .all(|c| matches!(c, camino::Utf8Component::Normal(_)));
    if ok {
        Ok(p)
    } else {
        Err(Error::msg(format!(
            "refusing to write `{path}`: it is not a plain path inside the output folder"
        )))
    }
}

fn absolute(path: &Utf8Path) -> Result<Utf8PathBuf> {
    let cwd = std::env::current_dir().map_err(|e| Error::io(".", "read the current folder", e))?;
    let cwd = Utf8PathBuf::from_path_buf(cwd)
        .map_err(|_| Error::msg("the current folder's path is not UTF-8"))?;
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    // Resolve `.` and `..` lexically, and symlinks in the part that exists.
    let mut out = Utf8PathBuf::new();
    for c in joined.components() {
        match c {
            camino::Utf8Component::ParentDir => {
                out.pop();
            }
            camino::Utf8Component::CurDir => {}
            other => out.push(other.as_str()),
        }
    }
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(str::to_string), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = canonical(&existing).unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    // The output folder itself may be a symlink (refused later); keep its own name.
    if out.exists() && std::fs::symlink_metadata(&out).is_ok_and(|m| m.file_type().is_symlink()) {
        return Ok(out);
    }
    Ok(resolved)
}

fn canonical(path: &Utf8Path) -> Result<Utf8PathBuf> {
    let c = std::fs::canonicalize(path).map_err(|e| Error::io(path, "resolve", e))?;
    Utf8PathBuf::from_path_buf(c)
        .map_err(|_| Error::msg(format!("`{path}` does not resolve to a UTF-8 path")))
}

/// Writes `bytes` to `path` whole or not at all (a report for CI, say): into a temporary file
/// beside it, then renamed over it. An existing file keeps its permissions; a new one is
/// readable by everyone, as files written the ordinary way are.
pub fn replace_file(path: &Utf8Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_str().is_empty() => dir,
        _ => Utf8Path::new("."),
    };
    let mut temp =
        tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, "write in", e))?;
    std::io::Write::write_all(&mut temp, bytes).map_err(|e| Error::io(path, "write", e))?;
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        #[cfg(unix)]
        Err(_) => Some(std::os::unix::fs::PermissionsExt::from_mode(0o644)),
        #[cfg(not(unix))]
        Err(_) => None,
    };
    if let Some(permissions) = permissions {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(|e| Error::io(path, "write", e))?;
    }
    temp.persist(path)
        .map_err(|e| Error::io(path, "replace", e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_written() {
        assert!(safe_relative("ja/index.html").is_ok());
        for bad in ["../x", "/etc/passwd", "a/../../b", ""] {
            assert!(safe_relative(bad).is_err(), "{bad}");
        }
    }
}
