//! HTML that editors write in an article, read with the html5ever tokenizer: its links
//! (`<a href>`, `<img src>`), so that the `link/*` rules check them like Markdown links, and
//! its text ([`text_blocks`]), so that every rule reads it like Markdown prose.

use super::markdown::{Block, BlockKind, CODE_MARK, TAG_MARK};
use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
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

/// Where each URL of `found` is written in `html`: searched for in order, after the one
/// before.
fn place_links(html: &str, found: Vec<(String, bool)>) -> Vec<HtmlLink> {
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

/// One step of HTML as [`text_blocks`] reads it.
enum Step {
    Start(String),
    /// The description of an image (`alt`), as decoded.
    Alt(String),
    End(String),
    Text(String),
    /// A comment or doctype: nothing a reader sees.
    Other,
}

#[derive(Default)]
struct TextSink {
    steps: RefCell<Vec<Step>>,
    /// The URLs of links and embedded files, and whether each embeds.
    links: RefCell<Vec<(String, bool)>>,
    /// Elements open now, and the most that were open at once.
    depth: std::cell::Cell<(usize, usize)>,
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        use html5ever::tokenizer::states::RawKind;
        let mut steps = self.steps.borrow_mut();
        match token {
            TagToken(tag) => {
                let (mut depth, mut deepest) = self.depth.get();
                if tag.kind == StartTag {
                    if !tag.self_closing && !VOID.contains(&&*tag.name) {
                        depth += 1;
                        deepest = deepest.max(depth);
                    }
                    if let Some((attribute, image)) = url_attribute(&tag.name)
                        && let Some(attr) = tag.attrs.iter().find(|a| &*a.name.local == attribute)
                    {
                        self.links
                            .borrow_mut()
                            .push((attr.value.to_string(), image));
                    }
                } else {
                    depth = depth.saturating_sub(1);
                }
                self.depth.set((depth, deepest));
                let name = tag.name.to_string();
                if tag.kind == StartTag {
                    // Their content is not markup: read it as the browser does.
                    let raw = match name.as_str() {
                        "script" => Some(RawKind::ScriptData),
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                            Some(RawKind::Rawtext)
                        }
                        "textarea" | "title" => Some(RawKind::Rcdata),
                        _ => None,
                    };
                    let self_closing = tag.self_closing;
                    steps.push(Step::Start(name.clone()));
                    if let Some(alt) = tag
                        .attrs
                        .iter()
                        .find(|a| name == "img" && &*a.name.local == "alt")
                    {
                        steps.push(Step::Alt(alt.value.to_string()));
                    }
                    if self_closing {
                        steps.push(Step::End(name));
                    }
                    if let Some(kind) = raw.filter(|_| !self_closing) {
                        return TokenSinkResult::RawData(kind);
                    }
                } else {
                    steps.push(Step::End(name));
                }
            }
            Token::CharacterTokens(text) => match steps.last_mut() {
                Some(Step::Text(t)) => t.push_str(&text),
                _ => steps.push(Step::Text(text.to_string())),
            },
            Token::NullCharacterToken => match steps.last_mut() {
                Some(Step::Text(t)) => t.push('\u{FFFD}'),
                _ => steps.push(Step::Text('\u{FFFD}'.to_string())),
            },
            Token::CommentToken(_) | Token::DoctypeToken(_) => steps.push(Step::Other),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Elements whose content a reader never sees as prose.
fn is_hidden(element: &str) -> bool {
    matches!(
        element,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "textarea"
            | "select"
            | "svg"
            | "math"
            | "pre"
            | "iframe"
            | "object"
    )
}

/// Elements whose content is code: it stands in a sentence as [`CODE_MARK`] does in Markdown.
fn is_code(element: &str) -> bool {
    matches!(element, "code" | "kbd" | "samp" | "var")
}

/// Elements that start and end a block of text.
fn is_block(element: &str) -> bool {
    matches!(
        element,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "td"
            | "th"
            | "tr"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "details"
            | "summary"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "figure"
            | "figcaption"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "address"
            | "fieldset"
            | "legend"
            | "form"
            | "center"
            | "body"
            | "html"
            | "head"
            | "title"
    ) || is_hidden(element)
}

/// How deep HTML may nest in an article. Browsers stop nesting at about this depth too
/// (Chromium's parser at 512), and the HTML sanitiser's work grows with the square of the depth.
pub const MAX_DEPTH: usize = 512;

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The text of a piece of HTML that a reader sees, as blocks of the same kind Markdown prose is
/// read into, with spans in the file (`offset` is where the HTML starts). Text inside
/// `<script>`, `<style>`, `<pre>`, `<template>` and comments is not prose; headings are
/// headings, `<blockquote>` is a quote, list items and table cells are items.
pub fn text_blocks(html: &str, offset: usize) -> Vec<Block> {
    read(html, offset, 0, true).blocks
}

/// What one pass of the tokenizer reads of a piece of HTML.
#[derive(Debug, Default)]
pub struct Read {
    /// Its links and embedded files, in order. Comments, and text inside `<script>` and
    /// `<style>`, hold none.
    pub links: Vec<HtmlLink>,
    /// How deep it leaves the nesting of elements, and the deepest it went: one pass of the
    /// tokenizer, so linear in the HTML whatever its depth.
    pub depth: usize,
    pub deepest: usize,
    /// Its text, when asked for ([`text_blocks`]).
    pub blocks: Vec<Block>,
}

/// Reads a piece of HTML at `offset` of its file in one pass of the tokenizer: its links, how
/// deep it nests from `depth`, and with `with_blocks`, its text.
pub fn read(html: &str, offset: usize, depth: usize, with_blocks: bool) -> Read {
    let nothing = Read {
        depth,
        deepest: depth,
        ..Read::default()
    };
    if !html.contains('<') && !html.contains('&') {
        return nothing;
    }
    // A comment alone (a suppression, a note to editors) holds nothing a reader sees.
    let trimmed = html.trim();
    if trimmed.starts_with("<!--")
        && trimmed.ends_with("-->")
        && trimmed.find("-->") == Some(trimmed.len() - 3)
    {
        return nothing;
    }
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let sink = TextSink::default();
    sink.depth.set((depth, depth));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    while let TokenizerResult::Script(()) = tokenizer.feed(&input) {}
    tokenizer.end();
    let (depth, deepest) = tokenizer.sink.depth.get();
    let links = place_links(html, tokenizer.sink.links.take());
    let blocks = if with_blocks {
        blocks_of(html, offset, tokenizer.sink.steps.take())
    } else {
        Vec::new()
    };
    Read {
        links,
        depth,
        deepest,
        blocks,
    }
}

/// The blocks of text that the tokenizer's `steps` make, with spans in the file.
fn blocks_of(html: &str, offset: usize, steps: Vec<Step>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cursor = Cursor {
        html,
        at: 0,
        last_tag: 0..0,
    };
    let mut open: Vec<String> = Vec::new();
    let mut block: Option<Block> = None;
    let kind_of = |open: &[String]| {
        if open
            .iter()
            .any(|e| matches!(e.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
        {
            BlockKind::Heading
        } else if open.iter().any(|e| e == "blockquote") {
            BlockKind::Quote
        } else {
            BlockKind::Prose
        }
    };
    let item_of = |open: &[String]| {
        open.iter()
            .any(|e| matches!(e.as_str(), "li" | "td" | "th" | "dd"))
    };
    let flush = |block: &mut Option<Block>, out: &mut Vec<Block>| {
        if let Some(b) = block.take().filter(|b| !b.text.trim().is_empty()) {
            out.push(b);
        }
    };
    for step in steps {
        match step {
            Step::Start(name) => {
                cursor.skip_markup();
                if is_block(&name) {
                    flush(&mut block, &mut out);
                }
                if name == "br"
                    && let Some(b) = &mut block
                {
                    b.push("\n", offset + cursor.at..offset + cursor.at, false);
                }
                let void = matches!(
                    name.as_str(),
                    "br" | "img"
                        | "hr"
                        | "input"
                        | "meta"
                        | "link"
                        | "wbr"
                        | "area"
                        | "base"
                        | "col"
                        | "embed"
                        | "source"
                        | "track"
                        | "param"
                );
                if !void {
                    open.push(name);
                }
            }
            Step::End(name) => {
                cursor.skip_markup();
                if is_block(&name) {
                    flush(&mut block, &mut out);
                }
                if let Some(i) = open.iter().rposition(|e| *e == name) {
                    open.truncate(i);
                }
            }
            Step::Other => cursor.skip_markup(),
            // An image's description is read by people who cannot see it, and shown when it
            // does not load: a line of its own.
            Step::Alt(alt) => {
                let tag = cursor.last_tag.clone();
                let mut b = Block::new(BlockKind::Field, false);
                b.html = true;
                match html[tag.clone()]
                    .find(alt.as_str())
                    .filter(|_| !alt.is_empty())
                {
                    Some(at) => {
                        let start = offset + tag.start + at;
                        b.push(&alt, start..start + alt.len(), true);
                    }
                    None => b.push(&alt, offset + tag.start..offset + tag.end, false),
                }
                if !b.text.trim().is_empty() {
                    out.push(b);
                }
            }
            Step::Text(text) => {
                let pieces = cursor.align(&text);
                if open.iter().any(|e| is_hidden(e)) {
                    continue;
                }
                let b = block.get_or_insert_with(|| {
                    let mut b = Block::new(kind_of(&open), item_of(&open));
                    b.html = true;
                    b
                });
                if open.iter().any(|e| is_code(e)) {
                    if !b.text.ends_with(CODE_MARK) {
                        let at = pieces.first().map_or(cursor.at, |p| p.1.start);
                        b.push(&CODE_MARK.to_string(), offset + at..offset + at, false);
                    }
                    continue;
                }
                for (piece, range, verbatim) in pieces {
                    let piece = if piece.contains([TAG_MARK, CODE_MARK]) {
                        piece.replace([TAG_MARK, CODE_MARK], "\u{FFFD}")
                    } else {
                        piece
                    };
                    b.push(&piece, offset + range.start..offset + range.end, verbatim);
                }
            }
        }
    }
    flush(&mut block, &mut out);
    out
}

/// Where [`text_blocks`] is in the HTML: each step the tokenizer gave is found in order.
struct Cursor<'a> {
    html: &'a str,
    at: usize,
    /// The last tag moved past.
    last_tag: std::ops::Range<usize>,
}

impl Cursor<'_> {
    /// Moves past the next tag, comment or doctype.
    fn skip_markup(&mut self) {
        let rest = &self.html[self.at..];
        let Some(lt) = rest.find('<') else {
            self.at = self.html.len();
            return;
        };
        let start = self.at + lt;
        let after = &self.html[start..];
        if after.starts_with("<!--") {
            self.at = after
                .get(4..)
                .and_then(|r| r.find("-->"))
                .map_or(self.html.len(), |i| start + 4 + i + 3);
            return;
        }
        // A `>` inside a quoted attribute value does not end the tag.
        let mut quote: Option<char> = None;
        for (i, c) in after.char_indices().skip(1) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '>') => {
                    self.at = start + i + 1;
                    self.last_tag = start..self.at;
                    return;
                }
                _ => {}
            }
        }
        self.at = self.html.len();
    }

    /// Finds decoded `text` in the HTML at the cursor: runs written as they read are verbatim;
    /// a character reference (`&amp;`) maps to the whole reference.
    fn align(&mut self, text: &str) -> Vec<(String, std::ops::Range<usize>, bool)> {
        let mut out: Vec<(String, std::ops::Range<usize>, bool)> = Vec::new();
        let source = self.html;
        let mut chars = text.chars().peekable();
        let mut run_start = self.at;
        let flush = |out: &mut Vec<_>, from: usize, to: usize| {
            if to > from {
                out.push((source[from..to].to_string(), from..to, true));
            }
        };
        while let Some(&c) = chars.peek() {
            let Some(s) = source[self.at..].chars().next() else {
                // The text runs past the HTML (should not happen): map the rest to its end.
                flush(&mut out, run_start, self.at);
                let rest: String = chars.collect();
                out.push((rest, self.at..self.at, false));
                return out;
            };
            if s == c && s != '&' {
                self.at += s.len_utf8();
                chars.next();
            } else if s == '\r' {
                // The tokenizer reads CRLF as LF.
                flush(&mut out, run_start, self.at);
                self.at += 1;
                run_start = self.at;
            } else if s == '&' {
                flush(&mut out, run_start, self.at);
                let reference = &source[self.at..];
                let len = reference[1..]
                    .char_indices()
                    .take(40)
                    .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '#'))
                    .map_or(reference.len(), |(i, c)| 1 + i + usize::from(c == ';'));
                let next_source = source[self.at + len..].chars().next();
                let mut decoded = String::new();
                // The characters the reference stands for: up to where the source goes on.
                while let Some(&d) = chars.peek() {
                    if !decoded.is_empty() && Some(d) == next_source {
                        break;
                    }
                    decoded.push(d);
                    chars.next();
                    if decoded.chars().count() >= 2 {
                        break;
                    }
                }
                out.push((decoded, self.at..self.at + len, false));
                self.at += len;
                run_start = self.at;
            } else {
                // Something the tokenizer changed (a NUL): map it to the character there.
                flush(&mut out, run_start, self.at);
                out.push((c.to_string(), self.at..self.at + s.len_utf8(), false));
                self.at += s.len_utf8();
                chars.next();
                run_start = self.at;
            }
        }
        flush(&mut out, run_start, self.at);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_reads_links_depth_and_text_and_nothing_inside_a_script() {
        let html = r#"<div><script>if (a<b) { w('<a href="/x">'); }</script><p>通院の<a href="/y">案内</a></p></div>"#;
        let read = read(html, 0, 1, true);
        let links: Vec<&str> = read.links.iter().map(|l| l.dest.as_str()).collect();
        assert_eq!(links, ["/y"]);
        assert_eq!(read.links[0].offset, html.find("/y"));
        assert_eq!((read.depth, read.deepest), (1, 4));
        assert_eq!(read.blocks.len(), 1);
        assert_eq!(read.blocks[0].text, "通院の案内");
    }

    #[test]
    fn finds_links_and_embedded_files_with_where_they_are_written() {
        let html = r#"<p>See <a class="x" href="/ja/access/">access</a> and <IMG SRC='map.png' alt="">.</p>"#;
        let found = read(html, 0, 0, false).links;
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
        let html = r#"<!-- <a href="/old/"> --><a href="&#106;avascript:alert(1)">x</a>"#;
        let found = read(html, 0, 0, false).links;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].dest, "javascript:alert(1)");
        assert_eq!(found[0].offset, None);
    }

    fn texts(html: &str) -> Vec<(BlockKind, bool, String)> {
        text_blocks(html, 0)
            .into_iter()
            .map(|b| (b.kind, b.item, b.text.trim().to_string()))
            .collect()
    }

    #[test]
    fn text_in_html_is_read_as_blocks_with_spans_in_the_file() {
        let html = "<div class=\"note\">\n<p>日本一の<b>クリニック</b>です。</p>\n<ul><li>Eases pain &amp; stiffness</li></ul>\n</div>";
        let blocks = text_blocks(html, 100);
        let found: Vec<&str> = blocks.iter().map(|b| b.text.trim()).collect();
        assert_eq!(
            found,
            ["日本一のクリニックです。", "Eases pain & stiffness"]
        );
        assert!(blocks[1].item);
        let b = &blocks[0];
        let start = b.text.find('日').unwrap();
        assert_eq!(b.source_offset(start), 100 + html.find('日').unwrap());
        let k = b.text.find('ク').unwrap();
        assert_eq!(b.source_offset(k), 100 + html.find('ク').unwrap());
        let amp = blocks[1].text.find('&').unwrap();
        assert_eq!(
            blocks[1].source_offset(amp),
            100 + html.find("&amp;").unwrap()
        );
    }

    #[test]
    fn scripts_styles_comments_and_preformatted_text_are_not_prose() {
        let found = texts(
            "<script>var a = '<p>治ります</p>';</script><style>p{}</style><!-- 日本一 --><pre>code</pre><p>Seen <code>x</code> here.</p>",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, format!("Seen {CODE_MARK} here."));
    }

    #[test]
    fn headings_and_quotes_keep_their_kind() {
        let found = texts(
            "<h2>効果</h2><blockquote>よく効きました</blockquote><details><summary>Q</summary>A</details>",
        );
        assert_eq!(found[0].0, BlockKind::Heading);
        assert_eq!(found[1].0, BlockKind::Quote);
        assert_eq!(found[2].2, "Q");
        assert_eq!(found[3].2, "A");
    }

    #[test]
    fn an_image_description_is_read_where_it_is_written() {
        let html = "<p><img src=\"a.jpg\" alt=\"施術前後の写真\"></p>";
        let blocks = text_blocks(html, 10);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].text, "施術前後の写真");
        assert_eq!(blocks[0].source_offset(0), 10 + html.find('施').unwrap());
    }
}
