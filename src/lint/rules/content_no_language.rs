#![cfg_attr(not(doctest), doc = include_str!("docs/content/no-language.md"))]
//!
//! Found while `content/` is loaded ([`crate::content::Trouble`]); said here.

use crate::content::{Problem, Trouble};
use crate::lint::{Diagnostic, Rule};

pub fn report(problem: &Problem) -> Option<Diagnostic> {
    let Trouble::NoLanguage { stem, languages } = &problem.trouble else {
        return None;
    };
    let examples: Vec<String> = languages.iter().map(|l| format!("{stem}.{l}.md")).collect();
    Some(
        Diagnostic::new(
            Rule::ContentNoLanguage,
            problem.path.clone(),
            problem.at.clone(),
            "Markdown file has no language in its name".to_string(),
        )
        .with_help(format!("name it {}", examples.join(" or "))),
    )
}
