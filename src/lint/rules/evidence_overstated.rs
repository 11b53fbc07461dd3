#![cfg_attr(not(doctest), doc = include_str!("docs/evidence/overstated.md"))]

use crate::lint::{Context, Diagnostic, Rule};
use regex::Regex;
use std::sync::OnceLock;

/// Wording of certainty that only high-certainty evidence (A) supports.
const CERTAIN: &str = r"効果があります|効果がある|有効です|有効である|証明されて|確実に|明らかな効果|\b(?:is|are) (?:highly |very )?effective\b|\bproven\b|\bdefinitely\b|\bcertainly\b|\bwithout doubt\b";
/// Wording of probability that needs at least moderate certainty (A or B).
const PROBABLE: &str = r"おそらく|恐らく|たぶん|\bprobably\b|\bmost likely\b";
/// Wording that says an effect is uncertain, required at very low certainty (D).
const UNCERTAIN: &str = r"わかっていません|分かっていません|わかっていない|わかりません|不明|はっきりしていません|はっきりしない|確かではありません|不確か|限られ|研究されて(?:おらず|いません)|確認されていません|示されていません|\bnot known\b|\bunknown\b|\buncertain\b|\bunclear\b|\blittle evidence\b|\bnot been (?:studied|shown|proven|tested)\b|\bnot clear\b|\bmay or may not\b|\blimited evidence\b|\bno (?:good |reliable |clear )?evidence\b";

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| {
        Regex::new(&crate::lint::claims::ascii_word_boundaries(&format!(
            "(?i){pattern}"
        )))
        .expect("built-in pattern")
    })
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    static CERTAIN_RE: OnceLock<Regex> = OnceLock::new();
    static PROBABLE_RE: OnceLock<Regex> = OnceLock::new();
    static UNCERTAIN_RE: OnceLock<Regex> = OnceLock::new();
    if cx.site.config.evidence_levels != ["A", "B", "C", "D"] {
        return;
    }
    for (page, sentences) in cx.published() {
        for s in sentences {
            let Some(tag) = s
                .tags
                .iter()
                .map(|&i| &page.body.tags[i])
                .find(|t| t.tag.level.is_some())
            else {
                continue;
            };
            let level = tag.tag.level.as_deref().unwrap_or_default();
            let uncertain = re(&UNCERTAIN_RE, UNCERTAIN).is_match(&s.text);
            let problem = if level == "D" && !uncertain {
                Some(("at level D (very low certainty) the sentence must say that the effect is uncertain".to_string(), "say so plainly: 「効果はわかっていません」, \"it is not known whether…\""))
            } else if let (false, Some(m)) = (
                uncertain || level == "A",
                re(&CERTAIN_RE, CERTAIN).find(&s.text),
            ) {
                Some((
                    format!(
                        "`{}` states certainty that only level A evidence supports; this claim is level {level}",
                        m.as_str()
                    ),
                    "soften the wording (「〜が示されています」「〜の可能性があります」, \"can\", \"may\") or cite evidence of high certainty",
                ))
            } else if let (true, Some(m)) = (
                matches!(level, "C" | "D"),
                re(&PROBABLE_RE, PROBABLE).find(&s.text),
            ) {
                Some((
                    format!(
                        "`{}` needs level B or better; this claim is level {level}",
                        m.as_str()
                    ),
                    "use wording that matches low certainty: 「〜の可能性があります」, \"may\"",
                ))
            } else {
                None
            };
            if let Some((message, help)) = problem {
                out.push(
                    Diagnostic::new(
                        Rule::EvidenceOverstated,
                        page.source.path(),
                        s.span.clone(),
                        message,
                    )
                    .with_lang(Some(&page.lang))
                    .with_help(help),
                );
            }
        }
    }
}
