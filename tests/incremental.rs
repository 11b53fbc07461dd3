//! Rebuilding with what the last build kept (`akashi serve`): after every kind of edit an
//! editor makes, the site and the findings are exactly those of a build from scratch, and only
//! what the edit affects is parsed and rendered again.

mod common;

use akashi::incremental::{Cache, Change, Reuse};
use camino::Utf8PathBuf;
use common::fixture;
use std::collections::BTreeMap;

fn options() -> akashi::Options {
    akashi::Options::new(Some("2026-11-22".parse().unwrap())).unwrap()
}

/// What a build produced: its findings, and its files unless an error blocked them.
#[derive(Debug, PartialEq)]
struct Outcome {
    findings: Vec<String>,
    files: Option<BTreeMap<String, Vec<u8>>>,
}

fn run(root: &Utf8PathBuf, cache: &mut Cache) -> (Outcome, Reuse) {
    let (checked, files) = akashi::rebuild(root, &options(), false, cache).unwrap();
    let reuse = checked.reuse;
    let outcome = Outcome {
        findings: checked
            .diagnostics
            .iter()
            .map(|d| format!("{} {} {:?} {}", d.file, d.rule.id(), d.span, d.message))
            .collect(),
        files: files.map(|files| {
            files
                .iter()
                .map(|f| (f.path.clone(), f.bytes.to_vec()))
                .collect()
        }),
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
        "after {what}: the cached rebuild differs from a fresh build\ncached findings: {:#?}\nfresh findings: {:#?}",
        cached.findings,
        fresh.findings
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
    assert!(first.files.is_some(), "{first:?}");
    assert_eq!(reuse.parsed, 0, "the first build has nothing to reuse");

    // Stamps of files written in the same clock tick as the last read are not trusted; let the
    // clock move on so that the unchanged files are recognised by their stamps.
    std::thread::sleep(std::time::Duration::from_millis(20));
    edit(
        &site.path("content/treatments/tms.en.md"),
        "## How treatment goes",
        "## How a course of treatment goes",
    );
    let (outcome, reuse) = rebuild_matches_fresh(&root, &mut cache, "a heading edit");
    let files = outcome.files.expect("the edit should build");
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
            "a tag added to an article (a new tag page, and links to it lead somewhere)",
            Box::new(|| {
                edit(
                    &tms_en,
                    "tags: [depression, brain stimulation]",
                    "tags: [depression, brain stimulation, magnets]",
                )
            }),
        ),
        (
            "an article's date changed (listings and feeds reorder)",
            Box::new(|| edit(&tms_en, "date: 2026-06-01", "date: 2025-01-15")),
        ),
        (
            "a claim only the Japanese page makes, suppressed there (the English page's check finds it)",
            Box::new(|| {
                let text = std::fs::read_to_string(&tms_ja).unwrap();
                std::fs::write(
                    &tms_ja,
                    format!(
                        "{text}\n<!-- akashi-ignore i18n/claim-mismatch: the English page is being translated -->\n頭痛が起きることがあります[C: @mutz2019]。\n"
                    ),
                )
                .unwrap();
            }),
        ),
        (
            "an edit elsewhere (the suppression stays used, from what was kept)",
            Box::new(|| {
                edit(
                    &site.path("content/treatments/_index.en.md"),
                    "and what is known about them.",
                    "and what is known about each.",
                )
            }),
        ),
        (
            "the English page edited (the suppressed finding is found again)",
            Box::new(|| edit(&tms_en, "title: TMS therapy", "title: TMS")),
        ),
        (
            "the suppression removed (the finding shows)",
            Box::new(|| {
                edit(
                    &tms_ja,
                    "<!-- akashi-ignore i18n/claim-mismatch: the English page is being translated -->\n",
                    "",
                )
            }),
        ),
        (
            "a file in static/ where an article is published",
            Box::new(|| site.write("static/en/treatments/tms/index.html", "<p>old page</p>")),
        ),
        (
            "the file in static/ removed",
            Box::new(|| {
                std::fs::remove_file(site.path("static/en/treatments/tms/index.html")).unwrap()
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

#[test]
fn a_run_told_which_files_changed_gives_what_a_fresh_build_gives() {
    let site = fixture("bilingual");
    let root = root_of(&site);
    let mut cache = Cache::default();
    run(&root, &mut cache);
    let tms_en = site.path("content/treatments/tms.en.md");
    let named = |rel: &str| root.join(rel);

    // What `akashi serve` says after a save in place: only that file is looked at.
    std::thread::sleep(std::time::Duration::from_millis(20));
    edit(&tms_en, "title: TMS", "title: TMS therapy");
    cache.told(Change::InPlace(vec![named("content/treatments/tms.en.md")]));
    let (outcome, reuse) = rebuild_matches_fresh(&root, &mut cache, "a save in place");
    assert!(outcome.files.is_some());
    assert_eq!(reuse.pages - reuse.parsed, 1, "{reuse:?}");

    // A file the last run did not list: the folder is walked again, and the new page is in.
    site.write(
        "content/treatments/second.en.md",
        &std::fs::read_to_string(&tms_en)
            .unwrap()
            .replace("title: TMS therapy", "title: Second"),
    );
    cache.told(Change::InPlace(vec![named(
        "content/treatments/second.en.md",
    )]));
    let (outcome, _) = rebuild_matches_fresh(&root, &mut cache, "a new file named");
    let files = outcome.files.expect("built");
    assert!(files.contains_key("en/treatments/second/index.html"));

    // A file that is gone: walked again, and the page is gone too.
    std::fs::remove_file(site.path("content/treatments/second.en.md")).unwrap();
    cache.told(Change::InPlace(vec![named(
        "content/treatments/second.en.md",
    )]));
    let (outcome, _) = rebuild_matches_fresh(&root, &mut cache, "a file removed");
    assert!(
        !outcome
            .files
            .expect("built")
            .contains_key("en/treatments/second/index.html")
    );
}

#[test]
fn what_a_run_was_told_is_kept_when_it_stops_before_reading_content() {
    let site = fixture("bilingual");
    let root = root_of(&site);
    let mut cache = Cache::default();
    run(&root, &mut cache);
    let tms_en = site.path("content/treatments/tms.en.md");
    let site_yaml = site.path("site.yaml");
    let good_yaml = std::fs::read_to_string(&site_yaml).unwrap();

    // A save of an article and a broken site.yaml: the run stops at site.yaml.
    std::thread::sleep(std::time::Duration::from_millis(20));
    edit(&tms_en, "title: TMS", "title: TMS therapy");
    std::fs::write(&site_yaml, "languages: [\n").unwrap();
    cache.told(Change::InPlace(vec![
        root.join("content/treatments/tms.en.md"),
    ]));
    assert!(akashi::rebuild(&root, &options(), false, &mut cache).is_err());

    // site.yaml mended: the watcher names nothing in content/, and the article's save is still
    // seen.
    std::fs::write(&site_yaml, &good_yaml).unwrap();
    cache.told(Change::InPlace(Vec::new()));
    let (outcome, _) = rebuild_matches_fresh(&root, &mut cache, "site.yaml mended");
    let files = outcome.files.expect("built");
    assert!(
        String::from_utf8_lossy(&files["en/treatments/tms/index.html"]).contains("TMS therapy")
    );

    // A stopped run, then a new file: the folder is walked, whatever in-place saves came after.
    std::fs::write(&site_yaml, "languages: [\n").unwrap();
    cache.told(Change::InPlace(Vec::new()));
    assert!(akashi::rebuild(&root, &options(), false, &mut cache).is_err());
    site.write(
        "content/treatments/second.en.md",
        &std::fs::read_to_string(&tms_en)
            .unwrap()
            .replace("title: TMS therapy", "title: Second"),
    );
    cache.told(Change::Anything);
    std::fs::write(&site_yaml, &good_yaml).unwrap();
    cache.told(Change::InPlace(Vec::new()));
    let (outcome, _) = rebuild_matches_fresh(&root, &mut cache, "a new file after a stopped run");
    assert!(
        outcome
            .files
            .expect("built")
            .contains_key("en/treatments/second/index.html")
    );
}
