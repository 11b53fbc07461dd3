//! Medical publishing checks: review dates, disclosures for self-pay and unapproved treatment,
//! the advertising guideline's prohibited wording, wording versus evidence level, readability.

mod common;

use common::{akashi, build_sample, findings, fixture, repo};
use std::collections::BTreeSet;

fn rules(all: &[serde_json::Value]) -> BTreeSet<String> {
    all.iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_clinic_style_problem_page_gets_the_expected_findings_and_its_honest_twin_passes() {
    let site = fixture("problem-page/fires");
    let run = akashi(&site.root, &["lint"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    insta::assert_snapshot!("problem_page", run.stdout);
    let (_, all) = findings(&site.root);
    let found = rules(&all);
    for rule in [
        "claim/untagged",
        "ad/absolute",
        "ad/superiority",
        "ad/exaggeration",
        "ad/testimonial",
        "ad/price-emphasis",
        "disclosure/self-pay",
        "disclosure/unapproved",
        "review/missing",
        "readability/long-sentence",
        "readability/grade",
    ] {
        assert!(found.contains(rule), "{rule} not found: {found:?}");
    }
    for lang in ["ja", "en"] {
        assert!(
            all.iter()
                .any(|d| d["lang"] == lang && d["rule"].as_str().unwrap().starts_with("ad/")),
            "no ad/ finding in {lang}"
        );
    }

    let twin = fixture("problem-page/silent");
    let (code, all) = findings(&twin.root);
    assert_eq!(code, 0, "{all:#?}");
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn review_deadlines_follow_the_date_given() {
    let due = akashi(
        &repo(),
        &["lint", "--format", "json", "--today", "2027-10-01"],
    );
    assert_eq!(due.code, 0, "a coming review is a warning: {}", due.stdout);
    assert!(due.stdout.contains("review/due-soon"), "{}", due.stdout);
    let overdue = akashi(
        &repo(),
        &["lint", "--format", "json", "--today", "2027-11-02"],
    );
    assert_eq!(overdue.code, 1);
    assert!(
        overdue.stdout.contains("review/overdue"),
        "{}",
        overdue.stdout
    );
    let bad = akashi(&repo(), &["lint", "--today", "2027-13-01"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[test]
fn disclosures_render_as_a_box_in_the_pages_language() {
    let (_out, site) = build_sample();
    let ja = std::fs::read_to_string(site.join("ja/treatments/nmn/index.html")).unwrap();
    for label in [
        "自由診療についての大切なお知らせ",
        "費用",
        "未承認医薬品等についての大切なお知らせ",
        "医薬品副作用被害救済制度",
    ] {
        assert!(ja.contains(label), "{label}");
    }
    let en = std::fs::read_to_string(site.join("en/treatments/nmn/index.html")).unwrap();
    assert!(en.contains("Important information about unapproved treatment"));
    assert!(en.contains("<dt>Cost</dt>"));
}

#[test]
fn the_sample_articles_on_unapproved_treatments_pass_honestly() {
    // Their effect claims are level D and say the effect is unknown; they carry every disclosure.
    for article in [
        "content/treatments/exosome.ja.md",
        "content/treatments/nmn.en.md",
    ] {
        let text = std::fs::read_to_string(repo().join(article)).unwrap();
        assert!(text.contains("[D: @"), "{article} has no level-D claim");
        assert!(
            text.contains("self_pay:") && text.contains("unapproved:"),
            "{article}"
        );
    }
    let (code, all) = findings(&repo());
    assert_eq!(code, 0);
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn an_advertising_page_trips_every_kind_of_violation_and_its_honest_twin_passes() {
    let site = fixture("ad-page/fires");
    let run = akashi(&site.root, &["lint"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    insta::assert_snapshot!("ad_page", run.stdout);
    let (_, all) = findings(&site.root);
    for lang in ["ja", "en"] {
        for rule in [
            "ad/celebrity",
            "ad/unsourced-statistic",
            "ad/absolute",
            "ad/inducement",
            "ad/before-after",
        ] {
            assert!(
                all.iter().any(|d| d["lang"] == lang && d["rule"] == rule),
                "{rule} not found in {lang}: {all:#?}"
            );
        }
    }
    assert!(
        all.iter()
            .any(|d| d["lang"] == "en" && d["rule"] == "ad/superiority"),
        "\"the only … clinic\" not found"
    );

    let twin = fixture("ad-page/silent");
    let (code, all) = findings(&twin.root);
    assert_eq!(code, 0, "{all:#?}");
    assert!(all.is_empty(), "{all:#?}");
}
