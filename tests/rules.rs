//! One fixture site per rule under `tests/fixtures/rules/<group>-<name>/`: `fires/` must produce
//! the rule's finding, `silent/` (its corrected twin) must not.

mod common;

use common::{akashi, fixture};

fn rule_of(dir: &str) -> String {
    dir.replacen('-', "/", 1)
}

fn rule_dirs() -> Vec<String> {
    common::fixture_names("rules")
}

/// Rule ids a run reports: from JSON for findings, from the report for a failed run.
fn reported(root: &std::path::Path) -> (i32, Vec<String>, String) {
    let run = akashi(root, &["lint", "--format", "json"]);
    if run.code == 2 {
        return (2, Vec::new(), run.stderr);
    }
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rules = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    (run.code, rules, run.stdout)
}

#[test]
fn every_rule_has_a_fixture_that_fires_and_a_twin_that_stays_silent() {
    let dirs = rule_dirs();
    for rule in akashi::lint::Rule::ALL {
        let dir = rule.id().replace('/', "-");
        assert!(dirs.contains(&dir), "no fixture for {}", rule.id());
    }
    for dir in dirs {
        let rule = rule_of(&dir);
        let fires = fixture(&format!("rules/{dir}/fires"));
        let (code, rules, output) = reported(&fires.root);
        if rule.starts_with("config/") {
            assert_eq!(code, 2, "{rule}: {output}");
            assert!(
                output.contains(&format!("[{rule}]")),
                "{rule} did not fire: {output}"
            );
        } else {
            assert!(rules.contains(&rule), "{rule} did not fire: {output}");
        }
        let silent = fixture(&format!("rules/{dir}/silent"));
        let (code, rules, output) = reported(&silent.root);
        assert_ne!(code, 2, "{rule} twin: {output}");
        assert!(
            !rules.contains(&rule),
            "{rule} fired on its corrected twin: {output}"
        );
        let errors: Vec<&String> = rules
            .iter()
            .filter(|r| !r.starts_with("cite/unused"))
            .collect();
        assert!(
            errors.is_empty() || rule == "cite/unused-reference",
            "{rule} twin is not clean: {output}"
        );
    }
}

#[test]
fn findings_of_each_rule_are_shown_where_they_are() {
    for dir in rule_dirs() {
        let site = fixture(&format!("rules/{dir}/fires"));
        let run = akashi(&site.root, &["lint"]);
        let text = if run.code == 2 {
            run.stderr
        } else {
            run.stdout
        };
        insta::assert_snapshot!(format!("rule_{dir}"), text);
    }
}
