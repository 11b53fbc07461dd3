#![cfg_attr(not(doctest), doc = include_str!("docs/review/interval.md"))]

use crate::lint::{Context, Diagnostic, Rule};

/// Patient information is reviewed at least every three years (NHS and HSE practice).
pub const MAX_YEARS: i16 = 3;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (page, _) in cx.articles() {
        let (Some(last), Some(next)) = (page.front.last_reviewed, page.front.next_review) else {
            continue;
        };
        let latest = last.saturating_add(jiff::Span::new().years(MAX_YEARS));
        let message = if next <= last {
            format!("next_review ({next}) is not after last_reviewed ({last})")
        } else if next > latest {
            format!(
                "next_review ({next}) is more than {MAX_YEARS} years after last_reviewed ({last})"
            )
        } else {
            continue;
        };
        out.push(
            Diagnostic::new(
                Rule::ReviewInterval,
                page.source.path(),
                page.front.span_of("next_review"),
                message,
            )
            .with_lang(Some(&page.lang))
            .with_help(format!("set next_review to {latest} or earlier")),
        );
    }
}
