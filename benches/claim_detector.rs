//! How fast the claim detector reads sentences: `cargo bench --bench claim_detector`.
//!
//! Classifies every sentence of the labelled corpus (`tests/corpus/real/`, with its context)
//! several times and prints sentences per second for the whole detector and for its two
//! halves (the lexicons' reading, the model's weighing), and a fingerprint of the verdicts: a
//! change meant only to be faster must leave the fingerprint as it was.

use akashi::lint::claims::corpus;
use akashi::lint::claims::features;
use akashi::lint::claims::{Detector, Model};
use std::path::Path;
use std::time::Instant;

const ROUNDS: usize = 20;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_, examples) =
        corpus::read_real(&root.join("tests/corpus/real")).expect("the corpus reads");
    let detector = Detector::new(&[]).expect("the built-in detector builds");
    let model = Model::built_in().expect("the built-in model loads");
    let bytes: usize = examples.iter().map(|e| e.text.len()).sum();
    println!(
        "{} sentences ({:.1} KiB), {ROUNDS} rounds each",
        examples.len(),
        bytes as f64 / 1024.0
    );

    // Warm the lexicons' lazy automata, as a long run would have.
    let mut fingerprint = 0u64;
    for e in &examples {
        let v = detector.classify(&e.text, e.around());
        fingerprint = fingerprint
            .rotate_left(5)
            .wrapping_add(v.probability.to_bits() ^ v.tier as u64);
    }

    let time = |name: &str, f: &mut dyn FnMut()| {
        let start = Instant::now();
        for _ in 0..ROUNDS {
            f();
        }
        let per = start.elapsed().as_secs_f64() / (ROUNDS * examples.len()) as f64;
        println!(
            "{name:<10} {:>8.2} µs/sentence {:>10.0} sentences/s {:>7.1} MB/s",
            per * 1e6,
            1.0 / per,
            bytes as f64 / (per * examples.len() as f64) / 1e6
        );
    };
    time("classify", &mut || {
        for e in &examples {
            std::hint::black_box(detector.classify(&e.text, e.around()));
        }
    });
    let readings: Vec<_> = examples
        .iter()
        .filter_map(|e| detector.read(&e.text, e.around()))
        .collect();
    time("lexicons", &mut || {
        for e in &examples {
            std::hint::black_box(detector.read(&e.text, e.around()).map(|r| r.signals.len()));
        }
    });
    time("model", &mut || {
        for r in &readings {
            std::hint::black_box(model.probability(&r.input(), &r.signals));
        }
    });
    time("features", &mut || {
        for r in &readings {
            let mut n = 0u32;
            features::extract(&r.input(), &r.signals, &mut |f| n ^= f.bucket);
            std::hint::black_box(n);
        }
    });
    println!("verdicts fingerprint {fingerprint:016x}");
}
