//! Source text as akashi read it from disk, with the index that turns byte offsets into the
//! 1-based line and character column that every diagnostic reports.
//!
//! Spans travel through the pipeline as byte ranges into [`SourceFile::text`]; only reporters
//! convert them. A UTF-8 byte order mark is dropped on reading, so offsets and columns count from
//! the first real character. CRLF line endings are kept in the text (CommonMark and YAML accept
//! them) and `\r` is never counted as a column.

use camino::{Utf8Path, Utf8PathBuf};
use std::ops::Range;

/// The largest file akashi reads: far above any article (a 50 MiB one is checked and built),
/// so that a link to `/dev/zero` or a runaway file fails at once instead of using up memory.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Reads the regular file at `path` (a symbolic link is followed) whole. Anything else is
/// refused before it is opened, with a message that says what it is: reading a FIFO waits
/// for a writer for ever, a device never ends. So is a file over [`MAX_FILE_BYTES`].
pub fn read_regular(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("it is {}, not a regular file", file_kind(&meta)),
        ));
    }
    let too_big = || {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "it is larger than {} MiB, the most akashi reads",
                MAX_FILE_BYTES >> 20
            ),
        )
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

/// What a file that is not a regular file is, in words.
pub fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// [`read_regular`] as UTF-8 text.
pub fn read_regular_text(path: &std::path::Path) -> std::io::Result<String> {
    String::from_utf8(read_regular(path)?).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("it is not UTF-8 text ({})", e.utf8_error()),
        )
    })
}

/// One file of the site, read whole.
///
/// A page's text is needed while the page is parsed and checked on its own; after that only a
/// finding's report or the page's rendering reads it again. So a page's file is read when the
/// page is parsed ([`SourceFile::on_disk`], then [`SourceFile::restore`]), and its text is set
/// aside once the page is checked ([`SourceFile::set_aside`]), keeping a digest;
/// [`SourceFile::read_again`] reads the file again for the few later uses, refusing a file that
/// changed meanwhile. A large site is never all in memory as text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to users: relative to the site root when the file is inside it.
    pub path: Utf8PathBuf,
    /// The file's text, without a byte order mark (empty unless held).
    text: String,
    /// Where each line starts, found the first time a position is reported: most files of a
    /// large site never are.
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// The file on disk the text is read from, when it is.
    origin: Option<Utf8PathBuf>,
    state: TextState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextState {
    Held,
    /// Not read yet.
    Unread,
    /// Read, and set aside: what it was.
    Aside(Digest),
}

/// What a text was, for telling whether a file read again is the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Digest {
    pub len: usize,
    pub hash: u64,
}

impl Digest {
    pub fn of(text: &str) -> Digest {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        text.hash(&mut h);
        Digest {
            len: text.len(),
            hash: h.finish(),
        }
    }
}

/// What [`SourceFile::read_again`] says of a file that no longer holds the text it held.
pub fn changed() -> std::io::Error {
    std::io::Error::other("it changed after akashi read it; run akashi again")
}

/// The text without a byte order mark.
fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: impl Into<Utf8PathBuf>, text: String) -> Self {
        SourceFile {
            path: path.into(),
            text: strip_bom(text),
            line_starts: std::sync::OnceLock::new(),
            origin: None,
            state: TextState::Held,
        }
    }

    /// A file on disk, at `origin`, to be read by [`SourceFile::restore`].
    pub fn on_disk(path: impl Into<Utf8PathBuf>, origin: impl Into<Utf8PathBuf>) -> Self {
        SourceFile {
            path: path.into(),
            text: String::new(),
            line_starts: std::sync::OnceLock::new(),
            origin: Some(origin.into()),
            state: TextState::Unread,
        }
    }

    /// Remembers that the text was read from `origin`, so that it can be set aside and read
    /// again.
    pub fn read_from(mut self, origin: impl Into<Utf8PathBuf>) -> Self {
        self.origin = Some(origin.into());
        self
    }

    /// The file it is read from, when it is one.
    pub fn origin(&self) -> Option<&Utf8Path> {
        self.origin.as_deref()
    }

    /// The text. Empty unless held: the stages after a page's own check read it with
    /// [`SourceFile::read_again`], or take it back with [`SourceFile::restore`].
    pub fn text(&self) -> &str {
        debug_assert!(
            self.is_held(),
            "the text of {} was read while it was not held",
            self.path
        );
        &self.text
    }

    /// Whether the text is here (read, and not set aside).
    pub fn is_held(&self) -> bool {
        self.state == TextState::Held
    }

    /// What the text is (or was, when set aside).
    pub fn digest(&self) -> Digest {
        match self.state {
            TextState::Aside(digest) => digest,
            TextState::Held | TextState::Unread => Digest::of(self.text()),
        }
    }

    /// Drops the text, keeping its digest, when it can be read again from the file it came
    /// from; a text that did not come from a file is kept.
    pub fn set_aside(&mut self) {
        if self.origin.is_none() || !self.is_held() {
            return;
        }
        self.state = TextState::Aside(Digest::of(&self.text));
        self.text = String::new();
        self.line_starts = std::sync::OnceLock::new();
    }

    /// The text, read from its file when it is not held. Fails when the file cannot be read
    /// as UTF-8 text, or no longer holds the text that was set aside.
    pub fn read_again(&self) -> std::io::Result<std::borrow::Cow<'_, str>> {
        let origin = match (self.state, &self.origin) {
            (TextState::Held, _) | (_, None) => {
                return Ok(std::borrow::Cow::Borrowed(&self.text));
            }
            (_, Some(origin)) => origin,
        };
        let text = strip_bom(read_regular_text(origin.as_std_path())?);
        if let TextState::Aside(digest) = self.state
            && Digest::of(&text) != digest
        {
            return Err(changed());
        }
        Ok(std::borrow::Cow::Owned(text))
    }

    /// Takes the text from the file when it is not held (see [`SourceFile::read_again`]).
    pub fn restore(&mut self) -> std::io::Result<()> {
        if !self.is_held() {
            self.text = self.read_again()?.into_owned();
            self.state = TextState::Held;
        }
        Ok(())
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text().match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    pub fn path(&self) -> &Utf8Path {
        &self.path
    }

    /// Line and character column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = floor_char_boundary(self.text(), offset.min(self.text().len()));
        let line_starts = self.line_starts();
        let line_index = match line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = line_starts[line_index];
        let column = self.text()[start..offset]
            .chars()
            .filter(|&c| c != '\r')
            .count()
            + 1;
        LineCol {
            line: line_index + 1,
            column,
        }
    }

    /// The 1-based line of a byte offset (clamped to the text): [`SourceFile::line_col`]
    /// without counting the column.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text().len());
        match self.line_starts().binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Byte range of the whole line (without its line ending) that holds `offset`.
    pub fn line_range(&self, offset: usize) -> Range<usize> {
        let line = self.line_col(offset).line;
        let line_starts = self.line_starts();
        let start = line_starts[line - 1];
        let end = line_starts
            .get(line)
            .map(|&next| next - 1)
            .unwrap_or(self.text().len());
        let end = if self.text()[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }

    /// Byte offset where 1-based `line` starts, if the file has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts().get(line.checked_sub(1)?).copied()
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let f = SourceFile::new("a.md", "一行目\nうつ病の治療\n".to_string());
        let offset = f.text.find("治療").unwrap();
        assert_eq!(f.line_col(offset), LineCol { line: 2, column: 5 });
    }

    #[test]
    fn bom_is_dropped_and_crlf_not_counted() {
        let f = SourceFile::new("a.md", "\u{feff}ab\r\ncd".to_string());
        assert_eq!(f.text, "ab\r\ncd");
        let offset = f.text.find('d').unwrap();
        assert_eq!(f.line_col(offset), LineCol { line: 2, column: 2 });
        assert_eq!(&f.text[f.line_range(0)], "ab");
    }

    #[test]
    fn line_of_agrees_with_line_col() {
        let f = SourceFile::new("a.md", "ab\r\n\nうつ病\nx".to_string());
        for offset in 0..=f.text.len() + 2 {
            let clamped = floor_char_boundary(&f.text, offset);
            assert_eq!(f.line_of(clamped), f.line_col(clamped).line, "at {offset}");
        }
    }

    #[test]
    fn a_text_set_aside_is_read_again_only_while_the_file_is_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = Utf8PathBuf::from_path_buf(dir.path().join("a.ja.md")).unwrap();
        std::fs::write(&path, "\u{feff}一行目\n二行目\n").unwrap();
        let mut f = SourceFile::on_disk("content/a.ja.md", &path);
        assert!(!f.is_held());
        f.restore().unwrap();
        assert_eq!(f.text(), "一行目\n二行目\n");
        let digest = f.digest();

        f.set_aside();
        assert!(!f.is_held());
        assert_eq!(f.digest(), digest);
        assert_eq!(f.read_again().unwrap(), "一行目\n二行目\n");

        // Saved again with the same text (a new time, the same bytes): still the same.
        std::fs::write(&path, "一行目\n二行目\n").unwrap();
        assert_eq!(f.read_again().unwrap(), "一行目\n二行目\n");

        std::fs::write(&path, "一行目\n書き換えた\n").unwrap();
        let e = f.read_again().unwrap_err();
        assert!(
            e.to_string().contains("changed after akashi read it"),
            "{e}"
        );
        assert!(f.restore().is_err());
        assert!(
            !f.is_held(),
            "a changed file must not pass for the text that was checked"
        );

        std::fs::remove_file(&path).unwrap();
        assert!(f.read_again().is_err());
    }

    #[test]
    fn a_text_not_read_from_a_file_is_kept() {
        let mut f = SourceFile::new("site.yaml", "title: x\n".to_string());
        f.set_aside();
        assert!(f.is_held());
        assert_eq!(f.text(), "title: x\n");
    }
}
