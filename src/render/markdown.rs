//! Markdown to HTML: evidence tags become badges and numbered citation marks, heading ids come
//! from the parse stage (so links to them are stable), links to other Markdown sources become
//! the URLs of their pages.

use crate::parse::Page;
use crate::parse::markdown::{Item, items};
use pulldown_cmark::{CowStr, Event, Tag as MdTag};
use std::collections::HashMap;

/// What a badge says of one evidence level, in the page's language.
#[derive(Debug, Clone, Default)]
pub struct LevelText {
    /// On the badge, beside the letter: `根拠: 中`, `Evidence: moderate`.
    pub words: String,
    /// What the level means, shown in place when the badge is pressed.
    pub meaning: String,
}

/// What the renderer needs besides the page.
pub struct BodyContext<'a> {
    /// What each evidence level's badge says.
    pub levels: &'a HashMap<String, LevelText>,
    /// The link after a badge's explanation, to the page about the levels.
    pub levels_link: &'a str,
    /// The note beside the badge of a statement about a treatment, by its status's place in
    /// [`crate::config::TreatmentStatus::ALL`]; a status without one is named as in site.yaml.
    pub status_notes: &'a [String],
    /// `Reference 3` / `参考文献 3`, by number.
    pub citation_label: &'a dyn Fn(usize) -> String,
    /// URL of the evidence-level explanation page.
    pub evidence_url: &'a str,
    /// Citation number of each key, in order of first use.
    pub numbers: &'a HashMap<String, usize>,
    /// Resolves a link destination written in the page to a URL, when it names another page.
    pub resolve_link: &'a dyn Fn(&str) -> Option<String>,
    /// Whether HTML written in the page is published as it is (`raw_html: allow` in site.yaml)
    /// rather than sanitised.
    pub allow_raw_html: bool,
}

pub struct RenderedBody {
    pub html: String,
    /// How many badges of each level the body shows, by level.
    pub levels: HashMap<String, usize>,
    /// How many times the body cites each reference, by its number: the marks to go back to.
    pub citations: HashMap<usize, usize>,
}

/// Citation keys of a page, numbered 1, 2, ... in order of first use
/// ([`Page::citation_order`]).
pub fn citation_numbers(page: &Page) -> HashMap<String, usize> {
    page.citation_order()
        .iter()
        .enumerate()
        .map(|(i, k)| (k.clone(), i + 1))
        .collect()
}

/// Whether HTML an author wrote is more than plain comments (`<!-- akashi-ignore ... -->`),
/// so that it must be sanitised. Browsers end a comment at `--!>` and at a `>` right after its
/// opening as well as at `-->`; a comment with `<` or `>` inside is therefore taken as markup.
fn has_markup(raw: &str) -> bool {
    let mut rest = raw;
    loop {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            return false;
        }
        let Some(after_open) = trimmed.strip_prefix("<!--") else {
            return true;
        };
        let Some(end) = after_open.find("-->") else {
            return true;
        };
        let inner = &after_open[..end];
        if inner.contains(['<', '>']) || inner.starts_with('-') {
            return true;
        }
        rest = &after_open[end + 3..];
    }
}

/// Removes from a rendered body what could run or load code: scripts, styles, event handlers,
/// frames, forms, and URLs other than http(s), mailto, tel and relative ones. The markup
/// akashi itself writes (evidence badges, citation marks, heading anchors, footnotes, task
/// lists, tables) is kept.
pub fn sanitise(html: &str) -> String {
    static CLEANER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut b = ammonia::Builder::default();
            b.add_generic_attributes([
                "class",
                "id",
                "lang",
                "dir",
                "title",
                "role",
                "aria-label",
                "aria-hidden",
                "aria-describedby",
                "hidden",
            ])
            .add_tags(["input", "button"])
            .add_tag_attributes("button", ["type", "aria-expanded", "aria-controls"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tag_attributes("ol", ["start"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .url_schemes(["http", "https", "mailto", "tel"].into())
            .link_rel(None)
            // A table column's alignment is the only style kept.
            .attribute_filter(|element, attribute, value| {
                let alignment = matches!(
                    value,
                    "text-align: left" | "text-align: center" | "text-align: right"
                );
                if attribute == "style" && !(matches!(element, "td" | "th") && alignment) {
                    None
                } else {
                    Some(value.into())
                }
            });
            b
        })
        .clean(html)
        .to_string()
}

/// Renders `body`, the Markdown body of `page` (the text after its front matter).
pub fn render(page: &Page, body: &str, cx: &BodyContext<'_>) -> RenderedBody {
    // The HTML the author wrote (comments included), to tell whether there is any to sanitise.
    let mut raw = String::new();
    let mut marks = Marks::default();
    let mut headings = page.body.headings.iter();
    // Events are made as the body is read and written out at once, never held as a list.
    let events = items(body).flat_map(|item| {
        let mut out: Vec<Event<'_>> = Vec::new();
        match item {
            Item::Run(run) => {
                let mut last = 0;
                for (range, tag) in run.tags() {
                    if range.start > last {
                        out.push(Event::Text(CowStr::from(
                            run.text[last..range.start].to_string(),
                        )));
                    }
                    out.push(Event::InlineHtml(CowStr::from(badge(
                        &tag, page, cx, &mut marks,
                    ))));
                    last = range.end;
                }
                if last == 0 {
                    out.push(Event::Text(CowStr::from(run.text)));
                } else if last < run.text.len() {
                    out.push(Event::Text(CowStr::from(run.text[last..].to_string())));
                }
            }
            Item::Event(
                Event::Start(MdTag::Heading {
                    level,
                    id: _,
                    classes,
                    attrs,
                }),
                _,
            ) => {
                let id = headings.next().map(|h| CowStr::from(h.anchor.clone()));
                out.push(Event::Start(MdTag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Item::Event(
                Event::Start(MdTag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }),
                _,
            ) => {
                let dest_url = (cx.resolve_link)(&dest_url)
                    .map(CowStr::from)
                    .unwrap_or(dest_url);
                out.push(Event::Start(MdTag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Item::Event(event, _) => {
                if let Event::Html(h) | Event::InlineHtml(h) = &event {
                    raw.push_str(h);
                }
                out.push(event);
            }
        }
        out
    });
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    if !cx.allow_raw_html && has_markup(&raw) {
        html = sanitise(&html);
    }
    RenderedBody {
        html,
        levels: marks.levels,
        citations: marks.citations,
    }
}

/// What the badges and citation marks of a body have counted so far.
#[derive(Default)]
struct Marks {
    /// Tags rendered: the index of the next in the page's `body.tags`.
    tags: usize,
    levels: HashMap<String, usize>,
    citations: HashMap<usize, usize>,
}

/// An evidence tag as the reader sees it: a badge that says its level in words and explains it
/// in place when pressed, what kind of treatment the statement is about when it is not an
/// approved one, and the numbers of its references, each a mark the reference leads back to.
fn badge(
    tag: &crate::parse::tags::Tag,
    page: &Page,
    cx: &BodyContext<'_>,
    marks: &mut Marks,
) -> String {
    use crate::routes;
    let index = marks.tags;
    marks.tags += 1;
    let mut html = String::from("<span class=\"claim-tag\">");
    // The explanation goes last, so that the numbers stay beside the badge when it opens below.
    let mut explanation = String::new();
    if let Some(level) = &tag.level {
        *marks.levels.entry(level.clone()).or_default() += 1;
        let text = cx.levels.get(level);
        let anchor = routes::level_anchor(level);
        let note = routes::evidence_note_anchor(index);
        html.push_str(&format!(
            "<button type=\"button\" class=\"evidence-badge evidence-{anchor}\" aria-expanded=\"false\" aria-controls=\"{note}\"><span class=\"evidence-letter\">{}</span> <span class=\"evidence-words\">{}</span></button>",
            escape(level),
            escape(text.map_or(level, |t| &t.words)),
        ));
        for status in page.statuses_of_tag(index) {
            html.push_str(&format!(
                " <span class=\"treatment-status\">{}</span>",
                escape(
                    cx.status_notes
                        .get(status as usize)
                        .map_or(status.name(), String::as_str)
                )
            ));
        }
        explanation = format!(
            "<span class=\"evidence-note\" id=\"{note}\" hidden>{} <a href=\"{}#{anchor}\">{}</a></span>",
            escape(text.map_or("", |t| &t.meaning)),
            cx.evidence_url,
            escape(cx.levels_link),
        );
    }
    if !tag.keys.is_empty() {
        html.push_str("<sup class=\"citations\">");
        for (i, (key, _)) in tag.keys.iter().enumerate() {
            if i > 0 {
                html.push_str("<span class=\"sep\">,</span>");
            }
            match cx.numbers.get(key) {
                Some(&n) => {
                    let seen = marks.citations.entry(n).or_default();
                    *seen += 1;
                    html.push_str(&format!(
                        "<a id=\"{}\" href=\"#{}\" aria-label=\"{}\">{n}</a>",
                        routes::citation_anchor(n, *seen),
                        routes::reference_anchor(n),
                        escape(&(cx.citation_label)(n))
                    ));
                }
                None => html.push('?'),
            }
        }
        html.push_str("</sup>");
    }
    html.push_str(&explanation);
    html.push_str("</span>");
    html
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::has_markup;

    #[test]
    fn only_plain_comments_are_left_unsanitised() {
        assert!(!has_markup(
            "<!-- akashi-ignore claim/untagged: quoted -->\n"
        ));
        assert!(!has_markup(""));
        // Browsers end a comment at `--!>` and at `>` or `->` right after `<!--`.
        for markup in [
            "<b>x</b>",
            "<!-- --!><script>x</script> -->",
            "<!--><script>x</script>-->",
            "<!---><script>x</script>-->",
            "<!-- <script>x</script> -->",
            "<!-- unclosed",
            "<!-- a --> <i>b</i>",
        ] {
            assert!(has_markup(markup), "{markup}");
        }
    }
}
