#!/usr/bin/env bash
# The test command: installs what the tests need (tests/setup.sh), then runs the Rust tests, the
# browser tests and the adoption tests (the action, the pre-commit hook and the workflows, as a
# clinic uses them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/setup.sh
cargo test
npm run --silent test:browser
bash tests/adoption/run.sh
