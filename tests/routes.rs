//! The route table (`src/routes.rs`) is the one place that knows the site's addresses: the build
//! writes exactly its files, and links to akashi's own pages are checked against it.

mod common;

use common::{akashi, findings, fixture};

const ABOUT: &str = "---
title: About us
summary: About the clinic.
date: 2026-07-01
authors: [Hanako Yamada]
reviewed_by: Kenichi Sato, MD (psychiatrist)
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

We are five minutes' walk from the station.

";

fn link_findings(links: &str) -> Vec<(String, u64)> {
    let site = fixture("bilingual");
    site.write("content/about.en.md", &format!("{ABOUT}{links}\n"));
    let (_, found) = findings(&site.root);
    found
        .iter()
        .filter(|d| {
            d["rule"].as_str().unwrap().starts_with("link/") && d["file"] == "content/about.en.md"
        })
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn links_to_pages_akashi_makes_lead_where_it_makes_them() {
    // Line 12 onwards of about.en.md.
    let found = link_findings(
        "- [Depression](/en/tags/depression/)\n\
         - [All topics](/en/tags/)\n\
         - [Level B](/en/evidence/#level-b)\n\
         - [Feed](/en/atom.xml)\n\
         - [Sitemap](/sitemap.xml)\n\
         - [Home](/en/)\n\
         - [A tag no article has](/en/tags/insomnia/)\n\
         - [A level the site does not use](/en/evidence/#level-z)",
    );
    assert_eq!(
        found,
        [
            ("link/broken".to_string(), 19),
            ("link/anchor".to_string(), 20)
        ],
        "{found:?}"
    );
}

#[test]
fn the_build_writes_the_files_of_the_route_table_and_nothing_else() {
    let site = fixture("bilingual");
    let root = camino::Utf8PathBuf::from_path_buf(site.root.clone()).unwrap();
    let options = akashi::Options::new(Some(jiff::civil::date(2026, 11, 22))).unwrap();
    let checked = akashi::check(&root, &options).unwrap();
    let routes: std::collections::BTreeSet<String> =
        checked.site.routes.iter().map(|r| r.file()).collect();
    assert!(
        routes.contains("en/tags/brain-stimulation/index.html"),
        "{routes:?}"
    );
    assert!(
        routes.contains("ja/treatments/tms/index.html"),
        "{routes:?}"
    );

    let run = akashi(&site.root, &["build", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let static_files: Vec<String> = common::read_tree(&site.path("static"))
        .into_keys()
        .collect();
    let built: std::collections::BTreeSet<String> = common::read_tree(&site.path("out"))
        .into_keys()
        .filter(|f| !static_files.contains(f) && f != ".akashi-output")
        .collect();
    assert_eq!(
        built,
        routes,
        "built but not routed: {:?}; routed but not built: {:?}",
        built.difference(&routes).collect::<Vec<_>>(),
        routes.difference(&built).collect::<Vec<_>>()
    );
}
