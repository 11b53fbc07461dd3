//! No way around the lint: each way an author could publish a claim, advertising wording or an
//! undisclosed treatment past the checks has a fixture under `tests/fixtures/ways-around/`:
//! `fires/` must report the findings its `expect.tsv` lists, at their file, line and column, in
//! every output format; `silent/`, its corrected twin, reports no error.

mod common;

use common::{akashi, fixture, repo};

struct Expected {
    rule: String,
    file: String,
    line: u64,
    column: u64,
}

fn cases() -> Vec<String> {
    common::fixture_names("ways-around")
}

fn expected(case: &str) -> Vec<Expected> {
    let path = repo().join(format!("tests/fixtures/ways-around/{case}/expect.tsv"));
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Expected {
                rule: cols[0].to_string(),
                file: cols[1].to_string(),
                line: cols[2].parse().unwrap(),
                column: cols[3].parse().unwrap(),
            }
        })
        .collect()
}

#[test]
fn every_way_around_is_reported_where_it_is_in_every_format() {
    let cases = cases();
    assert!(cases.len() >= 15, "{cases:?}");
    for case in cases {
        let site = fixture(&format!("ways-around/{case}/fires"));
        let expect = expected(&case);
        assert!(!expect.is_empty(), "{case}: expect.tsv lists no finding");

        let json = akashi(&site.root, &["lint", "--format", "json"]);
        assert_eq!(json.code, 1, "{case}: {}", json.stdout);
        let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        let found = doc["diagnostics"].as_array().unwrap();
        for e in &expect {
            assert!(
                found.iter().any(|d| d["rule"] == e.rule.as_str()
                    && d["file"] == e.file.as_str()
                    && d["line"].as_u64() == Some(e.line)
                    && d["column"].as_u64() == Some(e.column)),
                "{case}: no {} at {}:{}:{} in JSON:\n{}",
                e.rule,
                e.file,
                e.line,
                e.column,
                json.stdout
            );
        }

        let human = akashi(&site.root, &["lint"]);
        for e in &expect {
            let at = format!("[{}]", e.rule);
            let place = format!("--> {}:{}:{}", e.file, e.line, e.column);
            assert!(
                human
                    .stdout
                    .split("\n\n")
                    .any(|f| f.contains(&at) && f.contains(&place)),
                "{case}: no {at} {place} in:\n{}",
                human.stdout
            );
        }
        insta::assert_snapshot!(format!("way_around_{case}"), human.stdout);

        let github = akashi(&site.root, &["lint", "--format", "github"]);
        for e in &expect {
            let place = format!("file={},line={},col={},", e.file, e.line, e.column);
            assert!(
                github
                    .stdout
                    .lines()
                    .any(|l| l.contains(&place) && l.contains(&e.rule)),
                "{case}: no {} {place} in:\n{}",
                e.rule,
                github.stdout
            );
        }

        let sarif = akashi(&site.root, &["lint", "--format", "sarif"]);
        let doc: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
        let results = doc["runs"][0]["results"].as_array().unwrap();
        for e in &expect {
            assert!(
                results.iter().any(|r| {
                    let at = &r["locations"][0]["physicalLocation"];
                    r["ruleId"] == e.rule.as_str()
                        && at["artifactLocation"]["uri"] == e.file.as_str()
                        && at["region"]["startLine"].as_u64() == Some(e.line)
                        && at["region"]["startColumn"].as_u64() == Some(e.column)
                }),
                "{case}: no {} at {}:{}:{} in SARIF",
                e.rule,
                e.file,
                e.line,
                e.column
            );
        }
    }
}

#[test]
fn the_corrected_twins_stay_silent() {
    for case in cases() {
        let site = fixture(&format!("ways-around/{case}/silent"));
        let json = akashi(&site.root, &["lint", "--format", "json"]);
        assert_eq!(json.code, 0, "{case}: {}", json.stdout);
        let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        let expect = expected(&case);
        let rules: Vec<&str> = expect.iter().map(|e| e.rule.as_str()).collect();
        for d in doc["diagnostics"].as_array().unwrap() {
            assert!(
                !rules.contains(&d["rule"].as_str().unwrap()),
                "{case}: the corrected twin still reports {}",
                d
            );
        }
    }
}

#[test]
fn a_comment_in_front_matter_suppresses_a_finding_in_the_value_below_it() {
    let site = fixture("ways-around/summary/fires");
    let path = site.path("content/a.ja.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let suppressed = text.replacen(
        "summary:",
        "# akashi-ignore claim/untagged: a test of suppression in front matter\nsummary:",
        1,
    );
    std::fs::write(&path, suppressed).unwrap();
    let json = akashi(&site.root, &["lint", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stdout);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(
        !json.stdout.contains("claim/untagged") && !json.stdout.contains("suppress/"),
        "{doc}"
    );
}
