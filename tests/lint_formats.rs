//! `akashi lint` on the sample site: clean as shipped; with one evidence tag removed, exit code 1
//! and `claim/untagged` at the sentence's line and column in every output format.

mod common;

use common::{akashi, akashi_env, copy_tree, repo};
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
fn every_format_names_files_from_the_folder_akashi_runs_in() {
    let (dir, _root) = sample_site();
    let run = akashi(
        dir.path(),
        &["lint", "--root", "site", "--format", "github"],
    );
    assert_eq!(run.code, 0);
    let (line, column) = remove_tag(&dir.path().join("site"));
    let expected = format!("site/{ARTICLE}");
    let github = akashi(
        dir.path(),
        &["lint", "--root", "site", "--format", "github"],
    );
    assert!(
        github.stdout.contains(&format!("file={expected},")),
        "{}",
        github.stdout
    );
    let human = akashi(dir.path(), &["lint", "--root", "site"]);
    assert!(
        human
            .stdout
            .contains(&format!("--> {expected}:{line}:{column}")),
        "{}",
        human.stdout
    );
    let json = akashi(dir.path(), &["lint", "--root", "site", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let untagged = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "claim/untagged")
        .unwrap();
    assert_eq!(untagged["file"], expected.as_str());
    let sarif = akashi(dir.path(), &["lint", "--root", "site", "--format", "sarif"]);
    let doc: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let untagged = doc["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "claim/untagged")
        .unwrap();
    let artifact = &untagged["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], expected.as_str());
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
}

#[test]
fn lint_from_a_subfolder_of_the_site_finds_the_site() {
    let (_dir, root) = sample_site();
    let folder = root.join("content/treatments");
    let clean = akashi(&folder, &["lint"]);
    assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);
    let (line, column) = remove_tag(&root);
    let run = akashi(&folder, &["lint"]);
    assert_eq!(run.code, 1);
    // Named from where akashi runs, as git does.
    assert!(
        run.stdout
            .contains(&format!("--> rtms.ja.md:{line}:{column}")),
        "{}",
        run.stdout
    );
    // Outside any site: a message that says what to do.
    let nowhere = tempfile::tempdir().unwrap();
    let run = akashi(nowhere.path(), &["lint"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no site.yaml") && run.stderr.contains("akashi init"),
        "{}",
        run.stderr
    );
}

/// The SARIF Multitool's validator (npm, installed by tests/setup.sh), which checks what the
/// JSON schema cannot: URIs, regions, rule metadata. Its findings at error and warning level.
fn multitool_findings(sarif: &std::path::Path) -> Option<Vec<String>> {
    let located = std::process::Command::new("node")
        .args(["-p", "require('@microsoft/sarif-multitool')"])
        .current_dir(repo())
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let tool = String::from_utf8(located.stdout)
        .unwrap()
        .trim()
        .to_string();
    let out = sarif.with_extension("validation.sarif");
    let run = std::process::Command::new(&tool)
        .arg("validate")
        .arg(sarif)
        .arg("--output")
        .arg(&out)
        .args(["--level", "Error;Warning", "--log", "ForceOverwrite"])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    Some(
        doc["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| format!("{} {} {}", r["level"], r["ruleId"], r["message"]))
            .collect(),
    )
}

#[test]
fn sarif_for_a_file_named_in_japanese_with_a_space_passes_the_multitool() {
    let (_dir, root) = sample_site();
    // An untagged claim in a file whose name needs percent-encoding, with no English version
    // (a finding about the whole file), and a file akashi does not read.
    std::fs::write(
        root.join("content/treatments/治療 メモ.ja.md"),
        "---\ntitle: 治療メモ\nsummary: メモです。\ndate: 2026-11-01\ndraft: true\n---\n\nTMS治療は、うつ病の症状を大きく改善します。\n",
    )
    .unwrap();
    std::fs::write(root.join("content/treatments/メモ 1.txt"), "x").unwrap();
    let out = root.join("akashi.sarif");
    let run = akashi(
        &root,
        &["lint", "--format", "sarif", "--output-file", "akashi.sarif"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "the report goes to the file only");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let run0 = &doc["runs"][0];
    let results = run0["results"].as_array().unwrap();
    let uris: Vec<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    let encoded = "content/treatments/%E6%B2%BB%E7%99%82%20%E3%83%A1%E3%83%A2.ja.md";
    assert!(uris.contains(&encoded), "{uris:?}");
    assert!(
        run0["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            .as_str()
            .is_some_and(|u| u.starts_with("file:///") && u.ends_with('/'))
    );
    // Every result has a region with lines; one about a whole file covers all its lines.
    for result in results {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().is_some(), "{result}");
    }
    let missing = results
        .iter()
        .find(|r| r["ruleId"] == "i18n/missing-translation")
        .expect("a finding about the whole file");
    let region = &missing["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["endLine"].as_u64()),
        (Some(1), Some(8))
    );
    assert!(results.iter().any(|r| r["ruleId"] == "content/stray-file"));
    let driver = &run0["tool"]["driver"];
    assert_eq!(
        driver["informationUri"],
        "https://github.com/akashi-ssg/akashi"
    );
    for rule in driver["rules"].as_array().unwrap() {
        assert_ne!(
            rule["shortDescription"], rule["fullDescription"],
            "{}",
            rule["id"]
        );
        let id = rule["id"].as_str().unwrap();
        assert!(
            rule["helpUri"]
                .as_str()
                .is_some_and(|u| u.ends_with(&format!("/src/lint/rules/docs/{id}.md"))),
            "{rule}"
        );
        // The page the address names is in the repository.
        assert!(
            repo()
                .join(format!("src/lint/rules/docs/{id}.md"))
                .is_file(),
            "{id}"
        );
    }
    assert_eq!(run0["invocations"][0]["executionSuccessful"], true);
    match multitool_findings(&out) {
        Some(findings) => assert!(findings.is_empty(), "{findings:#?}"),
        None if std::env::var_os("CI").is_some() => {
            panic!("the SARIF Multitool is not installed: run tests/setup.sh")
        }
        None => eprintln!("skipped the SARIF Multitool: run tests/setup.sh to install it"),
    }
}

#[test]
fn a_configuration_error_is_reported_in_every_format() {
    let (_dir, root) = sample_site();
    let config = root.join("site.yaml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("colour_scheme: blue\n");
    std::fs::write(&config, &text).unwrap();
    let line = text.lines().count();

    let json = akashi(&root, &["lint", "--format", "json"]);
    assert_eq!(json.code, 2);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(doc["diagnostics"][0]["rule"], "config/unknown-key");
    assert_eq!(doc["diagnostics"][0]["file"], "site.yaml");
    assert_eq!(doc["diagnostics"][0]["line"], line);
    assert!(
        doc["error"]
            .as_str()
            .is_some_and(|e| e.contains("configuration"))
    );
    // Also said on standard error, for the CI log.
    assert!(json.stderr.contains("colour_scheme"), "{}", json.stderr);

    let github = akashi(&root, &["lint", "--format", "github"]);
    assert_eq!(github.code, 2);
    assert!(
        github
            .stdout
            .contains(&format!("::error file=site.yaml,line={line},")),
        "{}",
        github.stdout
    );

    let sarif = akashi(
        &root,
        &["lint", "--format", "sarif", "--output-file", "out.sarif"],
    );
    assert_eq!(sarif.code, 2);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("out.sarif")).unwrap()).unwrap();
    let run0 = &doc["runs"][0];
    assert_eq!(run0["invocations"][0]["executionSuccessful"], false);
    assert_eq!(run0["results"][0]["ruleId"], "config/unknown-key");

    // A run that fails before the site is read (no site at all) still writes its report.
    let nowhere = tempfile::tempdir().unwrap();
    let run = akashi(
        nowhere.path(),
        &["lint", "--format", "sarif", "--output-file", "out.sarif"],
    );
    assert_eq!(run.code, 2);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(nowhere.path().join("out.sarif")).unwrap())
            .unwrap();
    assert!(
        doc["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("no site.yaml"))
    );
}

#[test]
fn quiet_and_colour_do_what_they_say() {
    let (_dir, root) = sample_site();
    remove_tag(&root);
    // A warning beside the error: an article in Japanese only.
    std::fs::remove_file(root.join("content/treatments/rtms.en.md")).unwrap();
    let full = akashi(&root, &["lint"]);
    assert!(full.stdout.contains("warning[") && full.stdout.contains("error["));
    assert!(full.stdout.contains(" errors, ") || full.stdout.contains(" error, "));
    let quiet = akashi(&root, &["lint", "--quiet"]);
    assert_eq!(quiet.code, 1);
    assert!(
        quiet.stdout.contains("error[claim/untagged]"),
        "{}",
        quiet.stdout
    );
    assert!(!quiet.stdout.contains("warning["), "{}", quiet.stdout);
    assert!(
        !quiet.stdout.contains("warnings"),
        "no summary: {}",
        quiet.stdout
    );

    let esc = "\u{1b}[";
    let plain = akashi_env(&root, &["lint"], &[]);
    assert!(!plain.stdout.contains(esc), "not a terminal: no colour");
    let always = akashi_env(&root, &["lint", "--color", "always"], &[("NO_COLOR", "1")]);
    assert!(
        always.stdout.contains(esc),
        "--color always wins over NO_COLOR"
    );
    let forced = akashi_env(&root, &["lint"], &[("CLICOLOR_FORCE", "1")]);
    assert!(forced.stdout.contains(esc), "CLICOLOR_FORCE colours a pipe");
    let both = akashi_env(
        &root,
        &["lint"],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(
        !both.stdout.contains(esc),
        "NO_COLOR wins over CLICOLOR_FORCE"
    );
    let never = akashi_env(
        &root,
        &["lint", "--color", "never"],
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(!never.stdout.contains(esc));
    // A report written to a file is never coloured.
    let to_file = akashi_env(
        &root,
        &["lint", "--color", "always", "--output-file", "report.txt"],
        &[],
    );
    assert_eq!(to_file.code, 1);
    let report = std::fs::read_to_string(root.join("report.txt")).unwrap();
    assert!(report.contains("error[claim/untagged]") && !report.contains(esc));
}

#[test]
fn completions_and_the_rule_list_for_tools() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = akashi(&repo(), &["completions", shell]);
        assert_eq!(run.code, 0, "{shell}");
        assert!(
            run.stdout.contains("lint") && run.stdout.contains("output-file"),
            "{shell}"
        );
    }
    let rules = akashi(&repo(), &["rules", "--format", "json"]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&rules.stdout).unwrap();
    let ids: Vec<&str> = list.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = akashi::lint::Rule::ids().collect();
    assert_eq!(ids, expected);
    for rule in &list {
        for key in ["severity", "summary", "description", "url"] {
            assert!(rule[key].as_str().is_some_and(|v| !v.is_empty()), "{rule}");
        }
    }
    let human = akashi(&repo(), &["rules"]);
    assert!(human.stdout.contains("claim/untagged") && human.stdout.contains("error"));

    let one = akashi(&repo(), &["explain", "ad/absolute", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(doc["id"], "ad/absolute");
    assert!(
        doc["documentation"]
            .as_str()
            .unwrap()
            .contains("医療広告ガイドライン")
    );
    let all = akashi(&repo(), &["explain", "--all", "--format", "json"]);
    let docs: Vec<serde_json::Value> = serde_json::from_str(&all.stdout).unwrap();
    assert_eq!(docs.len(), expected.len());
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
    // Named from the folder akashi runs in, like every file.
    let file = "../draft.ja.md".to_string();
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
