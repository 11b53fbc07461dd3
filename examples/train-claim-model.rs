//! Trains the claim detector's model from the labelled corpus and writes it into the source
//! tree, deterministically: `cargo run --release --example train-claim-model`.
//!
//! Reads the train split of `tests/corpus/real/` (the dev split for calibration and
//! thresholds; never the test split) and writes `src/lint/claims/model.json` and
//! `src/lint/claims/model.bin`. The corpus test fails when the committed files are not what
//! this command writes. Prints the dev figures of the model it wrote.

use akashi::lint::claims::corpus::{self, Label, Split};
use akashi::lint::claims::train::{self, Options};
use akashi::lint::claims::{Detector, Tier};
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // `--corpus DIR` reads another copy of the corpus and `--dry-run` writes nothing: for
    // trying features and options on the dev split.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dry_run = args.iter().any(|a| a == "--dry-run");
    let corpus_dir = args
        .iter()
        .position(|a| a == "--corpus")
        .and_then(|i| args.get(i + 1))
        .map_or_else(|| root.join("tests/corpus/real"), std::path::PathBuf::from);
    let (_, examples) = match corpus::read_real(&corpus_dir) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let detector = match Detector::untrained(&[]) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let mut examples = examples;
    if args.iter().any(|a| a == "--with-regression") {
        for lang in ["ja", "en"] {
            for set in ["dev", "test"] {
                let path = root.join(format!("tests/corpus/{lang}.{set}.tsv"));
                let mut more = corpus::read_regression(&path, lang).expect("regression set");
                for e in &mut more {
                    e.split = Split::Train;
                }
                examples.extend(more);
            }
        }
    }
    let mut options = Options::default();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<f64>().ok())
    };
    if let Some(v) = value("--epochs") {
        options.epochs = v as usize;
    }
    if let Some(v) = value("--learning-rate") {
        options.learning_rate = v;
    }
    if let Some(v) = value("--l2") {
        options.l2 = v;
    }
    let model = train::train(&detector, &examples, options);
    let (json, bytes) = model.to_parts();
    let dir = root.join("src/lint/claims");
    for (name, data) in [("model.json", json.as_bytes()), ("model.bin", &bytes[..])] {
        if dry_run {
            break;
        }
        if let Err(e) = std::fs::write(dir.join(name), data) {
            eprintln!("error: {}: {e}", dir.join(name).display());
            std::process::exit(2);
        }
    }
    if !dry_run {
        println!("wrote src/lint/claims/model.json and model.bin");
    }
    for t in &model.header.thresholds {
        println!(
            "{}: error from {:.4}, warning from {:.4}",
            t.lang, t.error, t.warning
        );
    }
    if let Some(i) = args.iter().position(|a| a == "--dump") {
        // Every dev sentence with its probability, for looking at what the model gets wrong.
        let mut out = String::new();
        for e in examples.iter().filter(|e| e.split == Split::Dev) {
            let reading = detector.read(&e.text, e.around());
            let p = reading
                .as_ref()
                .map_or(0.0, |r| model.probability(&r.input(), &r.signals));
            let signals: Vec<String> = reading
                .map(|r| r.signals.iter().map(|s| format!("{s:?}")).collect())
                .unwrap_or_default();
            out.push_str(&format!(
                "{p:.3}\t{:?}\t{}\t{}\t{}\t{}\t{}\n",
                e.label,
                e.kind,
                e.lang,
                e.file,
                e.text,
                signals.join(",")
            ));
        }
        let path = args.get(i + 1).map_or("dev-scores.tsv", String::as_str);
        if let Err(e) = std::fs::write(path, out) {
            eprintln!("error: {path}: {e}");
        }
    }
    // Dev figures, scored the way the lint scores.
    for lang in ["ja", "en"] {
        let (mut claims, mut others, mut err_tp, mut any_tp, mut err_fp, mut any_fp) =
            (0, 0, 0, 0, 0, 0);
        for e in examples
            .iter()
            .filter(|e| e.split == Split::Dev && e.lang == lang && e.label != Label::Borderline)
        {
            let verdict = train::score(&detector, &model, e);
            let is_claim = e.label == Label::Claim;
            if is_claim {
                claims += 1;
            } else {
                others += 1;
            }
            match (verdict, is_claim) {
                (Tier::Claim, true) => {
                    err_tp += 1;
                    any_tp += 1
                }
                (Tier::Uncertain, true) => any_tp += 1,
                (Tier::Claim, false) => {
                    err_fp += 1;
                    any_fp += 1
                }
                (Tier::Uncertain, false) => any_fp += 1,
                _ => {}
            }
        }
        let share = |a: usize, b: usize| a as f64 / b.max(1) as f64;
        println!(
            "dev {lang}: {claims} claims, {others} non-claims; error tier recall {:.3}, flags {:.3} of non-claims; with warnings recall {:.3}, flags {:.3}",
            share(err_tp, claims),
            share(err_fp, others),
            share(any_tp, claims),
            share(any_fp, others)
        );
    }
}
