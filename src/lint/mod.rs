//! Stage 3, lint: checks on the parsed site that decide whether it may be published.
//!
//! The lint reads the [`Site`] and returns findings; it never renders. `akashi build` runs it
//! first and writes nothing when a finding is an error. Each rule lives in its own file under
//! [`rules`]; [`suppress`] applies `<!-- akashi-ignore RULE: reason -->` comments last.

pub mod advertising;
pub mod claims;
pub mod diagnostic;
pub mod links;
pub mod report;
pub mod rules;
pub mod suppress;

pub use diagnostic::{Diagnostic, Severity};
pub use rules::Rule;

use crate::parse::Page;
use crate::site::Site;
use crate::theme::Theme;
use claims::{Detector, Sentence};

/// What the rules read: the site, its theme, each page's sentences (classified once), and
/// the pages the page rules report on.
pub struct Context<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    /// Sentences of `site.pages[i]`.
    sentences: &'a [Vec<Sentence>],
    /// The date review deadlines are checked against.
    pub today: jiff::civil::Date,
    /// Indices into `site.pages` of the pages that page rules report on.
    scope: &'a [usize],
}

impl<'a> Context<'a> {
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        sentences: &'a [Vec<Sentence>],
        today: jiff::civil::Date,
        scope: &'a [usize],
    ) -> Self {
        Context {
            site,
            theme,
            sentences,
            today,
            scope,
        }
    }

    /// Published articles (not drafts, not section pages) in scope, with their sentences.
    pub fn articles(&self) -> impl Iterator<Item = (&'a Page, &'a [Sentence])> {
        self.pages()
            .filter(|(p, _)| p.is_article() && !p.front.draft)
    }

    /// Every page in scope with its sentences.
    pub fn pages(&self) -> impl Iterator<Item = (&'a Page, &'a [Sentence])> {
        let (site, sentences) = (self.site, self.sentences);
        self.scope
            .iter()
            .map(move |&i| (&site.pages[i], sentences[i].as_slice()))
    }

    /// Every page in scope.
    pub fn scoped(&self) -> impl Iterator<Item = &'a Page> {
        self.pages().map(|(p, _)| p)
    }
}

/// Each page's sentences, classified; in parallel, in page order.
pub fn sentences(site: &Site, detector: &Detector) -> Vec<Vec<Sentence>> {
    use rayon::prelude::*;
    site.pages
        .par_iter()
        .map(|p| detector.sentences(p))
        .collect()
}

type Check = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Rules whose findings on a page depend on that page, its translations, and what the whole
/// site shares (configuration, references, theme, static files, and which pages exist with
/// which headings). They run on one page at a time, so a page's findings can be reused while
/// none of that changes.
const PAGE_RULES: &[Check] = &[
    rules::i18n_missing_translation::check,
    rules::cite_unknown_key::check,
    rules::claim_untagged::check,
    rules::claim_missing_level::check,
    rules::claim_missing_citation::check,
    rules::claim_unknown_level::check,
    rules::claim_fullwidth_tag::check,
    rules::evidence_level_exceeds_sources::check,
    rules::i18n_claim_mismatch::check,
    rules::markdown_unrendered_emphasis::check,
    rules::review_missing::check,
    rules::review_interval::check,
    rules::review_overdue::check,
    rules::review_due_soon::check,
    rules::disclosure_self_pay::check,
    rules::disclosure_unapproved::check,
    rules::ad_absolute::check,
    rules::ad_superiority::check,
    rules::ad_exaggeration::check,
    rules::ad_testimonial::check,
    rules::ad_price_emphasis::check,
    rules::evidence_overstated::check,
    rules::readability_long_sentence::check,
    rules::readability_grade::check,
    rules::link_broken::check,
    rules::link_anchor::check,
    rules::link_other_language::check,
    rules::link_missing_file::check,
    rules::link_unsafe::check,
];

/// Rules that look at the whole site at once.
const SITE_RULES: &[Check] = &[
    rules::i18n_missing_ui_string::check,
    rules::content_duplicate_url::check,
    rules::cite_unused_reference::check,
];

/// Runs every rule over the site: the page rules on each page in parallel, then the site rules.
pub fn check(
    site: &Site,
    theme: &Theme,
    sentences: &[Vec<Sentence>],
    today: jiff::civil::Date,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let mut out: Vec<Diagnostic> = (0..site.pages.len())
        .into_par_iter()
        .flat_map_iter(|i| check_page(site, theme, sentences, today, i))
        .collect();
    out.extend(check_site(site, theme, sentences, today));
    out
}

/// The findings of the page rules on `site.pages[page]`.
pub fn check_page(
    site: &Site,
    theme: &Theme,
    sentences: &[Vec<Sentence>],
    today: jiff::civil::Date,
    page: usize,
) -> Vec<Diagnostic> {
    let scope = [page];
    let cx = Context::new(site, theme, sentences, today, &scope);
    let mut out = Vec::new();
    for rule in PAGE_RULES {
        rule(&cx, &mut out);
    }
    out
}

/// The findings of the site rules.
pub fn check_site(
    site: &Site,
    theme: &Theme,
    sentences: &[Vec<Sentence>],
    today: jiff::civil::Date,
) -> Vec<Diagnostic> {
    let all: Vec<usize> = (0..site.pages.len()).collect();
    let cx = Context::new(site, theme, sentences, today, &all);
    let mut out = Vec::new();
    for rule in SITE_RULES {
        rule(&cx, &mut out);
    }
    out
}
