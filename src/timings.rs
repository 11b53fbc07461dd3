//! How long each stage of a run took, for `--timings` and the benchmarks.
//!
//! Stages are recorded in the order they ran; a stage that runs more than once (in `akashi
//! serve`, every rebuild) is recorded by each run separately.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Default)]
pub struct Timings {
    stages: Vec<(&'static str, Duration)>,
    last: Option<Instant>,
}

impl Timings {
    pub fn start() -> Timings {
        Timings {
            stages: Vec::new(),
            last: Some(Instant::now()),
        }
    }

    /// Ends the stage that began at the previous call (or at [`Timings::start`]).
    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        let since = self.last.unwrap_or(now);
        self.stages.push((stage, now - since));
        self.last = Some(now);
    }

    /// Like [`Timings::lap`], for a stage that contained another, separately timed one: both
    /// are recorded, without counting the inner one twice.
    pub fn lap_with(&mut self, stage: &'static str, inner: Option<(&'static str, Duration)>) {
        self.lap(stage);
        if let Some((name, d)) = inner {
            if let Some(last) = self.stages.last_mut() {
                last.1 = last.1.saturating_sub(d);
            }
            self.stages.push((name, d));
        }
    }

    pub fn stages(&self) -> &[(&'static str, Duration)] {
        &self.stages
    }

    pub fn total(&self) -> Duration {
        self.stages.iter().map(|(_, d)| *d).sum()
    }

    /// One line per stage, then the total: `  parse      12.3 ms`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (stage, d) in &self.stages {
            out.push_str(&format!("  {stage:<10} {:>8.1} ms\n", ms(*d)));
        }
        out.push_str(&format!("  {:<10} {:>8.1} ms\n", "total", ms(self.total())));
        out
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
