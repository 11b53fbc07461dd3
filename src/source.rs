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
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to users: relative to the site root when the file is inside it.
    pub path: Utf8PathBuf,
    /// The file's text, without a byte order mark.
    pub text: String,
    /// Where each line starts, found the first time a position is reported: most files of a
    /// large site never are.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: impl Into<Utf8PathBuf>, text: String) -> Self {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        SourceFile {
            path: path.into(),
            text,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    pub fn path(&self) -> &Utf8Path {
        &self.path
    }

    /// Line and character column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line_starts = self.line_starts();
        let line_index = match line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = line_starts[line_index];
        let column = self.text[start..offset]
            .chars()
            .filter(|&c| c != '\r')
            .count()
            + 1;
        LineCol {
            line: line_index + 1,
            column,
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
            .unwrap_or(self.text.len());
        let end = if self.text[start..end].ends_with('\r') {
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
}
