//! Every rule's stable `group/name` id, default severity and one-line summary, declared once
//! here, at the bottom of the crate: loading, parsing and configuration report findings with
//! them without importing the lint, whose checks live in `crate::lint::rules`, one file each.

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

            /// The rule's documentation (Markdown): what it finds, why it matters, examples.
            pub fn doc(self) -> &'static str {
                match self { $(Rule::$variant => include_str!(concat!("../lint/rules/docs/", $id, ".md")),)* }
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
    ContentInvalidName => "content/invalid-name", Error, "a file or folder name that cannot be part of a URL or of a file name on every system";
    ContentUnreadable => "content/unreadable", Error, "a file that cannot be read as UTF-8 text";
    ContentStrayFile => "content/stray-file", Warning, "a file in content/ that is neither Markdown nor references.yaml";
    FrontmatterInvalid => "frontmatter/invalid", Error, "YAML syntax or type errors, missing required keys";
    FrontmatterUnknownKey => "frontmatter/unknown-key", Error, "a front matter key akashi does not know";
    ClaimUntagged => "claim/untagged", Error, "a treatment claim with no evidence tag";
    ClaimPossiblyUntagged => "claim/possibly-untagged", Warning, "a sentence that may be a treatment claim, with no evidence tag";
    ClaimMissingLevel => "claim/missing-level", Error, "a tag with citations but no level on a claim";
    ClaimMissingCitation => "claim/missing-citation", Error, "a tag with a level but no citation";
    ClaimUnknownLevel => "claim/unknown-level", Error, "a level the site's scheme does not define";
    ClaimFullwidthTag => "claim/fullwidth-tag", Warning, "a tag typed with full-width or invisible characters";
    ClaimMisplacedTag => "claim/misplaced-tag", Error, "a tag that closes no sentence, sits inside a link, or is typed where tags are not read (HTML, front matter)";
    CiteUnknownKey => "cite/unknown-key", Error, "a citation key that is not in references.yaml";
    CiteInvalidReference => "cite/invalid-reference", Error, "a reference with a malformed DOI or PMID, or missing fields";
    CiteUnusedReference => "cite/unused-reference", Info, "a reference no page cites";
    EvidenceLevelExceedsSources => "evidence/level-exceeds-sources", Error, "a level above what the cited study designs can support";
    I18nMissingTranslation => "i18n/missing-translation", Warning, "an article that exists in one language only";
    I18nClaimMismatch => "i18n/claim-mismatch", Error, "the two languages of an article make different claims";
    I18nMissingUiString => "i18n/missing-ui-string", Error, "a Fluent key used by a template is missing in a locale";
    I18nInvalidLocale => "i18n/invalid-locale", Error, "a Fluent file with a syntax error or a message defined twice";
    MarkdownUnrenderedEmphasis => "markdown/unrendered-emphasis", Warning, "emphasis markers left as literal asterisks next to Japanese punctuation";
    MarkdownDeepHtml => "markdown/deep-html", Error, "HTML in an article nested more than 512 elements deep";
    SuppressMissingReason => "suppress/missing-reason", Error, "a suppression comment without a reason";
    SuppressUnused => "suppress/unused", Warning, "a suppression comment that suppresses nothing";
    SuppressUnknownRule => "suppress/unknown-rule", Error, "a suppression comment naming a rule that does not exist";
    ReviewMissing => "review/missing", Error, "a published article without authors, reviewer or review dates";
    ReviewInterval => "review/interval", Error, "a next review more than three years after the last";
    ReviewOverdue => "review/overdue", Error, "a medical review whose due date has passed";
    ReviewDueSoon => "review/due-soon", Warning, "a medical review due within 60 days";
    DisclosureSelfPay => "disclosure/self-pay", Error, "a page about self-pay or unapproved treatment without the 自由診療 disclosures";
    DisclosureUnapproved => "disclosure/unapproved", Error, "a page about an unapproved or off-label treatment without the 未承認医薬品等 disclosures";
    DisclosureSiteStatements => "disclosure/site-statements", Error, "site.yaml lacks the publisher, contact, conflict-of-interest or funding statement shown under every article";
    AdAbsolute => "ad/absolute", Error, "absolute or guaranteed results, comfort or safety (絶対, 完治, 副作用なし, 痛みなし, ダウンタイムゼロ, guaranteed, cure, painless)";
    AdSuperiority => "ad/superiority", Error, "claims of superiority (日本一, No.1, 最高, best)";
    AdExaggeration => "ad/exaggeration", Error, "exaggeration (画期的, 奇跡, miracle, breakthrough)";
    AdTestimonial => "ad/testimonial", Error, "patient testimonials about treatment effect (体験談, 患者様の声, 口コミ)";
    AdBeforeAfter => "ad/before-after", Error, "before/after photos without the treatment, its cost and its risks beside them (症例写真, ビフォーアフター)";
    AdCelebrity => "ad/celebrity", Error, "endorsement through celebrities, athletes or the media (有名人, 芸能人, \"as seen on TV\")";
    AdUnsourcedStatistic => "ad/unsourced-statistic", Error, "a satisfaction or success figure without its source (満足度98%, \"97% of patients\")";
    AdInducement => "ad/inducement", Error, "gifts, points and rewards for reviews or referrals (プレゼント, 特典, \"free gift\")";
    AdPriceEmphasis => "ad/price-emphasis", Warning, "price or campaign emphasis (キャンペーン, 割引, discount)";
    EvidenceOverstated => "evidence/overstated", Error, "wording more certain than the claim's evidence level";
    ReadabilityLongSentence => "readability/long-sentence", Warning, "a Japanese sentence over 100 characters";
    ReadabilityGrade => "readability/grade", Warning, "an English article above reading grade 8";
    LinkBroken => "link/broken", Error, "a link to a page of the site that does not exist";
    LinkAnchor => "link/anchor", Error, "a link to a heading that does not exist";
    LinkOtherLanguage => "link/other-language", Warning, "a link to a page in the other language";
    LinkMissingFile => "link/missing-file", Error, "an image or file that is not in static/";
    LinkUnsafe => "link/unsafe", Error, "a javascript:, vbscript: or data: URL";
    TextInvisibleCharacter => "text/invisible-character", Error, "an invisible character (zero-width space, soft hyphen, direction mark) inside a word, or a control character anywhere";
    TextMixedScript => "text/mixed-script", Error, "a word with a look-alike letter of another script (a Cyrillic а in a Latin word)";
}

impl Rule {
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }

    pub fn ids() -> impl Iterator<Item = &'static str> {
        Rule::ALL.iter().map(|r| r.id())
    }

    /// The "What it finds" paragraph of the documentation, on one line: longer than the
    /// summary, for SARIF's full description and `akashi rules --format json`.
    pub fn description(self) -> String {
        let doc = self.doc();
        let section = doc
            .split("## What it finds")
            .nth(1)
            .and_then(|rest| rest.split("\n## ").next())
            .unwrap_or_default();
        let paragraph = section.trim().split("\n\n").next().unwrap_or_default();
        paragraph.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Where the rule's documentation is published: its page in the repository, at the tag of
    /// this version.
    pub fn doc_url(self) -> String {
        format!(
            "{}/blob/v{}/src/lint/rules/docs/{}.md",
            env!("CARGO_PKG_REPOSITORY"),
            env!("CARGO_PKG_VERSION"),
            self.id()
        )
    }
}

#[cfg(test)]
mod description_tests {
    use super::Rule;

    #[test]
    fn every_rule_has_a_description_longer_than_its_summary() {
        for rule in Rule::ALL {
            let description = rule.description();
            assert!(
                description.len() > rule.summary().len() && !description.contains("Why it matters"),
                "{}: {description}",
                rule.id()
            );
        }
    }
}
