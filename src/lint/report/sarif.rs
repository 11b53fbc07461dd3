//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning, built with serde-sarif's typed
//! structures. Every rule is described (summary, the paragraph of what it finds, full
//! documentation as help, and the address of its page), results carry percent-encoded URIs
//! relative to `%SRCROOT%` (the folder akashi ran in), regions in characters
//! (`columnKind: unicodeCodePoints`; all its lines for a finding about a whole file) and a partial
//! fingerprint that survives lines moving. A run that failed says so in its invocation.

use crate::lint::{Diagnostic, Rule, Severity};
use crate::source::SourceFile;
use serde_sarif::sarif::{
    ArtifactContent, ArtifactLocation, Invocation, Location, Message, MultiformatMessageString,
    Notification, PhysicalLocation, Region, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};
use std::collections::BTreeMap;

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn descriptor(rule: Rule) -> ReportingDescriptor {
    let doc = rule.doc();
    ReportingDescriptor::builder()
        .id(rule.id())
        .name(friendly_name(rule))
        .short_description(
            MultiformatMessageString::builder()
                .text(rule.summary())
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(rule.description())
                .build(),
        )
        .help_uri(rule.doc_url())
        .help(
            MultiformatMessageString::builder()
                .text(doc)
                .markdown(doc)
                .build(),
        )
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::json!(level(rule.default_severity())))
                .build(),
        )
        .build()
}

/// The rule's id as one Pascal-case word (`claim/untagged` is `ClaimUntagged`), SARIF's
/// convention for a rule's name.
fn friendly_name(rule: Rule) -> String {
    rule.id()
        .split(['/', '-'])
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// FNV-1a, so that fingerprints do not depend on the platform or the Rust version.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The base the URIs are relative to.
const SRCROOT: &str = "%SRCROOT%";

/// A relative path as a URI reference: every byte outside RFC 3986's unreserved characters
/// percent-encoded, segment by segment (`治療 メモ.ja.md` becomes `%E6%B2%BB%E7%99%82%20...`).
pub fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        for b in segment.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// `file:///...` with a closing slash, for `originalUriBaseIds`.
fn folder_uri(folder: &std::path::Path) -> Option<String> {
    let path = folder.to_str()?;
    let path = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let path = path.trim_end_matches('/');
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    Some(format!("file://{}/", uri_path(&path)))
}

/// `base` is the folder the file names start from (where akashi ran); `failure` says why the
/// run stopped, when it did.
pub fn render<'s>(
    diagnostics: &[Diagnostic],
    source: impl Fn(&Diagnostic) -> Option<&'s SourceFile>,
    base: Option<&std::path::Path>,
    failure: Option<&str>,
) -> String {
    let rule_index: BTreeMap<Rule, usize> =
        Rule::ALL.iter().enumerate().map(|(i, r)| (*r, i)).collect();
    let result = |d: &Diagnostic| -> SarifResult {
        // A finding about a whole file (an empty span at its start) covers its lines; one
        // about a file akashi could not read as text, its first line.
        let whole_file = d.span == (0..0);
        let mut region = Region::builder().start_line(1).build();
        let mut snippet = String::new();
        if let Some(file) = source(d) {
            let (start, end) = (file.line_col(d.span.start), file.line_col(d.span.end));
            region = if whole_file {
                Region::builder()
                    .start_line(1)
                    .end_line(file.line_col(file.text().trim_end_matches('\n').len()).line as i64)
                    .build()
            } else {
                Region::builder()
                    .start_line(start.line as i64)
                    .start_column(start.column as i64)
                    .end_line(end.line as i64)
                    .end_column(end.column.max(start.column + usize::from(start == end)) as i64)
                    .build()
            };
            snippet = file
                .text()
                .get(d.span.clone())
                .unwrap_or_default()
                .trim()
                .to_string();
            if let Some(text) = file.text().get(d.span.clone())
                && !text.is_empty()
            {
                region.snippet = Some(ArtifactContent::builder().text(text).build());
            }
        }
        let uri = d.file.as_str();
        let mut text = d.message.clone();
        if let Some(help) = &d.help {
            text.push_str("\nhelp: ");
            text.push_str(help);
        }
        let artifact = ArtifactLocation::builder()
            .uri(uri_path(uri))
            .uri_base_id(SRCROOT)
            .build();
        let physical = PhysicalLocation::builder()
            .artifact_location(artifact)
            .region(region)
            .build();
        let location = Location::builder().physical_location(physical).build();
        let fingerprints = BTreeMap::from([(
            "akashi/v1".to_string(),
            fingerprint(&[d.rule.id(), uri, &snippet, &d.message]),
        )]);
        SarifResult::builder()
            .rule_id(d.rule.id())
            .rule_index(rule_index[&d.rule] as i64)
            .level(level(d.severity))
            .message(Message::builder().text(text).build())
            .locations(vec![location])
            .partial_fingerprints(fingerprints)
            .build()
    };
    let driver = ToolComponent::builder()
        .name("akashi")
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(env!("CARGO_PKG_REPOSITORY"))
        .rules(Rule::ALL.iter().map(|r| descriptor(*r)).collect::<Vec<_>>())
        .build();
    let invocation = match failure {
        None => Invocation::builder().execution_successful(true).build(),
        Some(why) => Invocation::builder()
            .execution_successful(false)
            .tool_execution_notifications(vec![
                Notification::builder()
                    .level(serde_json::json!("error"))
                    .message(Message::builder().text(why).build())
                    .build(),
            ])
            .build(),
    };
    let base_ids = base.and_then(folder_uri).map(|uri| {
        BTreeMap::from([(
            SRCROOT.to_string(),
            ArtifactLocation::builder().uri(uri).build(),
        )])
    });
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .invocations(vec![invocation])
        .results(Vec::new())
        .column_kind(serde_json::json!("unicodeCodePoints"));
    let run = match base_ids {
        Some(ids) => run.original_uri_base_ids(ids).build(),
        None => run.build(),
    };
    let sarif = Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json")
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    // The results are written one at a time into the document, each made and dropped in turn:
    // a site with 100,000 findings never holds them all as SARIF objects at once.
    let frame = serde_json::to_string_pretty(&sarif).unwrap_or_default();
    let marker = "\"results\": []";
    let Some(at) = frame.find(marker) else {
        return frame + "\n";
    };
    let mut out = String::with_capacity(frame.len() + diagnostics.len() * 512);
    out.push_str(&frame[..at]);
    out.push_str("\"results\": [");
    for (i, d) in diagnostics.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&serde_json::to_string(&result(d)).unwrap_or_default());
    }
    out.push_str(if diagnostics.is_empty() { "]" } else { "\n]" });
    out.push_str(&frame[at + marker.len()..]);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_by_segment() {
        assert_eq!(uri_path("content/a-b_c.ja.md"), "content/a-b_c.ja.md");
        assert_eq!(
            uri_path("content/治療 メモ.ja.md"),
            "content/%E6%B2%BB%E7%99%82%20%E3%83%A1%E3%83%A2.ja.md"
        );
        assert_eq!(uri_path("a#b?c%d"), "a%23b%3Fc%25d");
        assert_eq!(
            folder_uri(std::path::Path::new("/srv/my site")).as_deref(),
            Some("file:///srv/my%20site/")
        );
    }
}
