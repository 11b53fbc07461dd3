//! The front matter splitter and reader: any text, as an article and as a section page.
#![no_main]

use akashi::parse::frontmatter;
use akashi::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let split = frontmatter::split(text);
    if let Ok(split) = &split {
        assert!(split.body_start <= text.len());
        if let Some(yaml) = &split.yaml {
            assert!(yaml.end <= text.len() && text.is_char_boundary(yaml.start));
        }
    }
    let source = SourceFile::new("content/fuzz.en.md", text.to_string());
    let mut found = Vec::new();
    let (_, body_start) = frontmatter::parse_article(&source, "en", &mut found);
    assert!(body_start <= source.text().len());
    frontmatter::parse_section(&source, "ja", &mut found);
    for d in &found {
        // Every finding points into the file, at a place that can be shown.
        assert!(d.span.start <= d.span.end && d.span.end <= source.text().len());
        source.line_col(d.span.start);
    }
});
