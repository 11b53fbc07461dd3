//! `--format github`: GitHub Actions workflow commands, one per finding, so that a pull request
//! shows each finding on its line. Data and properties are escaped as the runner expects.

use crate::lint::{Diagnostic, Severity};
use crate::source::SourceFile;

/// Escapes the message part of a workflow command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`), which also may not contain `:` or `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render<'s>(
    diagnostics: &[Diagnostic],
    source: impl Fn(&Diagnostic) -> Option<&'s SourceFile>,
    failure: Option<&str>,
) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = vec![format!("file={}", escape_property(d.file.as_str()))];
        if let Some(file) = source(d) {
            let (start, end) = (file.line_col(d.span.start), file.line_col(d.span.end));
            props.push(format!("line={}", start.line));
            props.push(format!("col={}", start.column));
            props.push(format!("endLine={}", end.line));
            props.push(format!("endColumn={}", end.column));
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("akashi {}", d.rule.id()))
        ));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            escape_data(&message)
        ));
    }
    if let Some(why) = failure {
        out.push_str(&format!(
            "::error title=akashi could not check the site::{}\n",
            escape_data(why)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(escape_data("50% of\nall"), "50%25 of%0Aall");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
