//! One check for every web address that site.yaml, front matter and references.yaml can carry
//! (`base_url`, `publisher.url`, a reference's `url`): what is published as a link must be an
//! http(s) address and nothing else. Parsed with the `url` crate (WHATWG rules, as browsers
//! parse), after refusing what a browser would quietly repair: whitespace, quotes, angle
//! brackets, backslashes and control characters.

/// Why `value` is not a web address akashi publishes, or `None` when it is one.
pub fn problem(value: &str) -> Option<String> {
    if let Some(c) = value.chars().find(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\')
    }) {
        let what = match c {
            c if c.is_whitespace() => "a space or line break".to_string(),
            c if c.is_control() => format!("the control character U+{:04X}", c as u32),
            c => format!("`{c}`"),
        };
        return Some(format!(
            "contains {what}, which a web address cannot (encode it, as `%20` for a space)"
        ));
    }
    let url = match url::Url::parse(value) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            return Some("is not an absolute address: start it with https://".into());
        }
        Err(e) => return Some(format!("is not a web address ({e})")),
    };
    if !matches!(url.scheme(), "https" | "http") {
        return Some(format!(
            "is a `{}:` address; only https:// and http:// addresses are published as links",
            url.scheme()
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Some("names no host".into());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Some("carries a user name or password, which a published link must not".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn only_plain_http_addresses_pass() {
        for ok in [
            "https://www.example-clinic.jp",
            "http://example.jp/path?q=1#top",
            "https://例え.jp/",
            "https://doi.org/10.1136/bmj.l1079",
        ] {
            assert_eq!(problem(ok), None, "{ok}");
        }
        for (bad, why) in [
            ("javascript:alert(1)", "`javascript:`"),
            ("JavaScript:alert(1)", "`javascript:`"),
            ("data:text/html,x", "`data:`"),
            ("https://a.jp/x y", "space"),
            ("https://a.jp/ javascript:alert(1)", "space"),
            ("https://a.jp/\"><script>", "`\"`"),
            ("https://a.jp/\u{1}", "control"),
            ("www.example.jp", "absolute"),
            ("https://user:pw@a.jp/", "password"),
            ("https://", "empty host"),
        ] {
            let found = problem(bad).unwrap_or_else(|| panic!("{bad} passed"));
            assert!(found.contains(why), "{bad}: {found}");
        }
    }
}
