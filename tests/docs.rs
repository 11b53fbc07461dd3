//! The editor's guide stays in step with the rules: every rule `akashi explain` knows is in the
//! guide in both languages, and the guide names no rule that does not exist.

use akashi::lint::Rule;
use std::path::Path;

fn guide(lang: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/editor-guide.{lang}.md"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_editors_guide_covers_every_rule_in_both_languages() {
    for lang in ["ja", "en"] {
        let text = guide(lang);
        for rule in Rule::ALL {
            assert!(
                text.contains(&format!("`{}`", rule.id())),
                "docs/editor-guide.{lang}.md does not explain `{}`",
                rule.id()
            );
        }
        assert!(
            text.contains("akashi explain"),
            "docs/editor-guide.{lang}.md does not point to akashi explain"
        );
    }
}

#[test]
fn the_editors_guide_names_only_rules_that_exist() {
    let groups = [
        "config",
        "content",
        "frontmatter",
        "claim",
        "cite",
        "evidence",
        "i18n",
        "markdown",
        "suppress",
        "review",
        "disclosure",
        "ad",
        "readability",
        "link",
        "text",
    ];
    for lang in ["ja", "en"] {
        let text = guide(lang);
        for (i, _) in text.match_indices('`') {
            let rest = &text[i + 1..];
            let Some(end) = rest.find('`') else { continue };
            let word = &rest[..end];
            let looks_like_rule = word.split_once('/').is_some_and(|(g, n)| {
                groups.contains(&g)
                    && !n.is_empty()
                    && n.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            });
            if looks_like_rule {
                assert!(
                    Rule::from_id(word).is_some(),
                    "docs/editor-guide.{lang}.md names `{word}`, which is not a rule"
                );
            }
        }
    }
}
