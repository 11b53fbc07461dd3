#![cfg_attr(not(doctest), doc = include_str!("docs/ad/inducement.md"))]

use crate::lint::advertising::{ALWAYS, Expression, scan};
use crate::lint::{Context, Diagnostic, Rule};

pub const EXPRESSIONS: &[Expression] = &[
    Expression {
        pattern: r"プレゼント|特典|粗品|ノベルティ|キャッシュバック|ポイント(?:還元|付与|がたまる|が貯まる)|(?:ご)?紹介(?:特典|キャンペーン|割引)|(?:口コミ|クチコミ|レビュー)(?:を)?(?:投稿|書い|書く|書き)",
        allowed: ALWAYS,
    },
    Expression {
        pattern: r"\bfree gifts?\b|\bgifts? cards?\b|\bgift with\b|\b(?:reward|loyalty|bonus) points?\b|\brefer a friend\b|\breferral (?:bonus|reward|discount|programme|program)\b|\bcash ?back\b|\bfreebies?\b|\b(?:discount|reward|gift) for (?:a |your )?review\b|\bleave (?:us )?a review\b",
        allowed: ALWAYS,
    },
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    scan(
        cx,
        Rule::AdInducement,
        EXPRESSIONS,
        "gift or inducement",
        "gifts, points and rewards for reviews or referrals draw patients by something other than the care itself (医療広告ガイドライン 第3 (7) 品位を損ねる内容の広告, and 第3 (5) when a reward buys a review); describe the care, its cost and its risks instead",
        out,
    );
}
