//! `akashi lint --fix` and `--diff`: only the safe fixes, and nothing else in the file.

mod common;

use common::{akashi, fixture};

#[test]
fn diff_shows_and_fix_applies_only_the_safe_fixes() {
    let site = fixture("rules/claim-fullwidth-tag/fires");
    let path = site.path("content/a.ja.md");
    let before = std::fs::read_to_string(&path).unwrap();
    let lowercase = before
        .replace("TMS治療は", "<!-- note -->\nTMS治療は")
        .replace("［Ｂ：", "［ｂ：");
    std::fs::write(&path, &lowercase).unwrap();

    let diff = akashi(&site.root, &["lint", "--diff"]);
    assert_eq!(diff.code, 0);
    insta::assert_snapshot!("fix_diff", diff.stdout);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        lowercase,
        "--diff wrote to the file"
    );

    let fix = akashi(&site.root, &["lint", "--fix", "--format", "json"]);
    assert!(
        fix.stderr.contains("fixed content/a.ja.md:"),
        "{}",
        fix.stderr
    );
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("示されています[B: @oreardon2007; @mutz2019]。"),
        "{after}"
    );
    // Everything else is as it was, byte for byte.
    assert_eq!(
        after.replace(
            "[B: @oreardon2007; @mutz2019]",
            "［ｂ：＠oreardon2007；＠mutz2019］"
        ),
        lowercase
    );
    let doc: serde_json::Value = serde_json::from_str(&fix.stdout).unwrap();
    assert_eq!(
        doc["diagnostics"].as_array().unwrap().len(),
        0,
        "{}",
        fix.stdout
    );
}

#[test]
fn fix_keeps_a_byte_order_mark_and_crlf_line_endings() {
    let site = fixture("crlf-bom");
    let path = site.path("content/a.ja.md");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("[B: @mutz2019]", "［Ｂ：＠mutz2019］");
    std::fs::write(&path, &text).unwrap();
    let run = akashi(&site.root, &["lint", "--fix"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let after = std::fs::read(&path).unwrap();
    assert!(after.starts_with("\u{feff}".as_bytes()));
    let after = String::from_utf8(after).unwrap();
    assert!(
        after.contains("軽くします[B: @mutz2019]。\r\n"),
        "{after:?}"
    );
    assert_eq!(after.matches("\r\n").count(), text.matches("\r\n").count());
}

#[test]
fn fix_keeps_who_may_read_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let site = fixture("rules/claim-fullwidth-tag/fires");
    let path = site.path("content/a.ja.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let run = akashi(&site.root, &["lint", "--fix"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert_ne!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "nothing was fixed"
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o664);
}

#[test]
fn a_file_saved_again_while_it_was_checked_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let root = camino::Utf8Path::from_path(dir.path()).unwrap();
    std::fs::write(root.join("a.ja.md"), "first\n").unwrap();
    std::fs::write(root.join("b.ja.md"), "the editor's new text\n").unwrap();
    let fix = |name: &str, original: &str| akashi::fix::FileFix {
        path: name.into(),
        original: original.into(),
        fixed: "fixed\n".into(),
        applied: vec![format!("{name}:1:1 claim/fullwidth-tag")],
    };
    // b.ja.md was checked as "old text", and saved by the editor since.
    let result = akashi::fix::apply(
        root,
        &[fix("a.ja.md", "first\n"), fix("b.ja.md", "old text\n")],
    );
    let message = result.expect_err("an error").to_string();
    assert!(
        message.contains("b.ja.md") && message.contains("changed"),
        "{message}"
    );
    // Neither file was written.
    assert_eq!(
        std::fs::read_to_string(root.join("a.ja.md")).unwrap(),
        "first\n"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("b.ja.md")).unwrap(),
        "the editor's new text\n"
    );
}

#[test]
fn fix_moves_a_tag_out_of_a_link_and_deletes_invisible_characters_inside_words() {
    let site = fixture("ways-around/tag-in-link/fires");
    let fix = akashi(&site.root, &["lint", "--fix"]);
    assert_eq!(fix.code, 0, "{}{}", fix.stdout, fix.stderr);
    let fixed = std::fs::read_to_string(site.path("content/a.en.md")).unwrap();
    let twin = std::fs::read_to_string(
        common::repo().join("tests/fixtures/ways-around/tag-in-link/silent/content/a.en.md"),
    )
    .unwrap();
    assert_eq!(fixed, twin);

    let site = fixture("ways-around/invisible-character/fires");
    let before = std::fs::read_to_string(site.path("content/a.en.md")).unwrap();
    akashi(&site.root, &["lint", "--fix"]);
    let after = std::fs::read_to_string(site.path("content/a.en.md")).unwrap();
    assert_eq!(after, before.replace('\u{AD}', ""));
    assert!(after.contains("TMS eases depression."));
}
