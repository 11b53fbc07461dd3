//! Markdown as akashi reads it: pulldown-cmark events, with runs of plain text merged so that
//! evidence tags split across events are seen whole, and soft line breaks between two Japanese
//! characters removed (a line wrapped in the middle of a Japanese sentence must not become a
//! space).
//!
//! The lint and the renderer both walk [`items`], so they see the same tags and headings.

use super::tags::{self, Tag};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag as MdTag, TagEnd};
use std::collections::{HashSet, VecDeque};
use std::ops::Range;

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// One step of a document.
#[derive(Debug)]
pub enum Item<'a> {
    /// Any event other than plain text, with its byte range in the body.
    Event(Event<'a>, Range<usize>),
    /// Consecutive text and soft breaks outside code.
    Run(TextRun),
}

/// Merged text. Soft breaks appear as `\n`, or as nothing between two wide characters.
#[derive(Debug, Default)]
pub struct TextRun {
    pub text: String,
    pieces: Vec<Piece>,
}

#[derive(Debug)]
struct Piece {
    run_start: usize,
    source: Range<usize>,
    /// The piece's text is exactly the source text (no escape or entity was decoded).
    verbatim: bool,
    /// The piece starts right after a backslash escape (`\[`), which pulldown-cmark drops.
    after_backslash: bool,
}

impl TextRun {
    /// Byte offset in the body of byte `offset` of [`TextRun::text`].
    pub fn source_offset(&self, offset: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|p| p.run_start <= offset)
            .saturating_sub(1);
        let Some(p) = self.pieces.get(i) else {
            return 0;
        };
        if p.verbatim {
            (p.source.start + offset - p.run_start).min(p.source.end)
        } else if offset > p.run_start {
            p.source.end
        } else {
            p.source.start
        }
    }

    /// Whether the text at `offset` was written as an escape or entity (so `\[` is no tag).
    fn is_escaped(&self, offset: usize) -> bool {
        let i = self
            .pieces
            .partition_point(|p| p.run_start <= offset)
            .saturating_sub(1);
        self.pieces
            .get(i)
            .is_some_and(|p| !p.verbatim || (p.after_backslash && p.run_start == offset))
    }

    /// Evidence tags in this run, with ranges in the run's text; escaped brackets are skipped.
    pub fn tags(&self) -> Vec<(Range<usize>, Tag)> {
        tags::find(&self.text)
            .into_iter()
            .filter(|(range, _)| !self.is_escaped(range.start))
            .collect()
    }

    fn push(&mut self, text: &str, source: Range<usize>, verbatim: bool, after_backslash: bool) {
        self.pieces.push(Piece {
            run_start: self.text.len(),
            source,
            verbatim,
            after_backslash,
        });
        self.text.push_str(text);
    }
}

/// The body as a stream of items, read as the parser goes: a huge body is never held as a list
/// of events.
pub fn items(body: &str) -> Items<'_> {
    Items {
        body,
        events: Parser::new_ext(body, options()).into_offset_iter(),
        ahead: VecDeque::new(),
        prev: None,
        run: None,
        code_depth: 0,
        pending: None,
    }
}

/// The iterator [`items`] returns.
pub struct Items<'a> {
    body: &'a str,
    events: pulldown_cmark::OffsetIter<'a>,
    /// Events read ahead to find the character after a soft break.
    ahead: VecDeque<(Event<'a>, Range<usize>)>,
    /// The last character of the text before the next event, seen through inline markup.
    prev: Option<char>,
    run: Option<TextRun>,
    code_depth: usize,
    /// The event that ended a run, returned after it.
    pending: Option<Item<'a>>,
}

impl<'a> Items<'a> {
    fn pull(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        self.ahead.pop_front().or_else(|| self.events.next())
    }

    /// The first character of the text after the events read so far, seen through inline
    /// markup (`**` around a word does not separate it from the line break before it).
    fn next_char(&mut self) -> Option<char> {
        let mut i = 0;
        loop {
            if i == self.ahead.len() {
                let next = self.events.next()?;
                self.ahead.push_back(next);
            }
            let (event, _) = &self.ahead[i];
            if let Some(t) = text_of(event) {
                return t.chars().next();
            }
            if !is_inline_boundary(event) {
                return None;
            }
            i += 1;
        }
    }
}

impl<'a> Iterator for Items<'a> {
    type Item = Item<'a>;

    fn next(&mut self) -> Option<Item<'a>> {
        if let Some(item) = self.pending.take() {
            return Some(item);
        }
        loop {
            let Some((event, range)) = self.pull() else {
                return self.run.take().map(Item::Run);
            };
            match &event {
                Event::Text(text) if self.code_depth == 0 => {
                    let verbatim = self.body.get(range.clone()) == Some(text.as_ref());
                    let after_backslash = self.body[..range.start].ends_with('\\');
                    self.prev = text.chars().next_back();
                    self.run.get_or_insert_with(TextRun::default).push(
                        text,
                        range,
                        verbatim,
                        after_backslash,
                    );
                }
                Event::SoftBreak if self.code_depth == 0 => {
                    let (prev, next) = (self.prev, self.next_char());
                    let joined = (is_wide(prev) && is_wide(next))
                        || is_wide_punctuation(prev)
                        || is_wide_punctuation(next);
                    let text = if joined { "" } else { "\n" };
                    self.run
                        .get_or_insert_with(TextRun::default)
                        .push(text, range, false, false);
                    self.prev = None;
                }
                _ => {
                    if let Some(t) = text_of(&event) {
                        self.prev = t.chars().next_back();
                    } else if !is_inline_boundary(&event) {
                        self.prev = None;
                    }
                    match &event {
                        Event::Start(MdTag::CodeBlock(_)) => self.code_depth += 1,
                        Event::End(TagEnd::CodeBlock) => {
                            self.code_depth = self.code_depth.saturating_sub(1)
                        }
                        _ => {}
                    }
                    let item = Item::Event(event, range);
                    return match self.run.take() {
                        Some(run) => {
                            self.pending = Some(item);
                            Some(Item::Run(run))
                        }
                        None => Some(item),
                    };
                }
            }
        }
    }
}

fn text_of<'e>(event: &'e Event<'_>) -> Option<&'e str> {
    match event {
        Event::Text(t) | Event::Code(t) => Some(t),
        _ => None,
    }
}

/// Inline markup (emphasis, links) does not separate the characters around a line break.
fn is_inline_boundary(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::Start(MdTag::Emphasis | MdTag::Strong | MdTag::Strikethrough | MdTag::Link { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link)
    )
}

pub use crate::text::is_wide;

/// Japanese punctuation and brackets (。、「」（）！？ and the like): a line break next to them is
/// never a word space, whatever stands on the other side.
fn is_wide_punctuation(c: Option<char>) -> bool {
    let Some(c) = c else { return false };
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// What the later stages need to know about a body without rendering it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    /// Evidence tags and citations, in document order, with spans in the file.
    pub tags: Vec<TagAt>,
    /// The keys the tags cite, each once, in order of first use: the order of the page's
    /// reference list.
    pub cited: Vec<String>,
    pub headings: Vec<Heading>,
    /// Links and images, as written, with spans in the file.
    pub links: Vec<Link>,
    /// Runs of text between block boundaries, for sentence-level checks.
    pub blocks: Vec<Block>,
    /// HTML comments (`<!-- ... -->`) with their spans in the file.
    pub comments: Vec<(String, Range<usize>)>,
    /// `*` and `_` runs that CommonMark left as literal characters, with spans in the file.
    pub literal_emphasis: Vec<Range<usize>>,
    /// How much a reader reads: the prose without headings, tags and code.
    pub reading: ReadingLength,
    /// Where the HTML written in the body first nests deeper than
    /// [`super::html::MAX_DEPTH`] elements (the start of that HTML), if it does.
    pub deep_html: Option<Range<usize>>,
    /// How deep the HTML read so far leaves the body (elements opened, not yet closed).
    pub html_depth: usize,
}

/// The length of what a reader reads, in the units reading speeds are given in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadingLength {
    /// Letters and digits (Japanese is read by the character).
    pub characters: usize,
    /// Words between white space (English is read by the word).
    pub words: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub dest: String,
    pub span: Range<usize>,
    pub image: bool,
    /// Written in HTML (`<a href>`), so published as written: akashi does not rewrite it.
    pub html: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagAt {
    pub span: Range<usize>,
    /// Key spans are in the file too.
    pub tag: Tag,
    /// The link the tag was written inside (`[[B: @key]](url)`): its span in the file and its
    /// destination.
    /// Boxed: few tags are in links, and a site has hundreds of thousands of tags.
    pub link: Option<Box<(Range<usize>, String)>>,
    /// The 1-based line of the file it starts on (set by [`crate::parse::parse_page`]): read
    /// by rules that name where a tag of another page is, once that page's text is set aside.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    /// The `id` of the heading: `{#custom}` when given, otherwise derived from the text.
    pub anchor: String,
}

/// Stands for an evidence tag in [`Block::text`].
pub const TAG_MARK: char = '\u{E000}';
/// Stands for a code span in [`Block::text`]: code is never prose.
pub const CODE_MARK: char = '\u{E001}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph, list item or table cell, in Markdown or in HTML.
    Prose,
    Heading,
    /// Inside a block quote: someone else's words.
    Quote,
    /// A line that stands on its own: a front matter value a reader sees (the title, the
    /// summary, which is also the lead, the meta description and the feed entry, a disclosure)
    /// or a UI string of the theme. Read as prose of its own; tags are not read in it, since
    /// they would not render there.
    Field,
}

/// The text of one block, with evidence tags replaced by [`TAG_MARK`] and code spans by
/// [`CODE_MARK`], and a map back to the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    /// A list item or table cell: read under the sentence that introduces the list or table.
    pub item: bool,
    pub text: String,
    /// Index into [`Body::tags`] of each [`TAG_MARK`], in order.
    pub tags: Vec<usize>,
    /// `(offset in text, span in the file, verbatim)` of each piece of text.
    pieces: Vec<(usize, Range<usize>, bool)>,
    /// Invisible characters removed from the text: where in `text` they stood, and where in
    /// the file.
    pub removed: Vec<(usize, crate::text::Removed)>,
    /// Whether the claim detector reads it: all prose but the disclosures whose required
    /// content is risks and harms.
    pub read_for_claims: bool,
    /// Read from HTML, where evidence tags are not read (they would be published as typed).
    pub html: bool,
}

impl Block {
    pub fn new(kind: BlockKind, item: bool) -> Self {
        Block {
            kind,
            item,
            text: String::new(),
            tags: Vec::new(),
            pieces: Vec::new(),
            removed: Vec::new(),
            read_for_claims: true,
            html: false,
        }
    }

    /// Appends text read from `source` of the file (`verbatim` when it is exactly those
    /// bytes), normalised as every rule reads it ([`crate::text`]).
    pub fn push(&mut self, text: &str, source: Range<usize>, verbatim: bool) {
        let at = self.text.len();
        if !crate::text::needs_normalizing(text) {
            self.pieces.push((at, source, verbatim));
            self.text.push_str(text);
            return;
        }
        let mut removed = Vec::new();
        for piece in crate::text::normalize_piece(text, source, verbatim, &mut |r| removed.push(r))
        {
            self.pieces
                .push((self.text.len(), piece.source, piece.verbatim));
            self.text.push_str(&piece.text);
        }
        self.removed
            .extend(removed.into_iter().map(|r| (at + r.index, r)));
    }

    /// Byte offset in the file of byte `offset` of [`Block::text`].
    pub fn source_offset(&self, offset: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|p| p.0 <= offset)
            .saturating_sub(1);
        let Some((start, source, verbatim)) = self.pieces.get(i) else {
            return 0;
        };
        if *verbatim {
            (source.start + offset - start).min(source.end)
        } else if offset > *start {
            source.end
        } else {
            source.start
        }
    }

    /// Byte offset in the file just after the `len` bytes at `offset` of [`Block::text`]: a
    /// character normalised from another (`）` read as `)`) ends where that one ends.
    fn source_end(&self, offset: usize, len: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|p| p.0 <= offset)
            .saturating_sub(1);
        match self.pieces.get(i) {
            Some((start, source, true)) => (source.start + offset - start + len).min(source.end),
            Some((_, source, false)) => source.end,
            None => 0,
        }
    }

    /// File span of a byte range of [`Block::text`], without surrounding white space.
    pub fn source_span(&self, range: Range<usize>) -> Range<usize> {
        let text = &self.text[range.clone()];
        let start = range.start + (text.len() - text.trim_start().len());
        let end = range.end - (text.len() - text.trim_end().len());
        let end = end.max(start);
        // The end maps from the last character, so that a range ending a piece stays in it.
        let last = self.text[start..end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let source_end = if end > start {
            self.source_end(end - last, last)
        } else {
            self.source_offset(start)
        };
        self.source_offset(start)..source_end.max(self.source_offset(start))
    }
}

/// Reads the HTML at `range` of the body in one pass: adds its links (with spans in the file:
/// the URL itself where it is written plainly, else the start of the HTML), follows how deep it
/// nests from where the HTML before it left off (noting where it first goes deeper than
/// [`super::html::MAX_DEPTH`]), and for a block of HTML (`with_text`), adds its text.
fn read_html(body: &str, range: Range<usize>, offset: usize, with_text: bool, out: &mut Body) {
    let Some(html) = body.get(range.clone()) else {
        return;
    };
    let read = super::html::read(html, offset + range.start, out.html_depth, with_text);
    for link in read.links {
        let span = match link.offset {
            Some(at) => offset + range.start + at..offset + range.start + at + link.dest.len(),
            None => offset + range.start..offset + range.start,
        };
        out.links.push(Link {
            dest: link.dest,
            span,
            image: link.image,
            html: true,
        });
    }
    out.html_depth = read.depth;
    if out.deep_html.is_none() && read.deepest > super::html::MAX_DEPTH {
        out.deep_html = Some(offset + range.start..offset + range.end.min(range.start + 1));
    }
    out.blocks.extend(read.blocks);
}

/// Scans a body that starts at byte `offset` of its file.
pub fn scan(body: &str, offset: usize) -> Body {
    let mut out = Body::default();
    let mut heading: Option<(u8, Option<String>, String)> = None;
    let mut used = HashSet::new();
    let mut quote_depth = 0usize;
    // List items and table cells open around the current text.
    let mut item_depth = 0usize;
    let mut block: Option<Block> = None;
    let mut html_block: Option<Range<usize>> = None;
    // Links open around the current text: a tag inside one is misplaced.
    let mut links_open: Vec<(Range<usize>, String)> = Vec::new();
    let kind = |heading: bool, quote_depth: usize| {
        if heading {
            BlockKind::Heading
        } else if quote_depth > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Prose
        }
    };
    for item in items(body) {
        match item {
            Item::Run(run) => {
                let current = block.get_or_insert_with(|| {
                    Block::new(kind(heading.is_some(), quote_depth), item_depth > 0)
                });
                let mut last = 0;
                for (range, mut tag) in run.tags() {
                    push_run_text(current, &run, last..range.start, offset);
                    for (_, span) in &mut tag.keys {
                        *span = offset + run.source_offset(span.start)
                            ..offset + run.source_offset(span.end);
                    }
                    let span = offset + run.source_offset(range.start)
                        ..offset + run.source_offset(range.end);
                    current.tags.push(out.tags.len());
                    current.push(&TAG_MARK.to_string(), span.clone(), false);
                    out.tags.push(TagAt {
                        span,
                        tag,
                        link: links_open.last().cloned().map(Box::new),
                        line: 0,
                    });
                    last = range.end;
                }
                push_run_text(current, &run, last..run.text.len(), offset);
                literal_emphasis(&run, offset, &mut out.literal_emphasis);
                if let Some((_, _, text)) = &mut heading {
                    text.push_str(&run.text);
                }
            }
            Item::Event(Event::Code(code), range) => {
                if let Some((_, _, text)) = &mut heading {
                    text.push_str(&code);
                }
                block
                    .get_or_insert_with(|| {
                        Block::new(kind(heading.is_some(), quote_depth), item_depth > 0)
                    })
                    .push(
                        &CODE_MARK.to_string(),
                        offset + range.start..offset + range.end,
                        false,
                    );
            }
            Item::Event(Event::Html(html), range) => {
                if html.trim_start().starts_with("<!--") {
                    out.comments
                        .push((html.to_string(), offset + range.start..offset + range.end));
                }
                // The lines of an HTML block are read together: a tag may span lines.
                html_block.get_or_insert(range.clone()).end = range.end;
            }
            Item::Event(Event::InlineHtml(html), range) => {
                if html.trim_start().starts_with("<!--") {
                    out.comments
                        .push((html.to_string(), offset + range.start..offset + range.end));
                }
                read_html(body, range, offset, false, &mut out);
            }
            Item::Event(Event::HardBreak, range) => {
                if let Some(b) = &mut block {
                    b.push("\n", offset + range.start..offset + range.end, false);
                }
            }
            Item::Event(event @ (Event::Start(_) | Event::End(_)), range) => {
                let inline = matches!(
                    event,
                    Event::Start(
                        MdTag::Emphasis
                            | MdTag::Strong
                            | MdTag::Strikethrough
                            | MdTag::Link { .. }
                            | MdTag::Image { .. }
                    ) | Event::End(
                        TagEnd::Emphasis
                            | TagEnd::Strong
                            | TagEnd::Strikethrough
                            | TagEnd::Link
                            | TagEnd::Image
                    )
                );
                if let Some(b) = block
                    .take_if(|_| !inline)
                    .filter(|b| !b.text.trim().is_empty())
                {
                    out.blocks.push(b);
                }
                if let Some(range) = html_block.take() {
                    read_html(body, range, offset, true, &mut out);
                }
                match event {
                    Event::Start(MdTag::Heading { level, id, .. }) => {
                        heading = Some((
                            heading_level(level),
                            id.map(|s| s.to_string()),
                            String::new(),
                        ));
                    }
                    Event::End(TagEnd::Heading(_)) => {
                        if let Some((level, id, text)) = heading.take() {
                            let anchor =
                                unique_anchor(id.unwrap_or_else(|| slugify(&text)), &mut used);
                            out.headings.push(Heading {
                                level,
                                text: text.trim().to_string(),
                                anchor,
                            });
                        }
                    }
                    Event::Start(MdTag::BlockQuote(_)) => quote_depth += 1,
                    Event::Start(MdTag::Item | MdTag::TableCell) => item_depth += 1,
                    Event::End(TagEnd::Item | TagEnd::TableCell) => {
                        item_depth = item_depth.saturating_sub(1)
                    }
                    Event::End(TagEnd::BlockQuote(_)) => {
                        quote_depth = quote_depth.saturating_sub(1)
                    }
                    Event::Start(MdTag::Link { dest_url, .. }) => {
                        let span = offset + range.start..offset + range.end;
                        links_open.push((span.clone(), dest_url.to_string()));
                        out.links.push(Link {
                            dest: dest_url.to_string(),
                            span,
                            image: false,
                            html: false,
                        })
                    }
                    Event::End(TagEnd::Link) => {
                        links_open.pop();
                    }
                    Event::Start(MdTag::Image { dest_url, .. }) => out.links.push(Link {
                        dest: dest_url.to_string(),
                        span: offset + range.start..offset + range.end,
                        image: true,
                        html: false,
                    }),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    if let Some(b) = block.take().filter(|b| !b.text.trim().is_empty()) {
        out.blocks.push(b);
    }
    if let Some(range) = html_block.take() {
        read_html(body, range, offset, true, &mut out);
    }
    // Pages are kept for the whole run: no spare capacity.
    out.tags.shrink_to_fit();
    out.headings.shrink_to_fit();
    out.links.shrink_to_fit();
    out.comments.shrink_to_fit();
    out.literal_emphasis.shrink_to_fit();
    for b in out.blocks.iter().filter(|b| b.kind != BlockKind::Heading) {
        out.reading.characters += b.text.chars().filter(|c| c.is_alphanumeric()).count();
        out.reading.words += b
            .text
            .split(|c: char| c.is_whitespace() || c == TAG_MARK || c == CODE_MARK)
            .filter(|w| !w.is_empty())
            .count();
    }
    out
}

/// Appends `range` of a run's text to a block, piece by piece so that offsets map back.
fn push_run_text(block: &mut Block, run: &TextRun, range: Range<usize>, offset: usize) {
    // Only the pieces that overlap the range: a paragraph with many tags is cut into many
    // ranges, and visiting every piece for each would be quadratic.
    let first = run
        .pieces
        .partition_point(|p| p.run_start <= range.start)
        .saturating_sub(1);
    for (i, p) in run.pieces.iter().enumerate().skip(first) {
        if p.run_start >= range.end {
            break;
        }
        let piece_end = run
            .pieces
            .get(i + 1)
            .map_or(run.text.len(), |q| q.run_start);
        let (start, end) = (p.run_start.max(range.start), piece_end.min(range.end));
        if start >= end {
            continue;
        }
        let source = if p.verbatim {
            let base = offset + p.source.start - p.run_start;
            base + start..base + end
        } else {
            offset + p.source.start..offset + p.source.end
        };
        let text = &run.text[start..end];
        if text.contains([TAG_MARK, CODE_MARK]) {
            // The marks stand for tags and code in a block's text; written by an author they
            // are plain characters. U+FFFD has the same length in UTF-8, so offsets still map.
            block.push(
                &text.replace([TAG_MARK, CODE_MARK], "\u{FFFD}"),
                source,
                p.verbatim,
            );
        } else {
            block.push(text, source, p.verbatim);
        }
    }
}

/// `**` or `__` left as text, or a `*` next to a wide character: emphasis that did not render.
fn literal_emphasis(run: &TextRun, offset: usize, out: &mut Vec<Range<usize>>) {
    let text = &run.text;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if c == '*' || c == '_' {
            let len = rest.chars().take_while(|&d| d == c).count();
            let before = text[..i].chars().next_back();
            let after = text[i + len..].chars().next();
            let wide_neighbour = is_wide(before) || is_wide(after);
            let flagged =
                (len >= 2 && (c == '*' || wide_neighbour)) || (c == '*' && wide_neighbour);
            if flagged && !run.is_escaped(i) {
                out.push(offset + run.source_offset(i)..offset + run.source_offset(i + len));
            }
            i += len;
        } else {
            i += c.len_utf8();
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

fn unique_anchor(base: String, used: &mut HashSet<String>) -> String {
    let mut anchor = base.clone();
    let mut n = 1;
    while !used.insert(anchor.clone()) {
        n += 1;
        anchor = format!("{base}-{n}");
    }
    anchor
}

/// A readable, stable anchor: letters and digits of any script are kept (so Japanese headings
/// stay Japanese), ASCII is lowercased, spaces become `-`, punctuation is dropped.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_' || c == '・')
            && !slug.ends_with('-')
            && !slug.is_empty()
        {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug
    }
}

/// Strips a `CowStr` to an owned string (helper for callers that keep event text).
pub fn owned(s: &CowStr<'_>) -> String {
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_texts(body: &str) -> Vec<String> {
        items(body)
            .filter_map(|i| match i {
                Item::Run(r) => Some(r.text),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn soft_break_between_japanese_characters_is_removed() {
        assert_eq!(
            run_texts("うつ病の症状を\n軽減します。"),
            ["うつ病の症状を軽減します。"]
        );
        assert_eq!(run_texts("症状を\r\n軽減します。"), ["症状を軽減します。"]);
        assert_eq!(run_texts("**症状**を\n軽減"), ["症状", "を軽減"]);
        assert_eq!(
            run_texts("承認されました。\n2019年"),
            ["承認されました。2019年"]
        );
    }

    #[test]
    fn soft_break_between_latin_words_stays() {
        assert_eq!(run_texts("reduce\nsymptoms"), ["reduce\nsymptoms"]);
        assert_eq!(run_texts("TMS\n治療"), ["TMS\n治療"]);
    }

    #[test]
    fn tags_split_across_events_are_found_with_file_spans() {
        let body = "症状を\n軽減します[B: @mutz2019]。\n";
        let b = scan(body, 100);
        assert_eq!(b.tags.len(), 1);
        let span = b.tags[0].span.clone();
        assert_eq!(&body[span.start - 100..span.end - 100], "[B: @mutz2019]");
        let key = b.tags[0].tag.keys[0].1.clone();
        assert_eq!(&body[key.start - 100..key.end - 100], "@mutz2019");
    }

    #[test]
    fn code_and_escapes_are_not_tags() {
        let b = scan("`[B: @x]`\n\n```\n[B: @y]\n```\n\n\\[B: @z]\n", 0);
        assert!(b.tags.is_empty(), "{:?}", b.tags);
    }

    #[test]
    fn links_are_not_tags() {
        let b = scan(
            "[B: @x](https://example.org) and [see][ref]\n\n[ref]: https://example.org\n",
            0,
        );
        assert!(b.tags.is_empty());
        assert_eq!(b.links.len(), 2);
    }

    #[test]
    fn japanese_heading_anchors_are_readable_and_unique() {
        let b = scan(
            "## TMS治療とは？\n\n## TMS治療とは？\n\n## Side effects {#risks}\n",
            0,
        );
        let anchors: Vec<&str> = b.headings.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(anchors, ["tms治療とは", "tms治療とは-2", "risks"]);
    }
}
