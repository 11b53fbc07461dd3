#![cfg_attr(not(doctest), doc = include_str!("docs/cite/unknown-key.md"))]

use crate::lint::{Context, Diagnostic, Rule};

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for page in cx.scoped() {
        for tag in &page.body.tags {
            for (key, span) in &tag.tag.keys {
                // A key whose entry is broken has a finding of its own in references.yaml.
                if cx.site.references.get(key).is_some() || cx.site.references.broken.contains(key)
                {
                    continue;
                }
                let known = cx.site.references.by_key.keys().map(String::as_str);
                let help = match crate::suggest::closest(key, known) {
                    Some(c) => format!("did you mean `@{c}`?"),
                    None => "add the reference to content/references.yaml".to_string(),
                };
                out.push(
                    Diagnostic::new(
                        Rule::CiteUnknownKey,
                        page.source.path(),
                        span.clone(),
                        format!("`@{key}` is not in content/references.yaml"),
                    )
                    .with_lang(Some(&page.lang))
                    .with_help(help),
                );
            }
        }
    }
}
