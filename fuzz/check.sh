#!/usr/bin/env bash
# Builds the fuzz targets and replays the inputs that once broke them (fuzz/regressions/).
# cargo-fuzz needs nightly compiler flags; RUSTC_BOOTSTRAP lets the stable toolchain accept
# them. Fuzzing itself (minutes per target) is run by hand: see docs/robustness.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo-fuzz > /dev/null; then
  cargo install cargo-fuzz --locked --version 0.13.2
fi
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
for dir in fuzz/regressions/*/; do
  target=$(basename "$dir")
  cargo fuzz run -O "$target" "$dir"* -- -runs=1
done
echo "fuzz targets built; regression inputs replayed"
