//! `akashi new SECTION/SLUG`: a draft in every language, dated, never overwriting.

mod common;

use common::{akashi, fixture};

#[test]
fn creates_a_dated_draft_in_each_language_that_lints_clean() {
    let site = fixture("bilingual");
    let run = akashi(
        &site.root,
        &["new", "treatments/ketamine", "--today", "2026-11-22"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("created"), "{}", run.stdout);
    for lang in ["ja", "en"] {
        let text =
            std::fs::read_to_string(site.path(&format!("content/treatments/ketamine.{lang}.md")))
                .unwrap();
        assert!(text.contains("date: 2026-11-22"), "{text}");
        assert!(text.contains("last_reviewed: 2026-11-22"), "{text}");
        assert!(text.contains("next_review: 2027-11-22"), "{text}");
        assert!(text.contains("draft: true"), "{text}");
    }
    let lint = akashi(&site.root, &["lint"]);
    assert_eq!(lint.code, 0, "{}", lint.stdout);
    // Drafts are checked but not published.
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    assert!(!site.path("public/ja/treatments/ketamine").exists());
}

#[test]
fn refuses_to_overwrite_and_writes_nothing() {
    let site = fixture("bilingual");
    let before = std::fs::read_to_string(site.path("content/treatments/tms.en.md")).unwrap();
    std::fs::remove_file(site.path("content/treatments/tms.ja.md")).unwrap();
    let run = akashi(&site.root, &["new", "treatments/tms"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(site.path("content/treatments/tms.en.md")).unwrap(),
        before
    );
    assert!(
        !site.path("content/treatments/tms.ja.md").exists(),
        "a partial pair was written"
    );
}

#[test]
fn rejects_paths_that_escape_or_cannot_be_file_names() {
    let site = fixture("bilingual");
    for bad in [
        "../outside",
        "treatments/../../x",
        "treatments/a:b",
        "treatments/x.ja",
        "clinic/con",
        "treatments/price#2",
        "",
    ] {
        let run = akashi(&site.root, &["new", bad]);
        assert_eq!(run.code, 2, "{bad}: {}", run.stdout);
    }
    assert!(!site.root.parent().unwrap().join("outside.ja.md").exists());
}
