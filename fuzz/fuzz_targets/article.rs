//! The whole pipeline of one article: any text as a Japanese or English article of the sample
//! site, read and checked by every rule that reads one page (`akashi::read_page`, the step
//! every page of a build goes through), by the rules that follow its links (on a site of that
//! one page), and rendered.
#![no_main]

use akashi::content::{ContentFile, PageKind};
use akashi::lint;
use akashi::source::SourceFile;
use camino::Utf8PathBuf;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

struct Sample {
    site: akashi::site::Site,
    theme: akashi::theme::Theme,
    detector: lint::claims::Detector,
}

fn sample() -> &'static Sample {
    static SAMPLE: OnceLock<Sample> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let root = Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let config = akashi::config::Config::load(&root).expect("the sample site's site.yaml");
        let (theme, _) = akashi::theme::Theme::load(&config).expect("the sample site's theme");
        let detector = lint::claims::Detector::new(&config.claim_terms()).expect("lexicons");
        let references = std::fs::read_to_string(root.join("content/references.yaml")).ok();
        let site = akashi::site::Site::new(
            config,
            references.map(|t| SourceFile::new("content/references.yaml", t)),
            Vec::new(),
            &mut Vec::new(),
        );
        Sample {
            site,
            theme,
            detector,
        }
    })
}

fuzz_target!(|input: (bool, &str)| {
    let (japanese, text) = input;
    let sample = sample();
    let lang = if japanese { "ja" } else { "en" };
    let file = ContentFile {
        source: SourceFile::new(format!("content/fuzz/page.{lang}.md"), text.to_string()),
        kind: PageKind::Article,
        lang: lang.to_string(),
        dir: "fuzz".to_string(),
        slug: "page".to_string(),
        stamp: None,
    };
    let today = jiff::civil::date(2026, 11, 22);
    let read = akashi::read_page(file, &sample.site, &sample.theme, &sample.detector, today);
    let (page, mut found) = (read.page, read.findings);
    // The rules that look beyond the page (links, translations), on a site of this page alone.
    let config = sample.site.config.clone();
    let site =
        akashi::site::Site::new(config, None, Vec::new(), &mut Vec::new()).with_pages(vec![page]);
    found.extend(lint::check_linked(&site, &sample.theme, today, 0));
    let page = &site.pages[0];
    for d in &found {
        assert!(
            d.span.start <= d.span.end && d.span.end <= page.source.text().len(),
            "{d:?}"
        );
        page.source.line_col(d.span.start);
    }
    let levels = std::collections::HashMap::new();
    let numbers = akashi::render::markdown::citation_numbers(page);
    let html = akashi::render::markdown::render(
        page,
        &page.source.text()[page.body_start..],
        &akashi::render::markdown::BodyContext {
            levels: &levels,
            levels_link: "What the levels mean",
            status_notes: &[],
            citation_label: &|n| n.to_string(),
            evidence_url: "/en/evidence/",
            numbers: &numbers,
            resolve_link: &|_| None,
            allow_raw_html: false,
        },
    );
    // Sanitised output has no script element, whatever the input.
    assert!(
        !html.html.to_ascii_lowercase().contains("<script"),
        "{}",
        html.html
    );
});
