//! Stage 1, load: walk `content/`, read every file, and say what each one is.
//!
//! The language of a page comes from its file name (`x.ja.md`); a Markdown file without a
//! language suffix, or in a language the site does not define, is a finding, never dropped
//! silently. Files are read in a stable (sorted) order so that every later stage is
//! deterministic. Symbolic links are not followed.

pub mod static_dir;

pub use static_dir::StaticDir;

use crate::config::Config;
use crate::source::SourceFile;
use camino::{Utf8Path, Utf8PathBuf};

pub const CONTENT_DIR: &str = "content";
pub const REFERENCES_FILE: &str = "references.yaml";
/// Name (before the language suffix) of the file that describes a section.
pub const SECTION_INDEX: &str = "_index";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Article,
    /// `_index.<lang>.md`: title and introduction of the folder's listing page.
    SectionIndex,
}

/// A Markdown page of the site, as found on disk.
#[derive(Debug, Clone)]
pub struct ContentFile {
    pub source: SourceFile,
    pub kind: PageKind,
    pub lang: String,
    /// Folder inside `content/`, `/`-separated, empty at the top.
    pub dir: String,
    /// File name without language suffix and extension.
    pub slug: String,
    /// Size, time and inode of the file when it was read.
    pub stamp: Option<Stamp>,
}

/// What the file system says of a file, to tell whether it changed since it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: std::time::SystemTime,
    pub inode: u64,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok()?,
            inode: meta.ino(),
        })
    }
}

/// Something about a file or folder of `content/` that keeps it from being published, found
/// while loading. The `content/*` rule it belongs to says it to the editor
/// (`lint/rules/content_*.rs`, through [`crate::lint::load_findings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file or folder, as shown (`content/...`).
    pub path: Utf8PathBuf,
    /// Where in the file, when it is about its text.
    pub at: std::ops::Range<usize>,
    pub trouble: Trouble,
}

/// What is wrong, with what the rule needs to say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// The system could not read it, for this reason (`content/unreadable`).
    CannotRead(String),
    /// A name that is not UTF-8, shown as far as it can be (`content/unreadable`).
    NameNotUtf8(String),
    /// A FIFO, a socket or a device, described (`content/unreadable`).
    NotRegular(&'static str),
    /// Text that is not UTF-8 (`content/unreadable`, at the first bad byte).
    TextNotUtf8,
    /// A symbolic link, not followed (`content/stray-file`).
    Link,
    /// A file that is not Markdown (`content/stray-file`).
    NotMarkdown,
    /// A Markdown file whose name has no language (`content/no-language`).
    NoLanguage {
        stem: String,
        languages: Vec<String>,
    },
    /// A language the site does not have (`content/unknown-language`).
    UnknownLanguage {
        lang: String,
        languages: Vec<String>,
    },
    /// A part of the path that cannot name a page or folder, and why (`content/invalid-name`).
    InvalidName { part: String, why: String },
}

impl Problem {
    /// A problem with the file as a whole.
    pub fn new(path: impl Into<Utf8PathBuf>, trouble: Trouble) -> Problem {
        Problem {
            path: path.into(),
            at: 0..0,
            trouble,
        }
    }
}

/// Says whether a page file with this stamp is the one read before, so it need not be read.
pub type Unchanged<'a> = &'a dyn Fn(&Utf8Path, &Stamp) -> bool;

#[derive(Debug, Default)]
pub struct Content {
    pub pages: Vec<ContentFile>,
    pub references: Option<SourceFile>,
    /// What keeps files from being published ([`Problem`]).
    pub problems: Vec<Problem>,
    /// Files that are reported on but not published (for example not valid UTF-8), kept so that
    /// reports can show their lines.
    pub other_sources: Vec<SourceFile>,
    /// Page files that were not read because they are unchanged (see [`load_listing`]), by
    /// their path as shown (`content/...`).
    pub unchanged: Vec<Utf8PathBuf>,
}

/// Reads `content/` under the site root.
pub fn load(config: &Config) -> crate::Result<Content> {
    Ok(load_listing(config, &list(config)?, &|_, _| false))
}

/// The regular files of `content/` with their stamps, and what walking it found; made by
/// [`list`], read by [`load_listing`].
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// The folder it lists.
    dir: Utf8PathBuf,
    /// Each file's path, its path as shown (`content/...`) and its stamp, in walking order.
    files: Vec<(Utf8PathBuf, Utf8PathBuf, Option<Stamp>)>,
    problems: Vec<Problem>,
}

impl Listing {
    /// Whether this lists the `content/` folder of the site in `root`.
    pub fn lists(&self, root: &Utf8Path) -> bool {
        self.dir == root.join(CONTENT_DIR)
    }

    /// Takes the new stamps of files that changed in place (`changed`, named as the listing
    /// names them: the site's folder joined with `content/...`). Returns `false`, and changes
    /// nothing, when one of them is not a regular file listed here (it is new, gone or
    /// replaced): then only walking the folder again tells what it holds.
    pub fn restat(&mut self, changed: &[Utf8PathBuf]) -> bool {
        let mut found = Vec::new();
        // A few files are looked for one by one; many (a tool rewriting the whole folder in
        // place) through an index, so that the cost stays linear.
        let index: Option<std::collections::HashMap<&str, usize>> =
            (changed.len() > 8).then(|| {
                (self.files.iter().enumerate())
                    .map(|(i, (p, _, _))| (p.as_str(), i))
                    .collect()
            });
        for path in changed {
            let listed = match &index {
                Some(index) => index.get(path.as_str()).copied(),
                None => (self.files.iter()).position(|(p, _, _)| p.as_str() == path.as_str()),
            };
            let Some(at) = listed else {
                return false;
            };
            match std::fs::symlink_metadata(path) {
                Ok(meta) if meta.is_file() => found.push((at, Stamp::of(&meta))),
                _ => return false,
            }
        }
        for (at, stamp) in found {
            self.files[at].2 = stamp;
        }
        true
    }
}

/// Walks `content/` under the site root.
pub fn list(config: &Config) -> crate::Result<Listing> {
    let content_dir = config.root.join(CONTENT_DIR);
    let mut content = Listing {
        dir: content_dir.clone(),
        ..Default::default()
    };
    if content_dir.is_symlink() {
        return Err(crate::Error::msg(format!(
            "`{CONTENT_DIR}/` in `{}` is a symbolic link: akashi reads only files inside the site, so make it a folder",
            config.root
        )));
    }
    if !content_dir.is_dir() {
        return Err(crate::Error::msg(format!(
            "no `{CONTENT_DIR}/` folder in `{}`: a site keeps its articles there",
            config.root
        )));
    }
    // Hidden files and folders (.git, .DS_Store, editors' swap files) are not content.
    let walker = walkdir::WalkDir::new(&content_dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .and_then(|p| Utf8Path::from_path(p))
                    .map(|p| relative(&config.root, p))
                    .unwrap_or_else(|| Utf8PathBuf::from(CONTENT_DIR));
                content
                    .problems
                    .push(Problem::new(path, Trouble::CannotRead(e.to_string())));
                continue;
            }
        };
        let Some(path) = Utf8Path::from_path(entry.path()) else {
            content.problems.push(Problem::new(
                CONTENT_DIR,
                Trouble::NameNotUtf8(entry.path().display().to_string()),
            ));
            continue;
        };
        let shown = relative(&config.root, path);
        if entry.file_type().is_symlink() {
            content.problems.push(Problem::new(shown, Trouble::Link));
            continue;
        }
        if entry.file_type().is_dir() {
            continue;
        }
        if !entry.file_type().is_file() {
            let kind = entry
                .metadata()
                .map_or("a special file", |m| crate::source::file_kind(&m));
            content
                .problems
                .push(Problem::new(shown, Trouble::NotRegular(kind)));
            continue;
        }
        let stamp = entry.metadata().ok().as_ref().and_then(Stamp::of);
        content.files.push((path.to_path_buf(), shown, stamp));
    }
    Ok(content)
}

/// Reads the files of `listing`, but for page files that `unchanged` says are unchanged: those
/// are listed in [`Content::unchanged`].
pub fn load_listing(config: &Config, listing: &Listing, unchanged: Unchanged<'_>) -> Content {
    let content_dir = &listing.dir;
    let mut content = Content {
        problems: listing.problems.clone(),
        ..Default::default()
    };
    let mut files = Vec::new();
    for (path, shown, stamp) in &listing.files {
        if stamp.is_some_and(|s| unchanged(shown, &s)) {
            content.unchanged.push(shown.clone());
            continue;
        }
        files.push((path.clone(), shown.clone(), *stamp));
    }
    for (path, shown, stamp) in files {
        let rel = path
            .strip_prefix(content_dir)
            .unwrap_or(&path)
            .to_path_buf();
        classify(config, &mut content, &path, &rel, shown, stamp);
    }
    content
}

/// Reads page files of the site that [`load_listing`] listed as unchanged (by their paths as
/// shown, `content/...`), for when what was kept of them cannot be used after all.
pub fn load_listed(config: &Config, shown: &[Utf8PathBuf]) -> Content {
    let mut content = Content::default();
    let content_dir = config.root.join(CONTENT_DIR);
    for shown in shown {
        let path = config.root.join(shown);
        let rel = path
            .strip_prefix(&content_dir)
            .unwrap_or(&path)
            .to_path_buf();
        let stamp = std::fs::symlink_metadata(&path)
            .ok()
            .as_ref()
            .and_then(Stamp::of);
        classify(config, &mut content, &path, &rel, shown.clone(), stamp);
    }
    content
}

/// Reads Markdown files given on the command line that lie outside `content/`. Each keeps the
/// path it was given as its name in findings; files beside each other pair as translations.
pub fn load_outside(config: &Config, files: &[(Utf8PathBuf, Utf8PathBuf)]) -> Content {
    let mut content = Content::default();
    for (path, shown) in files {
        let before = content.pages.len();
        let rel = Utf8Path::new(path.file_name().unwrap_or_default());
        classify(config, &mut content, path, rel, shown.clone(), None);
        for page in &mut content.pages[before..] {
            // Outside pages never pair with pages of the site.
            page.dir = format!("@{}", shown.parent().map(Utf8Path::as_str).unwrap_or(""));
        }
    }
    content
}

fn classify(
    config: &Config,
    content: &mut Content,
    path: &Utf8Path,
    rel: &Utf8Path,
    shown: Utf8PathBuf,
    stamp: Option<Stamp>,
) {
    let file_name = rel.file_name().unwrap_or_default();
    if rel.as_str() == REFERENCES_FILE {
        if let Some(source) = read(content, path, shown) {
            content.references = Some(source);
        }
        return;
    }
    let Some(stem) = file_name.strip_suffix(".md") else {
        content
            .problems
            .push(Problem::new(shown, Trouble::NotMarkdown));
        return;
    };
    let languages: Vec<&str> = config.language_codes().collect();
    let (slug, lang) = match stem.rsplit_once('.') {
        Some((slug, lang)) if !slug.is_empty() && looks_like_language(lang) => (slug, lang),
        _ => {
            content.problems.push(Problem::new(
                shown,
                Trouble::NoLanguage {
                    stem: stem.to_string(),
                    languages: languages.iter().map(|l| l.to_string()).collect(),
                },
            ));
            return;
        }
    };
    if !languages.contains(&lang) {
        content.problems.push(Problem::new(
            shown,
            Trouble::UnknownLanguage {
                lang: lang.to_string(),
                languages: languages.iter().map(|l| l.to_string()).collect(),
            },
        ));
        return;
    }
    if let Some((part, why)) = rel
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .map(|c| c.as_str())
        .chain([slug])
        .find_map(|part| name_problem(part).map(|why| (part, why)))
    {
        content.problems.push(Problem::new(
            shown,
            Trouble::InvalidName {
                part: part.to_string(),
                why,
            },
        ));
        return;
    }
    let source = SourceFile::on_disk(shown, path);
    let dir = rel
        .parent()
        .map(|p| p.as_str().replace('\\', "/"))
        .unwrap_or_default();
    content.pages.push(ContentFile {
        source,
        kind: if slug == SECTION_INDEX {
            PageKind::SectionIndex
        } else {
            PageKind::Article
        },
        lang: lang.to_string(),
        dir: nfc(&dir).into_owned(),
        slug: nfc(slug).into_owned(),
        stamp,
    });
}

/// `name` in Unicode normalisation form C. macOS may store a file name decomposed (カ and a
/// separate voicing mark for ガ), while editors type it composed; both must name one page.
pub fn nfc(name: &str) -> std::borrow::Cow<'_, str> {
    if name.is_ascii() {
        std::borrow::Cow::Borrowed(name)
    } else {
        icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(name)
    }
}

/// Characters that Windows does not allow in file names, or that end or escape a URL path.
const NAME_PUNCTUATION: &[char] = &['\\', ':', '*', '?', '"', '<', '>', '|', '#', '%'];

/// Says why a folder name or a page's name (before its language) cannot stand in the page's URL
/// and in the file akashi writes for it on every system, or `None` when it can.
pub fn name_problem(part: &str) -> Option<String> {
    if let Some(c) = part.chars().find(|c| c.is_control()) {
        return Some(format!(
            "it contains the control character U+{:04X}",
            c as u32
        ));
    }
    if let Some(c) = part.chars().find(|c| crate::parse::tags::is_invisible(*c)) {
        return Some(format!(
            "it contains an invisible character, U+{:04X}",
            c as u32
        ));
    }
    if let Some(c) = part.chars().find(|c| NAME_PUNCTUATION.contains(c)) {
        return Some(format!("it contains `{c}`"));
    }
    if part.ends_with(['.', ' ']) {
        return Some("it ends with a dot or a space, which Windows drops".to_string());
    }
    if reserved_on_windows(part) {
        let device = part.split('.').next().unwrap_or(part);
        return Some(format!("`{device}` is the name of a device on Windows"));
    }
    None
}

/// Whether Windows keeps `name` for a device (`CON`, `NUL`, `COM1`, also `con.txt`), so that
/// no file or folder can have it.
pub fn reserved_on_windows(name: &str) -> bool {
    let device = name.split('.').next().unwrap_or(name).trim_end();
    let lower = device.to_ascii_lowercase();
    ["con", "prn", "aux", "nul"].contains(&lower.as_str())
        || lower.len() == 4
            && (lower.starts_with("com") || lower.starts_with("lpt"))
            && matches!(lower.as_bytes()[3], b'1'..=b'9')
}

/// `name` with what [`name_problem`] objects to replaced by `-`.
pub fn safe_name(name: &str) -> String {
    let replaced: String = name
        .chars()
        .filter(|c| !crate::parse::tags::is_invisible(*c))
        .map(|c| {
            if c.is_control() || NAME_PUNCTUATION.contains(&c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    let mut out = replaced.trim_end_matches(['.', ' ']).to_string();
    if out.is_empty() || name_problem(&out).is_some() {
        out.push_str("-page");
    }
    out
}

fn looks_like_language(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
        || s.len() > 3
            && s.contains('-')
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Reads a file as UTF-8, reporting (not failing on) unreadable or non-UTF-8 files.
fn read(content: &mut Content, path: &Utf8Path, shown: Utf8PathBuf) -> Option<SourceFile> {
    match read_text(path, shown) {
        Ok(source) => Some(source),
        Err(unread) => {
            content.problems.push(unread.problem);
            content.other_sources.extend(unread.lossy);
            None
        }
    }
}

/// Why a file could not be read as text.
#[derive(Debug)]
pub struct Unread {
    pub problem: Problem,
    /// The text with invalid UTF-8 replaced, for showing where the problem is.
    pub lossy: Option<SourceFile>,
}

fn read_text(path: &Utf8Path, shown: Utf8PathBuf) -> Result<SourceFile, Box<Unread>> {
    let bytes = crate::source::read_regular(path.as_std_path()).map_err(|e| {
        Box::new(Unread {
            problem: Problem::new(shown.clone(), Trouble::CannotRead(e.to_string())),
            lossy: None,
        })
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(shown, text).read_from(path)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // The offset in the lossy text equals the byte offset up to the first bad byte.
            Err(Box::new(Unread {
                problem: Problem {
                    path: shown.clone(),
                    at: valid..valid,
                    trouble: Trouble::TextNotUtf8,
                },
                lossy: Some(SourceFile::new(shown, lossy)),
            }))
        }
    }
}

impl ContentFile {
    /// Reads the page's file, unless its text is already here: pages are listed by
    /// [`load_listing`] and read when they are parsed, so that the texts of a large site are
    /// never all in memory at once.
    pub fn read(&mut self) -> Result<(), Box<Unread>> {
        if self.source.is_held() {
            return Ok(());
        }
        let Some(origin) = self.source.origin().map(Utf8Path::to_path_buf) else {
            return Ok(());
        };
        self.source = read_text(&origin, self.source.path.clone())?;
        Ok(())
    }
}

/// `path` relative to the site root, for display; unchanged when outside it.
pub fn relative(root: &Utf8Path, path: &Utf8Path) -> Utf8PathBuf {
    path.strip_prefix(root)
        .map(Utf8Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_with(pages: usize) -> (tempfile::TempDir, Config) {
        let dir = tempfile::tempdir().unwrap();
        let root = Utf8Path::from_path(dir.path()).unwrap().to_path_buf();
        let yaml = std::fs::read_to_string(
            Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site.yaml"),
        )
        .unwrap();
        std::fs::write(root.join("site.yaml"), yaml).unwrap();
        std::fs::create_dir_all(root.join("content/notes")).unwrap();
        for i in 0..pages {
            std::fs::write(root.join(format!("content/notes/n{i}.en.md")), "x").unwrap();
        }
        let config = Config::load(&root).unwrap();
        (dir, config)
    }

    #[test]
    fn a_listing_takes_new_stamps_of_files_changed_in_place_and_only_those() {
        let (_dir, config) = site_with(12);
        let mut listing = list(&config).unwrap();
        let named = |i: usize| config.root.join(format!("content/notes/n{i}.en.md"));
        let stamp_of = |listing: &Listing, i: usize| {
            let path = named(i);
            listing.files.iter().find(|(p, _, _)| *p == path).unwrap().2
        };
        let before: Vec<_> = (0..12).map(|i| stamp_of(&listing, i)).collect();
        // Longer files: a new stamp whatever the clock's resolution.
        for i in 0..12 {
            std::fs::write(named(i), "longer").unwrap();
        }
        // One named (looked for one by one), then all twelve (through an index).
        assert!(listing.restat(&[named(3)]));
        assert_ne!(stamp_of(&listing, 3), before[3]);
        assert_eq!(
            stamp_of(&listing, 4),
            before[4],
            "not named, not asked about"
        );
        assert!(listing.restat(&(0..12).map(named).collect::<Vec<_>>()));
        assert!((0..12).all(|i| stamp_of(&listing, i) != before[i]));

        // A file the listing does not know, or one that is gone: only a walk can tell.
        std::fs::write(config.root.join("content/notes/new.en.md"), "x").unwrap();
        assert!(!listing.restat(&[named(1), config.root.join("content/notes/new.en.md")]));
        std::fs::remove_file(named(2)).unwrap();
        assert!(!listing.restat(&(0..12).map(named).collect::<Vec<_>>()));
    }
}
