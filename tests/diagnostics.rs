//! Bad input gets a clear message naming file, line and column, with a suggestion where one
//! helps; nothing is built.

mod common;

use common::{akashi, findings, fixture};

/// Builds an invalid fixture, checks it is refused, and returns the human report.
fn refused(case: &str) -> String {
    let site = fixture(&format!("invalid/{case}"));
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 1, "{case}: {}", run.stderr);
    assert!(
        !site.path("public").exists(),
        "{case}: something was written"
    );
    run.stderr
}

fn finding<'a>(all: &'a [serde_json::Value], rule: &str) -> &'a serde_json::Value {
    all.iter()
        .find(|d| d["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {all:#?}"))
}

fn at(d: &serde_json::Value) -> (String, u64, u64) {
    (
        d["file"].as_str().unwrap().to_string(),
        d["line"].as_u64().unwrap(),
        d["column"].as_u64().unwrap(),
    )
}

#[test]
fn unknown_front_matter_key_suggests_the_right_one() {
    insta::assert_snapshot!(refused("unknown-key"));
    let site = fixture("invalid/unknown-key");
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1);
    let d = finding(&all, "frontmatter/unknown-key");
    assert_eq!(at(d), ("content/a.ja.md".into(), 2, 1));
    assert_eq!(d["end_column"], 6);
    assert_eq!(d["help"], "did you mean `title`?");
    assert_eq!(d["lang"], "ja");
}

#[test]
fn invalid_date_points_at_the_value() {
    insta::assert_snapshot!(refused("bad-date"));
    let (_, all) = findings(&fixture("invalid/bad-date").root);
    let d = finding(&all, "frontmatter/invalid");
    assert_eq!(at(d), ("content/a.ja.md".into(), 4, 7));
    assert_eq!(d["end_column"], 17);
}

#[test]
fn unclosed_front_matter_points_at_the_opening_line() {
    insta::assert_snapshot!(refused("unclosed"));
    let (_, all) = findings(&fixture("invalid/unclosed").root);
    assert_eq!(
        at(finding(&all, "frontmatter/invalid")),
        ("content/a.ja.md".into(), 1, 1)
    );
}

#[test]
fn yaml_syntax_error_is_reported_at_its_line_in_the_file() {
    insta::assert_snapshot!(refused("yaml-syntax"));
    let (_, all) = findings(&fixture("invalid/yaml-syntax").root);
    let d = finding(&all, "frontmatter/invalid");
    let (file, line, _) = at(d);
    assert_eq!(file, "content/a.ja.md");
    // The flow list opened on line 5 is never closed; the parser notices at its end.
    assert!((5..=6).contains(&line), "{d}");
    // Positions inside the message are absolute too: the list starts on line 5 of the file.
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .ends_with("flow sequence that starts at line 5, column 7"),
        "{d}"
    );
}

#[test]
fn wrong_types_name_the_key_and_what_was_found() {
    insta::assert_snapshot!(refused("wrong-type"));
    let (_, all) = findings(&fixture("invalid/wrong-type").root);
    let messages: Vec<&str> = all.iter().map(|d| d["message"].as_str().unwrap()).collect();
    assert!(
        messages.contains(&"`draft` must be true or false, found text"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"`authors` must be a list of text, found a mapping"),
        "{messages:?}"
    );
}

#[test]
fn missing_required_key_is_reported() {
    insta::assert_snapshot!(refused("missing-required"));
}

#[test]
fn unknown_disclosure_item_suggests_from_the_disclosure_keys() {
    let stderr = refused("unknown-disclosure");
    assert!(
        stderr.contains("unknown key `price` in `self_pay`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("expected one of: `treatment`, `cost`, `period`, `risks`, `contact`"),
        "{stderr}"
    );
}

#[test]
fn markdown_file_without_language_is_an_error_with_a_hint() {
    let stderr = refused("no-language");
    assert!(
        stderr.contains("error[content/no-language]: Markdown file has no language in its name"),
        "{stderr}"
    );
    assert!(
        stderr.contains("name it notes.ja.md or notes.en.md"),
        "{stderr}"
    );
}

#[test]
fn markdown_file_in_an_undefined_language_is_an_error() {
    let stderr = refused("unknown-language");
    assert!(
        stderr.contains(
            "error[content/unknown-language]: language `fr` is not one of the site's languages"
        ),
        "{stderr}"
    );
}

#[test]
fn bad_references_are_reported_with_line_and_column() {
    let site = fixture("bad-references");
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
    let (_, all) = findings(&site.root);
    let by = |needle: &str| {
        all.iter()
            .find(|d| d["message"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no finding with {needle}: {all:#?}"))
    };
    assert_eq!(
        at(by("is not a DOI")),
        ("content/references.yaml".into(), 9, 8)
    );
    assert_eq!(
        at(by("is not a PubMed ID")),
        ("content/references.yaml".into(), 10, 9)
    );
    assert_eq!(
        at(by("unknown key `jounral`")),
        ("content/references.yaml".into(), 5, 3)
    );
    assert_eq!(
        by("unknown key `jounral`")["help"],
        "did you mean `journal`?"
    );
    assert_eq!(
        at(by("`network-metaanalysis` is not a known `design`")),
        ("content/references.yaml".into(), 11, 11)
    );
    assert_eq!(
        at(by("has no `title`")),
        ("content/references.yaml".into(), 12, 1)
    );
    assert_eq!(
        at(by("has no `design`")),
        ("content/references.yaml".into(), 12, 1)
    );
    let unknown = by("`@mutz2091` is not in content/references.yaml");
    assert_eq!(at(unknown), ("content/a.ja.md".into(), 11, 13));
    assert_eq!(unknown["help"], "did you mean `@mutz2019`?");
}

#[test]
fn site_yaml_typo_stops_the_run_with_exit_code_2() {
    let site = fixture("invalid/site-unknown-key");
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn columns_count_characters_under_japanese_text() {
    // `@mutz2091` follows 8 Japanese characters (24 bytes) and `[B: `: column 13, not 29.
    let (_, all) = findings(&fixture("bad-references").root);
    let d = finding(&all, "cite/unknown-key");
    assert_eq!(
        (d["column"].as_u64(), d["end_column"].as_u64()),
        (Some(13), Some(22))
    );
}
