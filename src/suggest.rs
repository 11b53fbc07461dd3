//! "Did you mean" suggestions for misspelt keys, rule ids and citation keys.

/// The candidate closest to `word`, if one is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(&word_lower, &c.to_lowercase()),
                c,
            )
        })
        // Short words are all close to each other: `fr` is not a typo of `ja`.
        .filter(|(d, c)| {
            let len = c.chars().count().min(word_lower.chars().count());
            *d <= if len <= 3 { 1 } else { 2.max(len / 3) }
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `help: did you mean `x`?` text, or the list of valid choices when nothing is close.
pub fn did_you_mean(word: &str, candidates: &[&str]) -> String {
    match closest(word, candidates.iter().copied()) {
        Some(c) => format!("did you mean `{c}`?"),
        None => format!(
            "expected one of: {}",
            candidates
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        assert_eq!(closest("titel", ["title", "summary"]), Some("title"));
        assert_eq!(closest("colour", ["title", "summary"]), None);
        assert_eq!(closest("Reviewed_By", ["reviewed_by"]), Some("reviewed_by"));
        assert_eq!(closest("fr", ["ja", "en"]), None);
    }
}
