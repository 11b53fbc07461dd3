//! Rebuilding with what the last build kept (`akashi serve`): after every kind of edit an
//! editor makes, the site and the findings are exactly those of a build from scratch, and only
//! what the edit affects is parsed and rendered again.

mod common;

use akashi::incremental::{Cache, Reuse};
use camino::Utf8PathBuf;
use common::fixture;
use std::collections::BTreeMap;

fn options() -> akashi::Options {
    akashi::Options::new(Some("2026-11-22".parse().unwrap())).unwrap()
}

/// What a build produced: its files, or the findings that blocked it.
#[derive(Debug, PartialEq)]
enum Outcome {
    Built(BTreeMap<String, Vec<u8>>),
    Blocked(Vec<String>),
}

fn run(root: &Utf8PathBuf, cache: &mut Cache) -> (Outcome, Reuse) {
    let (checked, files) = akashi::rebuild(root, &options(), false, cache).unwrap();
    let reuse = checked.reuse;
    let outcome = match files {
        Some(files) => Outcome::Built(
            files
                .iter()
                .map(|f| (f.path.clone(), f.bytes.to_vec()))
                .collect(),
        ),
        None => Outcome::Blocked(
            checked
                .diagnostics
                .iter()
                .map(|d| format!("{} {} {:?} {}", d.file, d.rule.id(), d.span, d.message))
                .collect(),
        ),
    };
    checked.keep_in(cache);
    (outcome, reuse)
}

/// Rebuilds with the cache and from scratch, asserts both agree, and returns the reuse.
fn rebuild_matches_fresh(root: &Utf8PathBuf, cache: &mut Cache, what: &str) -> (Outcome, Reuse) {
    let (cached, reuse) = run(root, cache);
    let (fresh, _) = run(root, &mut Cache::default());
    assert!(
        cached == fresh,
        "after {what}: the cached rebuild differs from a fresh build"
    );
    (cached, reuse)
}

fn edit(path: &std::path::Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn root_of(site: &common::Site) -> Utf8PathBuf {
    Utf8PathBuf::from_path_buf(site.root.clone()).unwrap()
}

#[test]
fn a_body_edit_reparses_and_rerenders_only_that_article() {
    let site = fixture("bilingual");
    let root = root_of(&site);
    let mut cache = Cache::default();
    let (first, reuse) = run(&root, &mut cache);
    assert!(matches!(first, Outcome::Built(_)), "{first:?}");
    assert_eq!(reuse.parsed, 0, "the first build has nothing to reuse");

    // Stamps of files written in the same clock tick as the last read are not trusted; let the
    // clock move on so that the unchanged files are recognised by their stamps.
    std::thread::sleep(std::time::Duration::from_millis(20));
    edit(
        &site.path("content/treatments/tms.en.md"),
        "## How treatment goes",
        "## How a course of treatment goes",
    );
    let (Outcome::Built(files), reuse) = rebuild_matches_fresh(&root, &mut cache, "a heading edit")
    else {
        panic!("the edit should build");
    };
    assert!(
        String::from_utf8_lossy(&files["en/treatments/tms/index.html"])
            .contains("How a course of treatment goes")
    );
    assert_eq!(reuse.pages - reuse.parsed, 1, "one file changed: {reuse:?}");

    std::thread::sleep(std::time::Duration::from_millis(20));
    let tms = site.path("content/treatments/tms.en.md");
    std::fs::write(&tms, std::fs::read(&tms).unwrap()).unwrap();
    let (_, reuse) = rebuild_matches_fresh(&root, &mut cache, "a touch without change");
    assert_eq!(reuse.parsed, reuse.pages, "nothing changed: {reuse:?}");
    assert_eq!(
        reuse.checked, reuse.pages,
        "nothing to check again: {reuse:?}"
    );
    assert_eq!(
        reuse.rendered, reuse.outputs,
        "nothing to render again: {reuse:?}"
    );
}

/// An edit, as an editor makes it.
type Step<'a> = Box<dyn Fn() + 'a>;

#[test]
fn every_kind_of_edit_gives_the_site_a_fresh_build_gives() {
    let site = fixture("bilingual");
    let root = root_of(&site);
    let mut cache = Cache::default();
    run(&root, &mut cache);
    let tms_en = site.path("content/treatments/tms.en.md");
    let tms_ja = site.path("content/treatments/tms.ja.md");
    let steps: Vec<(&str, Step)> = vec![
        (
            "a title edit (index and tag pages list it)",
            Box::new(|| edit(&tms_en, "title: TMS", "title: TMS therapy")),
        ),
        (
            "an untagged claim (the build is blocked)",
            Box::new(|| {
                edit(
                    &tms_en,
                    "## How treatment goes",
                    "TMS cures depression.\n\n## How treatment goes",
                )
            }),
        ),
        (
            "the claim removed again",
            Box::new(|| edit(&tms_en, "TMS cures depression.\n\n", "")),
        ),
        (
            "the translation made a draft (the switcher must change)",
            Box::new(|| edit(&tms_ja, "\n---\n", "\ndraft: true\n---\n")),
        ),
        (
            "the draft published again",
            Box::new(|| edit(&tms_ja, "\ndraft: true\n---\n", "\n---\n")),
        ),
        (
            "a section title edit (every page's navigation shows it)",
            Box::new(|| {
                edit(
                    &site.path("content/treatments/_index.en.md"),
                    "title: Treatments",
                    "title: Our treatments",
                )
            }),
        ),
        (
            "a section's introduction edited (its listing page shows it)",
            Box::new(|| {
                edit(
                    &site.path("content/treatments/_index.en.md"),
                    "The treatments we offer.",
                    "The treatments we offer, and what is known about them.",
                )
            }),
        ),
        (
            "a new article",
            Box::new(|| {
                let text = std::fs::read_to_string(&tms_en).unwrap();
                site.write(
                    "content/treatments/second.en.md",
                    &text.replace("title: TMS therapy", "title: Second"),
                );
            }),
        ),
        (
            "the new article deleted",
            Box::new(|| {
                std::fs::remove_file(site.path("content/treatments/second.en.md")).unwrap()
            }),
        ),
        (
            "a template edit",
            Box::new(|| {
                let path = site.path("templates/base.html");
                let text = std::fs::read_to_string(&path).unwrap();
                std::fs::write(&path, format!("{text}\n<!-- edited -->\n")).unwrap();
            }),
        ),
        (
            "a reference edit",
            Box::new(|| {
                let path = site.path("content/references.yaml");
                let text = std::fs::read_to_string(&path).unwrap();
                std::fs::write(&path, format!("{text}\n")).unwrap();
            }),
        ),
    ];
    for (what, step) in steps {
        std::thread::sleep(std::time::Duration::from_millis(20));
        step();
        rebuild_matches_fresh(&root, &mut cache, what);
    }
}
