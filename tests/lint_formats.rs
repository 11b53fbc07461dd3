//! `akashi lint` on the sample site: clean as shipped; with one evidence tag removed, exit code 1
//! and `claim/untagged` at the sentence's line and column in every output format.

mod common;

use common::{akashi, copy_tree, repo};
use std::path::PathBuf;

/// A copy of the repository's own sample site.
fn sample_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    for part in ["content", "templates", "locales", "static"] {
        copy_tree(&repo().join(part), &root.join(part));
    }
    std::fs::copy(repo().join("site.yaml"), root.join("site.yaml")).unwrap();
    (dir, root)
}

const ARTICLE: &str = "content/treatments/rtms.ja.md";
const CLAIM: &str = "副作用の多くは軽く、主なものは刺激中の一時的な頭皮の痛みや不快感です";

/// Removes the tag after the side-effect claim; returns its line and column (1-based, chars).
fn remove_tag(root: &std::path::Path) -> (usize, usize) {
    let path = root.join(ARTICLE);
    let text = std::fs::read_to_string(&path).unwrap();
    let tagged = format!("{CLAIM}[B: @oreardon2007]");
    assert!(
        text.contains(&tagged),
        "the sample article changed; update this test"
    );
    let text = text.replacen(&tagged, CLAIM, 1);
    std::fs::write(&path, &text).unwrap();
    let at = text.find(CLAIM).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

#[test]
fn the_sample_site_lints_clean() {
    let run = akashi(&repo(), &["lint", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        doc["diagnostics"].as_array().unwrap().len(),
        0,
        "{}",
        run.stdout
    );
}

#[test]
fn a_removed_tag_is_reported_in_every_format() {
    let (_dir, root) = sample_site();
    let (line, column) = remove_tag(&root);

    let human = akashi(&root, &["lint"]);
    assert_eq!(human.code, 1);
    assert!(
        human
            .stdout
            .contains(&format!("--> {ARTICLE}:{line}:{column}")),
        "{}",
        human.stdout
    );
    insta::assert_snapshot!("removed_tag_human", human.stdout);

    let json = akashi(&root, &["lint", "--format", "json"]);
    assert_eq!(json.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "claim/untagged")
        .expect("claim/untagged");
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some(ARTICLE), Some(line as u64), Some(column as u64))
    );
    // The span is the sentence: it ends after its last character (。 included).
    assert_eq!(
        d["end_column"].as_u64(),
        Some((column + CLAIM.chars().count() + 1) as u64)
    );
    insta::assert_snapshot!("removed_tag_json", json.stdout);

    let github = akashi(&root, &["lint", "--format", "github"]);
    assert_eq!(github.code, 1);
    assert!(
        github
            .stdout
            .contains(&format!("::error file={ARTICLE},line={line},col={column},")),
        "{}",
        github.stdout
    );
    insta::assert_snapshot!("removed_tag_github", github.stdout);

    let sarif = akashi(&root, &["lint", "--format", "sarif"]);
    assert_eq!(sarif.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let results = &doc["runs"][0]["results"];
    let untagged = results
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "claim/untagged")
        .expect("result");
    let region = &untagged["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(line as u64), Some(column as u64))
    );
    assert_eq!(
        untagged["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        ARTICLE
    );
    insta::assert_snapshot!(
        "removed_tag_sarif_results",
        serde_json::to_string_pretty(results).unwrap()
    );
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let (_dir, root) = sample_site();
    remove_tag(&root);
    let run = akashi(&root, &["lint", "--format", "sarif"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    // tests/schemas/ holds the official schema with one erratum applied: its `run.language`
    // pattern had a stray `]` (`...-[a-zA-Z]{2}]?$`) that makes the schema itself invalid.
    let validator = jsonschema::options()
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // What GitHub code scanning needs beyond the schema.
    let run0 = &doc["runs"][0];
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    assert_eq!(run0["tool"]["driver"]["name"], "akashi");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), akashi::lint::Rule::ALL.len());
    for rule in rules {
        assert!(
            rule["shortDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty()),
            "{rule}"
        );
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .is_some_and(|t| t.contains("## Why it matters")),
            "{}",
            rule["id"]
        );
    }
    for result in run0["results"].as_array().unwrap() {
        assert!(
            result["partialFingerprints"]
                .as_object()
                .is_some_and(|f| !f.is_empty())
        );
        let rule_index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[rule_index]["id"], result["ruleId"]);
    }
}

#[test]
fn a_site_in_a_subfolder_gets_repository_relative_uris() {
    let (dir, _root) = sample_site();
    let run = akashi(
        dir.path(),
        &["lint", "--root", "site", "--format", "github"],
    );
    remove_tag(&dir.path().join("site"));
    let run2 = akashi(
        dir.path(),
        &["lint", "--root", "site", "--format", "github"],
    );
    assert_eq!(run.code, 0);
    assert!(
        run2.stdout.contains(&format!("file=site/{ARTICLE},")),
        "{}",
        run2.stdout
    );
}

#[test]
fn lint_checks_files_given_on_the_command_line_with_the_site_configuration() {
    let (dir, root) = sample_site();
    let outside = dir.path().join("draft.ja.md");
    std::fs::write(&outside, "---\ntitle: 下書き\nsummary: 下書きです。\ndate: 2026-11-01\n---\n\nTMS治療は、うつ病の症状を軽くします[B: @mutz2091]。\n\nTMS治療は副作用が少ない治療です。\n").unwrap();
    let run = akashi(
        &root,
        &["lint", "--format", "json", outside.to_str().unwrap()],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let found: Vec<(String, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let file = outside.to_str().unwrap().to_string();
    assert!(
        found.contains(&("cite/unknown-key".into(), file.clone())),
        "{found:?}"
    );
    assert!(
        found.contains(&("claim/untagged".into(), file.clone())),
        "{found:?}"
    );
    // Only the given file is reported on, not the rest of the site.
    assert!(found.iter().all(|(_, f)| *f == file), "{found:?}");

    let inside = akashi(&root, &["lint", "--format", "json", ARTICLE]);
    assert_eq!(inside.code, 0, "{}", inside.stdout);
}

#[test]
fn explain_prints_a_rule_and_every_rule() {
    let run = akashi(&repo(), &["explain", "claim/untagged"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("# claim/untagged"), "{}", run.stdout);
    for section in ["## What it finds", "## Why it matters", "## Example"] {
        assert!(run.stdout.contains(section), "{section}");
    }
    let all = akashi(&repo(), &["explain", "--all"]);
    for rule in akashi::lint::Rule::ALL {
        assert!(
            all.stdout.contains(&format!("# {}\n", rule.id())),
            "{}",
            rule.id()
        );
        let doc = rule.doc();
        assert!(
            doc.contains("## Why it matters") && doc.contains("日本語") && doc.contains("English"),
            "{} is not fully documented",
            rule.id()
        );
    }
    // The medical publishing rules explain themselves in Japanese too, for clinic editors.
    for rule in akashi::lint::Rule::ALL {
        let group = rule.id().split('/').next().unwrap();
        if ["review", "disclosure", "ad", "readability"].contains(&group)
            || rule.id() == "evidence/overstated"
        {
            assert!(
                rule.doc().contains("## 日本語での説明"),
                "{} has no Japanese explanation",
                rule.id()
            );
        }
        if group == "ad" {
            assert!(
                rule.doc().contains("医療広告ガイドライン"),
                "{} does not cite the guideline",
                rule.id()
            );
        }
    }
    let unknown = akashi(&repo(), &["explain", "claim/untaged"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `claim/untagged`?"),
        "{}",
        unknown.stderr
    );
}
