//! Fatal errors: the run itself failed (exit code 2). Findings about content are
//! [`Diagnostic`]s instead and never stop the run early.
//!
//! [`Diagnostic`]: crate::findings::Diagnostic

use crate::findings::Diagnostic;
use crate::source::SourceFile;
use camino::Utf8PathBuf;
use std::fmt;

#[derive(Debug)]
pub enum Error {
    /// A file or folder could not be read or written.
    Io {
        path: Utf8PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    /// A configuration file (site.yaml, a locale) is invalid; the findings say where.
    Invalid {
        sources: Vec<SourceFile>,
        diagnostics: Vec<Diagnostic>,
    },
    /// A template failed to parse or render; Tera's report names the template and line.
    Template { message: String },
    /// Anything else, already worded for the user.
    Message(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn io(path: impl Into<Utf8PathBuf>, action: &'static str, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            action,
            source,
        }
    }

    pub fn msg(message: impl Into<String>) -> Self {
        Error::Message(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io {
                path,
                action,
                source,
            } => write!(f, "cannot {action} `{path}`: {source}"),
            Error::Invalid { diagnostics, .. } => match diagnostics.len() {
                1 => write!(f, "invalid configuration (1 problem)"),
                n => write!(f, "invalid configuration ({n} problems)"),
            },
            Error::Template { message } => write!(f, "{message}"),
            Error::Message(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {}
