//! Suppression comments: `<!-- akashi-ignore RULE[, RULE...]: reason -->`, and in front matter
//! or a Fluent file the comment above a key or message, `# akashi-ignore RULE: reason`.
//!
//! A suppression covers the findings that start in the block after it (up to the next blank
//! line): the paragraph, list or table on the following lines, or the rest of the paragraph
//! when the comment stands inside one; after a `#` comment, the key or message below it. The reason is mandatory, because a reviewer must be able
//! to judge it; a suppression without one suppresses nothing. Suppressions that suppress
//! nothing are reported, so that stale ones do not pile up.

use crate::lint::{Diagnostic, Rule, rules};
use crate::parse::{Page, WrittenSuppression};
use crate::site::Site;
use std::ops::Range;

/// The word that starts a suppression comment.
pub const KEYWORD: &str = "akashi-ignore";

struct Suppression<'p> {
    page: &'p Page,
    written: &'p WrittenSuppression,
    used: bool,
}

/// Whether `written` suppresses the finding `d` of its own file: it gives a reason, names the
/// rule, and covers where the finding starts. Findings about suppressions are never suppressed.
fn suppresses(written: &WrittenSuppression, d: &Diagnostic) -> bool {
    written.gives_reason
        && !d.rule.id().starts_with("suppress/")
        && written.rules.contains(&d.rule)
        && written.covers.contains(&d.span.start)
}

/// Which suppression of `page` suppresses its finding `d`, if one does.
fn suppressor(page: &Page, d: &Diagnostic) -> Option<usize> {
    written(page).iter().position(|w| suppresses(w, d))
}

/// The suppression comments of a page, read once for the page's life (a page kept between
/// rebuilds of `akashi serve` is not read again).
fn written(page: &Page) -> &[WrittenSuppression] {
    page.suppressions.get_or_init(|| {
        page.body
            .comments
            .iter()
            .filter_map(|(html, span)| {
                let parsed = parse(html)?;
                Some(WrittenSuppression {
                    span: span.clone(),
                    rules: parsed
                        .ids
                        .iter()
                        .filter_map(|id| Rule::from_id(id))
                        .collect(),
                    ids: parsed.ids,
                    gives_reason: parsed.reason.is_some(),
                    covers: span.end..covered_end(page.source.text(), span),
                })
            })
            .collect()
    })
}

/// Removes the findings on `page` that its own suppressions cover, as soon as the page is read:
/// most findings a suppression is for come from the rules that read one page, and a page kept
/// between rebuilds then keeps only what is left. Returns the findings left and, for each of
/// the page's suppressions, whether it suppressed one ([`apply`] takes that up).
pub fn apply_to_page(page: &Page, diagnostics: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<bool>) {
    let written = written(page);
    let mut used = vec![false; written.len()];
    if written.is_empty() {
        return (diagnostics, used);
    }
    let left = diagnostics
        .into_iter()
        .filter(|d| {
            if d.file != page.source.path {
                return true;
            }
            match suppressor(page, d) {
                Some(k) => {
                    used[k] = true;
                    false
                }
                None => true,
            }
        })
        .collect();
    (left, used)
}

/// Whether every suppression of `page` gives a reason and names only rules that exist.
pub fn well_formed(page: &Page) -> bool {
    written(page)
        .iter()
        .all(|w| w.gives_reason && w.rules.len() == w.ids.len())
}

/// Whether every suppression of `page` is well formed and was `used`: then the suppressions can
/// neither suppress another finding nor be reported, and only a finding left in the page sends
/// it through [`apply`].
fn settled(page: &Page, used: &[bool]) -> bool {
    used.len() == written(page).len() && used.iter().all(|&u| u) && well_formed(page)
}

/// Findings of the rules that read one page with the pages it links to, sorted by
/// [`apply_where_found`].
pub struct Sorted {
    /// What no suppression covers.
    pub left: Vec<Diagnostic>,
    /// For each finding a suppression covers: the index of the page it is in, and of the
    /// suppression there.
    pub suppressed: Vec<(usize, usize)>,
}

/// Meets the findings that the linked rules made on the site's page `page` with the
/// suppressions of the pages they are in (the page itself, or a translation the finding is
/// about).
pub fn apply_where_found(site: &Site, page: usize, found: Vec<Diagnostic>) -> Sorted {
    let mut sorted = Sorted {
        left: Vec::new(),
        suppressed: Vec::new(),
    };
    for d in found {
        let at = if d.file == site.pages[page].source.path {
            Some(page)
        } else {
            site.index_at_source(d.file.as_str())
        };
        let by = at.and_then(|t| Some((t, suppressor(&site.pages[t], &d)?)));
        match by {
            Some(by) => sorted.suppressed.push(by),
            None => sorted.left.push(d),
        }
    }
    sorted
}

/// Removes suppressed findings and adds findings about the suppressions themselves, given the
/// pages whose comments may suppress them (the site's, and the theme's text), each with, when
/// its findings went through [`apply_to_page`] already, which of its suppressions were used
/// there.
pub fn apply<'p>(
    pages: impl IntoIterator<Item = (&'p Page, Option<&'p [bool]>)>,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut suppressions: Vec<Suppression<'p>> = Vec::new();
    let mut out = Vec::new();
    // Keyed by the path's text: hashing a `Path` walks its components.
    let with_findings: std::collections::HashSet<&str> =
        diagnostics.iter().map(|d| d.file.as_str()).collect();
    for (page, before) in pages {
        let written_here = written(page);
        // No finding is left in the page, and its suppressions are settled: nothing here can
        // change (most pages of a site that suppresses much).
        if !with_findings.contains(page.source.path.as_str())
            && before.is_some_and(|b| settled(page, b))
        {
            continue;
        }
        for (k, written) in written_here.iter().enumerate() {
            rules::suppress_unknown_rule::report(page, written, &mut out);
            rules::suppress_missing_reason::report(page, written, &mut out);
            suppressions.push(Suppression {
                page,
                written,
                used: before.and_then(|b| b.get(k)).copied().unwrap_or(false),
            });
        }
    }
    // Findings are matched only against the suppressions of their own file.
    let mut by_file: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, s) in suppressions.iter().enumerate() {
        if s.written.gives_reason {
            by_file
                .entry(s.page.source.path.as_str())
                .or_default()
                .push(i);
        }
    }
    for d in diagnostics {
        let suppressor = by_file.get(d.file.as_str()).and_then(|indices| {
            indices
                .iter()
                .copied()
                .find(|&i| suppresses(suppressions[i].written, &d))
        });
        match suppressor {
            Some(i) => suppressions[i].used = true,
            None => out.push(d),
        }
    }
    for s in suppressions
        .into_iter()
        .filter(|s| !s.used && s.written.gives_reason && !s.written.rules.is_empty())
    {
        out.push(rules::suppress_unused::report(s.page, s.written));
    }
    out
}

struct Parsed {
    ids: Vec<String>,
    reason: Option<String>,
}

/// Reads `<!-- akashi-ignore a/b, c/d: reason -->`; `None` for other comments.
fn parse(html: &str) -> Option<Parsed> {
    let inner = html
        .trim()
        .strip_prefix("<!--")?
        .trim_end()
        .strip_suffix("-->")?
        .trim();
    let rest = inner.strip_prefix(KEYWORD)?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let (ids, reason) = match rest.split_once([':', '：']) {
        Some((ids, reason)) => (
            ids,
            Some(reason.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (rest, None),
    };
    let ids = ids
        .split([',', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Some(Parsed { ids, reason })
}

/// End of what the suppression at `comment` covers: after a `#` comment (front matter YAML, a
/// Fluent file) the entry on the next line and the lines indented deeper that continue it;
/// after an HTML comment, the block.
fn covered_end(text: &str, comment: &Range<usize>) -> usize {
    let from = comment.end;
    if !text[comment.start..].trim_start().starts_with('#') {
        return block_end(text, from);
    }
    // From the start of the line after the comment.
    let from = text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
    let indent = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    let mut lines = text[from..].split_inclusive('\n');
    let Some(first) = lines.next() else {
        return text.len();
    };
    let mut offset = from + first.len();
    for line in lines {
        if line.trim().is_empty() || indent(line) <= indent(first) {
            return offset;
        }
        offset += line.len();
    }
    text.len()
}

/// End of the block that starts at `from`: the next blank line, or the end of the text.
fn block_end(text: &str, from: usize) -> usize {
    let mut offset = from;
    let mut seen_text = false;
    for line in text[from..].split_inclusive('\n') {
        if line.trim().is_empty() {
            if seen_text {
                return offset;
            }
        } else {
            seen_text = true;
        }
        offset += line.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rules_and_reason() {
        let p =
            parse("<!-- akashi-ignore claim/untagged, cite/unknown-key: quoted from a patient -->")
                .unwrap();
        assert_eq!(p.ids, ["claim/untagged", "cite/unknown-key"]);
        assert_eq!(p.reason.as_deref(), Some("quoted from a patient"));
        let p = parse("<!-- akashi-ignore claim/untagged -->").unwrap();
        assert_eq!(p.reason, None);
        assert!(parse("<!-- a note -->").is_none());
        assert!(parse("<!-- akashi-ignorex y: z -->").is_none());
    }

    #[test]
    fn a_yaml_or_fluent_comment_covers_the_entry_below_it() {
        let text = "# akashi-ignore x: y\nsummary: a\n  b\ntitle: c\n";
        let end = covered_end(text, &(0..20));
        assert_eq!(&text[20..end], "\nsummary: a\n  b\n");
        let ftl = "# akashi-ignore x: y\nmsg = { $n ->\n    [one] a\n   *[other] b\n}\nnext = c\n";
        let end = covered_end(ftl, &(0..20));
        assert!(ftl[20..end].contains("[other] b") && !ftl[20..end].contains("next"));
    }

    #[test]
    fn covers_the_next_block() {
        let text = "<!-- x -->\nline one\nline two\n\nnext";
        assert_eq!(&text[10..block_end(text, 10)], "\nline one\nline two\n");
    }
}
