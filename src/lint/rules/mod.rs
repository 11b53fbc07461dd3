//! The checks that run on the parsed site, one file per rule. The rules' ids, default
//! severities and summaries are declared in [`crate::findings::rule`], at the bottom of the
//! crate, so that every stage can report a finding without importing the lint. Rules whose
//! findings come from an earlier stage (`frontmatter/*` from parsing, `content/*` from loading)
//! have their documentation here too.
//!
//! A rule's documentation is the Markdown file `docs/<group>/<name>.md` beside this file; it is
//! the module documentation of the rule's code and what `akashi explain` prints.
//!
//! Each rule file is declared once, in the table below, with the phases it runs in
//! ([`Phase`]); the lint runs a phase's rules in the order of the table.

use super::{Check, Phase};

macro_rules! rules {
    (
        checked { $($module:ident: [$($phase:ident),+];)* }
        reported { $($reporter:ident),* $(,)? }
        said { $($said:ident),* $(,)? }
    ) => {
        $(pub mod $module;)*
        $(pub mod $reporter;)*
        $(pub mod $said;)*

        /// Every rule file's check, with the phases it runs in.
        pub const RULES: &[(Check, &[Phase])] = &[$(($module::check, &[$(Phase::$phase),+])),*];

        /// The rule files that say what loading `content/` found ([`crate::content::Problem`]):
        /// each says the problems of its rule and passes over the others.
        pub const LOAD_REPORTS: &[Report] = &[content_invalid_name::report, $($reporter::report),*];
    };
}

/// A rule file's wording of a problem an earlier stage found, if the problem is its rule's.
pub type Report = fn(&crate::content::Problem) -> Option<crate::lint::Diagnostic>;

rules! {
    checked {
        ad_absolute: [Local, Theme];
        ad_before_after: [Local, Theme];
        ad_celebrity: [Local, Theme];
        ad_exaggeration: [Local, Theme];
        ad_inducement: [Local, Theme];
        ad_price_emphasis: [Local, Theme];
        ad_superiority: [Local, Theme];
        ad_testimonial: [Local, Theme];
        ad_unsourced_statistic: [Local, Theme];
        cite_unknown_key: [Local];
        cite_unused_reference: [Site];
        claim_fullwidth_tag: [Local];
        claim_misplaced_tag: [Local];
        claim_missing_citation: [Local];
        claim_missing_level: [Local];
        claim_possibly_untagged: [Local, Theme];
        claim_unknown_level: [Local];
        claim_untagged: [Local, Theme];
        content_duplicate_url: [Site];
        content_invalid_name: [Local];
        disclosure_self_pay: [Local];
        disclosure_site_statements: [Site];
        disclosure_unapproved: [Local];
        evidence_level_exceeds_sources: [Local];
        evidence_overstated: [Local];
        i18n_claim_mismatch: [Linked];
        i18n_missing_translation: [Linked];
        i18n_missing_ui_string: [Site];
        link_anchor: [Linked];
        link_broken: [Linked];
        link_missing_file: [Linked];
        link_other_language: [Linked];
        link_unsafe: [Linked];
        markdown_deep_html: [Local];
        markdown_unrendered_emphasis: [Local];
        readability_grade: [Local];
        readability_long_sentence: [Local, Theme];
        review_due_soon: [Local];
        review_interval: [Local];
        review_missing: [Local];
        review_overdue: [Local];
        text_invisible_character: [Local, Theme];
        text_mixed_script: [Local, Theme];
    }
    // Rules whose problems are found while loading, before any page is read.
    reported {
        content_no_language,
        content_stray_file,
        content_unknown_language,
        content_unreadable,
    }
    // Rules about suppression comments, said where suppressions are applied
    // (`lint::suppress`).
    said {
        suppress_missing_reason,
        suppress_unknown_rule,
        suppress_unused,
    }
}

pub use crate::findings::Rule;
