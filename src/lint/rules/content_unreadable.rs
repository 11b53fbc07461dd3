#![cfg_attr(not(doctest), doc = include_str!("docs/content/unreadable.md"))]
//!
//! Found while `content/` is loaded ([`crate::content::Trouble`]); said here.

use crate::content::{Problem, Trouble};
use crate::lint::{Diagnostic, Rule};

pub fn report(problem: &Problem) -> Option<Diagnostic> {
    let found = |message: String| {
        Diagnostic::new(
            Rule::ContentUnreadable,
            problem.path.clone(),
            problem.at.clone(),
            message,
        )
    };
    Some(match &problem.trouble {
        Trouble::CannotRead(why) => found(format!("cannot read: {why}")),
        Trouble::NameNotUtf8(name) => found(format!("file name is not valid UTF-8: {name}")),
        Trouble::NotRegular(kind) => found(format!(
            "cannot read: it is {kind}, not a regular file"
        ))
        .with_help("replace it with a regular file, or remove it from content/"),
        Trouble::TextNotUtf8 => found("file is not valid UTF-8 text".to_string())
            .with_help("save the file as UTF-8 (Shift_JIS and UTF-16 are not supported)"),
        _ => return None,
    })
}
