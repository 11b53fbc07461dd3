//! The sentence segmenter: any text.
#![no_main]

use akashi::lint::claims::segment;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last_end = 0;
    for range in segment::sentences(text) {
        assert!(range.start >= last_end && range.start <= range.end && range.end <= text.len());
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        last_end = range.end;
    }
});
