//! What an article's author writes never runs in a reader's browser: HTML written in Markdown
//! is sanitised unless site.yaml allows it, and front matter values are escaped.

mod common;

use common::{akashi, fixture};

/// The built English page of the hostile fixture article, with `extra` appended to site.yaml.
fn built_page(extra: &str) -> String {
    let site = fixture("hostile-html");
    if !extra.is_empty() {
        let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
        site.write("site.yaml", &format!("{yaml}{extra}"));
    }
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::read_to_string(site.path("public/en/clinic/visiting/index.html")).unwrap()
}

/// The article body: what the author wrote, as published.
fn body(page: &str) -> &str {
    let start = page
        .find("<div class=\"article-body\">")
        .expect("the article body");
    let end = start
        + page[start..]
            .find("</div>\n  ")
            .expect("the end of the body");
    &page[start..end]
}

#[test]
fn scripts_event_handlers_frames_and_javascript_urls_are_removed_from_articles() {
    let page = built_page("");
    let body = body(&page);
    for removed in [
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "<style",
        "position: fixed",
    ] {
        assert!(
            !body.contains(removed),
            "`{removed}` was published:\n{body}"
        );
    }
    // What editors use HTML for, and akashi's own markup, are kept.
    for kept in [
        "<details><summary>Parking</summary>",
        "Ask at the desk for a leaflet.",
        ">Opening times</a>",
        "style=\"text-align: right\"",
    ] {
        assert!(body.contains(kept), "`{kept}` was lost:\n{body}");
    }
    insta::assert_snapshot!("sanitised_article_body", body);
}

#[test]
fn front_matter_values_are_escaped_wherever_they_appear() {
    let page = built_page("");
    assert!(!page.contains("<script>window.__pwned"), "{page}");
    assert!(page.contains("&lt;script&gt;window.__pwned"));
    // In the structured data too: JSON escapes, so nothing can end the script element early.
    assert!(
        page.contains(r#""name":"\u003cscript\u003ewindow.__pwned"#),
        "{page}"
    );
}

#[test]
fn a_site_that_allows_raw_html_publishes_it_as_written() {
    let page = built_page("raw_html: allow\n");
    assert!(body(&page).contains("<script>window.__pwned = \"script\";</script>"));
}

#[test]
fn an_unknown_raw_html_setting_is_a_configuration_error() {
    let site = fixture("hostile-html");
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{yaml}raw_html: yes please\n"));
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("`raw_html` is `sanitize` or `allow`"),
        "{}",
        run.stderr
    );
}

#[test]
fn values_passed_to_ui_strings_are_escaped() {
    // The site's title reaches pages through Fluent (`feed-title`, with the title as an
    // argument) as well as directly.
    let site = fixture("hostile-html");
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &yaml.replace(
            "title: Test Clinic",
            "title: '\"><script>window.__pwned = 1</script>Test Clinic'",
        ),
    );
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(site.path("public/en/clinic/visiting/index.html")).unwrap();
    assert!(!page.contains("<script>window.__pwned = 1"), "{page}");
    let feed_link = page
        .lines()
        .find(|l| l.contains("application/atom+xml"))
        .expect("the feed link");
    assert!(
        feed_link.contains("&quot;&gt;&lt;script&gt;"),
        "{feed_link}"
    );
}

#[test]
fn a_script_after_a_comment_that_browsers_close_early_is_removed() {
    // Found by fuzzing the article pipeline: HTML that is only a comment was published as it
    // is, but browsers end a comment at `--!>`, so what follows it would run.
    let site = fixture("bilingual");
    let path = site.path("content/about.en.md");
    let text = std::fs::read_to_string(&path).unwrap();
    site.write(
        "content/about.en.md",
        &format!("{text}\n<!-- --!><script>window.__pwned = 'comment'</script> -->\n"),
    );
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(site.path("public/en/about/index.html")).unwrap();
    assert!(!body(&page).contains("<script"), "{}", body(&page));
}
