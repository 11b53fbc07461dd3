#!/usr/bin/env python3
"""Generate a deterministic bilingual (Japanese/English) patient-information corpus.

Usage:
    python3 gen_corpus.py N OUTDIR [--target hugo|zola|plain|akashi] [--seed S] [--search]
                          [--repo DIR] [--force]

Writes N article pairs (one Japanese, one English article each) as Markdown files
with YAML front matter (title, date, description, tags).  Japanese is the default
language: it is served at /articles/<slug>/ and English at /en/articles/<slug>/.

Targets:
  plain  content/articles/<slug>.ja.md and <slug>.en.md, top-level `tags`; no site files.
  hugo   a complete Hugo site: hugo.toml, layouts/, content/ (<slug>.ja.md / <slug>.en.md).
  zola   a complete Zola site: config.toml, templates/, content/ (<slug>.md for Japanese,
         <slug>.en.md for English; tags under `taxonomies:` as Zola expects).
  akashi a complete akashi site: site.yaml, templates/, locales/, static/ and
         content/references.yaml copied from the akashi repository (--repo, default: the
         repository this script is in), and content/articles/<slug>.ja.md / .en.md with the
         front matter akashi requires (summary = description, authors, reviewer, review
         dates that are current at SOURCE_DATE_EPOCH=1795305600).  akashi publishes both
         languages under a prefix, /ja/articles/<slug>/ and /en/articles/<slug>/, so the
         links between articles point there.

The article text (Markdown body, titles, dates, tags) is byte-identical across targets
for the same N and seed; only the front-matter key for tags, the file names and the
site scaffolding differ; the akashi target also adds evidence tags (`[C: @li2023]`)
before the closing punctuation of the sentences that make a treatment claim, and of the
text that akashi's claim detector misreads as one, and a suppression comment before
the few paragraphs whose tags have no counterpart in the other language (see
CLAIMS_EN and MISREAD_EN below); with --akashi BIN it then lints the site with BIN and
suppresses, with a reason, the rest of what the claim detector misreads (suppress_misread), so
that `akashi lint` passes with no finding.  The Hugo and Zola
sites render: a home page per language, one
list page per language (all articles, newest first), one page per article with a
language switcher, a sitemap, robots.txt and a 404 page.  Tag pages and feeds are
off in both.  --search turns on each tool's search-index output (Zola's
build_search_index for both languages, default elasticlunr format; a JSON index
built by a template on each Hugo home page).  Note: a stock Zola binary refuses
an elasticlunr index for `ja` ("Tried to build search index for language ja which
is not supported"); it needs a Zola built with its `indexing-ja` feature, or
`[search] index_format = "fuse_json"` added to config.toml.

Standard library only.  Output is deterministic for a given (N, seed, target).
"""

import argparse
import subprocess
import datetime
import json
import os
import random
import re
import shutil
import sys

# ---------------------------------------------------------------------------
# Topic bank: (slug, English name, Japanese name, EN facts, JA facts,
#              EN signs, JA signs, tag indices)
# ---------------------------------------------------------------------------

TOPICS = [
    ("depression", "depression", "うつ病",
     ["Depression is more than feeling sad for a few days: low mood or loss of interest lasting two weeks or more is a key sign.",
      "Antidepressants often take several weeks to work, so it helps to keep going even when the first days feel slow."],
     ["うつ病では、気分の落ち込みや興味の喪失が二週間以上続くことが特徴です。",
      "抗うつ薬は効果が現れるまでに数週間かかることが多く、焦らずに続けることが大切です。"],
     ["Low mood that lasts most of the day", "Losing interest in things you used to enjoy", "Sleeping much less or much more than usual"],
     ["気分の落ち込みが一日中続く", "以前楽しめたことに興味がわかない", "眠れない、または眠りすぎる"],
     [0, 1]),
    ("insomnia", "insomnia", "不眠症",
     ["Insomnia means regularly finding it hard to fall asleep or stay asleep, to the point that daytime life is affected.",
      "Sleeping tablets work best, and are safest, when they are combined with changes to daily routines."],
     ["不眠症は、寝つきが悪い、途中で目が覚めるなどの状態が続き、日中の生活に支障が出る病気です。",
      "睡眠薬を使う場合も、生活習慣の見直しと組み合わせることで効果が高まります。"],
     ["Lying awake for more than half an hour most nights", "Waking several times during the night", "Feeling tired and irritable during the day"],
     ["布団に入っても三十分以上眠れない", "夜中に何度も目が覚める", "日中に強い眠気やだるさがある"],
     [2, 1]),
    ("anxiety", "anxiety disorders", "不安障害",
     ["In anxiety disorders, strong worry or fear continues for a long time, often without a clear reason.",
      "Gradually facing feared situations, with guidance from a therapist, is one of the most effective approaches."],
     ["不安障害では、はっきりした理由がないのに強い不安や心配が長く続きます。",
      "不安な場面を少しずつ経験していく方法は、専門家の指導のもとで行うと効果的です。"],
     ["A racing heart or shortness of breath", "Worries that are hard to switch off", "Tense muscles in the neck and shoulders"],
     ["動悸や息苦しさを感じる", "心配ごとが頭から離れない", "緊張して肩や首がこわばる"],
     [0, 1]),
    ("type-2-diabetes", "type 2 diabetes", "2型糖尿病",
     ["Type 2 diabetes develops when lifestyle and inherited factors together keep blood sugar levels too high.",
      "Keeping blood sugar in a healthy range protects the eyes, kidneys and nerves from long-term damage."],
     ["2型糖尿病は、生活習慣と体質が重なって血糖値が高い状態が続く病気です。",
      "血糖値を良好に保つことで、目や腎臓、神経の合併症を防ぐことができます。"],
     ["Feeling thirsty more often", "Passing urine more often, especially at night", "Tiredness and unexplained weight loss"],
     ["のどが渇きやすい", "尿の回数が増える", "疲れやすく体重が減る"],
     [3, 4]),
    ("high-blood-pressure", "high blood pressure", "高血圧",
     ["High blood pressure rarely causes symptoms, so regular checks are the only reliable way to find it.",
      "Eating less salt and staying active can lower blood pressure, sometimes enough to avoid medicines."],
     ["高血圧は自覚症状がほとんどないため、定期的に血圧を測ることが早期発見につながります。",
      "減塩と適度な運動を続けることで、血圧が下がることが期待できます。"],
     ["A high reading at a routine health check", "A heavy feeling in the head in the morning", "Stiff shoulders or dizziness that keeps returning"],
     ["健康診断で血圧が高いと言われた", "朝に頭が重く感じる", "肩こりやめまいが続く"],
     [4, 3]),
    ("asthma", "asthma", "ぜんそく",
     ["Asthma is long-term inflammation of the airways that causes repeated episodes of coughing and breathlessness.",
      "Using a preventer inhaler every day, even when you feel well, reduces the chance of an attack."],
     ["ぜんそくは気道に慢性的な炎症が起こり、せきや息苦しさの発作をくり返す病気です。",
      "症状がないときも吸入薬を続けることで、発作を予防することができます。"],
     ["Coughing at night or early in the morning", "A whistling sound when breathing out", "Breathlessness during exercise"],
     ["夜間や明け方にせきが出る", "息をするとゼーゼー、ヒューヒューと音がする", "運動すると息苦しくなる"],
     [5, 4]),
    ("lower-back-pain", "lower back pain", "腰痛",
     ["Most lower back pain eases by itself within a few weeks, but pain that keeps returning is worth looking into.",
      "Changing position often and avoiding long periods of sitting can protect your back."],
     ["腰痛の多くは数週間で自然に軽くなりますが、くり返す場合は生活習慣の見直しが役立ちます。",
      "長時間同じ姿勢を続けないように、こまめに立ち上がって体を動かしましょう。"],
     ["Pain when bending forward", "Stiffness in the morning", "Numbness spreading into one leg"],
     ["前かがみになると腰が痛む", "朝起きたときに腰がこわばる", "足にしびれが広がる"],
     [6, 4]),
    ("migraine", "migraine", "片頭痛",
     ["Migraine is a throbbing headache that can last from a few hours to several days.",
      "Recording when headaches happen can reveal triggers such as missed meals, poor sleep or bright light."],
     ["片頭痛は、ズキズキと脈打つような痛みが数時間から数日続く頭痛です。",
      "頭痛が起きた日や状況を記録すると、きっかけとなる要因が見つかることがあります。"],
     ["Throbbing pain on one side of the head", "Sensitivity to light and noise", "Feeling sick during an attack"],
     ["頭の片側がズキズキと痛む", "光や音に敏感になる", "吐き気をともなう"],
     [6, 2]),
    ("osteoporosis", "osteoporosis", "骨粗しょう症",
     ["Osteoporosis makes bones fragile, so even a minor fall can lead to a fracture.",
      "Calcium, vitamin D, daylight and weight-bearing activity all help to keep bones strong."],
     ["骨粗しょう症は骨がもろくなり、軽い転倒でも骨折しやすくなる病気です。",
      "カルシウムやビタミンDをとり、日光を浴びて体を動かすことが骨を守ることにつながります。"],
     ["A back that is becoming more rounded", "Losing height over the years", "A fracture after a minor knock"],
     ["背中や腰が丸くなってきた", "身長が以前より縮んだ", "軽くぶつけただけで骨折した"],
     [7, 3]),
    ("hay-fever", "hay fever", "花粉症",
     ["Hay fever is an allergic reaction to pollen from trees, grasses or weeds.",
      "Starting treatment shortly before the pollen season begins can make symptoms milder."],
     ["花粉症は、スギやヒノキなどの花粉に対するアレルギー反応によって起こります。",
      "花粉が飛び始める少し前から薬を使い始めると、症状を軽くできることがあります。"],
     ["Sneezing and a runny nose", "Itchy, red eyes", "A blocked nose that disturbs sleep"],
     ["くしゃみや鼻水が止まらない", "目のかゆみや充血がある", "鼻づまりで眠りが浅くなる"],
     [5, 7]),
    ("dementia", "dementia", "認知症",
     ["Dementia is a gradual decline in memory and judgement that begins to affect everyday life.",
      "An early diagnosis makes it easier to plan ahead in a way that respects the person's own wishes."],
     ["認知症は、記憶や判断する力が少しずつ低下し、日常生活に支障が出る状態です。",
      "早い段階で診断を受けることで、本人の希望を尊重した準備や支援を進めやすくなります。"],
     ["Asking the same question repeatedly", "Getting lost on familiar routes", "Forgetting appointments more often"],
     ["同じことを何度も聞く", "慣れた道で迷う", "約束や予定を忘れることが増えた"],
     [8, 0]),
    ("heart-failure", "heart failure", "心不全",
     ["Heart failure means the heart cannot pump blood around the body as well as it should.",
      "Weighing yourself every morning helps to spot fluid build-up early, before it becomes serious."],
     ["心不全は、心臓のポンプとしての働きが弱まり、全身に十分な血液を送れなくなる状態です。",
      "毎朝体重を測り、急に増えたときは早めに主治医に連絡しましょう。"],
     ["Breathlessness after light activity", "Swollen ankles", "Breathlessness when lying flat"],
     ["少し動いただけで息切れがする", "足のむくみが続く", "横になると息苦しい"],
     [4, 3]),
    ("chronic-kidney-disease", "chronic kidney disease", "慢性腎臓病",
     ["Chronic kidney disease usually causes no symptoms at first and is often found through blood or urine tests.",
      "A dietitian can give practical advice on salt and protein that fits your own meals."],
     ["慢性腎臓病は初期にはほとんど症状がなく、血液検査や尿検査で見つかることが多い病気です。",
      "塩分やたんぱく質のとり方について、管理栄養士に相談すると具体的な工夫がわかります。"],
     ["Foamy urine", "Swelling that comes and goes", "Tiredness and poor appetite"],
     ["尿の泡立ちが消えにくい", "むくみが出やすい", "疲れやすく食欲が落ちる"],
     [3, 7]),
    ("atopic-eczema", "atopic eczema", "アトピー性皮膚炎",
     ["Atopic eczema is an itchy skin condition that tends to flare up and settle down again.",
      "Moisturising every day and using prescribed creams as directed are the foundations of treatment."],
     ["アトピー性皮膚炎は、かゆみのある湿疹が良くなったり悪くなったりをくり返す病気です。",
      "毎日の保湿と、医師の指示に沿った塗り薬の使用が治療の基本になります。"],
     ["Itchy patches that keep coming back", "Dry, rough skin", "Weeping skin where it has been scratched"],
     ["かゆみのある湿疹がくり返し出る", "肌が乾燥してかさかさする", "かきこわした部分がじゅくじゅくする"],
     [5, 9]),
    ("gout", "gout", "痛風",
     ["Gout happens when uric acid forms crystals in a joint, causing sudden and severe pain.",
      "Drinking enough water and cutting down on alcohol and sugary drinks help to prevent further attacks."],
     ["痛風は、血液中の尿酸が結晶となって関節にたまり、激しい痛みを起こす病気です。",
      "水分を十分にとり、アルコールや果糖の多い飲み物を控えることが再発予防に役立ちます。"],
     ["Sudden swelling and pain at the base of the big toe", "A joint that is red and hot", "Pain that is worse at night"],
     ["足の親指の付け根が急に腫れて痛む", "関節が赤く熱を持つ", "痛みが夜間に強くなる"],
     [6, 3]),
    ("bipolar-disorder", "bipolar disorder", "双極性障害",
     ["In bipolar disorder, periods of raised mood alternate with periods of depression.",
      "Continuing mood-stabilising treatment helps to prevent relapse and supports a steady daily life."],
     ["双極性障害では、気分が高ぶる時期と落ち込む時期が交互に現れます。",
      "気分安定薬を中心とした治療を続けることで、再発を防ぎ安定した生活を送ることができます。"],
     ["Feeling full of energy despite little sleep", "Racing thoughts and rapid speech", "Periods of very low mood"],
     ["眠らなくても元気に感じる時期がある", "話が止まらず考えが次々に浮かぶ", "気分が強く落ち込む時期がある"],
     [0, 1]),
]

# Tags, same index in both languages.
TAGS_EN = ["mental health", "treatment", "sleep", "chronic illness", "heart and circulation",
           "allergy", "pain", "bones and joints", "older adults", "skin", "nutrition",
           "exercise", "medicines", "family and carers", "prevention"]
TAGS_JA = ["こころの健康", "治療", "睡眠", "慢性疾患", "心臓と血管",
           "アレルギー", "痛み", "骨と関節", "高齢者", "皮膚", "栄養",
           "運動", "薬", "家族・介護", "予防"]

# (EN title pattern, JA title pattern, EN description, JA description)
ANGLES = [
    ("Understanding {T}", "{t}を正しく知る",
     "What {t} is, how it shows itself and how it is treated.", "{t}とはどのような病気か、症状と治療の基本をわかりやすく解説します。"),
    ("Living with {t}", "{t}とともに暮らす",
     "Practical ideas for daily life with {t}.", "{t}と付き合いながら毎日を過ごすための工夫を紹介します。"),
    ("Treatment options for {t}", "{t}の治療の選択肢",
     "An overview of the treatments available for {t}.", "{t}の主な治療法と、それぞれの特徴をまとめました。"),
    ("{T}: questions to ask your doctor", "{t}：医師に聞きたいこと",
     "Questions that help you get the most from appointments about {t}.", "{t}で受診するときに役立つ質問の例を紹介します。"),
    ("Sleep and {t}", "{t}と睡眠",
     "How {t} and sleep affect each other, and what helps.", "{t}と睡眠の関係、ぐっすり眠るための工夫を解説します。"),
    ("Eating well with {t}", "{t}と食事の工夫",
     "Everyday food choices for people with {t}.", "{t}の方が毎日の食事で気をつけたいポイントを紹介します。"),
    ("Exercise and {t}", "{t}と運動",
     "How to stay active safely with {t}.", "{t}の方が無理なく体を動かすためのヒントをまとめました。"),
    ("Medicines for {t}: what to know", "{t}の薬について知っておきたいこと",
     "How medicines for {t} work and how to take them safely.", "{t}の薬の働きと、安全に使うための注意点を解説します。"),
    ("Supporting a family member with {t}", "{t}の家族を支えるために",
     "Guidance for family and friends of someone with {t}.", "{t}の方を支える家族や周囲の方に向けた情報です。"),
    ("When to seek help for {t}", "{t}で受診を考えるタイミング",
     "Signs that mean it is time to contact a health professional about {t}.", "{t}で医療機関に相談すべきサインを紹介します。"),
]

AUDIENCES = [
    ("", ""),
    (" (for older adults)", "（高齢の方へ）"),
    (" (for working people)", "（働く世代の方へ）"),
    (" (for parents)", "（子育て中の方へ）"),
    (" (for carers)", "（介護する方へ）"),
]

# ---------------------------------------------------------------------------
# Sentence banks.  {t} is the topic name (lower case in English).
# ---------------------------------------------------------------------------

EN = {
    "general": [
        "{T} is common, and many people who live with it go on to lead full and active lives.",
        "Symptoms of {t} vary from person to person, so it is worth talking to a health professional rather than trying to diagnose yourself.",
        "Your care plan should fit your daily life, your preferences and any other conditions you may have.",
        "Learning about {t} can make it easier to take part in decisions about your treatment.",
        "There is no single treatment that works for everyone, and it can take time to find the right combination.",
        "Recovery is rarely a straight line, and setbacks along the way are normal.",
        "Many people find it helpful to write down their questions before an appointment.",
        "Your doctor may suggest a short period of monitoring before recommending a specific treatment.",
        "Keeping a simple diary of symptoms, sleep and mood can help you notice patterns over time.",
        "It is reasonable to ask what the expected benefits and possible side effects of each option are.",
        "Early treatment often leads to better outcomes and fewer complications later on.",
        "Some people feel embarrassed to talk about {t}, but health professionals are used to discussing it.",
        "Small, steady changes are usually easier to keep up than large changes made all at once.",
        "Reliable information helps, but it cannot replace an assessment by someone who knows your history.",
        "How {t} affects you can change with the seasons, with work pressures and with other illnesses.",
        "It is common to feel worried after a diagnosis of {t}, and those feelings are worth mentioning to your care team.",
    ],
    "treatment": [
        "Treatment for {t} usually combines practical self-care with professional support, and sometimes medicines.",
        "Talking therapies such as cognitive behavioural therapy help people notice unhelpful patterns of thinking and try new ways of responding.",
        "If one treatment does not help, your doctor can adjust the dose, change the medicine or add another approach.",
        "Regular follow-up appointments give you a chance to review progress and raise any concerns.",
        "Treatment plans are usually reviewed every few months, or sooner if your symptoms change.",
        "A nurse, pharmacist or dietitian may be part of your care team as well as your doctor.",
        "Written action plans can help you know what to do when symptoms flare up.",
        "Some treatments are started at a low dose and increased slowly to reduce side effects.",
    ],
    "sleep": [
        "Getting up at the same time every day, including weekends, helps to keep your body clock steady.",
        "Bright light in the morning and dim light in the evening support a natural sleep rhythm.",
        "Screens in the hour before bed can make it harder to fall asleep.",
        "Caffeine can stay in the body for many hours, so it is best avoided from mid-afternoon onwards.",
        "Alcohol may help you fall asleep, but it tends to cause waking during the night and lighter sleep.",
        "If you cannot sleep after about twenty minutes, it may help to get up and do something calm until you feel sleepy.",
        "A cool, quiet and dark bedroom makes restful sleep more likely.",
        "Short naps of less than half an hour in the early afternoon are less likely to disturb night-time sleep.",
    ],
    "nutrition": [
        "A balanced plate includes vegetables, a source of protein and a moderate portion of whole grains.",
        "Eating at regular times helps to keep energy levels and blood sugar more stable through the day.",
        "Vegetables, seaweed, beans and mushrooms are good sources of fibre, which supports gut health.",
        "Cutting down on salt is one of the simplest ways to help control blood pressure.",
        "Drinking water little and often through the day is better than drinking a large amount at once.",
        "Highly processed snacks and sugary drinks are easy to overconsume, so keep them as occasional treats.",
        "Skipping breakfast can make blood sugar rise more sharply after lunch.",
        "Herbs, spices, citrus and stock can add flavour when you are using less salt.",
    ],
    "exercise": [
        "Even twenty minutes of brisk walking a day can improve mood, sleep and general fitness.",
        "If you have a long-term condition, check with your doctor before starting a new exercise programme.",
        "Taking the stairs or getting off the bus one stop early are easy ways to add movement to your day.",
        "Gentle stretching and strength exercises twice a week help to protect joints and muscles.",
        "Choose an activity you enjoy, because you are more likely to keep doing it.",
        "Stop and rest if you feel chest pain, dizziness or unusual breathlessness while exercising.",
    ],
    "medicines": [
        "If you take medicines from more than one clinic, keep an up-to-date list and show it at every appointment.",
        "Over-the-counter medicines and supplements can interact with prescribed medicines, so check with a pharmacist first.",
        "Do not stop a prescribed medicine suddenly without talking to your doctor, even if you feel better.",
        "Ask in advance what to do if you forget a dose, because the advice differs between medicines.",
        "Tell your doctor or pharmacist about side effects rather than putting up with them in silence.",
        "A weekly pill organiser or a phone reminder can make it easier to take medicines on time.",
    ],
    "consult": [
        "Before an appointment, note down when your symptoms started and what makes them better or worse.",
        "If you do not understand a word or an explanation, it is fine to ask for it to be explained again.",
        "Asking for a second opinion is your right and is not a criticism of your doctor.",
        "Bringing a family member or friend to an appointment can help you remember what was said.",
        "If symptoms last for more than two weeks or start to affect your work, study or relationships, make an appointment with your doctor.",
    ],
    "family": [
        "Family members can help most by listening without judging and by avoiding too much pressure to cheer up.",
        "Carers need rest too, and looking after your own health makes it easier to support someone else.",
        "Local health centres and helplines often offer free advice by telephone or in person.",
        "Offering practical help, such as a lift to an appointment, can mean more than words of advice.",
        "It is fine to agree together on what information can be shared with other relatives.",
    ],
    "stress": [
        "Slow breathing, gentle stretching or a short walk can help when stress builds up.",
        "Talking to someone you trust can make problems feel more manageable.",
        "Planning regular breaks into your week is as important as planning your work.",
        "Putting off big decisions until you feel better is a reasonable choice.",
    ],
    "urgent": [
        "If you have thoughts of harming yourself, contact emergency services or a crisis line straight away.",
        "Sudden chest pain, severe shortness of breath or confusion need urgent medical attention.",
        "Call for help at once if symptoms get worse quickly or feel different from anything you have had before.",
    ],
}

JA = {
    "general": [
        "{t}は誰にでも起こりうる身近な病気であり、早めに気づくことが回復への第一歩です。",
        "{t}の症状は人によって大きく異なるため、自己判断せずに専門家へ相談することが大切です。",
        "治療は一人ひとりの生活状況や希望に合わせて、医師と相談しながら進めていきます。",
        "{t}について正しい知識を持つことで、不安を減らし、治療に前向きに取り組めるようになります。",
        "すべての人に同じように効く治療法はなく、自分に合った方法を見つけるまでに時間がかかることもあります。",
        "回復の道のりは一直線ではなく、良い時期と悪い時期をくり返しながら少しずつ進んでいきます。",
        "体調や気分の変化を日記やアプリに記録しておくと、診察時に役立つ情報になります。",
        "それぞれの治療で期待できる効果と起こりうる副作用について、遠慮なく質問してかまいません。",
        "早い段階で治療を始めることで、合併症を防ぎ、より良い経過が期待できます。",
        "{t}のことを人に話すのはためらわれるかもしれませんが、医療者にとっては日常的な相談の一つです。",
        "大きな変化を一度に目指すよりも、小さな工夫を続けるほうが長続きしやすいものです。",
        "季節の変わり目や仕事の忙しさによって、{t}の症状が変化することもあります。",
        "診断を受けた直後は不安を感じるのが自然なことであり、その気持ちも医療者に伝えてかまいません。",
    ],
    "treatment": [
        "{t}の治療では、日常生活での工夫と専門家の支援、必要に応じて薬を組み合わせるのが一般的です。",
        "認知行動療法では、物事の受け止め方や考え方のくせに気づき、少しずつ柔軟にしていきます。",
        "一つの治療で効果が不十分な場合でも、薬の量や種類を調整したり、別の方法を加えたりすることができます。",
        "定期的な通院は、経過を確認し、気になることを相談するための大切な機会です。",
        "治療の内容は数か月ごとに見直され、症状が変わったときにはその都度相談できます。",
        "医師だけでなく、看護師や薬剤師、管理栄養士なども治療を支えるチームの一員です。",
        "副作用を抑えるために、少ない量から始めてゆっくり増やしていく薬もあります。",
    ],
    "sleep": [
        "毎朝同じ時刻に起きて朝日を浴びると、体内時計が整いやすくなります。",
        "寝る前のスマートフォンやパソコンの使用は、寝つきを悪くする原因になることがあります。",
        "カフェインは摂取後数時間にわたって覚醒作用が続くため、夕方以降は控えめにしましょう。",
        "寝酒は一時的に寝つきをよくしても、夜中に目が覚めやすくなり、睡眠の質を下げます。",
        "眠れないときに無理に布団の中で過ごすより、一度起きてリラックスできることをするほうがよい場合があります。",
        "寝室を静かで暗く、少し涼しめに保つと、ぐっすり眠りやすくなります。",
        "昼寝をする場合は、午後の早い時間に三十分以内にとどめると夜の睡眠に響きにくくなります。",
    ],
    "nutrition": [
        "主食、主菜、副菜をそろえた食事を心がけると、必要な栄養素をバランスよくとることができます。",
        "朝食を抜くと、昼食後の血糖値が急に上がりやすくなることが知られています。",
        "野菜や海藻、きのこ類には食物繊維が多く含まれ、腸内環境を整える働きがあります。",
        "塩分のとりすぎは血圧を上げる原因となるため、だしや香辛料を上手に使って減塩を工夫しましょう。",
        "水分は一度に大量に飲むのではなく、こまめに少しずつとることが勧められます。",
        "甘い飲み物やスナック菓子はとりすぎやすいので、楽しみとしてときどき味わう程度にしましょう。",
        "決まった時間に食事をとることで、一日を通してエネルギーや血糖値が安定しやすくなります。",
    ],
    "exercise": [
        "ウォーキングなどの軽い運動を一日二十分程度続けるだけでも、気分や睡眠の改善が期待できます。",
        "持病がある場合は、運動を始める前に主治医に相談し、無理のない範囲から始めましょう。",
        "階段を使う、一駅分歩くなど、日常生活の中で体を動かす機会を増やすことも効果的です。",
        "週に二回ほどのストレッチや筋力トレーニングは、関節や筋肉を守ることにつながります。",
        "楽しいと感じられる運動を選ぶと、無理なく続けやすくなります。",
        "運動中に胸の痛みやめまい、強い息切れを感じたら、すぐに中止して休みましょう。",
    ],
    "medicines": [
        "複数の医療機関から薬を処方されている場合は、お薬手帳を使って情報をまとめておくと安心です。",
        "市販薬やサプリメントも処方薬と相互作用を起こすことがあるため、服用前に薬剤師に確認してください。",
        "薬を自己判断で中止すると症状が再び悪化することがあるため、必ず主治医に相談してください。",
        "飲み忘れに気づいたときの対応は薬によって異なるので、あらかじめ確認しておきましょう。",
        "副作用が気になるときは、我慢せずに医師や薬剤師に伝えましょう。",
        "一週間分の薬を入れるケースやスマートフォンのアラームを使うと、飲み忘れを防ぎやすくなります。",
    ],
    "consult": [
        "診察の前に、気になる症状やいつから続いているかをメモしておくと、限られた時間でも伝えやすくなります。",
        "分からない言葉や説明があれば、その場で遠慮なく質問してかまいません。",
        "セカンドオピニオンを求めることは患者の権利であり、主治医に失礼にあたるものではありません。",
        "家族や友人に付き添ってもらうと、医師の説明を一緒に聞いて後で確認し合うことができます。",
        "症状が二週間以上続く場合や、日常生活に支障が出ている場合は、早めに医療機関を受診してください。",
    ],
    "family": [
        "周囲の人は励ましすぎず、本人の話に耳を傾けて気持ちを受け止めることが大切です。",
        "介護や看病を続ける家族自身も、疲れをためないよう休息をとることが必要です。",
        "地域の保健センターや相談窓口では、電話や対面で無料の相談を受け付けていることがあります。",
        "通院の付き添いなど、具体的な手助けが言葉以上の支えになることもあります。",
    ],
    "stress": [
        "ストレスを感じたときは、深呼吸やストレッチなど、短時間でできるリラックス法を試してみましょう。",
        "一人で抱え込まず、信頼できる人に気持ちを話すだけでも心が軽くなることがあります。",
        "仕事と休息のバランスを見直し、意識的に休む時間を予定に組み込むことも大切です。",
        "気分が落ち込んでいるときは、大きな決断を先延ばしにすることも一つの工夫です。",
    ],
    "urgent": [
        "死にたいという気持ちが強いときや、自分を傷つけてしまいそうなときは、すぐに救急や相談窓口に連絡してください。",
        "胸の痛みや息苦しさが急に強くなった場合は、ためらわずに救急車を呼んでください。",
        "症状が急に悪化したときや、これまでと違う症状が出たときは、すぐに医療機関に連絡しましょう。",
    ],
}

THEMES = ["sleep", "nutrition", "exercise", "medicines", "family", "stress"]
THEME_TAG = {"sleep": 2, "nutrition": 10, "exercise": 11, "medicines": 12, "family": 13, "stress": 0}

HEAD_EN = {
    "overview": "What is {t}?", "signs": "Common signs and symptoms", "treatment": "Treatment options",
    "selfcare": "Everyday self-care", "help": "When to seek help", "questions": "Questions to ask your doctor",
    "related": "Related information", "sleep": "Looking after your sleep", "nutrition": "Eating well",
    "exercise": "Staying active", "medicines": "Taking medicines safely", "family": "For family and friends",
    "stress": "Managing stress",
}
HEAD_JA = {
    "overview": "{t}とは", "signs": "主な症状", "treatment": "治療の選択肢",
    "selfcare": "日常生活でできること", "help": "受診の目安", "questions": "医師に聞きたいこと",
    "related": "関連情報", "sleep": "睡眠を整える", "nutrition": "食事の工夫",
    "exercise": "からだを動かす", "medicines": "薬とのつきあい方", "family": "家族や周囲の方へ",
    "stress": "ストレスとのつきあい方",
}

GENERIC_SIGNS_EN = ["Changes in sleep or appetite", "Tiredness that does not improve with rest",
                    "Difficulty concentrating", "Symptoms that slowly get worse over time"]
GENERIC_SIGNS_JA = ["睡眠や食欲に変化がある", "休んでも疲れがとれない", "集中しにくい", "症状が少しずつ強くなっている"]

SELFCARE_EN = ["Keep a regular daily routine", "Aim for enough sleep at consistent times",
               "Eat balanced meals at regular times", "Build gentle activity into most days",
               "Keep alcohol within low-risk limits", "Take medicines as prescribed",
               "Note changes in your symptoms", "Ask for help early when things are difficult"]
SELFCARE_JA = ["規則正しい生活リズムを保つ", "決まった時間に十分な睡眠をとる", "バランスのよい食事を決まった時間にとる",
               "適度な運動を習慣にする", "飲酒は控えめにする", "処方された薬を指示どおりに服用する",
               "気になる症状を記録しておく", "困ったときは早めに相談する"]

QUESTIONS_EN = ["What is the most likely cause of my symptoms?", "What are the benefits and risks of each treatment?",
                "How long will it take before I notice a difference?", "Are there side effects I should watch for?",
                "What can I do at home to help?", "When should I come back for a review?",
                "Who can I contact if things get worse out of hours?"]
QUESTIONS_JA = ["症状の原因として何が考えられますか。", "それぞれの治療の効果とリスクを教えてください。",
                "効果を実感できるまでにどのくらいかかりますか。", "注意すべき副作用はありますか。",
                "自宅でできることはありますか。", "次の受診はいつ頃がよいですか。",
                "夜間や休日に悪化したときはどこに連絡すればよいですか。"]

TABLES_EN = [
    ("| Option | What it involves | Typical time frame |\n| --- | --- | --- |",
     ["| Medicines | The type and dose are adjusted to your symptoms | Several months or longer |",
      "| Talking therapy | Regular sessions with a trained therapist | Weekly, for 8 to 16 weeks |",
      "| Lifestyle changes | Sleep, food and activity are reviewed step by step | Ongoing |",
      "| Rest and adjustment | Workload at home or at work is reduced for a while | A few weeks |",
      "| Regular review | Progress is checked and the plan is updated | Every 1 to 3 months |"]),
    ("| Time of day | Suggestion |\n| --- | --- |",
     ["| Morning | Get up at a set time and open the curtains |",
      "| Midday | Eat a proper lunch and take a short walk |",
      "| Afternoon | Avoid caffeine after about 3 pm |",
      "| Evening | Dim the lights and put screens away |",
      "| Bedtime | Go to bed only when you feel sleepy |"]),
    ("| What you notice | What to do |\n| --- | --- |",
     ["| Symptoms are mild and stable | Continue self-care and keep your usual appointments |",
      "| Symptoms are getting slowly worse | Book an appointment within the next week or two |",
      "| Side effects are troubling you | Talk to your pharmacist or doctor before stopping anything |",
      "| Symptoms are severe or sudden | Seek urgent medical help |"]),
]
TABLES_JA = [
    ("| 治療法 | 内容 | 目安の期間 |\n| --- | --- | --- |",
     ["| 薬物療法 | 症状に合わせて薬の種類や量を調整します | 数か月以上 |",
      "| 精神療法 | 専門家との対話を通じて考え方や行動を整理します | 週一回、八〜十六週 |",
      "| 生活習慣の見直し | 睡眠・食事・運動を少しずつ整えます | 継続的に |",
      "| 休養 | 仕事や家事の負担を一時的に減らします | 数週間 |",
      "| 定期的な見直し | 経過を確認し、治療計画を更新します | 一〜三か月ごと |"]),
    ("| 時間帯 | 工夫 |\n| --- | --- |",
     ["| 朝 | 決まった時刻に起きてカーテンを開ける |",
      "| 昼 | 昼食をきちんととり、少し歩く |",
      "| 午後 | 午後三時以降はカフェインを控える |",
      "| 夜 | 照明を落とし、画面を見る時間を減らす |",
      "| 就寝前 | 眠気を感じてから布団に入る |"]),
    ("| 気づいたこと | 対応 |\n| --- | --- |",
     ["| 症状が軽く安定している | セルフケアを続け、予定どおり受診する |",
      "| 症状が少しずつ悪化している | 一〜二週間以内に受診の予約をとる |",
      "| 副作用がつらい | 自己判断で中止せず、薬剤師や医師に相談する |",
      "| 症状が強い、または急に出た | すぐに医療機関を受診する |"]),
]

FOOTNOTES_EN = ["This article is general information and does not replace advice from your own doctor.",
                "Time frames vary between individuals and depend on the treatment used.",
                "Services and contact details differ by area; ask your local health centre."]
FOOTNOTES_JA = ["本記事は一般的な情報提供を目的としており、個別の診断や治療に代わるものではありません。",
                "期間や効果には個人差があり、治療法によっても異なります。",
                "相談窓口の名称や連絡先は地域によって異なります。お住まいの保健センターにお問い合わせください。"]

EXTERNAL = [("World Health Organization", "世界保健機関（WHO）", "https://www.who.int/"),
            ("Ministry of Health, Labour and Welfare", "厚生労働省", "https://www.mhlw.go.jp/"),
            ("National Institute of Mental Health", "米国国立精神衛生研究所", "https://www.nimh.nih.gov/")]

# ---------------------------------------------------------------------------
# Evidence tags (the akashi target only).
#
# CLAIMS_*: the bank sentences that state that a treatment, medicine, device or lifestyle
# change has, may have or is expected to have an effect (benefit, harm, safety or superiority),
# with their evidence level.  They get an evidence tag right before their closing punctuation.
# The citation keys are assigned per article (AKASHI_KEYS).
#
# MISREAD_*: text that is not a treatment claim (symptoms, logistics, instructions, table
# cells, footnotes) but that akashi's claim detector reports as one (claim/untagged), always
# or in some contexts: in Japanese a sentence right after one that names a treatment is read
# as being about it.  These get a level-C tag too, so that the site builds; they are detector
# false positives, not claims.  (Suppressing them would be the honest markup in a real site; the
# benchmark keeps them tagged so that its figures stay comparable with earlier runs, and the
# list doubles as a record of the detector's known misreadings.)  The titles in the lists of
# related articles are misread
# in the same way, so every link to another article is tagged as well.  A list item, table
# cell or footnote is tagged in both languages when either language's version is misread,
# so that both versions carry the same tags (i18n/claim-mismatch).
#
# An entry is a bank string, or (string, topic slugs) when the detector misreads it for those
# topics only.  Every entry must exist verbatim in a bank (checked when the akashi target is
# written).
# ---------------------------------------------------------------------------

CLAIMS_EN = {
    # topic facts
    "Antidepressants often take several weeks to work, so it helps to keep going even when the first days feel slow.": "B",
    "Sleeping tablets work best, and are safest, when they are combined with changes to daily routines.": "B",
    "Gradually facing feared situations, with guidance from a therapist, is one of the most effective approaches.": "B",
    "Keeping blood sugar in a healthy range protects the eyes, kidneys and nerves from long-term damage.": "B",
    "Eating less salt and staying active can lower blood pressure, sometimes enough to avoid medicines.": "B",
    "Using a preventer inhaler every day, even when you feel well, reduces the chance of an attack.": "B",
    "Changing position often and avoiding long periods of sitting can protect your back.": "B",
    "Calcium, vitamin D, daylight and weight-bearing activity all help to keep bones strong.": "B",
    "Starting treatment shortly before the pollen season begins can make symptoms milder.": "B",
    "Drinking enough water and cutting down on alcohol and sugary drinks help to prevent further attacks.": "B",
    "Continuing mood-stabilising treatment helps to prevent relapse and supports a steady daily life.": "B",
    "Weighing yourself every morning helps to spot fluid build-up early, before it becomes serious.": "C",
    # general, treatment
    "Early treatment often leads to better outcomes and fewer complications later on.": "C",
    "Talking therapies such as cognitive behavioural therapy help people notice unhelpful patterns of thinking and try new ways of responding.": "C",
    "Some treatments are started at a low dose and increased slowly to reduce side effects.": "C",
    # sleep
    "Getting up at the same time every day, including weekends, helps to keep your body clock steady.": "C",
    "Bright light in the morning and dim light in the evening support a natural sleep rhythm.": "C",
    "Alcohol may help you fall asleep, but it tends to cause waking during the night and lighter sleep.": "C",
    "If you cannot sleep after about twenty minutes, it may help to get up and do something calm until you feel sleepy.": "C",
    "A cool, quiet and dark bedroom makes restful sleep more likely.": "C",
    "Short naps of less than half an hour in the early afternoon are less likely to disturb night-time sleep.": "C",
    # nutrition
    "Eating at regular times helps to keep energy levels and blood sugar more stable through the day.": "C",
    "Vegetables, seaweed, beans and mushrooms are good sources of fibre, which supports gut health.": "C",
    "Cutting down on salt is one of the simplest ways to help control blood pressure.": "C",
    "Drinking water little and often through the day is better than drinking a large amount at once.": "C",
    # exercise
    "Even twenty minutes of brisk walking a day can improve mood, sleep and general fitness.": "C",
    "Gentle stretching and strength exercises twice a week help to protect joints and muscles.": "C",
    # medicines
    "Over-the-counter medicines and supplements can interact with prescribed medicines, so check with a pharmacist first.": "C",
    "A weekly pill organiser or a phone reminder can make it easier to take medicines on time.": "C",
    # stress
    "Slow breathing, gentle stretching or a short walk can help when stress builds up.": "C",
    "Talking to someone you trust can make problems feel more manageable.": "C",
}

CLAIMS_JA = {
    # topic facts
    "抗うつ薬は効果が現れるまでに数週間かかることが多く、焦らずに続けることが大切です。": "B",
    "睡眠薬を使う場合も、生活習慣の見直しと組み合わせることで効果が高まります。": "B",
    "不安な場面を少しずつ経験していく方法は、専門家の指導のもとで行うと効果的です。": "B",
    "血糖値を良好に保つことで、目や腎臓、神経の合併症を防ぐことができます。": "B",
    "減塩と適度な運動を続けることで、血圧が下がることが期待できます。": "B",
    "症状がないときも吸入薬を続けることで、発作を予防することができます。": "B",
    "腰痛の多くは数週間で自然に軽くなりますが、くり返す場合は生活習慣の見直しが役立ちます。": "B",
    "カルシウムやビタミンDをとり、日光を浴びて体を動かすことが骨を守ることにつながります。": "B",
    "花粉が飛び始める少し前から薬を使い始めると、症状を軽くできることがあります。": "B",
    "水分を十分にとり、アルコールや果糖の多い飲み物を控えることが再発予防に役立ちます。": "B",
    "気分安定薬を中心とした治療を続けることで、再発を防ぎ安定した生活を送ることができます。": "B",
    # general, treatment
    "早い段階で治療を始めることで、合併症を防ぎ、より良い経過が期待できます。": "C",
    "認知行動療法では、物事の受け止め方や考え方のくせに気づき、少しずつ柔軟にしていきます。": "C",
    "副作用を抑えるために、少ない量から始めてゆっくり増やしていく薬もあります。": "C",
    # sleep
    "毎朝同じ時刻に起きて朝日を浴びると、体内時計が整いやすくなります。": "C",
    "寝酒は一時的に寝つきをよくしても、夜中に目が覚めやすくなり、睡眠の質を下げます。": "C",
    "眠れないときに無理に布団の中で過ごすより、一度起きてリラックスできることをするほうがよい場合があります。": "C",
    "寝室を静かで暗く、少し涼しめに保つと、ぐっすり眠りやすくなります。": "C",
    "昼寝をする場合は、午後の早い時間に三十分以内にとどめると夜の睡眠に響きにくくなります。": "C",
    # nutrition
    "野菜や海藻、きのこ類には食物繊維が多く含まれ、腸内環境を整える働きがあります。": "C",
    "決まった時間に食事をとることで、一日を通してエネルギーや血糖値が安定しやすくなります。": "C",
    "塩分のとりすぎは血圧を上げる原因となるため、だしや香辛料を上手に使って減塩を工夫しましょう。": "C",
    "水分は一度に大量に飲むのではなく、こまめに少しずつとることが勧められます。": "C",
    # exercise
    "ウォーキングなどの軽い運動を一日二十分程度続けるだけでも、気分や睡眠の改善が期待できます。": "C",
    "階段を使う、一駅分歩くなど、日常生活の中で体を動かす機会を増やすことも効果的です。": "C",
    "週に二回ほどのストレッチや筋力トレーニングは、関節や筋肉を守ることにつながります。": "C",
    # medicines
    "市販薬やサプリメントも処方薬と相互作用を起こすことがあるため、服用前に薬剤師に確認してください。": "C",
    "一週間分の薬を入れるケースやスマートフォンのアラームを使うと、飲み忘れを防ぎやすくなります。": "C",
    # stress
    "一人で抱え込まず、信頼できる人に気持ちを話すだけでも心が軽くなることがあります。": "C",
}

MISREAD_LEVEL = "C"

MISREAD_EN = [
    "Learning about {t} can make it easier to take part in decisions about your treatment.",
    "There is no single treatment that works for everyone, and it can take time to find the right combination.",
    "It is reasonable to ask what the expected benefits and possible side effects of each option are.",
    "Reliable information helps, but it cannot replace an assessment by someone who knows your history.",
    ("How {t} affects you can change with the seasons, with work pressures and with other illnesses.", ["lower-back-pain"]),
    ("Some people feel embarrassed to talk about {t}, but health professionals are used to discussing it.", ["lower-back-pain"]),
    ("It is common to feel worried after a diagnosis of {t}, and those feelings are worth mentioning to your care team.", ["lower-back-pain"]),
    "Treatment for {t} usually combines practical self-care with professional support, and sometimes medicines.",
    "If one treatment does not help, your doctor can adjust the dose, change the medicine or add another approach.",
    "Written action plans can help you know what to do when symptoms flare up.",
    "A balanced plate includes vegetables, a source of protein and a moderate portion of whole grains.",
    "Highly processed snacks and sugary drinks are easy to overconsume, so keep them as occasional treats.",
    "Taking the stairs or getting off the bus one stop early are easy ways to add movement to your day.",
    "Most lower back pain eases by itself within a few weeks, but pain that keeps returning is worth looking into.",
    "Recording when headaches happen can reveal triggers such as missed meals, poor sleep or bright light.",
    "Tiredness and unexplained weight loss",                # a sign (list item)
    "Tiredness that does not improve with rest",            # a sign (list item)
    "Workload at home or at work is reduced for a while",   # a table cell
]

MISREAD_JA = [
    "{t}は誰にでも起こりうる身近な病気であり、早めに気づくことが回復への第一歩です。",
    "{t}の症状は人によって大きく異なるため、自己判断せずに専門家へ相談することが大切です。",
    "{t}について正しい知識を持つことで、不安を減らし、治療に前向きに取り組めるようになります。",
    "すべての人に同じように効く治療法はなく、自分に合った方法を見つけるまでに時間がかかることもあります。",
    "回復の道のりは一直線ではなく、良い時期と悪い時期をくり返しながら少しずつ進んでいきます。",
    "体調や気分の変化を日記やアプリに記録しておくと、診察時に役立つ情報になります。",
    "それぞれの治療で期待できる効果と起こりうる副作用について、遠慮なく質問してかまいません。",
    "{t}のことを人に話すのはためらわれるかもしれませんが、医療者にとっては日常的な相談の一つです。",
    "季節の変わり目や仕事の忙しさによって、{t}の症状が変化することもあります。",
    "{t}の治療では、日常生活での工夫と専門家の支援、必要に応じて薬を組み合わせるのが一般的です。",
    "一つの治療で効果が不十分な場合でも、薬の量や種類を調整したり、別の方法を加えたりすることができます。",
    "医師だけでなく、看護師や薬剤師、管理栄養士なども治療を支えるチームの一員です。",
    "カフェインは摂取後数時間にわたって覚醒作用が続くため、夕方以降は控えめにしましょう。",
    "朝食を抜くと、昼食後の血糖値が急に上がりやすくなることが知られています。",
    "楽しいと感じられる運動を選ぶと、無理なく続けやすくなります。",
    "運動中に胸の痛みやめまい、強い息切れを感じたら、すぐに中止して休みましょう。",
    "複数の医療機関から薬を処方されている場合は、お薬手帳を使って情報をまとめておくと安心です。",
    "副作用が気になるときは、我慢せずに医師や薬剤師に伝えましょう。",
    "診察の前に、気になる症状やいつから続いているかをメモしておくと、限られた時間でも伝えやすくなります。",
    "周囲の人は励ましすぎず、本人の話に耳を傾けて気持ちを受け止めることが大切です。",
    "通院の付き添いなど、具体的な手助けが言葉以上の支えになることもあります。",
    "症状が急に悪化したときや、これまでと違う症状が出たときは、すぐに医療機関に連絡しましょう。",
    "不安障害では、はっきりした理由がないのに強い不安や心配が長く続きます。",
    "高血圧は自覚症状がほとんどないため、定期的に血圧を測ることが早期発見につながります。",
    "長時間同じ姿勢を続けないように、こまめに立ち上がって体を動かしましょう。",
    "早い段階で診断を受けることで、本人の希望を尊重した準備や支援を進めやすくなります。",
    "毎朝体重を測り、急に増えたときは早めに主治医に連絡しましょう。",
    "双極性障害では、気分が高ぶる時期と落ち込む時期が交互に現れます。",
    "集中しにくい",                       # a sign (list item)
    "尿の泡立ちが消えにくい",              # a sign (list item)
    "症状に合わせて薬の種類や量を調整します",  # table cells
    "専門家との対話を通じて考え方や行動を整理します",
    "睡眠・食事・運動を少しずつ整えます",
    "仕事や家事の負担を一時的に減らします",
    "照明を落とし、画面を見る時間を減らす",
    "症状が少しずつ悪化している",
    "期間や効果には個人差があり、治療法によっても異なります。",  # a footnote
]

# Citation keys from the repository's content/references.yaml, by level: the k-th tag of a
# level in article i cites AKASHI_KEYS[level][(i + k) % len], in both languages, so that the two
# versions make the same claims (i18n/claim-mismatch) as far as their sentences allow.  Level B
# cites randomised trials and network meta-analyses only; level C also the systematic review,
# the narrative review and the case series (which support at most C).  No key set is used at
# both levels, so that a surplus claim is never mistaken for a counterpart at another level.
AKASHI_KEYS = {
    "B": [["mutz2019"], ["oreardon2007"], ["brunoni2017", "mutz2019"], ["igarashi2022"],
          ["yi2023"], ["okabe2022"], ["oreardon2007", "brunoni2017"]],
    "C": [["li2023"], ["irie2020"], ["kong2023", "li2023"], ["yi2023", "irie2020"],
          ["kong2023"], ["okabe2022", "irie2020"], ["li2023", "brunoni2017"]],
}

# The two language versions draw their sentences independently, so one may hold more tags of
# a level than the other: the surplus tags have no counterpart in the other version, and the
# paragraphs that hold them carry this suppression.
AKASHI_SUPPRESS = ("<!-- akashi-ignore i18n/claim-mismatch: synthetic benchmark text; the two "
                   "language versions are generated independently, not translated -->")
AKASHI_SUPPRESS_CLAIM = ("<!-- akashi-ignore %s: synthetic benchmark text stitched together from "
                         "unrelated sentences, not a claim -->")
# The same, for a title or summary: a YAML comment on the line before the key.
AKASHI_SUPPRESS_FIELD = ("# akashi-ignore %s: synthetic benchmark text, a summary that "
                         "describes the page and claims nothing")

AKASHI_AUTHORS = {
    "ja": ["山田 花子（看護師）", "鈴木 一郎（薬剤師）", "田中 美咲（管理栄養士）"],
    "en": ["Hanako Yamada (nurse)", "Ichiro Suzuki (pharmacist)", "Misaki Tanaka (dietitian)"],
}
AKASHI_REVIEWERS = {
    "ja": ["佐藤 健一（精神科専門医）", "高橋 直子（総合内科専門医）"],
    "en": ["Kenichi Sato, MD (psychiatrist)", "Naoko Takahashi, MD (internist)"],
}
# Fixed review dates: neither overdue nor due within 60 days at SOURCE_DATE_EPOCH=1795305600
# (2026-11-22), and one year apart (at most three years are allowed).
AKASHI_LAST_REVIEWED = "2026-10-01"
AKASHI_NEXT_REVIEW = "2027-10-01"

_PLACEHOLDER = re.compile("\x00([A-Z])\x00")


def _placeholder(level):
    return "\x00%s\x00" % level


def _check_claims():
    strings = {"en": set(), "ja": set()}
    for lang, bank in (("en", EN), ("ja", JA)):
        for v in bank.values():
            strings[lang].update(v)
    for t in TOPICS:
        strings["en"].update(t[3] + t[5])
        strings["ja"].update(t[4] + t[6])
    strings["en"].update(GENERIC_SIGNS_EN + FOOTNOTES_EN)
    strings["ja"].update(GENERIC_SIGNS_JA + FOOTNOTES_JA)
    for tables, lang in ((TABLES_EN, "en"), (TABLES_JA, "ja")):
        for _, rows in tables:
            for row in rows:
                strings[lang].update(table_cells(row))
    for lang, claims, misread in (("en", CLAIMS_EN, MISREAD_EN), ("ja", CLAIMS_JA, MISREAD_JA)):
        entries = list(claims) + [e[0] if isinstance(e, tuple) else e for e in misread]
        missing = [e for e in entries if e not in strings[lang]]
        assert not missing, "not in any bank: %r" % missing
        assert all(level in AKASHI_KEYS for level in claims.values())


def _misread(s, lang, topic):
    for entry in MISREAD_EN if lang == "en" else MISREAD_JA:
        e, topics = entry if isinstance(entry, tuple) else (entry, None)
        if e == s and (topics is None or topic in topics):
            return True
    return False


def _tag_before_end(s, lang, level):
    """s with a placeholder before its closing punctuation (inside closing emphasis), or at
    its end if it has none."""
    j = len(s.rstrip("*"))
    if j and s[j - 1] == ("." if lang == "en" else "。"):
        j -= 1
    return s[:j] + _placeholder(level) + s[j:]


def mark_claim(s, template, lang, topic):
    """s (a formatted, possibly emphasised bank sentence) with the placeholder of its evidence
    tag, if template is a claim or misread as one; s itself when topic is None."""
    if topic is None:
        return s
    level = (CLAIMS_EN if lang == "en" else CLAIMS_JA).get(template)
    if level is None and _misread(template, lang, topic):
        level = MISREAD_LEVEL
    return s if level is None else _tag_before_end(s, lang, level)


def mark_item(s, en, ja, lang, topic):
    """s, the lang version of a list item, table cell or footnote (en, ja), with a tag
    placeholder if either version is misread as a claim."""
    if _misread(en, "en", topic) or _misread(ja, "ja", topic):
        return _tag_before_end(s, lang, MISREAD_LEVEL)
    return s


def strip_claims(text):
    return _PLACEHOLDER.sub("", text)


def akashi_tags(bodies, i=0):
    """Replace the placeholders of one article's language versions ({lang: body}) with
    evidence tags, and put AKASHI_SUPPRESS before each paragraph that holds a tag without a
    counterpart in the other version.  i (the article's number) varies the citations from one
    article to the next."""
    counts = {lang: {} for lang in bodies}
    for lang, body in bodies.items():
        for level in _PLACEHOLDER.findall(body):
            counts[lang][level] = counts[lang].get(level, 0) + 1
    out = {}
    for lang, body in bodies.items():
        others = [l for l in bodies if l != lang]
        seen = {}
        blocks = []
        for block in body.split("\n\n"):
            surplus = []

            def tag(mo):
                level = mo.group(1)
                k = seen.get(level, 0)
                seen[level] = k + 1
                if any(k >= counts[o].get(level, 0) for o in others):
                    surplus.append(k)
                keys = AKASHI_KEYS[level][(i + k) % len(AKASHI_KEYS[level])]
                return "%s[%s: %s]" % (" " if lang == "en" else "", level,
                                       "; ".join("@" + x for x in keys))

            block = _PLACEHOLDER.sub(tag, block)
            blocks.append(AKASHI_SUPPRESS + "\n" + block if surplus else block)
        out[lang] = "\n\n".join(blocks)
    return out


_TAG = re.compile(r" ?\[[A-Z]: @[^\]]*\]|" + re.escape(AKASHI_SUPPRESS) + "\n")


CLAIM_RULES = ("claim/untagged", "claim/possibly-untagged")


def suppress_misread(outdir, akashi):
    """Runs `akashi lint` on the generated akashi site and suppresses, with a reason, each
    finding of the claim detector in it, before the block (paragraph, list or table) that
    holds it.

    The articles are stitched together from unrelated sentences, so a list of symptoms may
    follow a sentence about a medicine: the claim detector reads such text in context and
    misreads some of it, differently from one detector model to the next.  MISREAD_* above tag
    what the earlier, hand-written detector misread; this catches what is left, so that the
    site builds and lints clean whatever the model, as a real site whose editors have read
    every finding would.  Returns the number of blocks suppressed."""
    # Run in the site's folder: findings name their files from the folder akashi runs in.
    run = subprocess.run([os.path.abspath(akashi), "lint", "--format", "json"],
                         capture_output=True, text=True, cwd=outdir)
    if run.returncode not in (0, 1):
        raise SystemExit("akashi lint failed on the generated site:\n" + run.stderr)
    found = {}
    for d in json.loads(run.stdout)["diagnostics"]:
        if d["rule"] in CLAIM_RULES:
            found.setdefault(d["file"], []).append((d["line"], d["rule"]))
    blocks = 0
    for name, lines in sorted(found.items()):
        path = os.path.join(outdir, name)
        with open(path, encoding="utf-8") as f:
            text = f.read().split("\n")
        rules_at = {}
        # The line of the closing `---`: a finding above it is in a title or summary.
        front_end = text.index("---", 1) if text and text[0] == "---" else 0
        for line, rule in lines:
            i = line - 1
            if i < front_end:
                rules_at.setdefault(i, set()).add(rule)
                continue
            while i > 0 and text[i - 1].strip() not in ("", "---"):
                i -= 1
            rules_at.setdefault(i, set()).add(rule)
        for i in sorted(rules_at, reverse=True):
            ids = ", ".join(r for r in CLAIM_RULES if r in rules_at[i])
            if i < front_end:
                text.insert(i, AKASHI_SUPPRESS_FIELD % ids)
            elif text[i].startswith("<!-- akashi-ignore i18n/claim-mismatch:"):
                text[i] = text[i].replace("i18n/claim-mismatch:", "i18n/claim-mismatch, %s:" % ids, 1)
            else:
                text.insert(i, AKASHI_SUPPRESS_CLAIM % ids)
        blocks += len(rules_at)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(text))
    return blocks


def strip_tags(text):
    """The akashi text without its evidence tags and suppressions: the other targets' text."""
    return _TAG.sub("", text)


BASE_DATE = datetime.date(2015, 1, 1)
DATE_SPAN_DAYS = 3980  # up to late 2025: always in the past


# ---------------------------------------------------------------------------
# Article model
# ---------------------------------------------------------------------------

def meta(seed, i):
    """Cheap, deterministic metadata for article i (used for cross-links too)."""
    r = random.Random("%d:%d:meta" % (seed, i))
    ti = r.randrange(len(TOPICS))
    ai = r.randrange(len(ANGLES))
    ui = r.randrange(len(AUDIENCES))
    topic = TOPICS[ti]
    slug = "article-%05d-%s" % (i, topic[0])
    t_en, t_ja = topic[1], topic[2]
    T_en = t_en[0].upper() + t_en[1:]
    angle = ANGLES[ai]
    part = i // (len(TOPICS) * len(ANGLES) * len(AUDIENCES)) + 1
    title_en = angle[0].format(t=t_en, T=T_en) + AUDIENCES[ui][0]
    title_ja = angle[1].format(t=t_ja) + AUDIENCES[ui][1]
    if part > 1:
        title_en += " - part %d" % part
        title_ja += "（その%d）" % part
    date = BASE_DATE + datetime.timedelta(days=r.randrange(DATE_SPAN_DAYS))
    return {
        "i": i, "slug": slug, "topic": ti, "angle": ai,
        "title_en": title_en, "title_ja": title_ja,
        "desc_en": angle[2].format(t=t_en), "desc_ja": angle[3].format(t=t_ja),
        "date": date.isoformat(),
    }


class Pool:
    """Draw sentences without replacement; `take` returns None once exhausted."""

    def __init__(self, rng, items):
        self.left = list(items)
        rng.shuffle(self.left)

    def take(self):
        return self.left.pop() if self.left else None


class Bank:
    """Per-article sentence pools.  A paragraph asks for its preferred categories;
    when those are used up it borrows from the other prose categories, and only
    when every pool is empty does it start again with fresh (reshuffled) pools.
    This keeps repetition inside one article low."""

    FALLBACK = ["general", "treatment", "consult", "stress", "family", "sleep",
                "nutrition", "exercise", "medicines"]

    def __init__(self, rng, bank, facts):
        self.rng = rng
        self.bank = dict(bank)
        self.bank["facts"] = facts
        self.refill()

    def refill(self):
        self.pools = {k: Pool(self.rng, v) for k, v in self.bank.items()}

    def take(self, keys):
        for attempt in range(2):
            order = list(keys)
            self.rng.shuffle(order)
            rest = [k for k in self.FALLBACK if k not in order]
            self.rng.shuffle(rest)
            for k in order + rest:
                s = self.pools[k].take()
                if s is not None:
                    return s
            self.refill()
        raise RuntimeError("empty sentence bank")


def emphasise_en(rng, s):
    k = rng.random()
    if k < 0.06:
        return "**" + s + "**"
    if k < 0.14:
        words = s.split(" ")
        if len(words) > 6:
            j = rng.randrange(1, len(words) - 3)
            words[j] = "*" + words[j].strip(",.;:") + "*" + words[j][len(words[j].rstrip(",.;:")):]
            return " ".join(words)
    return s


def emphasise_ja(rng, s):
    # Close the emphasis before the final 「。」 so CommonMark's flanking rules hold for CJK text.
    if rng.random() < 0.08 and s.endswith("。"):
        return "**" + s[:-1] + "**。"
    return s


def paragraph(rng, pools, keys, n, lang, fmt, topic=None):
    """topic (a topic slug): the akashi target, whose claims get evidence tags."""
    out = []
    emph = emphasise_en if lang == "en" else emphasise_ja
    for _ in range(n):
        template = pools.take(keys)
        out.append(mark_claim(emph(rng, template.format(**fmt)), template, lang, topic))
    return (" " if lang == "en" else "").join(out)


def build_article(seed, n_total, m, lang, claims=False):
    """Return the Markdown body for article m (dict from meta) in lang ('en'|'ja').

    With claims=True (the akashi target) the claims, and the text that akashi's claim detector
    misreads as claims, carry a placeholder for an evidence tag (see mark_claim, mark_item and
    akashi_tags); the text, and every random draw, is otherwise the same as for the other
    targets."""
    i = m["i"]
    # Structure RNG is shared between languages so both versions have the same outline.
    rs = random.Random("%d:%d:structure" % (seed, i))
    rng = random.Random("%d:%d:%s" % (seed, i, lang))
    topic = TOPICS[m["topic"]]
    bank = EN if lang == "en" else JA
    heads = HEAD_EN if lang == "en" else HEAD_JA
    t = topic[1] if lang == "en" else topic[2]
    fmt = {"t": t, "T": t[0].upper() + t[1:]}
    pools = Bank(rng, bank, topic[3] if lang == "en" else topic[4])
    slug = topic[0] if claims else None  # mark_claim: the topic, or no tagging at all

    def item(en, ja):
        """A list item, table cell or footnote, given in both languages."""
        s = en if lang == "en" else ja
        return mark_item(s, en, ja, lang, topic[0]) if claims else s

    themes = themes_for(rs)
    table_ix = rs.randrange(len(TABLES_EN))
    related = [rs.randrange(n_total) for _ in range(3)]
    ext = rs.randrange(len(EXTERNAL))
    # Prose length target (EN words / JA characters), less what the link list and
    # footnotes added at the end will bring.
    target = rs.randint(600, 1200) - 90 if lang == "en" else rs.randint(1500, 2500) - 330

    def size(blocks):
        return prose_size(strip_claims("\n".join(blocks)), lang)

    sections = []  # (key, [blocks])
    sections.append(("overview", [
        paragraph(rng, pools, ["facts", "general"], 3, lang, fmt, slug) + "[^1]",
    ]))
    signs = [item(en, ja) for en, ja in zip(topic[5], topic[6])]
    generic = rng.sample(GENERIC_SIGNS_EN if lang == "en" else GENERIC_SIGNS_JA, 2)
    if claims:
        generic = [item(*pair) for s in generic for pair in zip(GENERIC_SIGNS_EN, GENERIC_SIGNS_JA)
                   if s in pair]
    signs += generic
    sections.append(("signs", [
        paragraph(rng, pools, ["general"], 2, lang, fmt, slug),
        "\n".join("- " + s for s in signs),
    ]))
    thead, trows = (TABLES_EN if lang == "en" else TABLES_JA)[table_ix]
    if claims:
        trows = ["| " + " | ".join(item(en, ja) for en, ja in zip(table_cells(row_en), table_cells(row_ja)))
                 + " |" for row_en, row_ja in zip(TABLES_EN[table_ix][1], TABLES_JA[table_ix][1])]
    sections.append(("treatment", [
        paragraph(rng, pools, ["treatment", "facts"], 3, lang, fmt, slug),
        thead + "\n" + "\n".join(trows),
        paragraph(rng, pools, ["treatment", "general"], 2, lang, fmt, slug) + "[^2]",
    ]))
    for th in themes:
        sections.append((th, [paragraph(rng, pools, [th], 3, lang, fmt, slug)]))
    care = rng.sample(SELFCARE_EN if lang == "en" else SELFCARE_JA, 5)
    sections.append(("selfcare", [
        paragraph(rng, pools, ["general"] + themes, 2, lang, fmt, slug),
        "\n".join("%d. %s" % (k + 1, c) for k, c in enumerate(care)),
    ]))
    consult = paragraph(rng, pools, ["consult"], 2, lang, fmt, slug)
    urgent = pools.take(["urgent"])
    sections.append(("help", [
        consult,
        ("**Important:** " if lang == "en" else "**大切なこと**：")
        + mark_claim(urgent.format(**fmt), urgent, lang, slug) + "[^3]",
    ]))
    qs = rng.sample(QUESTIONS_EN if lang == "en" else QUESTIONS_JA, 4)
    sections.append(("questions", ["\n".join("- " + q for q in qs)]))

    # Grow the prose sections until the target length is reached.
    growable = [k for k, (key, _) in enumerate(sections) if key not in ("questions",)]
    while size([b for _, bl in sections for b in bl]) < target:
        k = rng.choice(growable)
        key = sections[k][0]
        keys = {"overview": ["general", "facts"], "signs": ["general"], "treatment": ["treatment"],
                "selfcare": ["general"] + themes, "help": ["consult", "stress"]}.get(key, [key])
        sections[k][1].insert(1, paragraph(rng, pools, keys, rng.randint(2, 3), lang, fmt, slug))

    # akashi publishes the Japanese pages under /ja/ too.
    prefix = "/en" if lang == "en" else ("/ja" if claims else "")
    links = []
    for j in related:
        o = meta(seed, j)
        links.append("- [%s](%s/articles/%s/)" % (o["title_" + lang], prefix, o["slug"])
                     + (_placeholder(MISREAD_LEVEL) if claims else ""))
    e = EXTERNAL[ext]
    links.append("- [%s](%s)" % (e[0] if lang == "en" else e[1], e[2]))
    sections.append(("related", ["\n".join(links)]))

    out = []
    for key, blocks in sections:
        out.append("## " + heads[key].format(**fmt))
        out.extend(blocks)
    notes = [item(en, ja) for en, ja in zip(FOOTNOTES_EN, FOOTNOTES_JA)]
    out.append("\n".join("[^%d]: %s" % (k + 1, n) for k, n in enumerate(notes)))
    return "\n\n".join(out) + "\n"


def table_cells(row):
    return [c.strip() for c in row.strip().strip("|").split("|")]


_WORD = re.compile(r"[A-Za-z0-9]")
_JA_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e\u3000-\u303f0-9A-Za-z]")


def prose_size(text, lang):
    """English: words with a letter or digit.  Japanese: kana, kanji, full-width
    punctuation and alphanumerics (Markdown syntax and spaces not counted)."""
    if lang == "en":
        return sum(1 for w in text.split() if _WORD.search(w))
    return len(_JA_CHAR.findall(text))


def themes_for(rs):
    """Must be the first draw from the article's structure RNG."""
    return rs.sample(THEMES, rs.randint(1, 3))


def tags_for(seed, m):
    """The topic's tags plus the tags of the article's theme sections (at most 4)."""
    themes = themes_for(random.Random("%d:%d:structure" % (seed, m["i"])))
    chosen = list(TOPICS[m["topic"]][7])
    for th in themes:
        if THEME_TAG[th] not in chosen:
            chosen.append(THEME_TAG[th])
    return chosen[:4]


def q(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def front_matter(m, lang, tag_ix, target):
    tags = [(TAGS_EN if lang == "en" else TAGS_JA)[x] for x in tag_ix]
    if target == "akashi":
        i = m["i"]
        return "\n".join([
            "---",
            "title: " + q(m["title_" + lang]),
            "summary: " + q(m["desc_" + lang]),
            "date: " + m["date"],
            "tags: [" + ", ".join(q(x) for x in tags) + "]",
            "authors: [" + q(AKASHI_AUTHORS[lang][i % len(AKASHI_AUTHORS[lang])]) + "]",
            "reviewed_by: " + q(AKASHI_REVIEWERS[lang][i % len(AKASHI_REVIEWERS[lang])]),
            "last_reviewed: " + AKASHI_LAST_REVIEWED,
            "next_review: " + AKASHI_NEXT_REVIEW,
            "---",
        ]) + "\n\n"
    lines = ["---",
             "title: " + q(m["title_" + lang]),
             "date: " + m["date"],
             "description: " + q(m["desc_" + lang])]
    if target == "zola":
        lines.append("taxonomies:")
        lines.append("  tags: [" + ", ".join(q(x) for x in tags) + "]")
    else:
        lines.append("tags: [" + ", ".join(q(x) for x in tags) + "]")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


# ---------------------------------------------------------------------------
# Site scaffolding
# ---------------------------------------------------------------------------

HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "患者さん向け情報"
defaultContentLanguage = "ja"
defaultContentLanguageInSubdir = false
hasCJKLanguage = true
enableRobotsTXT = true
# Feeds and tag pages are off (Zola's site has none either); sitemap, robots.txt, 404 stay.
disableKinds = ["rss", "taxonomy", "term"]

[taxonomies]
tag = "tags"

[markup.goldmark.extensions.typographer]
disable = true

[languages.ja]
label = "日本語"
title = "患者さん向け情報"
weight = 1

[languages.en]
label = "English"
title = "Patient information"
weight = 2
"""

HUGO_SEARCH = """
[outputFormats.searchindex]
mediaType = "application/json"
baseName = "search_index"
isPlainText = true
notAlternative = true

[outputs]
home = ["html", "searchindex"]
"""

HUGO_LAYOUTS = {
    "baseof.html": """\
<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} | {{ .Site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
</head>
<body>
<header><a href="{{ .Site.Home.Permalink }}">{{ .Site.Title }}</a>
<nav class="lang">{{ range .AllTranslations }}<a hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ .Language.Label }}</a> {{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "home.html": """\
{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ul>{{ range .Sections }}<li><a href="{{ .Permalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
""",
    "section.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .Permalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>
{{ end }}
""",
    "page.html": """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2006-01-02" }}</time>{{ with .Params.tags }} · {{ delimit . ", " }}{{ end }}</p>
{{ .Content }}
</article>
{{ end }}
""",
    "404.html": """\
{{ define "main" }}<h1>404</h1>{{ end }}
""",
}

HUGO_SEARCH_LAYOUT = ("home.searchindex.json", """\
{{- $idx := slice -}}
{{- range .Site.RegularPages -}}
{{- $idx = $idx | append (dict "title" .Title "url" .Permalink "body" .Plain) -}}
{{- end -}}
{{- $idx | jsonify -}}
""")

ZOLA_CONFIG = """\
base_url = "https://example.org"
title = "患者さん向け情報"
default_language = "ja"
compile_sass = false
generate_feeds = false
build_search_index = {search}
# Tags are parsed but, as on the Hugo site, no tag pages are rendered.
taxonomies = [{{ name = "tags", render = false }}]

[markdown]
smart_punctuation = false

[languages.en]
title = "Patient information"
generate_feeds = false
build_search_index = {search}
taxonomies = [{{ name = "tags", render = false }}]

[extra]
"""

ZOLA_TEMPLATES = {
    "base.html": """\
<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<title>{% block title %}{{ config.title }}{% endblock %}</title>
{% block meta %}{% endblock %}
</head>
<body>
<header><a href="{{ get_url(path='/', lang=lang) }}">{{ config.title }}</a>
<nav class="lang">{% block switcher %}{% endblock %}</nav>
</header>
<main>{% block main %}{% endblock %}</main>
</body>
</html>
""",
    "index.html": """\
{% extends "base.html" %}
{% block switcher %}<a hreflang="ja" href="{{ get_url(path='/') }}">日本語</a> <a hreflang="en" href="{{ get_url(path='/', lang='en') }}">English</a>{% endblock %}
{% block main %}
<h1>{{ config.title }}</h1>
{% set s = get_section(path="articles/_index.md", lang=lang, metadata_only=true) %}
<ul><li><a href="{{ s.permalink | safe }}">{{ s.title }}</a></li></ul>
{% endblock %}
""",
    "section.html": """\
{% extends "base.html" %}
{% block title %}{{ section.title }} | {{ config.title }}{% endblock %}
{% block switcher %}{% for t in section.translations %}<a hreflang="{{ t.lang }}" href="{{ t.permalink | safe }}">{% if t.lang == "en" %}English{% else %}日本語{% endif %}</a> {% endfor %}{% endblock %}
{% block main %}
<h1>{{ section.title }}</h1>
<ul>{% for p in section.pages %}<li><a href="{{ p.permalink | safe }}">{{ p.title }}</a> <time>{{ p.date | date(format="%Y-%m-%d") }}</time></li>{% endfor %}</ul>
{% endblock %}
""",
    "page.html": """\
{% extends "base.html" %}
{% block title %}{{ page.title }} | {{ config.title }}{% endblock %}
{% block meta %}{% if page.description %}<meta name="description" content="{{ page.description }}">{% endif %}{% endblock %}
{% block switcher %}{% for t in page.translations %}<a hreflang="{{ t.lang }}" href="{{ t.permalink | safe }}">{% if t.lang == "en" %}English{% else %}日本語{% endif %}</a> {% endfor %}{% endblock %}
{% block main %}
<article>
<h1>{{ page.title }}</h1>
<p><time>{{ page.date | date(format="%Y-%m-%d") }}</time>{% if page.taxonomies.tags %} · {{ page.taxonomies.tags | join(sep=", ") }}{% endif %}</p>
{{ page.content | safe }}
</article>
{% endblock %}
""",
    "404.html": """\
{% extends "base.html" %}
{% block main %}<h1>404</h1>{% endblock %}
""",
}

SECTION_TITLES = {"ja": "記事一覧", "en": "All articles"}
HOME_TITLES = {"ja": "患者さん向け情報", "en": "Patient information"}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def scaffold(out, target, search, repo=None):
    if target == "akashi":
        # The repository's own site files: configuration, templates, UI strings, static
        # files and bibliography.  Not its articles, and not node_modules (no Pagefind).
        shutil.copy2(os.path.join(repo, "site.yaml"), os.path.join(out, "site.yaml"))
        for d in ("templates", "locales", "static"):
            shutil.copytree(os.path.join(repo, d), os.path.join(out, d))
        os.makedirs(os.path.join(out, "content", "articles"), exist_ok=True)
        shutil.copy2(os.path.join(repo, "content", "references.yaml"),
                     os.path.join(out, "content", "references.yaml"))
        for lang in ("ja", "en"):
            write(os.path.join(out, "content", "articles", "_index.%s.md" % lang),
                  "---\ntitle: %s\n---\n" % q(SECTION_TITLES[lang]))
    elif target == "hugo":
        write(os.path.join(out, "hugo.toml"), HUGO_CONFIG + (HUGO_SEARCH if search else ""))
        for name, text in HUGO_LAYOUTS.items():
            write(os.path.join(out, "layouts", name), text)
        if search:
            write(os.path.join(out, "layouts", HUGO_SEARCH_LAYOUT[0]), HUGO_SEARCH_LAYOUT[1])
        for lang in ("ja", "en"):
            write(os.path.join(out, "content", "_index.%s.md" % lang),
                  "---\ntitle: %s\n---\n" % q(HOME_TITLES[lang]))
            write(os.path.join(out, "content", "articles", "_index.%s.md" % lang),
                  "---\ntitle: %s\n---\n" % q(SECTION_TITLES[lang]))
    elif target == "zola":
        write(os.path.join(out, "config.toml"), ZOLA_CONFIG.format(search="true" if search else "false"))
        for name, text in ZOLA_TEMPLATES.items():
            write(os.path.join(out, "templates", name), text)
        os.makedirs(os.path.join(out, "static"), exist_ok=True)
        write(os.path.join(out, "content", "articles", "_index.md"),
              "---\ntitle: %s\nsort_by: date\n---\n" % q(SECTION_TITLES["ja"]))
        write(os.path.join(out, "content", "articles", "_index.en.md"),
              "---\ntitle: %s\nsort_by: date\n---\n" % q(SECTION_TITLES["en"]))
    else:
        os.makedirs(os.path.join(out, "content", "articles"), exist_ok=True)


def article_path(out, target, slug, lang):
    d = os.path.join(out, "content", "articles")
    if target == "zola":
        return os.path.join(d, slug + (".md" if lang == "ja" else ".en.md"))
    return os.path.join(d, "%s.%s.md" % (slug, lang))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of article pairs")
    ap.add_argument("outdir", help="output directory (must not exist, or be empty, unless --force)")
    ap.add_argument("--target", choices=["hugo", "zola", "plain", "akashi"], default="plain")
    ap.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    help="akashi target: the site whose site.yaml, templates/, locales/, static/ "
                         "and content/references.yaml are copied (default: this script's "
                         "repository)")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--search", action="store_true", help="enable each tool's search index output")
    ap.add_argument("--force", action="store_true", help="delete outdir first if it exists")
    ap.add_argument("--akashi", metavar="BIN",
                    help="for --target akashi: lint the site with BIN and suppress what the claim "
                         "detector misreads, so that it lints clean (see suppress_misread)")
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("n must be at least 1")
    if os.path.exists(a.outdir) and os.listdir(a.outdir):
        if not a.force:
            ap.error("%s exists and is not empty (use --force)" % a.outdir)
        shutil.rmtree(a.outdir)
    os.makedirs(a.outdir, exist_ok=True)
    if a.target == "akashi":
        _check_claims()
        if a.search:
            ap.error("--search does not apply to --target akashi (Pagefind indexes its output)")
    scaffold(a.outdir, a.target, a.search, a.repo)
    claims = a.target == "akashi"
    words = chars = 0
    for i in range(a.n):
        m = meta(a.seed, i)
        tag_ix = tags_for(a.seed, m)
        bodies = {lang: build_article(a.seed, a.n, m, lang, claims) for lang in ("ja", "en")}
        if claims:
            bodies = akashi_tags(bodies, i)
        for lang in ("ja", "en"):
            body = bodies[lang]
            plain = strip_tags(body).replace("](/ja/articles/", "](/articles/") if claims else body
            if lang == "en":
                words += prose_size(plain, "en")
            else:
                chars += prose_size(plain, "ja")
            write(article_path(a.outdir, a.target, m["slug"], lang),
                  front_matter(m, lang, tag_ix, a.target) + body)
    sys.stderr.write("wrote %d article pairs (%d files) to %s [%s]; mean %.0f EN words, %.0f JA chars\n"
                     % (a.n, 2 * a.n, a.outdir, a.target, words / a.n, chars / a.n))
    if claims and a.akashi:
        blocks = suppress_misread(a.outdir, a.akashi)
        sys.stderr.write("suppressed the claim detector's findings in %d blocks\n" % blocks)


if __name__ == "__main__":
    main()
