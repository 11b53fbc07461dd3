//! References in Vancouver (NLM) style, as HTML.
//!
//! ```text
//! Mutz J, Vipulananthan V, Carter B, Hurlemann R, Fu CHY, Young AH. Comparative efficacy ...
//! BMJ. 2019;364:l1079.
//! ```
//!
//! More than six authors are cut to the first six and `et al.` (NLM's rule). The DOI and PubMed
//! links are added by the template from the reference's fields.

use super::markdown::escape;
use crate::parse::references::Reference;

pub fn format(r: &Reference) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !r.authors.is_empty() {
        parts.push(sentence(&authors(&r.authors)));
    }
    let title = match r.kind.as_str() {
        "web" => format!("{} [Internet]", r.title),
        _ => r.title.clone(),
    };
    match r.kind.as_str() {
        "article" => {
            parts.push(sentence(&title));
            let mut source = sentence(r.journal.as_deref().unwrap_or_default());
            if let Some(year) = r.year {
                source.push_str(&format!(" {year}"));
            }
            if let Some(volume) = &r.volume {
                source.push_str(&format!(";{volume}"));
            }
            if let Some(issue) = &r.issue {
                source.push_str(&format!("({issue})"));
            }
            if let Some(pages) = &r.pages {
                source.push_str(&format!(":{pages}"));
            }
            parts.push(sentence(&source));
        }
        "chapter" => {
            parts.push(sentence(&title));
            let mut inside = String::from("In: ");
            if !r.editors.is_empty() {
                inside.push_str(&format!("{}, editors. ", authors(&r.editors)));
            }
            inside.push_str(r.book_title.as_deref().unwrap_or_default());
            parts.push(sentence(&inside));
            parts.push(publication(r));
            if let Some(pages) = &r.pages {
                parts.push(sentence(&format!("p. {pages}")));
            }
        }
        _ => {
            parts.push(sentence(&title));
            if let Some(edition) = &r.edition {
                parts.push(sentence(&format!("{edition} ed")));
            }
            parts.push(publication(r));
        }
    }
    if let Some(url) = &r.url {
        if let Some(accessed) = &r.accessed {
            parts.push(format!("[cited {accessed}]."));
        }
        parts.push(format!("Available from: {url}"));
    }
    escape(
        &parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// `Place: Publisher; Year.`
fn publication(r: &Reference) -> String {
    let mut p = String::new();
    if let Some(place) = &r.place {
        p.push_str(place);
        p.push_str(": ");
    }
    if let Some(publisher) = &r.publisher {
        p.push_str(publisher);
    }
    if let Some(year) = r.year {
        if !p.is_empty() {
            p.push_str("; ");
        }
        p.push_str(&year.to_string());
    }
    if p.is_empty() { p } else { sentence(&p) }
}

fn authors(names: &[String]) -> String {
    if names.len() > 6 {
        format!("{}, et al", names[..6].join(", "))
    } else {
        names.join(", ")
    }
}

/// Ends `s` with a full stop unless it already ends with sentence punctuation.
fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() || s.ends_with(['.', '?', '!', '。', '？', '！']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Reference {
        Reference {
            key: "mutz2019".into(),
            kind: "article".into(),
            authors: [
                "Mutz J",
                "Vipulananthan V",
                "Carter B",
                "Hurlemann R",
                "Fu CHY",
                "Young AH",
            ]
            .map(String::from)
            .to_vec(),
            title: "Comparative efficacy and acceptability of non-surgical brain stimulation"
                .into(),
            journal: Some("BMJ".into()),
            year: Some(2019),
            volume: Some("364".into()),
            pages: Some("l1079".into()),
            ..Default::default()
        }
    }

    #[test]
    fn journal_article() {
        assert_eq!(
            format(&article()),
            "Mutz J, Vipulananthan V, Carter B, Hurlemann R, Fu CHY, Young AH. Comparative efficacy and acceptability of non-surgical brain stimulation. BMJ. 2019;364:l1079."
        );
    }

    #[test]
    fn more_than_six_authors_are_cut_with_et_al_and_issue_is_shown() {
        let mut r = article();
        r.authors.push("Seventh A".into());
        r.issue = Some("2".into());
        let s = format(&r);
        assert!(
            s.starts_with(
                "Mutz J, Vipulananthan V, Carter B, Hurlemann R, Fu CHY, Young AH, et al. "
            ),
            "{s}"
        );
        assert!(s.ends_with("BMJ. 2019;364(2):l1079."), "{s}");
    }
}
