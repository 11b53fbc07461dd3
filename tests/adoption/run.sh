#!/usr/bin/env bash
# Adoption tests: what a clinic installs and runs, tried the way it would be, with no Rust
# toolchain on the clinic's side.
#   1. actionlint and shellcheck on the workflows, the action and the scripts;
#   2. the action's script against a release archive packed from a release build;
#   3. the pre-commit hook installed from a wheel built with maturin (bindings = "bin").
set -euo pipefail
cd "$(dirname "$0")/../.."

bash tests/adoption/actionlint.sh

cargo build --release --locked
bash tests/adoption/action.sh target/release/akashi

# maturin reuses the release build above (same profile and features): only the wheel is made.
tools="$PWD/target/adoption-tools"
[ -x "$tools/venv/bin/python" ] || python3 -m venv "$tools/venv"
[ -x "$tools/venv/bin/maturin" ] ||
  "$tools/venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin>=1.9,<2"
rm -rf target/wheels
(cd python && "$tools/venv/bin/maturin" build --release --locked --quiet -o ../target/wheels)
bash tests/adoption/pre-commit.sh target/wheels
