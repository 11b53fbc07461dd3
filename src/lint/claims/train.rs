//! Training the claim model, deterministically, from the labelled corpus.
//!
//! `cargo run --release --example train-claim-model` calls [`train`] on the train split of
//! `tests/corpus/real/` and writes `model.json` and `model.bin` beside this file; the corpus
//! test trains again and fails when the committed files differ. The same corpus always gives
//! the same bytes: examples are visited in an order drawn from a fixed seed, all arithmetic is
//! sequential `f64`, and the weights are rounded to `i16`.
//!
//! The model is logistic regression over hashed features ([`super::features`]), fitted with
//! AdaGrad and an L2 penalty, then calibrated (Platt scaling) on the dev split. The thresholds
//! of the two severities are chosen on the dev split too: the error tier flags at most
//! [`Options::error_false_alarms`] of the dev non-claims, and errors and warnings together at
//! most [`Options::warning_false_alarms`]. The test split is never read here.

use super::Detector;
use super::corpus::{Example, Label, Split};
use super::features;
use super::model::{Header, Model, Thresholds, sigmoid};
use serde_json::json;

/// How a model is trained. [`Options::default`] is what the committed model uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    pub epochs: usize,
    pub learning_rate: f64,
    pub l2: f64,
    /// The share of dev non-claims the error tier may flag.
    pub error_false_alarms: f64,
    /// The share of dev non-claims the two tiers together may flag.
    pub warning_false_alarms: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 12,
            learning_rate: 0.03,
            l2: 1e-4,
            error_false_alarms: 0.04,
            warning_false_alarms: 0.15,
        }
    }
}

/// A sentence's features, read once.
struct Row {
    features: Vec<(u32, f32)>,
    claim: bool,
    lang: String,
}

fn rows(detector: &Detector, examples: &[Example]) -> Vec<Row> {
    examples
        .iter()
        .filter(|e| e.label != Label::Borderline)
        .map(|e| {
            let reading = detector.read(&e.text, e.around());
            let mut features = Vec::new();
            if let Some(reading) = reading {
                features::extract(&reading.input(), &reading.signals, &mut |f| {
                    features.push((f.bucket, f.value))
                });
            }
            Row {
                features,
                claim: e.label == Label::Claim,
                lang: e.lang.clone(),
            }
        })
        .collect()
}

/// A small, fixed pseudo-random sequence (xorshift64*), so that training visits examples in the
/// same order everywhere.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Trains a model on the `Train` examples and calibrates it on the `Dev` examples.
pub fn train(detector: &Detector, examples: &[Example], options: Options) -> Model {
    let train: Vec<Example> = examples
        .iter()
        .filter(|e| e.split == Split::Train)
        .cloned()
        .collect();
    let dev: Vec<Example> = examples
        .iter()
        .filter(|e| e.split == Split::Dev)
        .cloned()
        .collect();
    let train_rows = rows(detector, &train);
    let dev_rows = rows(detector, &dev);

    let size = 1usize << features::BUCKETS_LOG2;
    let mut w = vec![0.0f64; size];
    let mut g2 = vec![0.0f64; size];
    // Claims and non-claims weigh the same in total, whatever their numbers.
    let claims = train_rows.iter().filter(|r| r.claim).count().max(1) as f64;
    let others = (train_rows.len() as f64 - claims).max(1.0);
    let total = train_rows.len() as f64;
    let (claim_weight, other_weight) = (total / (2.0 * claims), total / (2.0 * others));
    let mut order: Vec<usize> = (0..train_rows.len()).collect();
    let mut sequence = Sequence(0x5eed_a4a5_41c1_a1a5);
    for _ in 0..options.epochs {
        sequence.shuffle(&mut order);
        for &i in &order {
            let row = &train_rows[i];
            let margin: f64 = row
                .features
                .iter()
                .map(|&(b, v)| w[b as usize] * f64::from(v))
                .sum();
            let (target, weight) = if row.claim {
                (1.0, claim_weight)
            } else {
                (0.0, other_weight)
            };
            let g = (sigmoid(margin) - target) * weight;
            for &(b, v) in &row.features {
                let b = b as usize;
                let grad = g * f64::from(v) + options.l2 * w[b];
                g2[b] += grad * grad;
                w[b] -= options.learning_rate * grad / (g2[b].sqrt() + 1e-8);
            }
        }
    }

    // Stored as i16: the largest weight is ±32767.
    let max = w.iter().fold(0.0f64, |m, x| m.max(x.abs())).max(1e-9);
    let scale = max / 32767.0;
    let weights: Vec<i16> = w.iter().map(|x| (x / scale).round() as i16).collect();
    let mut model = Model {
        header: Header {
            buckets_log2: features::BUCKETS_LOG2,
            scale,
            calibration: (1.0, 0.0),
            thresholds: Vec::new(),
            training: json!(null),
        },
        weights,
    };

    // Calibration and thresholds on dev, with the stored weights.
    let margins: Vec<f64> = dev_rows
        .iter()
        .map(|r| {
            r.features
                .iter()
                .map(|&(b, v)| f64::from(model.weights[b as usize]) * scale * f64::from(v))
                .sum()
        })
        .collect();
    let labels: Vec<bool> = dev_rows.iter().map(|r| r.claim).collect();
    model.header.calibration = platt(&margins, &labels);
    let probabilities: Vec<f64> = margins.iter().map(|&m| model.calibrate(m)).collect();
    let mut langs: Vec<&str> = dev_rows.iter().map(|r| r.lang.as_str()).collect();
    langs.sort();
    langs.dedup();
    let mut chosen = Vec::new();
    for lang in langs {
        let scored: Vec<(f64, bool)> = dev_rows
            .iter()
            .zip(&probabilities)
            .filter(|(r, _)| r.lang == lang)
            .map(|(r, p)| (*p, r.claim))
            .collect();
        let error = threshold_for_false_alarms(&scored, options.error_false_alarms);
        let warning = threshold_for_false_alarms(&scored, options.warning_false_alarms).min(error);
        chosen.push(Thresholds {
            lang: lang.to_string(),
            error: round(error),
            warning: round(warning),
        });
    }
    model.header.thresholds = chosen;
    model.header.training = json!({
        "command": "cargo run --release --example train-claim-model",
        "algorithm": "logistic regression over hashed features, AdaGrad with L2, Platt scaling on dev",
        "epochs": options.epochs,
        "learning_rate": options.learning_rate,
        "l2": options.l2,
        "error_false_alarms_on_dev": options.error_false_alarms,
        "warning_false_alarms_on_dev": options.warning_false_alarms,
        "train_sentences": train_rows.len(),
        "dev_sentences": dev_rows.len(),
    });
    model
}

/// The tier `model` gives an example, as the lint would.
pub fn score(detector: &Detector, model: &Model, example: &Example) -> super::Tier {
    let Some(reading) = detector.read(&example.text, example.around()) else {
        return super::Tier::None;
    };
    let p = model.probability(&reading.input(), &reading.signals);
    model.tier(reading.lang, p)
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The lowest probability at which at most `share` of the non-claims are flagged.
fn threshold_for_false_alarms(scored: &[(f64, bool)], share: f64) -> f64 {
    let mut others: Vec<f64> = scored.iter().filter(|s| !s.1).map(|s| s.0).collect();
    others.sort_by(|a, b| b.total_cmp(a));
    let allowed = (share * others.len() as f64).floor() as usize;
    // Flag everything above the (allowed + 1)-th highest non-claim score.
    match others.get(allowed) {
        Some(&p) => next_up(p),
        None => 0.5,
    }
}

/// A threshold just above `p`, rounded the way thresholds are stored.
fn next_up(p: f64) -> f64 {
    (p * 10_000.0).floor() / 10_000.0 + 0.0001
}

/// Fits `sigmoid(a * margin + b)` to the labels (Platt's method with his target smoothing),
/// by Newton's method from a fixed start.
fn platt(margins: &[f64], labels: &[bool]) -> (f64, f64) {
    let positives = labels.iter().filter(|l| **l).count() as f64;
    let negatives = labels.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return (1.0, 0.0);
    }
    let hi = (positives + 1.0) / (positives + 2.0);
    let lo = 1.0 / (negatives + 2.0);
    let targets: Vec<f64> = labels.iter().map(|&l| if l { hi } else { lo }).collect();
    let (mut a, mut b) = (1.0f64, 0.0f64);
    for _ in 0..100 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-12, 0.0, 1e-12);
        for (m, t) in margins.iter().zip(&targets) {
            let p = sigmoid(a * m + b);
            let d = p - t;
            let s = p * (1.0 - p);
            ga += d * m;
            gb += d;
            haa += s * m * m;
            hab += s * m;
            hbb += s;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-18 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if da.abs() < 1e-10 && db.abs() < 1e-10 {
            break;
        }
    }
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_keep_their_promises_on_the_data_they_were_chosen_on() {
        let scored: Vec<(f64, bool)> = (0..100)
            .map(|i| (f64::from(i) / 100.0, i % 3 == 0))
            .collect();
        let t = threshold_for_false_alarms(&scored, 0.05);
        let others = scored.iter().filter(|s| !s.1).count() as f64;
        let flagged = scored.iter().filter(|s| !s.1 && s.0 >= t).count() as f64;
        assert!(flagged / others <= 0.05);
    }

    #[test]
    fn calibration_follows_the_labels() {
        let margins = [-2.0, -1.0, 1.0, 2.0, -1.5, 1.5];
        let labels = [false, false, true, true, false, true];
        let (a, _) = platt(&margins, &labels);
        assert!(a > 0.0);
    }
}
