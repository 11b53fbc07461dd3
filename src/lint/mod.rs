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

/// What the rules read: the site, its theme, and each page's sentences, classified once.
pub struct Context<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    /// Sentences of `site.pages[i]`.
    pub sentences: Vec<Vec<Sentence>>,
    /// The date review deadlines are checked against.
    pub today: jiff::civil::Date,
}

impl<'a> Context<'a> {
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        detector: &Detector,
        today: jiff::civil::Date,
    ) -> Self {
        let sentences = {
            use rayon::prelude::*;
            site.pages
                .par_iter()
                .map(|p| detector.sentences(p))
                .collect()
        };
        Context {
            site,
            theme,
            sentences,
            today,
        }
    }

    /// Published articles (not drafts, not section pages) with their sentences.
    pub fn articles(&self) -> impl Iterator<Item = (&'a Page, &[Sentence])> {
        self.pages()
            .filter(|(p, _)| p.is_article() && !p.front.draft)
    }

    /// Every page with its sentences.
    pub fn pages(&self) -> impl Iterator<Item = (&'a Page, &[Sentence])> {
        self.site
            .pages
            .iter()
            .zip(self.sentences.iter().map(Vec::as_slice))
    }
}

/// Runs every rule over the site.
pub fn check(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    rules::i18n_missing_ui_string::check(cx, &mut out);
    rules::content_duplicate_url::check(cx, &mut out);
    rules::i18n_missing_translation::check(cx, &mut out);
    rules::cite_unknown_key::check(cx, &mut out);
    rules::cite_unused_reference::check(cx, &mut out);
    rules::claim_untagged::check(cx, &mut out);
    rules::claim_missing_level::check(cx, &mut out);
    rules::claim_missing_citation::check(cx, &mut out);
    rules::claim_unknown_level::check(cx, &mut out);
    rules::claim_fullwidth_tag::check(cx, &mut out);
    rules::evidence_level_exceeds_sources::check(cx, &mut out);
    rules::i18n_claim_mismatch::check(cx, &mut out);
    rules::markdown_unrendered_emphasis::check(cx, &mut out);
    rules::review_missing::check(cx, &mut out);
    rules::review_interval::check(cx, &mut out);
    rules::review_overdue::check(cx, &mut out);
    rules::review_due_soon::check(cx, &mut out);
    rules::disclosure_self_pay::check(cx, &mut out);
    rules::disclosure_unapproved::check(cx, &mut out);
    rules::ad_absolute::check(cx, &mut out);
    rules::ad_superiority::check(cx, &mut out);
    rules::ad_exaggeration::check(cx, &mut out);
    rules::ad_testimonial::check(cx, &mut out);
    rules::ad_price_emphasis::check(cx, &mut out);
    rules::evidence_overstated::check(cx, &mut out);
    rules::readability_long_sentence::check(cx, &mut out);
    rules::readability_grade::check(cx, &mut out);
    rules::link_broken::check(cx, &mut out);
    rules::link_anchor::check(cx, &mut out);
    rules::link_other_language::check(cx, &mut out);
    rules::link_missing_file::check(cx, &mut out);
    rules::link_unsafe::check(cx, &mut out);
    out
}
