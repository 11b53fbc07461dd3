//! What the site's `static/` folder holds, listed once per run: the link rules,
//! `content/duplicate-url` and the incremental keys look a file up here instead of asking the
//! file system again for every link and page.

use camino::Utf8Path;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

/// What an entry of `static/` is. Symbolic links are listed but not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    File,
    Folder,
    Link,
    /// A FIFO, a socket or a device.
    Other,
}

/// The entries of `static/` by their path inside it, with `/` between folders
/// (`img/logo.png`).
#[derive(Debug, Default, Clone)]
pub struct StaticDir {
    entries: BTreeMap<String, Entry>,
}

impl StaticDir {
    /// Lists `static/` under `root`; an empty listing when there is none (or it is itself a
    /// symbolic link, which writing the site refuses with its own message). Entries whose names
    /// are not UTF-8 are left out: no link can name them.
    pub fn list(root: &Utf8Path) -> StaticDir {
        let dir = root.join("static");
        let mut entries = BTreeMap::new();
        if dir.is_symlink() || !dir.is_dir() {
            return StaticDir { entries };
        }
        for entry in walkdir::WalkDir::new(&dir)
            .follow_links(false)
            .sort_by_file_name()
            .min_depth(1)
            .into_iter()
            .flatten()
        {
            let Some(path) = Utf8Path::from_path(entry.path()) else {
                continue;
            };
            let Ok(rel) = path.strip_prefix(&dir) else {
                continue;
            };
            let kind = entry.file_type();
            let kind = if kind.is_symlink() {
                Entry::Link
            } else if kind.is_dir() {
                Entry::Folder
            } else if kind.is_file() {
                Entry::File
            } else {
                Entry::Other
            };
            let rel: Vec<&str> = rel.components().map(|c| c.as_str()).collect();
            entries.insert(rel.join("/"), kind);
        }
        StaticDir { entries }
    }

    /// What is at `rel` (`img/logo.png`, read as a URL path is: empty and `.` segments are
    /// skipped and `..` goes up), if anything; `None` also for a path that leaves `static/`.
    pub fn get(&self, rel: &str) -> Option<Entry> {
        self.entries.get(normalize(rel)?.as_str()).copied()
    }

    /// What is at `rel`, written exactly as listed (`img/logo.png`: no leading `/`, no empty,
    /// `.` or `..` segments).
    pub fn entry(&self, rel: &str) -> Option<Entry> {
        self.entries.get(rel).copied()
    }

    /// The first folder on the way to `rel` (not `rel` itself) that is a symbolic link.
    pub fn linked_folder(&self, rel: &str) -> Option<String> {
        let rel = normalize(rel)?;
        let mut at = 0;
        while let Some(slash) = rel[at..].find('/') {
            let folder = &rel[..at + slash];
            if self.entries.get(folder) == Some(&Entry::Link) {
                return Some(folder.to_string());
            }
            at += slash + 1;
        }
        None
    }

    /// Feeds every entry and its kind to `h`.
    pub fn hash_into(&self, h: &mut impl Hasher) {
        self.entries.len().hash(h);
        for (path, kind) in &self.entries {
            path.hash(h);
            kind.hash(h);
        }
    }
}

/// `rel` with empty and `.` segments dropped and `..` resolved; `None` when it climbs out.
fn normalize(rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_files_folders_and_links_as_a_url_path_names_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = Utf8Path::from_path(dir.path()).unwrap();
        std::fs::create_dir_all(root.join("static/img/icons")).unwrap();
        std::fs::write(root.join("static/img/logo.png"), b"png").unwrap();
        std::fs::write(root.join("static/site.yaml"), b"x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("static/img"), root.join("static/linked")).unwrap();
        let listed = StaticDir::list(root);
        assert_eq!(listed.get("img/logo.png"), Some(Entry::File));
        assert_eq!(listed.get("/img//./logo.png"), Some(Entry::File));
        assert_eq!(listed.get("img/icons"), Some(Entry::Folder));
        assert_eq!(listed.get("img/nothing.png"), None);
        assert_eq!(listed.get("../site.yaml"), None, "outside static/");
        #[cfg(unix)]
        {
            assert_eq!(listed.get("linked"), Some(Entry::Link));
            // What lies behind a link is not listed: it is not published.
            assert_eq!(listed.get("linked/logo.png"), None);
            assert_eq!(
                listed.linked_folder("linked/logo.png").as_deref(),
                Some("linked")
            );
        }
        assert_eq!(listed.linked_folder("img/logo.png"), None);
    }

    #[test]
    fn a_site_without_static_lists_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let listed = StaticDir::list(Utf8Path::from_path(dir.path()).unwrap());
        assert_eq!(listed.get("x"), None);
    }
}
