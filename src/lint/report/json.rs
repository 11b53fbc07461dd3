//! `--format json`: `{"version": 1, "diagnostics": [...], "summary": {...}}`, with 1-based
//! lines and columns counted in characters (Unicode scalar values), not bytes. A run that
//! failed (exit code 2) adds `"error": "why"`, after the findings that explain it.

use super::Summary;
use crate::lint::Diagnostic;
use crate::source::SourceFile;
use serde_json::json;

pub fn render<'s>(
    diagnostics: &[Diagnostic],
    source: impl Fn(&Diagnostic) -> Option<&'s SourceFile>,
    failure: Option<&str>,
) -> String {
    let items: Vec<_> = diagnostics
        .iter()
        .map(|d| {
            let (start, end) = match source(d) {
                Some(f) => (f.line_col(d.span.start), f.line_col(d.span.end)),
                None => Default::default(),
            };
            json!({
                "rule": d.rule.id(),
                "severity": d.severity.as_str(),
                "message": d.message,
                "file": d.file.as_str(),
                "line": start.line.max(1),
                "column": start.column.max(1),
                "end_line": end.line.max(1),
                "end_column": end.column.max(1),
                "lang": d.lang,
                "help": d.help,
            })
        })
        .collect();
    let mut doc = json!({"version": 1, "diagnostics": items, "summary": Summary::of(diagnostics)});
    if let Some(why) = failure {
        doc["error"] = json!(why);
    }
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
