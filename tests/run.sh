#!/usr/bin/env bash
# The test command: installs what the tests need (tests/setup.sh), then runs the Rust tests and
# the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/setup.sh
cargo test
npm run --silent test:browser
