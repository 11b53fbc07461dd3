//! Precision and recall of the claim detector on our labelled corpus (`tests/corpus/`).
//!
//! Each language has two development sets (`*.dev.tsv` and `*.test.tsv`, looked at while
//! building the lexicons) and a held-out set (`*.holdout.tsv`, written later by a different
//! author about different specialties, and never used for tuning). The figures
//! are printed (`cargo test --test claim_corpus -- --nocapture`) and must match the table in
//! `docs/claim-detector.md`, so the documentation cannot go stale.

use akashi::lint::claims::Detector;
use std::collections::BTreeMap;
use std::path::Path;

struct Row {
    claim: bool,
    kind: String,
    context: String,
    sentence: String,
}

fn load(name: &str) -> Vec<Row> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("label\tkind\tcontext\tsentence"),
        "{name}: header"
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "{name}:{}: expected 4 columns", i + 2);
            assert!(
                matches!(cols[0], "claim" | "other"),
                "{name}:{}: label",
                i + 2
            );
            Row {
                claim: cols[0] == "claim",
                kind: cols[1].into(),
                context: cols[2].into(),
                sentence: cols[3].into(),
            }
        })
        .collect()
}

#[derive(Default, Debug, Clone, Copy, PartialEq)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.tn += other.tn;
    }
}

fn evaluate(detector: &Detector, name: &str) -> Counts {
    let mut counts = Counts::default();
    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in load(name) {
        let context = Some(row.context.as_str()).filter(|c| !c.is_empty());
        let predicted = detector.is_claim(&row.sentence, context);
        match (row.claim, predicted) {
            (true, true) => counts.tp += 1,
            (false, true) => counts.fp += 1,
            (true, false) => counts.fn_ += 1,
            (false, false) => counts.tn += 1,
        }
        if row.claim != predicted {
            let what = if row.claim { "missed" } else { "false alarm" };
            errors
                .entry(format!("{what} ({})", row.kind))
                .or_default()
                .push(row.sentence.clone());
        }
    }
    println!(
        "{name}: {counts:?} precision {:.3} recall {:.3}",
        counts.precision(),
        counts.recall()
    );
    for (what, sentences) in &errors {
        for s in sentences {
            println!("  {what}: {s}");
        }
    }
    counts
}

/// The figures table of docs/claim-detector.md: `| set | precision | recall |` rows.
fn documented() -> BTreeMap<String, (String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/claim-detector.md");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('|').map(str::trim).collect();
            (cols.len() >= 6 && cols[1].ends_with(".tsv")).then(|| {
                (
                    cols[1].to_string(),
                    (cols[2].to_string(), cols[3].to_string()),
                )
            })
        })
        .collect()
}

#[test]
fn precision_and_recall_on_the_labelled_corpus() {
    let detector = Detector::new(&[]).unwrap();
    let mut overall = Counts::default();
    let mut stale = Vec::new();
    let mut floors = Vec::new();
    let docs = documented();
    for lang in ["ja", "en"] {
        let mut per_lang = Counts::default();
        for set in ["dev", "test", "holdout"] {
            let name = format!("{lang}.{set}.tsv");
            let rows = load(&name).len();
            assert!(rows >= 150, "{name} has only {rows} rows");
            let c = evaluate(&detector, &name);
            let (p, r) = (
                format!("{:.3}", c.precision()),
                format!("{:.3}", c.recall()),
            );
            if docs.get(&name) != Some(&(p.clone(), r.clone())) {
                stale.push(format!(
                    "| {name} | {p} | {r} | {} | {} |",
                    c.tp + c.fn_,
                    c.fp + c.tn
                ));
            }
            per_lang.add(c);
        }
        println!(
            "{lang}: precision {:.3} recall {:.3}",
            per_lang.precision(),
            per_lang.recall()
        );
        floors.push((lang, per_lang));
        overall.add(per_lang);
    }
    println!(
        "overall: precision {:.3} recall {:.3}",
        overall.precision(),
        overall.recall()
    );
    // Floors: the figures we reached, so that a change that makes the detector worse fails.
    for (lang, c) in floors {
        assert!(c.recall() >= 0.90, "{lang} recall {:.3}", c.recall());
        assert!(
            c.precision() >= 0.85,
            "{lang} precision {:.3}",
            c.precision()
        );
    }
    assert!(
        stale.is_empty(),
        "docs/claim-detector.md is out of date; its rows should read:\n{}",
        stale.join("\n")
    );
}
