#![cfg_attr(not(doctest), doc = include_str!("docs/content/stray-file.md"))]
//!
//! Found while `content/` is loaded ([`crate::content::Trouble`]); said here.

use crate::content::{Problem, Trouble};
use crate::lint::{Diagnostic, Rule};

pub fn report(problem: &Problem) -> Option<Diagnostic> {
    let (message, help) = match &problem.trouble {
        Trouble::Link => (
            "symbolic link not followed: akashi reads only files inside the site",
            "copy the file into content/ instead of linking to it",
        ),
        Trouble::NotMarkdown => (
            "not a Markdown page, so it is not published",
            "put images and other files to publish in static/",
        ),
        _ => return None,
    };
    Some(
        Diagnostic::new(
            Rule::ContentStrayFile,
            problem.path.clone(),
            problem.at.clone(),
            message.to_string(),
        )
        .with_help(help),
    )
}
