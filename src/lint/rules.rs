//! The table of rule ids. Every finding names one of these; ids are stable because CI
//! configurations, suppression comments and SARIF fingerprints depend on them.

use super::diagnostic::Severity;

macro_rules! rules {
    ($($variant:ident => $id:literal, $severity:ident, $summary:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $($variant,)* }

        impl Rule {
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable `group/name` id.
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id,)* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$severity,)* }
            }

            /// One line saying what the rule finds.
            pub fn summary(self) -> &'static str {
                match self { $(Rule::$variant => $summary,)* }
            }
        }
    };
}

rules! {
    ConfigInvalid => "config/invalid", Error, "site.yaml has a syntax or type error, or lacks a required key";
    ConfigUnknownKey => "config/unknown-key", Error, "site.yaml has a key akashi does not know";
    ContentNoLanguage => "content/no-language", Error, "a Markdown file whose name has no language suffix";
    ContentUnknownLanguage => "content/unknown-language", Error, "a Markdown file in a language the site does not define";
    ContentDuplicateUrl => "content/duplicate-url", Error, "two files that would be published at the same URL";
    ContentUnreadable => "content/unreadable", Error, "a file that cannot be read as UTF-8 text";
    ContentStrayFile => "content/stray-file", Warning, "a file in content/ that is neither Markdown nor references.yaml";
    FrontmatterInvalid => "frontmatter/invalid", Error, "YAML syntax or type errors, missing required keys";
    FrontmatterUnknownKey => "frontmatter/unknown-key", Error, "a front matter key akashi does not know";
    CiteUnknownKey => "cite/unknown-key", Error, "a citation key that is not in references.yaml";
    CiteInvalidReference => "cite/invalid-reference", Error, "a reference with a malformed DOI or PMID, or missing fields";
    I18nMissingTranslation => "i18n/missing-translation", Warning, "an article that exists in one language only";
    I18nMissingUiString => "i18n/missing-ui-string", Error, "a Fluent key used by a template is missing in a locale";
    I18nInvalidLocale => "i18n/invalid-locale", Error, "a Fluent file with a syntax error or a message defined twice";
}

impl Rule {
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }
}
