//! Stage 3, lint: checks on the parsed site that decide whether it may be published.
//!
//! The lint reads the [`Site`] and returns findings; it never renders. `akashi build` runs it
//! first and writes nothing when a finding is an error. Each rule lives in its own file under
//! [`rules`]; [`suppress`] applies `<!-- akashi-ignore RULE: reason -->` comments last.

pub mod claims;
pub mod diagnostic;
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
}

impl<'a> Context<'a> {
    pub fn new(site: &'a Site, theme: &'a Theme, detector: &Detector) -> Self {
        let sentences = site.pages.iter().map(|p| detector.sentences(p)).collect();
        Context {
            site,
            theme,
            sentences,
        }
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
    out
}
