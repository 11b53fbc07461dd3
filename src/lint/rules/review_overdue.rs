#![cfg_attr(not(doctest), doc = include_str!("docs/review/overdue.md"))]

use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, _) in cx.articles() {
        let Some(next) = page.front.next_review else {
            continue;
        };
        if next >= cx.today {
            continue;
        }
        let days = (cx.today - next).get_days();
        out.push(
            Diagnostic::new(
                Rule::ReviewOverdue,
                page.source.path(),
                page.front.span_of("next_review"),
                format!("the medical review was due on {next}, {days} days ago"),
            )
            .with_lang(Some(&page.lang))
            .with_help("have the page reviewed, then update last_reviewed and next_review"),
        );
    }
}
