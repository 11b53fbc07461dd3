//! UI strings and languages: Fluent keys checked against every locale, plural rules, no
//! isolation marks, and pages that would collide.

mod common;

use common::{akashi, findings, fixture};

#[test]
fn a_ui_string_missing_in_one_locale_names_the_key_and_the_locale() {
    // A site's own template asks for a message that the site defines in Japanese only (the
    // built-in theme does not have it either).
    let site = fixture("bilingual");
    let template = std::fs::read_to_string(site.path("templates/article.html")).unwrap();
    site.write(
        "templates/article.html",
        &template.replace("key=\"toc-title\"", "key=\"toc-heading\""),
    );
    site.write("locales/ja/clinic.ftl", "toc-heading = この記事の内容\n");
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1);
    let d = all
        .iter()
        .find(|d| d["rule"] == "i18n/missing-ui-string")
        .expect("finding");
    assert_eq!(
        d["message"],
        "UI string `toc-heading` is missing in locale `en`"
    );
    assert_eq!(d["file"], "templates/article.html");
    assert_eq!(d["lang"], "en");
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 1);
    assert!(!site.path("public").exists());
}

#[test]
fn a_fluent_syntax_error_is_reported_in_its_file() {
    let site = fixture("bilingual");
    let ftl = std::fs::read_to_string(site.path("locales/ja/main.ftl")).unwrap();
    site.write("locales/ja/main.ftl", &format!("{ftl}\nbroken = {{ $x\n"));
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1);
    let d = all
        .iter()
        .find(|d| d["rule"] == "i18n/invalid-locale")
        .expect("finding");
    assert_eq!(d["file"], "locales/ja/main.ftl");
    assert!(d["line"].as_u64().unwrap() > 80, "{d}");
}

#[test]
fn plural_rules_follow_the_language() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    let tags_en = std::fs::read_to_string(site.path("public/en/tags/index.html")).unwrap();
    assert!(tags_en.contains("1 article<"), "{tags_en}");
    let en = std::fs::read_to_string(site.path("public/en/treatments/tms/index.html")).unwrap();
    assert!(en.contains("2 references"), "{en}");
    let ja = std::fs::read_to_string(site.path("public/ja/treatments/tms/index.html")).unwrap();
    assert!(ja.contains("参考文献 2 件"), "{ja}");
}

#[test]
fn no_unicode_isolation_marks_in_the_output() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    for (path, bytes) in common::read_tree(&site.path("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(['\u{2068}', '\u{2069}']),
            "{path} has isolation marks"
        );
    }
}

#[test]
fn dates_are_formatted_per_language() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    let ja = std::fs::read_to_string(site.path("public/ja/treatments/tms/index.html")).unwrap();
    assert!(
        ja.contains(r#"<time datetime="2026-11-01">2026年11月1日</time>"#),
        "{ja}"
    );
    let en = std::fs::read_to_string(site.path("public/en/treatments/tms/index.html")).unwrap();
    assert!(
        en.contains(r#"<time datetime="2026-11-01">1 November 2026</time>"#),
        "{en}"
    );
}

#[test]
fn articles_show_reading_time_in_their_language() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    let ja = std::fs::read_to_string(site.path("public/ja/treatments/tms/index.html")).unwrap();
    assert!(ja.contains("<dt>読む時間の目安</dt><dd>約1分</dd>"), "{ja}");
    let en = std::fs::read_to_string(site.path("public/en/treatments/tms/index.html")).unwrap();
    assert!(
        en.contains("<dt>Reading time</dt><dd>about 1 minute</dd>"),
        "{en}"
    );
}

#[test]
fn the_index_lists_articles_newest_first() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    let en = std::fs::read_to_string(site.path("public/en/index.html")).unwrap();
    let about = en.find("About us").unwrap();
    let tms = en.find(">TMS<").unwrap();
    assert!(about < tms, "2026-07-01 must come before 2026-06-01");
}

#[test]
fn two_files_for_one_url_are_an_error_even_when_they_differ_only_by_case() {
    let site = fixture("bilingual");
    let text = std::fs::read_to_string(site.path("content/about.ja.md")).unwrap();
    site.write("content/About.ja.md", &text);
    site.write(
        "content/About.en.md",
        &std::fs::read_to_string(site.path("content/about.en.md")).unwrap(),
    );
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1);
    let dup: Vec<_> = all
        .iter()
        .filter(|d| d["rule"] == "content/duplicate-url")
        .collect();
    assert_eq!(dup.len(), 2, "{all:#?}");
    assert!(
        dup[0]["message"].as_str().unwrap().contains("/ja/about/")
            || dup[1]["message"].as_str().unwrap().contains("/ja/about/")
    );
}

#[test]
fn a_file_that_is_not_utf8_is_reported_where_it_breaks() {
    let site = fixture("bilingual");
    let mut bytes = "---\ntitle: a\nsummary: b\ndate: 2026-01-01\n---\n\nabc"
        .as_bytes()
        .to_vec();
    bytes.extend([0x82, 0xA0]); // Shift_JIS
    std::fs::write(site.path("content/sjis.ja.md"), bytes).unwrap();
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1);
    let d = all
        .iter()
        .find(|d| d["rule"] == "content/unreadable")
        .expect("finding");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(7), Some(4))
    );
}

#[test]
fn a_stray_file_in_content_is_a_warning_not_silence() {
    let site = fixture("bilingual");
    site.write("content/photo.png", "not really a png");
    let (code, all) = findings(&site.root);
    assert_eq!(code, 0);
    let d = all
        .iter()
        .find(|d| d["rule"] == "content/stray-file")
        .expect("finding");
    assert_eq!(d["file"], "content/photo.png");
    assert_eq!(d["severity"], "warning");
}

#[test]
fn an_article_cannot_take_the_url_of_a_generated_page() {
    let site = fixture("bilingual");
    let text = std::fs::read_to_string(site.path("content/about.ja.md")).unwrap();
    site.write("content/evidence.ja.md", &text);
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1);
    let d = all
        .iter()
        .find(|d| d["rule"] == "content/duplicate-url")
        .expect("finding");
    assert_eq!(d["file"], "content/evidence.ja.md");
}

#[test]
fn fluent_placeables_nested_thousands_deep_are_reported_not_a_crash() {
    for depth in [5_000, 15_000] {
        let site = fixture("bilingual");
        let deep = format!(
            "deep = {}x{}\nfooter-evidence-note = ok\n",
            "{ ".repeat(depth),
            " }".repeat(depth)
        );
        site.write("locales/en/deep.ftl", &deep);
        let (code, all) = findings(&site.root);
        assert_eq!(code, 1, "{depth}");
        let d = all
            .iter()
            .find(|d| d["rule"] == "i18n/invalid-locale")
            .expect("finding");
        assert_eq!(d["file"], "locales/en/deep.ftl");
        assert!(
            d["message"]
                .as_str()
                .unwrap()
                .contains("nested more than 64 deep")
        );
        let run = akashi(&site.root, &["build"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        // Calls nested inside one placeable count too.
        site.write(
            "locales/en/deep.ftl",
            &format!(
                "deep = {{ {}1{} }}\n",
                "NUMBER(".repeat(depth),
                ")".repeat(depth)
            ),
        );
        let (code, all) = findings(&site.root);
        assert_eq!(code, 1);
        assert!(all.iter().any(|d| d["rule"] == "i18n/invalid-locale"));
    }
}
