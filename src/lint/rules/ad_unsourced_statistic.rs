#![cfg_attr(not(doctest), doc = include_str!("docs/ad/unsourced-statistic.md"))]

use crate::lint::advertising::{Expression, scan, tagged};
use crate::lint::{Context, Diagnostic, Rule};

pub const EXPRESSIONS: &[Expression] = &[
    Expression {
        pattern: r"満足度\s*(?:は|が)?\s*(?:約)?\s*[0-9]+(?:\.[0-9]+)?\s*[%％]|[0-9]+\s*人中\s*[0-9]+\s*人|[0-9]+(?:\.[0-9]+)?\s*[%％]\s*(?:以上)?の(?:方|患者|人|お客様|利用者)|(?:改善|有効|成功|満足|実感|リピート)率\s*(?:は|が)?\s*(?:約)?\s*[0-9]+",
        allowed: tagged,
    },
    Expression {
        pattern: r"\b[0-9]+(?:\.[0-9]+)?\s*% of (?:our )?(?:patients|clients|customers|people|users|women|men)\b|\b[0-9]+ (?:out )?of (?:every )?[0-9]+ (?:patients|people|clients|customers)\b|\b(?:satisfaction|success) (?:rate|score)s? (?:of |is |was )?(?:over |above )?[0-9]+|\b[0-9]+\s*% (?:success|satisfaction)\b",
        allowed: tagged,
    },
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    scan(
        cx,
        Rule::AdUnsourcedStatistic,
        EXPRESSIONS,
        "a figure about results without its source",
        "a satisfaction or success figure without the study it comes from and how it was measured is exaggeration (医療広告ガイドライン 第3 (4) 誇大広告: 調査結果等の引用で根拠を明確にしないもの); cite the study with an evidence tag, or leave the figure out",
        out,
    );
}
