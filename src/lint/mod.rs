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

/// A rule's check: what it finds in the context's scope, added to the findings.
pub type Check = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// When a rule runs, and on what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// As soon as a page is parsed, on its prose, which is then no longer kept: its findings
    /// depend only on that page and on the site's configuration, references and review date.
    Local,
    /// On a page with the pages it links to: which exist, their headings, their evidence tags
    /// (translations), the static files. It reads no prose.
    Linked,
    /// On the theme's published text (literal text in templates, the Fluent messages templates
    /// use): what is said on every page.
    Theme,
    /// On the whole site at once.
    Site,
}

/// What loading `content/` found, each said by its rule's file.
pub fn load_findings(problems: &[crate::content::Problem]) -> Vec<Diagnostic> {
    problems
        .iter()
        .filter_map(|p| rules::LOAD_REPORTS.iter().find_map(|report| report(p)))
        .collect()
}

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
    run(&cx, Phase::Local)
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
    run(&cx, Phase::Theme)
}

/// The findings of the linked rules on `site.pages[page]`.
pub fn check_linked(
    site: &Site,
    theme: &Theme,
    today: jiff::civil::Date,
    page: usize,
) -> Vec<Diagnostic> {
    run_on_site(site, theme, today, &[page], Phase::Linked)
}

/// The findings of the site rules.
pub fn check_site(site: &Site, theme: &Theme, today: jiff::civil::Date) -> Vec<Diagnostic> {
    let all: Vec<usize> = (0..site.pages.len()).collect();
    run_on_site(site, theme, today, &all, Phase::Site)
}

/// Runs `rules`, which read no prose, on the site's pages in `scope`.
fn run_on_site(
    site: &Site,
    theme: &Theme,
    today: jiff::civil::Date,
    scope: &[usize],
    phase: Phase,
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
    run(&cx, phase)
}

/// Runs the rules of `phase`, in the order of their table ([`rules::RULES`]).
fn run(cx: &Context<'_>, phase: Phase) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (check, phases) in rules::RULES {
        if phases.contains(&phase) {
            check(cx, &mut out);
        }
    }
    out
}
