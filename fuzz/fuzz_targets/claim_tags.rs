//! The evidence tag parser: any text.
#![no_main]

use akashi::parse::tags;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last_end = 0;
    for (range, tag) in tags::find(text) {
        // Tags are found in order, do not overlap, and their spans are in the text.
        assert!(range.start >= last_end && range.end <= text.len());
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        for (_, span) in &tag.keys {
            assert!(span.start >= range.start && span.end <= range.end);
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        last_end = range.end;
    }
});
