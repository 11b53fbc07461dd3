//! A new site: `akashi init`, and the built-in theme that lets a site be only `site.yaml` and
//! `content/`, with the site's own theme files replacing the built-in ones file by file and
//! message by message.

mod common;

use common::{akashi, copy_tree, read_tree, repo};
use std::path::Path;

/// `site.yaml` and `content/` of the sample site, nothing else.
fn content_only(dir: &Path) {
    copy_tree(&repo().join("content"), &dir.join("content"));
    std::fs::copy(repo().join("site.yaml"), dir.join("site.yaml")).unwrap();
}

#[test]
fn init_writes_a_site_that_lints_clean_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("clinic");
    let run = akashi(dir.path(), &["init", "clinic"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("created clinic/site.yaml"),
        "{}",
        run.stdout
    );
    let files: Vec<String> = read_tree(&site).into_keys().collect();
    assert_eq!(
        files,
        [
            ".gitignore",
            "content/references.yaml",
            "content/treatments/_index.en.md",
            "content/treatments/_index.ja.md",
            "content/treatments/rtms.en.md",
            "content/treatments/rtms.ja.md",
            "site.yaml",
        ]
    );
    // Every key of site.yaml is there, explained.
    let config = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    for key in [
        "base_url:",
        "default_language:",
        "languages:",
        "evidence_levels:",
        "publisher:",
        "conflict_of_interest:",
        "funding:",
        "treatments:",
        "claim_lexicon:",
        "raw_html:",
    ] {
        assert!(config.contains(key), "{key}");
    }
    // The article pair makes a tagged claim, with today's date and a review date filled in.
    let article = std::fs::read_to_string(site.join("content/treatments/rtms.ja.md")).unwrap();
    assert!(article.contains("[B: @oreardon2007; @mutz2019]"));
    assert!(
        article.contains("last_reviewed: 2026-11-22")
            && article.contains("next_review: 2027-11-22")
    );

    let lint = akashi(&site, &["lint"]);
    assert_eq!(lint.code, 0, "{}", lint.stdout);
    assert!(
        lint.stdout.contains("0 errors, 0 warnings"),
        "{}",
        lint.stdout
    );
    let build = akashi(&site, &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let page = std::fs::read_to_string(site.join("public/ja/treatments/rtms/index.html")).unwrap();
    assert!(
        page.contains("サンプルクリニック"),
        "the publisher is shown"
    );
    assert!(site.join("public/style.css").is_file());
    // Drafts can be added at once.
    let new = akashi(&site, &["new", "treatments/ect"]);
    assert_eq!(new.code, 0, "{}", new.stderr);
    assert!(site.join("content/treatments/ect.en.md").is_file());
}

#[test]
fn init_never_overwrites_and_theme_copies_the_built_in_theme() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(akashi(dir.path(), &["init"]).code, 0);
    let again = akashi(dir.path(), &["init"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);

    // In an existing site, --theme writes the theme only: the files this repository's theme has.
    let theme = akashi(dir.path(), &["init", "--theme"]);
    assert_eq!(theme.code, 0, "{}", theme.stderr);
    for part in ["templates", "locales", "static"] {
        let ours = read_tree(&repo().join(part));
        let written = read_tree(&dir.path().join(part));
        assert_eq!(ours, written, "{part}");
    }
    // A second time, nothing is written and the message says why.
    let twice = akashi(dir.path(), &["init", "--theme"]);
    assert_eq!(twice.code, 2);
    assert!(twice.stderr.contains("never overwrites") && twice.stderr.contains("more"));
    // The copied theme builds the same site as the built-in one.
    let lint = akashi(dir.path(), &["lint"]);
    assert_eq!(lint.code, 0, "{}", lint.stdout);
}

#[test]
fn a_site_of_only_site_yaml_and_content_builds_as_with_the_theme_beside_it() {
    let bare = tempfile::tempdir().unwrap();
    content_only(bare.path());
    let run = akashi(bare.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let full = tempfile::tempdir().unwrap();
    content_only(full.path());
    for part in ["templates", "locales", "static"] {
        copy_tree(&repo().join(part), &full.path().join(part));
    }
    let run = akashi(full.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let strip_search = |tree: std::collections::BTreeMap<String, Vec<u8>>| {
        tree.into_iter()
            .filter(|(path, _)| !path.starts_with("pagefind/"))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let bare_out = strip_search(read_tree(&bare.path().join("public")));
    let full_out = strip_search(read_tree(&full.path().join("public")));
    assert_eq!(
        bare_out.keys().collect::<Vec<_>>(),
        full_out.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &bare_out {
        assert!(full_out[path] == *bytes, "{path} differs");
    }
}

#[test]
fn a_site_s_own_files_and_messages_replace_the_built_in_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    content_only(root);
    // One template, one message in one language, one static file.
    let not_found = std::fs::read_to_string(repo().join("templates/404.html"))
        .unwrap()
        .replace("<section lang", "<section data-own-theme=\"404\" lang");
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(root.join("templates/404.html"), not_found).unwrap();
    std::fs::create_dir_all(root.join("locales/en")).unwrap();
    std::fs::write(
        root.join("locales/en/clinic.ftl"),
        "footer-evidence-note = Each statement about a treatment shows how sure the evidence is.\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("static/style.css"), "body { color: black }\n").unwrap();

    let run = akashi(root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = root.join("public");
    let page = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    assert!(page("404.html").contains("data-own-theme=\"404\""));
    assert!(
        !page("en/index.html").contains("data-own-theme"),
        "other templates are built in"
    );
    let en = page("en/treatments/rtms/index.html");
    assert!(en.contains("Each statement about a treatment shows how sure the evidence is."));
    let ja = page("ja/treatments/rtms/index.html");
    let builtin_ja = std::fs::read_to_string(repo().join("locales/ja/main.ftl")).unwrap();
    let note = builtin_ja
        .lines()
        .find_map(|l| l.strip_prefix("footer-evidence-note = "))
        .unwrap();
    assert!(
        ja.contains(note),
        "the Japanese message stays the built-in one"
    );
    assert_eq!(page("style.css"), "body { color: black }\n");
    assert!(
        out.join("search.js").is_file(),
        "the built-in script is still published"
    );

    // A message defined twice in the site's own files is still an error.
    std::fs::write(
        root.join("locales/en/more.ftl"),
        "footer-evidence-note = Again.\n",
    )
    .unwrap();
    let run = akashi(root, &["lint"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("error[i18n/invalid-locale]") && run.stdout.contains("defined twice"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_site_without_its_statements_is_told_which_keys_to_add() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    content_only(root);
    let config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    let start = config.find("publisher:").unwrap();
    let end = config.find("# The treatments").unwrap();
    std::fs::write(
        root.join("site.yaml"),
        format!("{}{}", &config[..start], &config[end..]),
    )
    .unwrap();
    let run = akashi(root, &["build"]);
    assert_eq!(run.code, 1, "a medical site is not published without them");
    for key in [
        "publisher.name",
        "publisher.contact",
        "conflict_of_interest",
        "funding",
    ] {
        assert!(
            run.stderr.contains(&format!("has no `{key}`")),
            "{key}: {}",
            run.stderr
        );
    }
    assert!(
        run.stderr
            .contains("help: add `funding: {ja: …, en: …}` to site.yaml")
    );
}
