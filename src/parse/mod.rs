//! Stage 2, parse: front matter, Markdown structure, evidence tags and the bibliography.
//!
//! Parsing never fails: what cannot be read becomes a finding, and the page is returned with
//! what could be read, so that one run reports every problem in every file.

pub mod fields;
pub mod frontmatter;
pub mod html;
pub mod markdown;
pub mod references;
pub mod tags;
pub mod theme;

use crate::content::{ContentFile, PageKind};
use crate::findings::Diagnostic;
use crate::source::SourceFile;
use frontmatter::FrontMatter;
use markdown::Body;

/// A Markdown page, parsed.
#[derive(Debug, Clone)]
pub struct Page {
    pub source: SourceFile,
    pub kind: PageKind,
    pub lang: String,
    /// Folder inside `content/`, `/`-separated.
    pub dir: String,
    pub slug: String,
    pub front: FrontMatter,
    /// Byte offset of the Markdown body in the file.
    pub body_start: usize,
    pub body: Body,
    /// Indices into the site's treatments of those the page names (found once, when first
    /// asked for by [`crate::site::Site::treatments_discussed`]).
    pub treatments: std::sync::OnceLock<Vec<usize>>,
    /// The suppression comments it holds, read once, when the lint first applies them (see
    /// `lint::suppress`): a page kept between rebuilds of `akashi serve` keeps them too.
    pub suppressions: std::sync::OnceLock<Vec<WrittenSuppression>>,
    /// The tags of statements that name a treatment that is not an approved, covered one: the
    /// tag's index in `body.tags` and that treatment's status, in order. Found while the
    /// page's sentences are read ([`crate::read_page`]), for the note beside the badge.
    pub tag_statuses: Vec<(u32, crate::config::TreatmentStatus)>,
}

/// A suppression comment as written (`<!-- akashi-ignore RULE, RULE: reason -->`, or after
/// `#` in front matter and Fluent files).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenSuppression {
    /// The comment, in the file.
    pub span: std::ops::Range<usize>,
    /// The rule ids as written.
    pub ids: Vec<String>,
    /// The rules of those ids that exist.
    pub rules: Vec<crate::findings::Rule>,
    /// Whether it says why (a suppression without a reason suppresses nothing).
    pub gives_reason: bool,
    /// The text whose findings it suppresses, in the file.
    pub covers: std::ops::Range<usize>,
}

impl Page {
    /// The statuses [`Page::tag_statuses`] gives the tag at `index` of `body.tags`, each once.
    pub fn statuses_of_tag(
        &self,
        index: usize,
    ) -> impl Iterator<Item = crate::config::TreatmentStatus> + '_ {
        let from = self
            .tag_statuses
            .partition_point(|&(i, _)| (i as usize) < index);
        self.tag_statuses[from..]
            .iter()
            .take_while(move |&&(i, _)| i as usize == index)
            .map(|&(_, status)| status)
    }

    pub fn body_text(&self) -> &str {
        &self.source.text()[self.body_start..]
    }

    /// Pages of one article in different languages share this key: folder and slug.
    pub fn translation_key(&self) -> String {
        if self.dir.is_empty() {
            self.slug.clone()
        } else {
            format!("{}/{}", self.dir, self.slug)
        }
    }

    /// How many distinct keys the page cites: the length of its reference list.
    pub fn citation_count(&self) -> usize {
        self.body.cited.len()
    }

    /// Cited keys in order of first use; the reference list is numbered in this order.
    pub fn citation_order(&self) -> &[String] {
        &self.body.cited
    }

    /// Gives back the room its lists grew into while it was parsed: a page lives on, through
    /// the check and rendering, long after.
    pub fn shrink_to_fit(&mut self) {
        let (front, body) = (&mut self.front, &mut self.body);
        front.tags.shrink_to_fit();
        front.authors.shrink_to_fit();
        front.spans.shrink_to_fit();
        for tag in &mut body.tags {
            tag.tag.keys.shrink_to_fit();
        }
        body.tags.shrink_to_fit();
        body.cited.shrink_to_fit();
        body.headings.shrink_to_fit();
        body.links.shrink_to_fit();
        body.comments.shrink_to_fit();
        body.literal_emphasis.shrink_to_fit();
    }

    pub fn is_article(&self) -> bool {
        self.kind == PageKind::Article
    }
}

/// The keys the tags cite, each once, in order of first use.
fn cited_in_order(tags: &[markdown::TagAt]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut order = Vec::new();
    for (key, _) in tags.iter().flat_map(|t| t.tag.keys.iter()) {
        if seen.insert(key.as_str()) {
            order.push(key.clone());
        }
    }
    order
}

pub fn parse_page(file: ContentFile, diagnostics: &mut Vec<Diagnostic>) -> Page {
    let (front, body_start) = match file.kind {
        PageKind::Article => frontmatter::parse_article(&file.source, &file.lang, diagnostics),
        PageKind::SectionIndex => {
            let (title, summary, body_start) =
                frontmatter::parse_section(&file.source, &file.lang, diagnostics);
            (
                FrontMatter {
                    title,
                    summary: summary.unwrap_or_default(),
                    ..Default::default()
                },
                body_start,
            )
        }
    };
    let mut body = markdown::scan(&file.source.text()[body_start..], body_start);
    body.cited = cited_in_order(&body.tags);
    for tag in &mut body.tags {
        tag.line = file.source.line_of(tag.span.start);
    }
    let mut fields = field_blocks(&front, file.source.text());
    fields.append(&mut body.blocks);
    body.blocks = fields;
    let mut comments = front_matter_suppressions(&file.source.text()[..body_start]);
    comments.append(&mut body.comments);
    body.comments = comments;
    Page {
        source: file.source,
        kind: file.kind,
        lang: file.lang,
        dir: file.dir,
        slug: file.slug,
        front,
        body_start,
        body,
        treatments: std::sync::OnceLock::new(),
        suppressions: std::sync::OnceLock::new(),
        tag_statuses: Vec::new(),
    }
}

/// The front matter values a reader sees, as blocks of prose of their own
/// ([`markdown::BlockKind::Field`]) that map back to where each value is written.
fn field_blocks(front: &FrontMatter, text: &str) -> Vec<markdown::Block> {
    let mut out = Vec::new();
    for (key, value, span) in front.published() {
        if value.trim().is_empty() {
            continue;
        }
        let written = text.get(span.clone()).unwrap_or_default();
        let mut block = markdown::Block::new(markdown::BlockKind::Field, false);
        // The guideline requires these to state risks, harms and what is not known of safety:
        // statements of harm there are the disclosure, not claims to tag (tags do not render
        // in front matter). Every other rule reads them.
        block.read_for_claims = !matches!(
            key,
            "self_pay.risks" | "unapproved.safety_abroad" | "unapproved.relief_system"
        );
        // A plain or quoted scalar without escapes is the value as written; anything else
        // (escapes, folded lines) maps to the whole value.
        let inner = written
            .strip_prefix(['"', '\''])
            .and_then(|w| w.strip_suffix(['"', '\'']))
            .filter(|w| *w == value);
        if written == value {
            block.push(value, span, true);
        } else if inner.is_some() {
            block.push(value, span.start + 1..span.end - 1, true);
        } else {
            block.push(value, span, false);
        }
        out.push(block);
    }
    out
}

/// `# akashi-ignore RULE: reason` lines in the front matter, as the HTML comments suppressions
/// are read from, with the span of the comment: a title or summary has no line before it where
/// an HTML comment could stand.
fn front_matter_suppressions(front: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in front.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let comment = text.trim_start();
        if let Some(rest) = comment.strip_prefix('#')
            && rest.trim_start().starts_with("akashi-ignore")
        {
            let start = offset + (text.len() - comment.len());
            out.push((
                format!("<!-- {} -->", rest.trim()),
                start..offset + text.len(),
            ));
        }
        offset += line.len();
    }
    out
}
