//! How long each stage of a run took, and the process's peak memory when it ended, for
//! `--timings` and the benchmarks.
//!
//! Stages are recorded in the order they ran; a stage that runs more than once (in `akashi
//! serve`, every rebuild) is recorded by each run separately. Peak memory is the resident set's
//! high-water mark as Linux reports it; elsewhere it is not shown.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Default)]
pub struct Timings {
    stages: Vec<(&'static str, Duration)>,
    /// Peak resident memory (KiB) when each stage ended.
    peaks: Vec<Option<u64>>,
    last: Option<Instant>,
}

impl Timings {
    pub fn start() -> Timings {
        Timings {
            stages: Vec::new(),
            peaks: Vec::new(),
            last: Some(Instant::now()),
        }
    }

    /// Ends the stage that began at the previous call (or at [`Timings::start`]).
    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        let since = self.last.unwrap_or(now);
        self.stages.push((stage, now - since));
        self.peaks.push(peak_memory_kib());
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
            self.peaks.push(peak_memory_kib());
        }
    }

    pub fn stages(&self) -> &[(&'static str, Duration)] {
        &self.stages
    }

    pub fn total(&self) -> Duration {
        self.stages.iter().map(|(_, d)| *d).sum()
    }

    /// One line per stage, then the total: `  parse      12.3 ms   peak 105 MiB`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (i, (stage, d)) in self.stages.iter().enumerate() {
            out.push_str(&format!("  {stage:<10} {:>8.1} ms", ms(*d)));
            if let Some(Some(kib)) = self.peaks.get(i) {
                out.push_str(&format!("   peak {:>5} MiB", kib / 1024));
            }
            out.push('\n');
        }
        out.push_str(&format!("  {:<10} {:>8.1} ms\n", "total", ms(self.total())));
        out
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The process's peak resident memory so far, in KiB (`VmHWM` in `/proc/self/status`).
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
