//! Broken and hostile input: each case gets a clear finding naming the file (or simply works),
//! never a panic, and nothing is written outside the output folder.

mod common;

use common::{akashi, findings, fixture};
use serde_json::Value;

const ARTICLE_EN: &str = "---
title: Parking
summary: Where to park.
date: 2026-07-01
authors: [Hanako Yamada]
reviewed_by: Kenichi Sato, MD (psychiatrist)
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

There are two spaces for visitors.
";

/// Builds the site, which must succeed, and returns the files it wrote by path.
fn built(site: &common::Site) -> std::collections::BTreeMap<String, Vec<u8>> {
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    common::read_tree(&site.path("public"))
}

/// The findings of `rule` in `file`, after checking that the lint ran to the end (exit code 0
/// or 1: no panic, no failed run).
fn found<'a>(all: &'a [Value], code: i32, rule: &str, file: &str) -> Vec<&'a Value> {
    assert!(code == 0 || code == 1, "exit code {code}: {all:#?}");
    all.iter()
        .filter(|d| d["rule"] == rule && d["file"] == file)
        .collect()
}

#[test]
fn an_empty_article_is_reported_not_skipped() {
    let site = fixture("bilingual");
    site.write("content/empty.en.md", "");
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1);
    assert!(
        !found(&all, code, "frontmatter/invalid", "content/empty.en.md").is_empty(),
        "{all:#?}"
    );
}

#[test]
fn yaml_that_expands_exponentially_is_refused_with_a_finding() {
    let site = fixture("bilingual");
    let mut yaml = String::from("---\ntitle: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        yaml.push_str(&format!(
            "k{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    yaml.push_str("---\n\nText.\n");
    site.write("content/bomb.en.md", &yaml);
    let started = std::time::Instant::now();
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1);
    assert!(
        !found(&all, code, "frontmatter/invalid", "content/bomb.en.md").is_empty(),
        "{all:#?}"
    );
    // Refused, not expanded: a generous bound that an expansion would blow through.
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn deeply_nested_yaml_is_refused_with_a_finding() {
    let site = fixture("bilingual");
    let nested = format!("{}x{}", "[".repeat(10_000), "]".repeat(10_000));
    site.write(
        "content/deep.en.md",
        &format!("---\ntitle: {nested}\n---\n\nText.\n"),
    );
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1);
    assert!(
        !found(&all, code, "frontmatter/invalid", "content/deep.en.md").is_empty(),
        "{all:#?}"
    );
}

#[test]
fn a_binary_file_in_content_is_reported_and_not_published() {
    let site = fixture("bilingual");
    let png: Vec<u8> = [
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
    ]
    .into_iter()
    .chain((0..=255u8).cycle().take(4096))
    .collect();
    std::fs::write(site.path("content/photo.png"), &png).unwrap();
    // A binary file named like an article.
    std::fs::write(site.path("content/photo.en.md"), &png).unwrap();
    let (code, all) = findings(&site.root);
    assert!(
        !found(&all, code, "content/stray-file", "content/photo.png").is_empty(),
        "{all:#?}"
    );
    assert!(
        !found(&all, code, "content/unreadable", "content/photo.en.md").is_empty(),
        "{all:#?}"
    );
}

#[test]
fn symbolic_links_are_not_followed_in_or_out_of_the_site() {
    let site = fixture("bilingual");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.en.md"), ARTICLE_EN).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.en.md"),
        site.path("content/secret.en.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), site.path("content/elsewhere")).unwrap();
    // A loop: a folder that contains a link to itself.
    std::os::unix::fs::symlink(
        site.path("content/treatments"),
        site.path("content/treatments/again"),
    )
    .unwrap();
    let (code, all) = findings(&site.root);
    for link in [
        "content/secret.en.md",
        "content/elsewhere",
        "content/treatments/again",
    ] {
        assert!(
            !found(&all, code, "content/stray-file", link).is_empty(),
            "{link}: {all:#?}"
        );
    }
    let built = built(&site);
    assert!(
        built
            .keys()
            .all(|p| !p.contains("secret") && !p.contains("again")),
        "{:#?}",
        built.keys()
    );
}

#[test]
fn symbolic_links_in_static_are_not_published_and_links_to_them_are_reported() {
    let site = fixture("bilingual");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("id_rsa"), "PRIVATE KEY").unwrap();
    std::fs::write(outside.path().join("photo.png"), "PNG").unwrap();
    std::fs::create_dir_all(site.path("static")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("id_rsa"), site.path("static/key.txt")).unwrap();
    std::os::unix::fs::symlink(outside.path(), site.path("static/shared")).unwrap();
    site.write(
        "content/parking.en.md",
        &article("See [the key](/key.txt).\n\n![A photo](/shared/photo.png)"),
    );
    let (code, all) = findings(&site.root);
    let missing = found(&all, code, "link/missing-file", "content/parking.en.md");
    assert_eq!(missing.len(), 2, "{all:#?}");
    assert!(
        missing
            .iter()
            .all(|d| d["message"].as_str().unwrap().contains("symbolic link")),
        "{missing:#?}"
    );
    site.write("content/parking.en.md", &article("There are two spaces."));
    let built = built(&site);
    assert!(
        built
            .keys()
            .all(|p| !p.starts_with("key.txt") && !p.starts_with("shared")),
        "{:#?}",
        built.keys()
    );
    assert!(
        built
            .values()
            .all(|v| !v.windows(11).any(|w| w == b"PRIVATE KEY"))
    );
}

#[test]
fn a_static_or_content_folder_that_is_a_symbolic_link_is_refused() {
    for folder in ["static", "content"] {
        let site = fixture("bilingual");
        let outside = tempfile::tempdir().unwrap();
        let moved = outside.path().join(folder);
        if site.path(folder).exists() {
            std::fs::rename(site.path(folder), &moved).unwrap();
        } else {
            std::fs::create_dir_all(&moved).unwrap();
        }
        std::os::unix::fs::symlink(&moved, site.path(folder)).unwrap();
        let run = akashi(&site.root, &["build"]);
        assert_eq!(run.code, 2, "{folder}: {}", run.stderr);
        assert!(
            run.stderr.contains("is a symbolic link"),
            "{folder}: {}",
            run.stderr
        );
        assert!(!site.path("public").exists(), "{folder}");
    }
}

#[test]
fn japanese_and_spaces_in_file_names_simply_work() {
    let site = fixture("bilingual");
    site.write("content/treatments/駐車 場.en.md", ARTICLE_EN);
    site.write(
        "content/treatments/駐車 場.ja.md",
        &ARTICLE_EN
            .replace("title: Parking", "title: 駐車場")
            .replace(
                "There are two spaces for visitors.",
                "来院の方の駐車スペースは2台分です。",
            ),
    );
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.path("public/en/treatments/駐車-場/index.html");
    assert!(
        page.is_file(),
        "{:#?}",
        common::read_tree(&site.path("public")).keys()
    );
}

#[test]
fn names_that_cannot_be_web_addresses_or_windows_files_are_reported_not_published() {
    let site = fixture("bilingual");
    let bad = [
        ("content/treatments/rtms: faq.en.md", "`:`"),
        ("content/treatments/why?.en.md", "`?`"),
        ("content/treatments/a\\b.en.md", "`\\`"),
        ("content/treatments/tab\there.en.md", "U+0009"),
        ("content/treatments/ends with dot..en.md", "ends with a dot"),
        ("content/clinic/con.en.md", "device"),
        ("content/Com1/visit.en.md", "device"),
        ("content/q|a/visit.en.md", "`|`"),
        ("content/treatments/tms\u{200B}.en.md", "U+200B"),
    ];
    for (file, _) in bad {
        site.write(file, ARTICLE_EN);
    }
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1);
    for (file, why) in bad {
        let found = found(&all, code, "content/invalid-name", file);
        assert_eq!(found.len(), 1, "{file}: {all:#?}");
        let message = found[0]["message"].as_str().unwrap();
        assert!(message.contains(why), "{file}: {message}");
        assert!(
            found[0]["help"].as_str().unwrap().starts_with("rename `"),
            "{file}: {:?}",
            found[0]["help"]
        );
    }
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[content/invalid-name]"),
        "{}",
        run.stderr
    );

    // The same site with the names the help gives builds, and publishes them.
    let site = fixture("bilingual");
    site.write("content/treatments/rtms- faq.en.md", ARTICLE_EN);
    site.write("content/clinic/con-page.en.md", ARTICLE_EN);
    let (code, all) = findings(&site.root);
    assert!(
        found(
            &all,
            code,
            "content/invalid-name",
            "content/clinic/con-page.en.md"
        )
        .is_empty(),
        "{all:#?}"
    );
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.path("public/en/treatments/rtms-faq/index.html")
            .is_file()
    );
    assert!(site.path("public/en/clinic/con-page/index.html").is_file());
}

#[test]
fn a_link_to_a_source_is_rendered_wherever_the_link_check_finds_its_page() {
    // A link to a Markdown source, percent-encoded or with a name stored decomposed: the check
    // and the renderer look it up the same way, so a link the check accepts leads to the page.
    let site = fixture("bilingual");
    site.write(
        "content/treatments/ガイド.en.md",
        &article("## Getting here {#top}\n\nBy train."),
    );
    site.write(
        "content/treatments/parking.en.md",
        &article(
            "Read the [guide](%E3%82%AC%E3%82%A4%E3%83%89.en.md) and [again](\u{30AB}\u{3099}イド.en.md#top).",
        ),
    );
    let (code, all) = findings(&site.root);
    assert!(
        found(
            &all,
            code,
            "link/broken",
            "content/treatments/parking.en.md"
        )
        .is_empty(),
        "{all:#?}"
    );
    let built = built(&site);
    let page = String::from_utf8_lossy(&built["en/treatments/parking/index.html"]).into_owned();
    let url = "/en/treatments/%E3%82%AC%E3%82%A4%E3%83%89/";
    assert!(page.contains(&format!("href=\"{url}\"")), "{page}");
    assert!(page.contains(&format!("href=\"{url}#top\"")), "{page}");
    assert!(
        !page.contains(".en.md"),
        "no link is left to the source: {page}"
    );
}

#[test]
fn names_stored_decomposed_as_macos_may_are_the_names_editors_type() {
    let site = fixture("bilingual");
    // ガイド with its voicing mark stored as a separate character (U+3099), beside its
    // translation and a link typed with the composed character.
    let decomposed = "\u{30AB}\u{3099}イド";
    site.write(
        &format!("content/treatments/{decomposed}.ja.md"),
        &ARTICLE_EN.replace("title: Parking", "title: 来院案内"),
    );
    site.write("content/treatments/ガイド.en.md", ARTICLE_EN);
    site.write(
        "content/treatments/parking.en.md",
        &article("Read the [guide](ガイド.en.md)."),
    );
    let (code, all) = findings(&site.root);
    let mine: Vec<_> = all
        .iter()
        .filter(|d| {
            let file = d["file"].as_str().unwrap();
            file.contains("イド") || file.contains("parking")
        })
        .filter(|d| {
            d["rule"] != "i18n/missing-translation"
                || !d["file"].as_str().unwrap().contains("parking")
        })
        .collect();
    assert!(mine.is_empty(), "{mine:#?}");
    assert!(code == 0 || code == 1, "{all:#?}");
    let built = built(&site);
    assert!(
        built.contains_key("ja/treatments/ガイド/index.html"),
        "{:#?}",
        built.keys()
    );

    // Both forms of one name in one language are one address.
    site.write("content/treatments/ガイド.ja.md", ARTICLE_EN);
    let (code, all) = findings(&site.root);
    assert_eq!(
        found(
            &all,
            code,
            "content/duplicate-url",
            "content/treatments/ガイド.ja.md"
        )
        .len(),
        1,
        "{all:#?}"
    );
}

#[test]
fn pages_named_like_files_akashi_writes_are_reported_before_the_build() {
    let site = fixture("bilingual");
    let names = [
        "content/atom.xml.en.md",
        "content/treatments/index.html.en.md",
        "content/tags.en.md",
    ];
    for name in names {
        site.write(name, ARTICLE_EN);
    }
    let (code, all) = findings(&site.root);
    for name in names {
        assert_eq!(
            found(&all, code, "content/duplicate-url", name).len(),
            1,
            "{name}: {all:#?}"
        );
    }
    // The build stops at the findings, not at a failed write.
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[content/duplicate-url]"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_page_and_a_static_file_at_one_address_are_reported_not_overwritten() {
    for (file, shown) in [
        ("static/en/about/index.html", "`static/en/about/index.html`"),
        ("static/en/about", "`static/en/about`"),
    ] {
        let site = fixture("bilingual");
        site.write(file, "<p>an old page</p>");
        let (code, all) = findings(&site.root);
        let clash = found(&all, code, "content/duplicate-url", "content/about.en.md");
        assert_eq!(clash.len(), 1, "{file}: {all:#?}");
        assert!(
            clash[0]["message"].as_str().unwrap().contains(shown),
            "{clash:#?}"
        );
    }
}

#[test]
fn tags_with_slashes_and_dots_stay_inside_the_output_folder() {
    let site = fixture("bilingual");
    site.write(
        "content/parking.en.md",
        &ARTICLE_EN.replace(
            "date: 2026-07-01",
            "date: 2026-07-01\ntags: [\"../../../escaped\", \"a/b\", \"..\", \"C:\\\\x\", \"\\u0000\", \"NUL\"]",
        ),
    );
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let parent = site.root.parent().unwrap();
    assert!(!parent.join("escaped").exists());
    let built = common::read_tree(&site.path("public"));
    assert!(
        built
            .keys()
            .all(|p| !p.split('/').any(|part| part == ".." || part.is_empty())),
        "{:#?}",
        built.keys()
    );
    assert!(
        built.keys().any(|p| p.starts_with("en/tags/escaped/")),
        "{:#?}",
        built.keys()
    );
    // NUL is a device on Windows: no folder can have that name there.
    assert!(
        built.keys().any(|p| p.starts_with("en/tags/nul-tag/")),
        "{:#?}",
        built.keys()
    );
}

#[test]
fn a_reference_defined_twice_is_reported_at_its_second_definition() {
    let site = fixture("bilingual");
    let refs = std::fs::read_to_string(site.path("content/references.yaml")).unwrap();
    // The first entry: up to the next line that starts with a key.
    let next_key = refs
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| refs[i..].starts_with(|c: char| c.is_ascii_alphanumeric()))
        .unwrap_or(refs.len());
    let first = &refs[..next_key];
    site.write("content/references.yaml", &format!("{refs}{first}"));
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1, "{all:#?}");
    let dup: Vec<_> = all
        .iter()
        .filter(|d| d["file"] == "content/references.yaml" && d["severity"] == "error")
        .collect();
    assert!(!dup.is_empty(), "{all:#?}");
    let lines = refs.lines().count();
    assert_eq!(dup.len(), 1, "{dup:#?}");
    assert!(
        dup[0]["line"].as_u64().unwrap() as usize > lines,
        "the finding should point at the second definition: {dup:#?}"
    );
    assert!(
        dup[0]["message"]
            .as_str()
            .unwrap()
            .contains("defined twice"),
        "{dup:#?}"
    );
    // The tags that cite it, and the other references, are still read: no cascade of
    // "not in references.yaml".
    assert!(
        all.iter().all(|d| d["rule"] != "cite/unknown-key"),
        "{all:#?}"
    );
}

#[test]
fn one_broken_reference_is_reported_alone_and_the_others_still_cite() {
    let site = fixture("bilingual");
    let refs = std::fs::read_to_string(site.path("content/references.yaml")).unwrap();
    // An unclosed quote in the first entry's title makes the whole file invalid YAML.
    let (before, after) = refs.split_once("title: \"").unwrap();
    let broken = format!("{before}title: \"{}", after.replacen('"', "", 1));
    site.write("content/references.yaml", &broken);
    let (code, all) = findings(&site.root);
    assert_eq!(code, 1, "{all:#?}");
    let errors: Vec<_> = all.iter().filter(|d| d["severity"] == "error").collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["rule"], "cite/invalid-reference");
    assert_eq!(errors[0]["file"], "content/references.yaml");
    // It points into the first entry: before the next line that starts with a key.
    let second_key = refs
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| refs[i..].starts_with(|c: char| c.is_ascii_alphanumeric()))
        .unwrap();
    let first_entry_lines = refs[..second_key].lines().count();
    assert!(
        errors[0]["line"].as_u64().unwrap() as usize <= first_entry_lines,
        "{errors:#?}"
    );
}

/// The front matter of a published English article, then `body`.
fn article(body: &str) -> String {
    let front = ARTICLE_EN.split("\n\n").next().unwrap();
    format!("{front}\n\n{body}\n")
}

#[test]
fn pathological_articles_are_checked_and_built_to_the_end() {
    let site = fixture("bilingual");
    // Many tags in one paragraph (each on a claim), a very long line with no break, and a list
    // nested thousands deep.
    let tags =
        "TMS can reduce symptoms of depression [B: @oreardon2007; @mutz2019]. ".repeat(20_000);
    site.write("content/many-tags.en.md", &article(&tags));
    site.write("content/long-line.en.md", &article(&"あ".repeat(1_000_000)));
    let nested: String = (0..3_000)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    site.write("content/nested.en.md", &article(&nested));
    let (code, all) = findings(&site.root);
    assert!(
        !found(
            &all,
            code,
            "readability/long-sentence",
            "content/long-line.en.md"
        )
        .is_empty(),
        "{all:#?}"
    );
    // The tags are all valid: no finding about them.
    assert!(
        all.iter()
            .filter(|d| d["file"] == "content/many-tags.en.md")
            .all(|d| d["rule"] == "i18n/missing-translation"),
        "{all:#?}"
    );
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(site.path("public/en/many-tags/index.html")).unwrap();
    assert_eq!(page.matches("class=\"claim-tag\"").count(), 20_000);
}

#[test]
fn a_50_mb_article_is_checked_and_built_whole() {
    let site = fixture("bilingual");
    let para = "We are five minutes' walk from the station, and the desk is open on weekdays.\n\n";
    let count = 50 * 1024 * 1024 / para.len();
    let body = format!("{}The last paragraph.", para.repeat(count));
    site.write("content/large.en.md", &article(&body));
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(site.path("public/en/large/index.html")).unwrap();
    assert_eq!(page.matches("<p>We are five minutes").count(), count);
    assert!(page.contains("<p>The last paragraph.</p>"));
}

#[test]
fn links_written_in_html_are_checked_like_markdown_links() {
    let site = fixture("bilingual");
    let body = r##"<p>Read about <a href="treatments/tms.en.md">TMS</a> first.</p>

See <a href="/en/nowhere/">the map</a> and <a href="#parking">parking</a>.

<figure>
  <img alt="The entrance"
       src="/images/entrance.jpg">
</figure>

<a href="java&#115;cript:alert(1)">Opening times</a>

<!-- <a href="/en/commented-out/">old link</a> -->

<a href="/en/treatments/tms/#how-treatment-goes">How treatment goes</a>
"##;
    site.write("content/parking.en.md", &article(body));
    let (code, all) = findings(&site.root);
    let file = "content/parking.en.md";
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    let line_of =
        |needle: &str| text[..text.find(needle).unwrap()].matches('\n').count() as u64 + 1;
    let at = |rule: &str| -> Vec<(u64, String)> {
        found(&all, code, rule, file)
            .iter()
            .map(|d| {
                (
                    d["line"].as_u64().unwrap(),
                    d["help"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    let broken = at("link/broken");
    assert_eq!(broken.len(), 2, "{all:#?}");
    // A link to a Markdown source is not rewritten in HTML: the help gives the address.
    assert_eq!(broken[0].0, line_of("treatments/tms.en.md"));
    assert!(broken[0].1.contains("`/en/treatments/tms/`"), "{broken:#?}");
    assert_eq!(broken[1].0, line_of("/en/nowhere/"));
    assert_eq!(at("link/anchor").len(), 1, "{all:#?}");
    // The image's tag spans two lines; the finding is on the line of its URL.
    assert_eq!(
        at("link/missing-file"),
        [(
            line_of("/images/entrance.jpg"),
            at("link/missing-file")[0].1.clone()
        )]
    );
    // Character references are decoded before the scheme is read.
    assert_eq!(at("link/unsafe").len(), 1, "{all:#?}");
    // Nothing from the comment, nothing about the correct link to a heading of another page.
    assert!(
        all.iter()
            .filter(|d| d["file"] == file)
            .all(
                |d| !d["message"].as_str().unwrap().contains("commented-out")
                    && !d["message"]
                        .as_str()
                        .unwrap()
                        .contains("how-treatment-goes")
            ),
        "{all:#?}"
    );
}

#[test]
fn tags_pasted_from_a_word_processor_are_read_and_their_invisible_characters_reported() {
    let site = fixture("bilingual");
    let claim = "TMS has been shown to ease symptoms of depression";
    let body = format!(
        "{claim}\u{A0}[B:\u{A0}@mutz2019].\n\n\
         {claim} [B: @mutz\u{200B}2019].\n\n\
         {claim} [B: @mutz2019\u{AD}].\n\n\
         {claim} [\u{FEFF}B: @mutz2019].\n"
    );
    site.write("content/pasted.en.md", &article(&body));
    let (code, all) = findings(&site.root);
    let file = "content/pasted.en.md";
    // Every claim has its tag: nothing untagged, no unknown key.
    for rule in ["claim/untagged", "cite/unknown-key", "claim/unknown-level"] {
        assert!(found(&all, code, rule, file).is_empty(), "{rule}: {all:#?}");
    }
    let warned: Vec<(u64, &str)> = found(&all, code, "claim/fullwidth-tag", file)
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    assert_eq!(warned.len(), 3, "{warned:#?}");
    assert!(
        warned[0].1.contains("U+200B (zero-width space)"),
        "{warned:#?}"
    );
    assert!(warned[1].1.contains("U+00AD (soft hyphen)"), "{warned:#?}");
    assert!(warned[2].1.contains("U+FEFF"), "{warned:#?}");
    // --fix removes them, and touches nothing else.
    let run = akashi(&site.root, &["lint", "--fix"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    let fixed = std::fs::read_to_string(site.path(file)).unwrap();
    assert!(
        !fixed.contains(['\u{200B}', '\u{AD}', '\u{FEFF}']),
        "{fixed}"
    );
    assert_eq!(fixed.matches("[B: @mutz2019]").count(), 3, "{fixed}");
    assert!(fixed.contains("[B:\u{A0}@mutz2019]"), "{fixed}");
}

#[test]
fn links_written_with_windows_folder_separators_are_reported_with_the_right_form() {
    let site = fixture("bilingual");
    site.write(
        "content/parking.en.md",
        &article("Read about [TMS](treatments\\tms.en.md) and see [the map](\\maps\\clinic.png)."),
    );
    let (code, all) = findings(&site.root);
    let file = "content/parking.en.md";
    let broken = found(&all, code, "link/broken", file);
    assert_eq!(broken.len(), 1, "{all:#?}");
    assert_eq!(broken[0]["help"], "write `treatments/tms.en.md`");
    let missing = found(&all, code, "link/missing-file", file);
    assert_eq!(missing.len(), 1, "{all:#?}");
    assert!(
        missing[0]["message"]
            .as_str()
            .unwrap()
            .contains("static/maps/clinic.png"),
        "{missing:#?}"
    );
}

#[test]
fn private_use_characters_that_akashi_uses_as_marks_are_plain_text_in_an_article() {
    // Found by fuzzing: U+E000 in an article was taken for an evidence tag's mark and the
    // lint panicked.
    let site = fixture("bilingual");
    site.write(
        "content/marks.en.md",
        &article("Opening \u{E000}times\u{E001} are `on` the door [B: @mutz2019]."),
    );
    let (code, all) = findings(&site.root);
    assert!(code == 0 || code == 1, "{all:#?}");
    let run = akashi(&site.root, &["build"]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
}

#[test]
fn replacing_the_output_folder_never_follows_a_symbolic_link_out_of_it() {
    let site = fixture("bilingual");
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Someone (or something) left links in the output folder to files that are not akashi's.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("keep.txt"), "not akashi's").unwrap();
    std::os::unix::fs::symlink(outside.path(), site.path("public/linked-folder")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("keep.txt"),
        site.path("public/ja/linked-file"),
    )
    .unwrap();
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(outside.path().join("keep.txt")).unwrap(),
        "not akashi's"
    );
    assert!(!site.path("public/linked-folder").exists());
}

#[test]
fn every_web_address_in_the_configuration_and_references_is_checked_by_one_rule() {
    // publisher.url in site.yaml: a `javascript:` address would be on every article.
    for (url, why) in [
        ("javascript:alert(document.domain)", "`javascript:` address"),
        ("\"https://a.example/\\\" onclick=\\\"x\"", "`\"`"),
        ("https://a.example/ javascript:alert(1)", "a space"),
    ] {
        let site = fixture("bilingual");
        let config = std::fs::read_to_string(site.path("site.yaml")).unwrap();
        site.write(
            "site.yaml",
            &config.replace(
                "  url: https://fixture.example\n",
                &format!("  url: {url}\n"),
            ),
        );
        let run = akashi(&site.root, &["build"]);
        assert_eq!(run.code, 2, "{url}: {}", run.stderr);
        assert!(
            run.stderr.contains("error[config/invalid]")
                && run.stderr.contains("`publisher.url`")
                && run.stderr.contains(why),
            "{url}: {}",
            run.stderr
        );
        assert!(!site.path("public").exists());
    }
    // A reference's url and DOI.
    let site = fixture("bilingual");
    let references = std::fs::read_to_string(site.path("content/references.yaml")).unwrap();
    site.write(
        "content/references.yaml",
        &format!(
            "{references}\nbadurl:\n  type: web\n  title: A page\n  url: \"https://a.example/x javascript:alert(1)\"\n  accessed: 2026-11-01\n  year: 2026\n\nbaddoi:\n  type: article\n  authors: [Doe J]\n  title: A study\n  journal: J\n  year: 2020\n  doi: '10.1136/x\"><script>alert(1)</script>'\n  design: rct\n"
        ),
    );
    let (code, all) = findings(&site.root);
    let invalid = found(
        &all,
        code,
        "cite/invalid-reference",
        "content/references.yaml",
    );
    let messages: Vec<&str> = invalid
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`url` of `badurl`") && m.contains("a space")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("is not a DOI") && m.contains("<script>")),
        "{messages:#?}"
    );
}

#[test]
fn a_control_character_in_a_title_is_reported_where_it_is_typed() {
    let site = fixture("bilingual");
    for (c, escaped) in [
        ('\u{1}', "\\x01"),
        ('\u{b}', "\\v"),
        ('\u{1b}', "\\e"),
        ('\u{fffe}', "\\uFFFE"),
    ] {
        site.write(
            "content/treatments/tms.en.md",
            &ARTICLE_EN.replace("title: Parking", &format!("title: \"Park{escaped}ing\"")),
        );
        let (code, all) = findings(&site.root);
        assert_eq!(code, 1);
        let reported = found(
            &all,
            code,
            "text/invisible-character",
            "content/treatments/tms.en.md",
        );
        assert_eq!(reported.len(), 1, "{c:?}: {all:#?}");
        assert_eq!(reported[0]["line"], 2, "at the title");
        let message = reported[0]["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("U+{:04X}", c as u32))
                && message.contains("control character"),
            "{message}"
        );
    }
}

/// Runs akashi like `akashi()`, but kills it after 20 s: a run that would wait for ever fails
/// the test instead of hanging it.
#[cfg(unix)]
fn akashi_within(cwd: &std::path::Path, args: &[&str]) -> common::Run {
    use std::time::{Duration, Instant};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_akashi"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("akashi {args:?} did not finish within 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_with_their_path_never_read() {
    // site.yaml as a FIFO, and as a link to /dev/zero: the run fails at once and says why.
    let site = fixture("bilingual");
    std::fs::remove_file(site.path("site.yaml")).unwrap();
    mkfifo(&site.path("site.yaml"));
    let run = akashi_within(&site.root, &["build"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("site.yaml")
            && run.stderr.contains("named pipe (FIFO), not a regular file"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(site.path("site.yaml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", site.path("site.yaml")).unwrap();
    let run = akashi_within(&site.root, &["lint"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("a device, not a regular file"),
        "{}",
        run.stderr
    );

    // A FIFO as references.yaml or as an article: content/unreadable, not missing or skipped.
    let site = fixture("bilingual");
    std::fs::remove_file(site.path("content/references.yaml")).unwrap();
    mkfifo(&site.path("content/references.yaml"));
    mkfifo(&site.path("content/treatments/pipe.en.md"));
    let run = akashi_within(&site.root, &["lint", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    let unreadable: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "content/unreadable")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        unreadable,
        ["content/references.yaml", "content/treatments/pipe.en.md"]
    );

    // A FIFO among the theme's files or in static/: the run fails naming it.
    for path in [
        "templates/extra.html",
        "locales/en/extra.ftl",
        "static/feed.txt",
    ] {
        let site = fixture("bilingual");
        mkfifo(&site.path(path));
        let run = akashi_within(&site.root, &["build"]);
        assert_eq!(run.code, 2, "{path}: {}", run.stderr);
        assert!(
            run.stderr.contains(path) && run.stderr.contains("FIFO"),
            "{path}: {}",
            run.stderr
        );
        assert!(!site.path("public").exists());
    }
}

#[cfg(unix)]
#[test]
fn a_template_loop_that_would_never_end_stops_with_a_clear_error() {
    let site = fixture("bilingual");
    let template = std::fs::read_to_string(site.path("templates/404.html")).unwrap();
    site.write(
        "templates/404.html",
        &template.replace(
            "{% block main %}",
            "{% block main %}{% for i in range(end=100000) %}{% for j in range(end=100000) %}.{% endfor %}{% endfor %}",
        ),
    );
    let run = akashi_within(&site.root, &["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("templates/404.html")
            && run.stderr.contains("more than 1000000 numbers"),
        "{}",
        run.stderr
    );
    assert!(!site.path("public").exists());
    // A loop within the budget renders as before.
    site.write(
        "templates/404.html",
        &template.replace(
            "{% block main %}",
            "{% block main %}{% for i in range(start=1, end=4) %}<i>{{ i }}</i>{% endfor %}",
        ),
    );
    let run = akashi_within(&site.root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(site.path("public/404.html")).unwrap();
    assert!(page.contains("<i>1</i><i>2</i><i>3</i>"));
}

#[test]
fn a_tag_the_lint_accepts_is_a_folder_the_build_can_write() {
    // 85 Japanese characters are 255 bytes, the longest file name: it is published.
    let site = fixture("bilingual");
    let longest = "あ".repeat(85);
    site.write(
        "content/parking.en.md",
        &ARTICLE_EN.replace(
            "title: Parking",
            &format!("title: Parking\ntags: [\"{longest}\"]"),
        ),
    );
    let files = built(&site);
    assert!(files.contains_key(&format!("en/tags/{longest}/index.html")));
    // One character more: the lint says so at the tags, with a tag that fits; nothing is built.
    let too_long = "あ".repeat(86);
    site.write(
        "content/parking.en.md",
        &ARTICLE_EN.replace(
            "title: Parking",
            &format!("title: Parking\ntags: [\"{too_long}\"]"),
        ),
    );
    let (code, all) = findings(&site.root);
    let reported = found(&all, code, "content/invalid-name", "content/parking.en.md");
    assert_eq!(reported.len(), 1, "{all:#?}");
    assert_eq!(reported[0]["line"], 3);
    assert!(
        reported[0]["message"]
            .as_str()
            .unwrap()
            .contains("258 bytes")
    );
    assert_eq!(
        reported[0]["help"],
        format!("shorten the tag, to at most `{longest}`")
    );
    let run = akashi(&site.root, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("too long"), "{}", run.stderr);
}

#[test]
fn twenty_thousand_treatments_are_read_and_too_many_terms_are_named() {
    let site = fixture("bilingual");
    let config = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    let treatments: String = (0..20_000)
        .map(|i| format!("  - id: t{i}\n    names: {{en: [therapy{i}x]}}\n    status: approved\n"))
        .collect();
    site.write("site.yaml", &format!("{config}treatments:\n{treatments}"));
    let (code, all) = findings(&site.root);
    assert_eq!(code, 0, "{all:#?}");
}
