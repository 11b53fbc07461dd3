//! Links in HTML that editors write in an article (`<a href>`, `<img src>`), found with the
//! html5ever tokenizer, so that the `link/*` rules check them like Markdown links.

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use std::cell::RefCell;

/// A link or embedded file in HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlLink {
    /// The URL, with character references decoded.
    pub dest: String,
    /// An embedded file (`src`: an image, video, audio, frame) rather than a link to follow.
    pub image: bool,
    /// Byte offset of the URL as written in the HTML, when it is written without character
    /// references.
    pub offset: Option<usize>,
}

/// The attribute of each element that holds a URL akashi checks, and whether it embeds a file.
fn url_attribute(element: &str) -> Option<(&'static str, bool)> {
    match element {
        "a" | "area" => Some(("href", false)),
        "img" | "source" | "video" | "audio" | "track" | "iframe" | "embed" => Some(("src", true)),
        _ => None,
    }
}

#[derive(Default)]
struct Sink {
    found: RefCell<Vec<(String, bool)>>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let TagToken(Tag {
            kind: StartTag,
            name,
            attrs,
            ..
        }) = token
            && let Some((attribute, image)) = url_attribute(&name)
            && let Some(attr) = attrs.iter().find(|a| &*a.name.local == attribute)
        {
            self.found
                .borrow_mut()
                .push((attr.value.to_string(), image));
        }
        TokenSinkResult::Continue
    }
}

/// The links in a piece of HTML, in order. Comments, and text inside `<script>` and `<style>`,
/// hold none.
pub fn links(html: &str) -> Vec<HtmlLink> {
    if !html.contains('<') {
        return Vec::new();
    }
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    while let TokenizerResult::Script(()) = tokenizer.feed(&input) {}
    tokenizer.end();
    let found = tokenizer.sink.found.take();
    // Where each URL is written: searched for in order, after the one before.
    let mut from = 0;
    found
        .into_iter()
        .map(|(dest, image)| {
            let offset = (!dest.is_empty())
                .then(|| html[from..].find(dest.as_str()).map(|i| from + i))
                .flatten();
            if let Some(at) = offset {
                from = at + dest.len();
            }
            HtmlLink {
                dest,
                image,
                offset,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_and_embedded_files_with_where_they_are_written() {
        let html = r#"<p>See <a class="x" href="/ja/access/">access</a> and <IMG SRC='map.png' alt="">.</p>"#;
        let found = links(html);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].dest, "/ja/access/");
        assert!(!found[0].image);
        assert_eq!(&html[found[0].offset.unwrap()..][..11], "/ja/access/");
        assert_eq!(found[1].dest, "map.png");
        assert!(found[1].image);
        assert_eq!(&html[found[1].offset.unwrap()..][..7], "map.png");
    }

    #[test]
    fn character_references_are_decoded_and_comments_hold_no_links() {
        let found = links(r#"<!-- <a href="/old/"> --><a href="&#106;avascript:alert(1)">x</a>"#);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].dest, "javascript:alert(1)");
        assert_eq!(found[0].offset, None);
    }
}
