//! `akashi build` end to end: what a reader gets, and what happens to the output folder when a
//! build fails.

mod common;

use common::{akashi, build_sample, fixture, read_tree, repo};
use std::path::Path;

fn page(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn sample_site_builds_in_both_languages() {
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().join("public");
    let run = akashi(&repo(), &["build", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for rel in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "ja/index.html",
        "en/index.html",
        "ja/atom.xml",
        "en/atom.xml",
        "ja/evidence/index.html",
        "ja/treatments/rtms/index.html",
        "en/treatments/rtms/index.html",
        "ja/treatments/exosome/index.html",
        "en/treatments/nmn/index.html",
        "ja/conditions/depression/index.html",
        "en/clinic/first-visit/index.html",
        "style.css",
    ] {
        assert!(out_dir.join(rel).is_file(), "missing {rel}");
    }
}

#[test]
fn article_pages_render_badges_references_and_metadata() {
    let site = fixture("bilingual");
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = site.path("public");
    insta::assert_snapshot!(
        "bilingual_article_ja",
        page(&out, "ja/treatments/tms/index.html")
    );
    insta::assert_snapshot!(
        "bilingual_article_en",
        page(&out, "en/treatments/tms/index.html")
    );
    insta::assert_snapshot!("bilingual_index_en", page(&out, "en/index.html"));
    insta::assert_snapshot!("bilingual_landing", page(&out, "index.html"));
    insta::assert_snapshot!("bilingual_sitemap", page(&out, "sitemap.xml"));
    insta::assert_snapshot!("bilingual_feed_ja", page(&out, "ja/atom.xml"));
}

#[test]
fn soft_line_break_between_japanese_characters_is_not_a_space() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    let ja = page(&site.path("public"), "ja/treatments/tms/index.html");
    assert!(ja.contains("うつ病の症状を軽くします"), "{ja}");
    let en = page(&site.path("public"), "en/treatments/tms/index.html");
    assert!(en.contains("improve enough\nwith antidepressants"), "{en}");
}

#[test]
fn links_to_markdown_sources_become_page_urls() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    let ja = page(&site.path("public"), "ja/treatments/tms/index.html");
    assert!(
        ja.contains(r#"<a href="/en/treatments/tms/">別の記事</a>"#),
        "{ja}"
    );
}

#[test]
fn code_spans_are_not_read_as_tags() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    let ja = page(&site.path("public"), "ja/treatments/tms/index.html");
    assert!(ja.contains("<code>[B: @not-a-tag]</code>"), "{ja}");
}

/// Every `href` in the built HTML that points into the site resolves to a file that exists.
fn assert_internal_links_resolve(out: &Path, base_url: &str) {
    let files = read_tree(out);
    let mut checked = 0;
    for (rel, bytes) in &files {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for (i, _) in html.match_indices("href=\"") {
            let rest = &html[i + 6..];
            let href = &rest[..rest.find('"').unwrap()];
            let path = match href.strip_prefix(base_url) {
                Some(p) => p,
                None if href.starts_with('/') => href,
                None => continue,
            };
            let path = match path.split('#').next().unwrap() {
                "" => "/",
                p => p,
            };
            let decoded = percent_decode(path);
            let target = if decoded.ends_with('/') {
                format!("{decoded}index.html")
            } else {
                decoded
            };
            assert!(
                files.contains_key(target.trim_start_matches('/')),
                "{rel}: link {href} leads nowhere"
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn hreflang_alternates_and_language_switcher_lead_to_existing_pages() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    let out = site.path("public");
    assert_internal_links_resolve(&out, "https://fixture.example");
    let ja = page(&out, "ja/treatments/tms/index.html");
    for expected in [
        r#"<link rel="alternate" hreflang="ja" href="https://fixture.example/ja/treatments/tms/">"#,
        r#"<link rel="alternate" hreflang="en" href="https://fixture.example/en/treatments/tms/">"#,
        r#"<link rel="alternate" hreflang="x-default" href="https://fixture.example/ja/treatments/tms/">"#,
        r#"<link rel="canonical" href="https://fixture.example/ja/treatments/tms/">"#,
        r#"<a href="/en/treatments/tms/" hreflang="en" lang="en">"#,
        r#"<html lang="ja">"#,
    ] {
        assert!(ja.contains(expected), "missing {expected}");
    }
}

#[test]
fn statements_about_unapproved_treatments_say_so_beside_their_badges() {
    let (_out, site) = build_sample();
    let badges = |html: &str| html.matches("class=\"evidence-badge").count();
    // Every statement with a level on the exosome pages is about exosomes: the first names
    // them, the next (「安全性も、わかっていません」) follows in the same paragraph.
    for (rel, note) in [
        ("ja/treatments/exosome/index.html", "国内未承認"),
        ("en/treatments/exosome/index.html", "Not approved in Japan"),
    ] {
        let html = page(&site, rel);
        let noted = format!("</button> <span class=\"treatment-status\">{note}</span>");
        assert!(badges(&html) > 0, "{rel}");
        assert_eq!(html.matches(&noted).count(), badges(&html), "{rel}: {html}");
    }
    // TMS is approved: its statements carry a badge and nothing beside it.
    let rtms = page(&site, "en/treatments/rtms/index.html");
    assert!(badges(&rtms) > 0 && !rtms.contains("treatment-status"));
}

#[test]
fn a_heading_never_takes_an_id_akashi_gives_to_a_reference_or_a_badge() {
    let site = fixture("bilingual");
    // Headings whose anchors would be the first reference's, a citation mark's and a badge's
    // explanation's ids, and a link to the reference.
    site.write(
        "content/notes.en.md",
        "---\ntitle: Notes\nsummary: Headings named like references.\ndate: 2026-06-01\nauthors: [Hanako Yamada]\nreviewed_by: Kenichi Sato, MD\nlast_reviewed: 2026-11-01\nnext_review: 2027-11-01\n---\n\n## Ref 1\n\nTMS eases the symptoms of depression [B: @mutz2019]. See [the source](#ref-1).\n\n## Cite 1 1\n\nText.\n\n## Evidence note 1 {#evidence-note-1}\n\nMore text.\n",
    );
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = page(&site.path("public"), "en/notes/index.html");
    for id in ["ref-1", "cite-1-1", "evidence-note-1"] {
        assert_eq!(
            html.matches(&format!("id=\"{id}\"")).count(),
            1,
            "{id} in {html}"
        );
    }
    assert!(html.contains(r#"<h2 id="ref-1-2">"#), "{html}");
    assert!(
        html.contains(r##"<a href="#ref-1">the source</a>"##),
        "{html}"
    );
}

#[test]
fn the_sample_site_has_no_broken_internal_links() {
    let (_out, site) = build_sample();
    assert_internal_links_resolve(&site, "https://akashi-clinic.example");
}

#[test]
fn missing_translation_is_a_warning_and_the_switcher_leads_home() {
    let site = fixture("missing-translation");
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning[i18n/missing-translation]: no `en` translation of this page"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/only-ja.ja.md"),
        "{}",
        run.stderr
    );
    let out = site.path("public");
    let ja = page(&out, "ja/only-ja/index.html");
    assert!(
        ja.contains(r#"<a href="/en/" hreflang="en" lang="en">"#),
        "{ja}"
    );
    assert!(!ja.contains(r#"hreflang="en" href="https://fixture.example/en/only-ja/""#));
    assert!(!out.join("en/only-ja").exists());
    assert_internal_links_resolve(&out, "https://fixture.example");
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let out = tempfile::tempdir().unwrap();
    let (a, b) = (out.path().join("a"), out.path().join("b"));
    assert_eq!(
        akashi(&repo(), &["build", "--out", a.to_str().unwrap()]).code,
        0
    );
    assert_eq!(
        akashi(&repo(), &["build", "--out", b.to_str().unwrap()]).code,
        0
    );
    let (ta, tb) = (read_tree(&a), read_tree(&b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (path, bytes) in &ta {
        assert!(bytes == &tb[path], "{path} differs between builds");
    }
}

fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("akashi-new"))
        .collect()
}

#[test]
fn a_build_blocked_by_findings_leaves_the_previous_output_intact() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    let before = read_tree(&site.path("public"));
    site.write(
        "content/about.en.md",
        "---\ntitel: About\nsummary: x\ndate: 2026-01-01\n---\nBody.\n",
    );
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("not built"), "{}", run.stderr);
    assert!(
        before == read_tree(&site.path("public")),
        "the output changed"
    );
    assert!(leftovers(&site.root).is_empty());
}

#[test]
fn a_build_that_fails_while_rendering_leaves_the_previous_output_intact() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    let before = read_tree(&site.path("public"));
    site.write(
        "content/about.en.md",
        "---\ntitle: Changed\nsummary: x\ndate: 2026-01-01\nauthors: [A]\nreviewed_by: B\nlast_reviewed: 2026-11-01\nnext_review: 2027-11-01\n---\nBody.\n",
    );
    let article = std::fs::read_to_string(site.path("templates/article.html")).unwrap();
    site.write(
        "templates/article.html",
        &article.replace(
            "{{ article.title }}</h1>",
            "{{ article.no_such_field }}</h1>",
        ),
    );
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("templates/article.html"),
        "{}",
        run.stderr
    );
    assert!(
        before == read_tree(&site.path("public")),
        "the output changed"
    );
    assert!(leftovers(&site.root).is_empty());
}

#[test]
fn a_successful_build_replaces_the_output_whole() {
    let site = fixture("bilingual");
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    std::fs::remove_file(site.path("content/about.ja.md")).unwrap();
    std::fs::remove_file(site.path("content/about.en.md")).unwrap();
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    assert!(
        !site.path("public/ja/about").exists(),
        "a removed page stayed in the output"
    );
    assert!(site.path("public/.akashi-output").is_file());
    assert!(leftovers(&site.root).is_empty());
}

#[test]
fn a_build_clears_what_a_stopped_build_left_and_keeps_one_still_running() {
    let site = fixture("bilingual");
    // A build stopped by Ctrl-C or a killed job leaves its half-written folder, named after
    // its process; that process has ended.
    let mut ended = std::process::Command::new("true").spawn().unwrap();
    ended.wait().unwrap();
    let stopped = site.path(&format!(".public.akashi-new-{}-abc123", ended.id()));
    std::fs::create_dir_all(stopped.join("ja/treatments")).unwrap();
    std::fs::write(stopped.join("ja/treatments/index.html"), "half").unwrap();
    // One whose process still runs (this test) is another build's, in use.
    let running = site.path(&format!(".public.akashi-new-{}-def456", std::process::id()));
    std::fs::create_dir_all(&running).unwrap();
    assert_eq!(akashi(&site.root, &["build"]).code, 0);
    assert!(!stopped.exists(), "{:?}", leftovers(&site.root));
    assert!(running.exists());
    assert_eq!(leftovers(&site.root).len(), 1);
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_create() {
    let site = fixture("bilingual");
    site.write("public/notes.txt", "my notes");
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("akashi did not create it"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(site.path("public/notes.txt")).unwrap(),
        "my notes"
    );
}

#[test]
fn refuses_output_folders_that_hold_the_sources() {
    let site = fixture("bilingual");
    let parent = site.root.parent().unwrap().to_str().unwrap().to_string();
    for out in [".", "content", "content/treatments", &parent] {
        let run = akashi(&site.root, &["build", "--out", out]);
        assert_eq!(run.code, 2, "--out {out}: {}", run.stderr);
        assert!(run.stderr.contains("refusing to use"), "{}", run.stderr);
    }
    assert!(site.path("content/treatments/tms.ja.md").is_file());
}

#[test]
fn refuses_the_root_the_home_folder_and_an_output_folder_that_is_a_symbolic_link() {
    let site = fixture("bilingual");
    let run = akashi(&site.root, &["build", "--out", "/"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("refusing to use `/`"), "{}", run.stderr);

    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_akashi"))
        .args(["build", "--out", home.path().to_str().unwrap()])
        .current_dir(&site.root)
        .env("HOME", home.path())
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("your home folder"));

    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), site.path("public")).unwrap();
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("symbolic link"), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark_just_work() {
    let site = fixture("crlf-bom");
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ja = page(&site.path("public"), "ja/a/index.html");
    assert!(ja.contains("<h1>改行コード</h1>"), "{ja}");
    assert!(
        ja.contains("うつ病の症状を軽くします<span class=\"claim-tag\">"),
        "{ja}"
    );
}

#[test]
fn articles_carry_medical_web_page_structured_data_with_facts_shown_on_the_page() {
    let (_out, site) = build_sample();
    let html = page(&site, "en/treatments/exosome/index.html");
    let start = html
        .find(r#"<script type="application/ld+json">"#)
        .expect("JSON-LD")
        + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let doc: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(doc["@type"], "MedicalWebPage");
    assert_eq!(doc["inLanguage"], "en-GB");
    assert_eq!(doc["lastReviewed"], "2026-11-01");
    let reviewer = doc["reviewedBy"]["name"].as_str().unwrap();
    assert!(
        html.contains(&format!("<dd>{reviewer}</dd>")),
        "the reviewer must be visible"
    );
    let citations = doc["citation"].as_array().unwrap();
    assert_eq!(citations.len(), html.matches(r#"<li id="ref-"#).count());
    let about: Vec<&str> = doc["about"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(about.contains(&"exosome"), "{about:?}");
    assert!(
        html.contains("Conflicts of interest") && html.contains("Funding"),
        "statements shown"
    );
    assert!(
        html.contains("does not replace a consultation"),
        "disclaimer shown"
    );
}
