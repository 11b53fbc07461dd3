# 日本語の UI 文字列。テンプレートは t(key="...") で呼び出します。

## 共通
skip-to-content = 本文へ移動
nav-label = サイト内のご案内
nav-home = ホーム
nav-evidence = エビデンスの確実性について
breadcrumbs-label = 現在の位置
language-switcher-label = 言語の切り替え
# 切り替え先の言語で表示します。
switch-language = 日本語で読む
switch-language-home = 日本語のホームへ（この記事の日本語版はありません）
# どの言語にも属さないページ（存在しないアドレスのページ）で表示します。
switch-language-site = 日本語のホームへ
landing-enter = 日本語で読む
feed-title = { $site }（新着記事）
feed-link = 新着記事のフィード（Atom）
footer-evidence-note = 治療についての説明には、研究の確実性を示すマークと参考文献を付けています。
latest-articles = 新しい記事
all-tags = すべてのタグ
tags-label = タグ:
tag-title = 「{ $tag }」の記事
article-count = { $count } 件

## 記事
written-by = 執筆
reviewed-by = 医学監修
published = 公開日
updated = 更新日
last-reviewed = 最終確認日
next-review = 次回確認予定日
toc-title = 目次
references-title = 参考文献
references-count = 参考文献 { $count } 件
reference-doi = DOI: { $doi }
reference-pubmed = PubMed: { $pmid }
# 参考文献の研究の種類（references.yaml の `design`）。確実性はこれに基づきます。
study-design = { $design ->
    [guideline] 診療ガイドライン
    [systematic-review] システマティックレビュー
    [meta-analysis] メタアナリシス
    [network-meta-analysis] ネットワークメタアナリシス
    [rct] ランダム化比較試験
    [cohort] コホート研究
    [case-control] 症例対照研究
    [case-series] 症例集積研究
    [case-report] 症例報告
    [preclinical] 動物や細胞を使った研究
    [preclinical-animal] 動物実験
    [preclinical-in-vitro] 細胞を使った実験
    [expert-opinion] 専門家の意見
    [regulatory] 行政・規制当局の資料
   *[other] その他の資料
}
# 参考文献から、それを引用した本文の位置へ戻るリンク。
reference-back = 本文へ戻る
reference-back-nth = { $n } か所目へ戻る
citation-label = 参考文献 { $number }
disclaimer = このページは一般的な情報です。診察の代わりにはなりません。ご自身の症状や治療については、医師にご相談ください。

## 自由診療・未承認医薬品等の表示（医療広告ガイドライン）
self-pay-title = 自由診療についての大切なお知らせ
self-pay-item = { $item ->
    [treatment] 治療の内容
    [cost] 費用
    [period] 治療期間と回数
    [risks] 主なリスクと副作用
    [contact] お問い合わせ先
   *[other] { $item }
}
unapproved-title = 未承認医薬品等についての大切なお知らせ
unapproved-item = { $item ->
    [status] 承認の状況
    [source] 入手の方法
    [alternatives] 国内で承認された同等品
    [safety_abroad] 諸外国での安全性の情報
    [relief_system] 医薬品副作用被害救済制度
   *[other] { $item }
}

## エビデンスの確実性（GRADE、Minds の表記）
evidence-level = { $level ->
    [A] 高
    [B] 中
    [C] 低
    [D] 非常に低
   *[other] { $level }
}
# バッジの文字の横に出す言葉。ホバーやタップをしなくても読めるようにします。
evidence-badge-text = 根拠: { $name }
# バッジの説明の後に置く、各段階の説明ページへのリンク。
evidence-badge-more = 確実性の段階について
# 保険診療でない治療や未承認の治療についての説明では、バッジの横に示します。
treatment-status-note = { $status ->
    [self-pay] 自由診療
    [unapproved] 国内未承認
    [off-label] 適応外使用
   *[other] { $status }
}
evidence-summary-title = このページの根拠の確かさ
evidence-summary-intro = このページでは { $count } 件の説明に、根拠の確かさを示すマークを付けています。
evidence-summary-item = 確実性「{ $name }」（{ $level }）: { $count } 件
evidence-summary-more = 確実性の段階と、その決め方について
# akashi-ignore claim/untagged: エビデンスの確実性の各段階の意味を説明する文で、特定の治療の効果は述べていない
evidence-level-meaning = { $level ->
    [A] 本当の効果が、研究で推定された効果に近いと強く確信できます。
    [B] 本当の効果は推定に近いと考えられますが、大きく異なる可能性もあります。
    [C] 推定された効果への確信は限られており、本当の効果は大きく異なる可能性があります。
    [D] 推定された効果はほとんど確信できません。効果はわかっていないと考えてください。
   *[other] このサイトが定めた段階です。
}
evidence-page-title = エビデンスの確実性について
evidence-page-intro = 治療について「効果がある」「期待できる」と書くとき、その根拠となる研究がどれくらい確かなのかを、A から D の 4 段階で示しています。段階は、国際的な評価方法である GRADE と、日本の診療ガイドライン（Minds）の表記に合わせています。
evidence-page-how-to-read = マークの横の数字は、記事の下にある参考文献の番号です。

## 404
not-found-title = ページが見つかりません
not-found-text = お探しのページは移動したか、削除された可能性があります。こちらからお探しください:

## このページについて
about-this-page = このページについて
publisher-label = 発行
contact-label = お問い合わせ先
coi-label = 利益相反
funding-label = 資金

## 検索
search-label = サイト内検索
search-placeholder = 記事を検索
# [SEARCH_TERM] は検索語に置き換わります。
search-zero-results = 「[SEARCH_TERM]」に一致する記事はありません

## 読む時間
reading-time-label = 読む時間の目安
reading-time = 約{ $minutes }分

## プレビュー（akashi serve）
live-overlay-title = 公開できない問題があります。直すまで、前回の正常なページを表示しています。
