//! A locale file (`locales/<lang>/*.ftl`): any text is checked as the lint checks a site's own
//! Fluent file, then, when the check lets it through, handed to the Fluent parser and a bundle
//! as the renderer does. Placeables nested thousands deep once overflowed the stack here, and
//! a syntax error at the end of the file pointed past it.
#![no_main]

use akashi::source::SourceFile;
use akashi::theme::check_fluent;
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let file = SourceFile::new("locales/en/fuzz.ftl", text.to_string());
    // The text as read (a byte order mark is dropped), which spans point into.
    let text = file.text();
    let (found, readable) = check_fluent(&file, "en");
    for d in &found {
        // Every finding points into the file, at a place that can be shown.
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start));
        file.line_col(d.span.start);
    }
    if readable {
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let lang: unic_langid::LanguageIdentifier = "en".parse().unwrap();
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        bundle.set_use_isolating(false);
        bundle.add_resource_overriding(resource);
        // Formatting every message (as templates ask for them) must not crash either.
        let ids: Vec<String> = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(r, _)| r)
            .body
            .iter()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        for id in ids {
            if let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let _ = bundle.format_pattern(pattern, None, &mut errors);
            }
        }
    } else {
        assert!(!found.is_empty(), "a file left unread is reported");
    }
});
