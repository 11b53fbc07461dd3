# English UI strings. Templates call them with t(key="...").

## Common
skip-to-content = Skip to main content
nav-label = Site
nav-home = Home
nav-evidence = About the evidence levels
breadcrumbs-label = You are here
language-switcher-label = Language
# Shown in the language it switches to.
switch-language = Read in English
switch-language-home = English home page (this article has no English version)
# On a page that belongs to no language (the page for an address that does not exist).
switch-language-site = English home page
landing-enter = Read in English
feed-title = { $site } (new articles)
feed-link = Feed of new articles (Atom)
footer-evidence-note = Every statement about a treatment carries a mark for the certainty of its evidence, and its sources.
latest-articles = Latest articles
all-tags = All tags
tags-label = Tags:
tag-title = Articles tagged “{ $tag }”
article-count = { $count ->
    [one] 1 article
   *[other] { $count } articles
}

## Articles
written-by = Written by
reviewed-by = Medical review
published = Published
updated = Updated
last-reviewed = Page last reviewed
next-review = Next review due
toc-title = Contents
references-title = References
references-count = { $count ->
    [one] 1 reference
   *[other] { $count } references
}
reference-doi = DOI: { $doi }
reference-pubmed = PubMed: { $pmid }
# What kind of study a reference is (its `design` in references.yaml): what the certainty rests on.
study-design = { $design ->
    [guideline] Clinical guideline
    [systematic-review] Systematic review
    [meta-analysis] Meta-analysis
    [network-meta-analysis] Network meta-analysis
    [rct] Randomised controlled trial
    [cohort] Cohort study
    [case-control] Case-control study
    [case-series] Case series
    [case-report] Case report
    [preclinical] Laboratory or animal study
    [preclinical-animal] Animal study
    [preclinical-in-vitro] Laboratory study on cells
    [expert-opinion] Expert opinion
    [regulatory] Regulatory document
   *[other] Other source
}
# A link from a reference back to the place in the text that cites it.
reference-back = Back to the text
reference-back-nth = Back to citation { $n }
citation-label = Reference { $number }
disclaimer = This page gives general information. It does not replace a consultation. Please talk to a doctor about your own symptoms and treatment.

## Self-pay and unapproved treatment disclosures (Japan's medical advertising guideline)
self-pay-title = Important information about self-pay treatment
# akashi-ignore claim/untagged: labels of the disclosure items, which name topics and claim nothing
self-pay-item = { $item ->
    [treatment] What the treatment involves
    [cost] Cost
    [period] Length of treatment and number of sessions
    [risks] Main risks and side effects
    [contact] Contact
   *[other] { $item }
}
unapproved-title = Important information about unapproved treatment
# akashi-ignore claim/untagged: labels of the disclosure items, which name topics and claim nothing
unapproved-item = { $item ->
    [status] Approval status
    [source] How it is obtained
    [alternatives] Approved equivalents in Japan
    [safety_abroad] Safety information from other countries
    [relief_system] Relief System for Sufferers from Adverse Drug Reactions
   *[other] { $item }
}

## Certainty of evidence (GRADE, with the letters of Japan's Minds guidelines)
evidence-level = { $level ->
    [A] high
    [B] moderate
    [C] low
    [D] very low
   *[other] { $level }
}
# The words on every badge, beside its letter: readable without hovering or tapping.
evidence-badge-text = Evidence: { $name }
# Said after a badge's explanation, linking to the page that explains every level.
evidence-badge-more = What the levels mean
# Beside the badge of a statement about a treatment that is not covered or not approved.
treatment-status-note = { $status ->
    [self-pay] Self-pay
    [unapproved] Not approved in Japan
    [off-label] Off-label use
   *[other] { $status }
}
evidence-summary-title = How sure is the evidence on this page?
evidence-summary-intro = { $count ->
    [one] One statement on this page carries a mark for the certainty of its evidence:
   *[other] { $count } statements on this page carry a mark for the certainty of their evidence:
}
evidence-summary-item = { $name } certainty ({ $level }): { $count ->
    [one] 1 statement
   *[other] { $count } statements
}
evidence-summary-more = What the levels mean, and how we decide them
evidence-level-meaning = { $level ->
    [A] We are very confident that the true effect is close to the estimate from research.
    [B] The true effect is likely to be close to the estimate, but it may be substantially different.
    [C] Our confidence in the estimate is limited: the true effect may be substantially different.
    [D] We have very little confidence in the estimate: treat the effect as unknown.
   *[other] A level defined by this site.
}
evidence-page-title = About the evidence levels
evidence-page-intro = When we say that a treatment helps or may help, we show how certain the research behind that statement is, on a scale from A to D. The scale follows GRADE, the international method for rating evidence, with the letters used by Japan's clinical guidelines (Minds).
evidence-page-how-to-read = The numbers next to a mark are the numbers of the references listed under the article.

## 404
not-found-title = Page not found
not-found-text = The page may have moved or been removed. Please start again from here:

## About this page
about-this-page = About this page
publisher-label = Published by
contact-label = Contact
coi-label = Conflicts of interest
funding-label = Funding

## Search
search-label = Search this site
search-placeholder = Search articles
# [SEARCH_TERM] is replaced by what was searched for.
search-zero-results = No articles match “[SEARCH_TERM]”

## Reading time
reading-time-label = Reading time
reading-time = { $minutes ->
    [one] about 1 minute
   *[other] about { $minutes } minutes
}

## Preview (akashi serve)
live-overlay-title = The site has problems that block publishing. The last good version is shown until they are fixed.
