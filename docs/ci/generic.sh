#!/usr/bin/env bash
# Any CI: run from the site's repository root. Installs the prebuilt akashi (no Rust needed),
# keeps the findings as a JSON build artefact, and fails the job when something blocks
# publishing. Exit code 0: nothing blocks publishing; 1: findings that block it; 2: the run
# itself failed (for example an invalid site.yaml).
set -euo pipefail

AKASHI_VERSION=0.1.0

if ! command -v akashi >/dev/null; then
  # The installer from the release puts akashi in $CARGO_HOME/bin (~/.cargo/bin).
  curl --proto '=https' --tlsv1.2 -LsSf \
    "https://github.com/akashi-ssg/akashi/releases/download/v$AKASHI_VERSION/akashi-ssg-installer.sh" | sh
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  # Or, where Python is at hand: uvx --from "akashi-ssg==$AKASHI_VERSION" akashi lint ...
  #                          or: pipx run --spec "akashi-ssg==$AKASHI_VERSION" akashi lint ...
fi

# The JSON report, kept as a build artefact; --output-file writes it also when there are findings
# or the run fails.
akashi lint --format json --output-file akashi-findings.json >/dev/null || true
# The readable report in the log; its exit code is the job's.
akashi lint
