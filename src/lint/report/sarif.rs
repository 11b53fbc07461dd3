//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning, built with serde-sarif's typed
//! structures. Every rule is described (summary, full documentation as help), results carry
//! repository-relative URIs, regions in characters (`columnKind: unicodeCodePoints`) and a
//! partial fingerprint that survives lines moving.

use crate::lint::{Diagnostic, Rule, Severity};
use crate::source::SourceFile;
use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Tool, ToolComponent,
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
        .short_description(
            MultiformatMessageString::builder()
                .text(rule.summary())
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(rule.summary())
                .build(),
        )
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

/// `uri_prefix` is the site root relative to the repository root (`""` or `"site/"`).
pub fn render<'s>(
    diagnostics: &[Diagnostic],
    source: impl Fn(&Diagnostic) -> Option<&'s SourceFile>,
    uri_prefix: &str,
) -> String {
    let rule_index: BTreeMap<Rule, usize> =
        Rule::ALL.iter().enumerate().map(|(i, r)| (*r, i)).collect();
    let results: Vec<SarifResult> = diagnostics
        .iter()
        .map(|d| {
            let mut region = Region::builder().build();
            let mut snippet = String::new();
            if let Some(file) = source(d) {
                let (start, end) = (file.line_col(d.span.start), file.line_col(d.span.end));
                region = Region::builder()
                    .start_line(start.line as i64)
                    .start_column(start.column as i64)
                    .end_line(end.line as i64)
                    .end_column(end.column.max(start.column + usize::from(start == end)) as i64)
                    .build();
                snippet = file
                    .text
                    .get(d.span.clone())
                    .unwrap_or_default()
                    .trim()
                    .to_string();
            }
            let uri = format!("{uri_prefix}{}", d.file);
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let location = Location::builder()
                .physical_location(
                    PhysicalLocation::builder()
                        .artifact_location(ArtifactLocation::builder().uri(uri.clone()).build())
                        .region(region)
                        .build(),
                )
                .build();
            let fingerprints = BTreeMap::from([(
                "akashi/v1".to_string(),
                fingerprint(&[d.rule.id(), &uri, &snippet, &d.message]),
            )]);
            SarifResult::builder()
                .rule_id(d.rule.id())
                .rule_index(rule_index[&d.rule] as i64)
                .level(level(d.severity))
                .message(Message::builder().text(text).build())
                .locations(vec![location])
                .partial_fingerprints(fingerprints)
                .build()
        })
        .collect();
    let driver = ToolComponent::builder()
        .name("akashi")
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(Rule::ALL.iter().map(|r| descriptor(*r)).collect::<Vec<_>>())
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .build();
    let sarif = Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json")
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    let mut out = serde_json::to_string_pretty(&sarif).unwrap_or_default();
    out.push('\n');
    out
}
