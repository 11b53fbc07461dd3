#![cfg_attr(not(doctest), doc = include_str!("docs/review/due-soon.md"))]

use crate::lint::{Context, Diagnostic, Rule};

/// How far ahead a coming review is announced.
pub const WARN_DAYS: i32 = 60;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, _) in cx.articles() {
        let Some(next) = page.front.next_review else {
            continue;
        };
        if next < cx.today {
            continue;
        }
        let days = (next - cx.today).get_days();
        if days > WARN_DAYS {
            continue;
        }
        out.push(
            Diagnostic::new(
                Rule::ReviewDueSoon,
                page.source.path(),
                page.front.span_of("next_review"),
                format!("the medical review is due on {next}, in {days} days"),
            )
            .with_lang(Some(&page.lang))
            .with_help("plan the review now; the build fails once the date has passed"),
        );
    }
}
