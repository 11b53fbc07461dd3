//! references.yaml: any text as the site's bibliography, including files that are only partly
//! valid YAML, which are read one entry at a time.
#![no_main]

use akashi::parse::references;
use akashi::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let source = SourceFile::new("content/references.yaml", text.to_string());
    let mut found = Vec::new();
    let refs = references::parse(&source, &mut found);
    for d in &found {
        // Every finding points into the file, at a place that can be shown.
        assert!(d.span.start <= d.span.end && d.span.end <= source.text().len());
        source.line_col(d.span.start);
    }
    for (key, r) in &refs.by_key {
        // Each reference that can be cited is filed under its own key, found in the file.
        assert_eq!(key, &r.key);
        assert!(r.key_span.start <= r.key_span.end && r.key_span.end <= text.len());
        assert!(text.is_char_boundary(r.key_span.start) && text.is_char_boundary(r.key_span.end));
    }
});
