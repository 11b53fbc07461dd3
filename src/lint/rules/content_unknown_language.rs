#![cfg_attr(not(doctest), doc = include_str!("docs/content/unknown-language.md"))]
//!
//! Found while `content/` is loaded ([`crate::content::Trouble`]); said here.

use crate::content::{Problem, Trouble};
use crate::lint::{Diagnostic, Rule};

pub fn report(problem: &Problem) -> Option<Diagnostic> {
    let Trouble::UnknownLanguage { lang, languages } = &problem.trouble else {
        return None;
    };
    Some(
        Diagnostic::new(
            Rule::ContentUnknownLanguage,
            problem.path.clone(),
            problem.at.clone(),
            format!("language `{lang}` is not one of the site's languages"),
        )
        .with_help(
            match crate::suggest::closest(lang, languages.iter().map(String::as_str)) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("site.yaml defines: {}", languages.join(", ")),
            },
        ),
    )
}
