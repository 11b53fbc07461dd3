//! site.yaml: any text as a site's configuration. It is either a configuration whose web
//! addresses are all ones akashi publishes, or a list of problems each at its place in the text.
#![no_main]

use akashi::config::Config;
use akashi::source::SourceFile;
use camino::Utf8Path;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let source = SourceFile::new("site.yaml", text.to_string());
    match Config::from_source(source.clone(), Utf8Path::new("/site")) {
        Ok(config) => {
            assert!(akashi::web_address::problem(&config.base_url).is_none());
            if let Some(url) = config.publisher.as_ref().and_then(|p| p.url.as_deref()) {
                assert!(akashi::web_address::problem(url).is_none(), "{url}");
            }
            assert!(!config.languages.is_empty());
            let _ = config.claim_terms();
        }
        Err(akashi::error::Error::Invalid { diagnostics, .. }) => {
            assert!(!diagnostics.is_empty());
            // Spans are into the text as read (a byte order mark is dropped).
            let text = source.text();
            for d in &diagnostics {
                assert!(d.span.start <= d.span.end && d.span.end <= text.len());
                assert!(text.is_char_boundary(d.span.start));
                source.line_col(d.span.start);
            }
        }
        Err(other) => panic!("site.yaml text gave an error that is not a finding: {other}"),
    }
});
