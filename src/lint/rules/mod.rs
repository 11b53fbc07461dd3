//! The checks that run on the parsed site, one file per rule. The rules' ids, default
//! severities and summaries are declared in [`crate::findings::rule`], at the bottom of the
//! crate, so that every stage can report a finding without importing the lint. Rules whose
//! findings come from an earlier stage (`frontmatter/*` from parsing, `content/*` from loading)
//! have their documentation here too.
//!
//! A rule's documentation is the Markdown file `docs/<group>/<name>.md` beside this file; it is
//! the module documentation of the rule's code and what `akashi explain` prints.

pub mod ad_absolute;
pub mod ad_before_after;
pub mod ad_celebrity;
pub mod ad_exaggeration;
pub mod ad_inducement;
pub mod ad_price_emphasis;
pub mod ad_superiority;
pub mod ad_testimonial;
pub mod ad_unsourced_statistic;
pub mod cite_unknown_key;
pub mod cite_unused_reference;
pub mod claim_fullwidth_tag;
pub mod claim_misplaced_tag;
pub mod claim_missing_citation;
pub mod claim_missing_level;
pub mod claim_possibly_untagged;
pub mod claim_unknown_level;
pub mod claim_untagged;
pub mod content_duplicate_url;
pub mod content_invalid_name;
pub mod disclosure_self_pay;
pub mod disclosure_site_statements;
pub mod disclosure_unapproved;
pub mod evidence_level_exceeds_sources;
pub mod evidence_overstated;
pub mod i18n_claim_mismatch;
pub mod i18n_missing_translation;
pub mod i18n_missing_ui_string;
pub mod link_anchor;
pub mod link_broken;
pub mod link_missing_file;
pub mod link_other_language;
pub mod link_unsafe;
pub mod markdown_deep_html;
pub mod markdown_unrendered_emphasis;
pub mod readability_grade;
pub mod readability_long_sentence;
pub mod review_due_soon;
pub mod review_interval;
pub mod review_missing;
pub mod review_overdue;
pub mod text_invisible_character;
pub mod text_mixed_script;

pub use crate::findings::Rule;
