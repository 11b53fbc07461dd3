//! Machine-read files: `sitemap.xml` with `xhtml:link` language alternates, and an Atom feed
//! per language. Their text comes from site.yaml and the articles, never from UI strings.

/// Text escaped for XML, without the characters XML 1.0 forbids (the lint reports them in the
/// source as `text/invisible-character`; a feed with one would not be XML at all).
fn escape(text: &str) -> String {
    if text.chars().all(crate::text::is_xml_char) {
        super::markdown::escape(text)
    } else {
        let kept: String = text
            .chars()
            .filter(|c| crate::text::is_xml_char(*c))
            .collect();
        super::markdown::escape(&kept)
    }
}

/// One URL of the sitemap with its alternates `(hreflang, absolute URL)`.
pub struct SitemapEntry {
    pub loc: String,
    pub lastmod: Option<String>,
    pub alternates: Vec<(String, String)>,
}

pub fn sitemap(entries: &[SitemapEntry]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for e in entries {
        out.push_str(&format!("  <url>\n    <loc>{}</loc>\n", escape(&e.loc)));
        if let Some(lastmod) = &e.lastmod {
            out.push_str(&format!("    <lastmod>{lastmod}</lastmod>\n"));
        }
        for (lang, href) in &e.alternates {
            out.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                escape(lang),
                escape(href)
            ));
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

pub struct Feed<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    /// Absolute URL of the language's home page.
    pub home: String,
    /// Absolute URL of the feed itself.
    pub self_url: String,
    pub entries: Vec<FeedEntry>,
}

pub struct FeedEntry {
    pub title: String,
    pub url: String,
    pub published: String,
    pub updated: String,
    pub summary: String,
    pub authors: Vec<String>,
}

/// Dates are `YYYY-MM-DD`, written as midnight UTC (Atom needs a full timestamp); the feed's
/// `updated` is the newest entry's, so a rebuild of the same content gives the same bytes.
pub fn atom(feed: &Feed<'_>) -> String {
    let stamp = |d: &str| format!("{d}T00:00:00Z");
    let updated = feed
        .entries
        .iter()
        .map(|e| e.updated.as_str())
        .max()
        .unwrap_or("1970-01-01");
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{title}</title>\n  <link href=\"{home}\" rel=\"alternate\" type=\"text/html\"/>\n  <link href=\"{selfu}\" rel=\"self\" type=\"application/atom+xml\"/>\n  <id>{home}</id>\n  <updated>{updated}</updated>\n  <author><name>{title}</name></author>\n",
        lang = escape(feed.lang),
        title = escape(feed.title),
        home = escape(&feed.home),
        selfu = escape(&feed.self_url),
        updated = stamp(updated),
    );
    for e in &feed.entries {
        out.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <link href=\"{url}\" rel=\"alternate\" type=\"text/html\"/>\n    <id>{url}</id>\n    <published>{}</published>\n    <updated>{}</updated>\n",
            escape(&e.title),
            stamp(&e.published),
            stamp(&e.updated),
            url = escape(&e.url),
        ));
        for a in &e.authors {
            out.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                escape(a)
            ));
        }
        out.push_str(&format!(
            "    <summary>{}</summary>\n  </entry>\n",
            escape(&e.summary)
        ));
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn feeds_never_carry_characters_xml_forbids() {
        assert_eq!(
            super::escape("Park\u{1}ing \u{b}<b> \u{1b}&\u{fffe}"),
            "Parking &lt;b&gt; &amp;"
        );
        assert_eq!(super::escape("TMS治療\tと\n"), "TMS治療\tと\n");
    }
}
