//! Stage 3, lint: checks on the parsed site that decide whether it may be published.
//!
//! The lint reads the [`Site`] and returns findings; it never renders. `akashi build` runs it
//! first and writes nothing when a finding is an error. Each rule lives in its own file under
//! [`rules`]; [`suppress`] applies `<!-- akashi-ignore RULE: reason -->` comments last.

pub mod advertising;
pub mod claims;
pub mod links;
pub mod report;
pub mod rules;
pub mod suppress;

pub use crate::findings::{Diagnostic, Rule, Severity};

use crate::parse::Page;
use crate::site::Site;
use crate::theme::Theme;
use claims::Sentence;

/// What the rules read: the site, its theme, pages with their sentences (classified once),
/// and which of those pages the page rules report on.
pub struct Context<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    /// The pages in view: the site's, or the one page being read.
    pages: &'a [Page],
    /// Sentences of `pages[i]`, for the rules that read prose; empty for the others.
    sentences: &'a [Vec<Sentence>],
    /// The date review deadlines are checked against.
    pub today: jiff::civil::Date,
    /// Indices into `pages` of the pages that page rules report on.
    scope: &'a [usize],
    /// The findings of every `link/*` rule on the pages in scope, made once ([`links::report`]).
    link_findings: std::cell::OnceCell<Vec<Diagnostic>>,
    /// Work that several rules share on a page, done once per page ([`Context::memo`]).
    memos: std::cell::RefCell<Memos>,
}

type Memos = std::collections::HashMap<(usize, &'static str), std::rc::Rc<dyn std::any::Any>>;

impl Context<'_> {
    /// What `make` gives for `page`, made the first time a rule asks for it under `name` and
    /// shared with every rule that asks after it (for example which `ad/*` rules match in each
    /// block: one search of the page for all of them).
    pub fn memo<T: 'static>(
        &self,
        page: &Page,
        name: &'static str,
        make: impl FnOnce() -> T,
    ) -> std::rc::Rc<T> {
        // The pages are borrowed for as long as the context lives: their addresses are stable.
        let key = (std::ptr::from_ref(page) as usize, name);
        let kept = self.memos.borrow().get(&key).cloned();
        if let Some(Ok(found)) = kept.map(|k| k.downcast::<T>()) {
            return found;
        }
        let made = std::rc::Rc::new(make());
        self.memos.borrow_mut().insert(key, made.clone());
        made
    }
}

impl<'a> Context<'a> {
    /// Published articles (not drafts, not section pages) in scope, with their sentences.
    pub fn articles(&self) -> impl Iterator<Item = (&'a Page, &'a [Sentence])> {
        self.pages()
            .filter(|(p, _)| p.is_article() && !p.front.draft)
    }

    /// Published pages in scope (articles and section introductions, not drafts), with their
    /// sentences: what readers read.
    pub fn published(&self) -> impl Iterator<Item = (&'a Page, &'a [Sentence])> {
        self.pages().filter(|(p, _)| !p.front.draft)
    }

    /// Every page in scope with its sentences.
    pub fn pages(&self) -> impl Iterator<Item = (&'a Page, &'a [Sentence])> {
        let (pages, sentences) = (self.pages, self.sentences);
        self.scope.iter().map(move |&i| {
            let s: &'a [Sentence] = sentences.get(i).map_or(&[], Vec::as_slice);
            (&pages[i], s)
        })
    }

    /// Every page in scope.
    pub fn scoped(&self) -> impl Iterator<Item = &'a Page> {
        self.pages().map(|(p, _)| p)
    }
}

type Check = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Rules whose findings on a page depend only on that page and on the site's configuration,
/// references and review date. They run as soon as a page is parsed, on its prose, which is
/// then no longer kept.
const LOCAL_RULES: &[Check] = &[
    rules::cite_unknown_key::check,
    rules::content_invalid_name::check,
    rules::claim_untagged::check,
    rules::claim_possibly_untagged::check,
    rules::claim_missing_level::check,
    rules::claim_missing_citation::check,
    rules::claim_unknown_level::check,
    rules::claim_fullwidth_tag::check,
    rules::claim_misplaced_tag::check,
    rules::text_invisible_character::check,
    rules::text_mixed_script::check,
    rules::evidence_level_exceeds_sources::check,
    rules::markdown_unrendered_emphasis::check,
    rules::markdown_deep_html::check,
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
    rules::ad_before_after::check,
    rules::ad_celebrity::check,
    rules::ad_unsourced_statistic::check,
    rules::ad_inducement::check,
    rules::ad_price_emphasis::check,
    rules::evidence_overstated::check,
    rules::readability_long_sentence::check,
    rules::readability_grade::check,
];

/// Rules whose findings on a page also depend on other pages: which exist, their headings,
/// their evidence tags (translations), the static files. They read no prose.
const LINKED_RULES: &[Check] = &[
    rules::i18n_missing_translation::check,
    rules::i18n_claim_mismatch::check,
    rules::link_broken::check,
    rules::link_anchor::check,
    rules::link_other_language::check,
    rules::link_missing_file::check,
    rules::link_unsafe::check,
];

/// Rules that read the theme's published text (literal text in templates, the Fluent messages
/// templates use): what is said on every page.
const THEME_RULES: &[Check] = &[
    rules::claim_untagged::check,
    rules::claim_possibly_untagged::check,
    rules::ad_absolute::check,
    rules::ad_superiority::check,
    rules::ad_exaggeration::check,
    rules::ad_testimonial::check,
    rules::ad_before_after::check,
    rules::ad_celebrity::check,
    rules::ad_unsourced_statistic::check,
    rules::ad_inducement::check,
    rules::ad_price_emphasis::check,
    rules::text_invisible_character::check,
    rules::text_mixed_script::check,
    rules::readability_long_sentence::check,
];

/// Rules that look at the whole site at once.
const SITE_RULES: &[Check] = &[
    rules::i18n_missing_ui_string::check,
    rules::content_duplicate_url::check,
    rules::cite_unused_reference::check,
    rules::disclosure_site_statements::check,
];

/// The findings of the local rules on one page, given its sentences. `site` needs its
/// configuration and references, not its pages.
pub fn check_local(
    site: &Site,
    theme: &Theme,
    page: &Page,
    sentences: Vec<Sentence>,
    today: jiff::civil::Date,
) -> Vec<Diagnostic> {
    let sentences = [sentences];
    let cx = Context {
        site,
        theme,
        pages: std::slice::from_ref(page),
        sentences: &sentences,
        today,
        scope: &[0],
        link_findings: Default::default(),
        memos: Default::default(),
    };
    run(&cx, LOCAL_RULES)
}

/// The findings of the theme rules on the theme's text ([`crate::parse::theme::prose`]), given
/// its sentences.
pub fn check_theme(
    site: &Site,
    theme: &Theme,
    pages: &[Page],
    sentences: &[Vec<Sentence>],
    today: jiff::civil::Date,
) -> Vec<Diagnostic> {
    let scope: Vec<usize> = (0..pages.len()).collect();
    let cx = Context {
        site,
        theme,
        pages,
        sentences,
        today,
        scope: &scope,
        link_findings: Default::default(),
        memos: Default::default(),
    };
    run(&cx, THEME_RULES)
}

/// The findings of the linked rules on `site.pages[page]`.
pub fn check_linked(
    site: &Site,
    theme: &Theme,
    today: jiff::civil::Date,
    page: usize,
) -> Vec<Diagnostic> {
    run_on_site(site, theme, today, &[page], LINKED_RULES)
}

/// The findings of the site rules.
pub fn check_site(site: &Site, theme: &Theme, today: jiff::civil::Date) -> Vec<Diagnostic> {
    let all: Vec<usize> = (0..site.pages.len()).collect();
    run_on_site(site, theme, today, &all, SITE_RULES)
}

/// Runs `rules`, which read no prose, on the site's pages in `scope`.
fn run_on_site(
    site: &Site,
    theme: &Theme,
    today: jiff::civil::Date,
    scope: &[usize],
    rules: &[Check],
) -> Vec<Diagnostic> {
    let cx = Context {
        site,
        theme,
        pages: &site.pages,
        sentences: &[],
        today,
        scope,
        link_findings: Default::default(),
        memos: Default::default(),
    };
    run(&cx, rules)
}

fn run(cx: &Context<'_>, rules: &[Check]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules {
        rule(cx, &mut out);
    }
    out
}
