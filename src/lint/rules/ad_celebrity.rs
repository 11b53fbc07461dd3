#![cfg_attr(not(doctest), doc = include_str!("docs/ad/celebrity.md"))]

use crate::lint::advertising::{Expression, scan, sentence_around};
use crate::lint::{Context, Diagnostic, Rule};
use std::ops::Range;

/// A sentence that says fame proves nothing (「有名人が使っているからといって効果があるとは
/// 限りません」, "a celebrity's word does not mean it works").
fn disclaimed(text: &str, m: Range<usize>) -> bool {
    let sentence = text[sentence_around(text, &m)].to_lowercase();
    [
        "限りません",
        "わけではありません",
        "関係ありません",
        "根拠にはなりません",
        "does not mean",
        "doesn't mean",
        "is no evidence",
        "proves nothing",
    ]
    .iter()
    .any(|w| sentence.contains(w))
}

pub const EXPRESSIONS: &[Expression] = &[
    Expression {
        pattern: r"芸能人|有名人|著名人|タレント(?:さん)?|女優|俳優|モデルさん|インフルエンサー|(?:プロ(?:の)?|トップ|有名)(?:アスリート|スポーツ選手|野球選手|サッカー選手)|オリンピック選手|(?:テレビ|TV|メディア|雑誌)(?:で|に)(?:紹介|取り上げ|出演|掲載)",
        allowed: disclaimed,
    },
    Expression {
        pattern: r"\bcelebrit(?:y|ies)\b|\bfamous (?:people|patients|clients|faces)\b|\b(?:professional|pro|top|olympic) athletes?\b|\binfluencers?\b|\bas seen (?:on|in) (?:tv|television|the media|magazines?)\b|\bfeatured (?:on|in) (?:tv|television|the media|magazines?)\b",
        allowed: disclaimed,
    },
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    scan(
        cx,
        Rule::AdCelebrity,
        EXPRESSIONS,
        "endorsement through famous people or the media",
        "saying that celebrities, athletes or the media use or feature the clinic ranks it above others without evidence (医療広告ガイドライン 第3 (3) 比較優良広告); describe the treatment and its evidence instead",
        out,
    );
}
