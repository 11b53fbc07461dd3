//! The default, rustc-style output: `error[rule]: message`, `--> path:line:col`, the source
//! line with a caret underline that lines up under double-width Japanese text, then `help:`.

use super::Summary;
use crate::lint::{Diagnostic, Severity};
use crate::source::SourceFile;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// Renders findings; `color` adds ANSI colours for a terminal.
pub fn render<'s>(
    diagnostics: &[Diagnostic],
    source: impl Fn(&Diagnostic) -> Option<&'s SourceFile>,
    color: bool,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let title = level.primary_title(d.message.as_str()).id(d.rule.id());
        let mut report = Vec::new();
        match source(d) {
            Some(file) => {
                let line = file.line_range(d.span.start);
                let text = &file.text()[line.clone()];
                // On character boundaries whatever a rule gave: a report never fails.
                let start = crate::source::floor_char_boundary(
                    text,
                    d.span.start.clamp(line.start, line.end) - line.start,
                );
                // A span over several lines is underlined to the end of its first line.
                let mut end = d.span.end.clamp(line.start, line.end) - line.start;
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                let snippet = Snippet::source(text)
                    .line_start(file.line_col(line.start).line)
                    .path(d.file.as_str())
                    .annotation(AnnotationKind::Primary.span(start..end.max(start)));
                report.push(title.element(snippet));
            }
            None => {
                report.push(title.element(annotate_snippets::Origin::path(d.file.as_str())));
            }
        }
        if let Some(help) = &d.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// The closing line: `3 errors, 1 warning`.
pub fn summary_line(summary: Summary) -> String {
    fn n(count: usize, one: &str, many: &str) -> String {
        format!("{count} {}", if count == 1 { one } else { many })
    }
    let mut parts = vec![
        n(summary.errors, "error", "errors"),
        n(summary.warnings, "warning", "warnings"),
    ];
    if summary.infos > 0 {
        parts.push(n(summary.infos, "note", "notes"));
    }
    parts.join(", ")
}
