//! Findings: what a check found, where, and how bad it is.
//!
//! A [`Diagnostic`] carries its span as a byte range into the [`SourceFile`] it names; reporters
//! turn that into line and column. Diagnostics are collected, all of them, before the exit code
//! is decided.
//!
//! [`SourceFile`]: crate::source::SourceFile

use super::rule::Rule;
use camino::Utf8PathBuf;
use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    /// The file, as shown to users (relative to the site root when inside it).
    pub file: Utf8PathBuf,
    /// Byte range in the file's text.
    pub span: Range<usize>,
    /// Language of the article the finding is in, when it is in one.
    pub lang: Option<String>,
    pub help: Option<String>,
    /// A safe replacement for the span, which `akashi lint --fix` applies.
    pub fix: Option<String>,
}

impl Diagnostic {
    /// A finding at the rule's default severity.
    pub fn new(
        rule: Rule,
        file: impl Into<Utf8PathBuf>,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            message: message.into(),
            file: file.into(),
            span,
            lang: None,
            help: None,
            fix: None,
        }
    }

    pub fn with_fix(mut self, replacement: impl Into<String>) -> Self {
        self.fix = Some(replacement.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_lang(mut self, lang: Option<&str>) -> Self {
        self.lang = lang.map(str::to_string);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts findings by file and position so that every output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.span.start, a.span.end, a.rule.id(), &a.message).cmp(&(
            &b.file,
            b.span.start,
            b.span.end,
            b.rule.id(),
            &b.message,
        ))
    });
}
