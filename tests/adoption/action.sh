#!/usr/bin/env bash
# Runs the GitHub Action's script (action/lint.sh) the way the action does, on this machine and
# without network: the given akashi program is packed as the release archive that dist makes for
# Linux x64 (akashi-ssg-x86_64-unknown-linux-gnu.tar.xz and its .sha256), and lint.sh installs it
# from that folder (AKASHI_ARCHIVE_DIR) into a throwaway site made of this repository's sample
# site.yaml and content/.
#
# Usage: tests/adoption/action.sh path/to/akashi
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 path/to/akashi (a built akashi program)" >&2
  exit 2
fi
akashi="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
lint_sh="$repo/action/lint.sh"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
pass() {
  echo "PASS: $*"
  passed=$((passed + 1))
}
fail() {
  echo "FAIL: $*"
  failed=$((failed + 1))
}

# --- the release archive, shaped like dist's -------------------------------------------------
target=x86_64-unknown-linux-gnu
archive="akashi-ssg-$target.tar.xz"
mkdir -p "$work/archives" "$work/pack/akashi-ssg-$target"
cp "$akashi" "$work/pack/akashi-ssg-$target/akashi"
cp "$repo/README.md" "$repo/LICENSE-MIT" "$repo/LICENSE-APACHE" "$work/pack/akashi-ssg-$target/"
tar -cJf "$work/archives/$archive" -C "$work/pack" "akashi-ssg-$target"
# dist writes "<hex> *<file name>" and an empty line.
printf '%s *%s\n\n' "$(sha256sum "$work/archives/$archive" | cut -d ' ' -f 1)" "$archive" \
  >"$work/archives/$archive.sha256"

# --- a clinic's site repository --------------------------------------------------------------
site="$work/site"
mkdir -p "$site"
cp "$repo/site.yaml" "$site/"
cp -R "$repo/content" "$site/"

# Runs lint.sh in the site as the action's steps would on an x64 Linux runner; its output goes to
# $work/out, the step outputs to $work/github-output, the exit code to $rc.
rc=0
run_action() {
  : >"$work/github-output"
  rc=0
  (
    cd "$site"
    env -u GITHUB_REPOSITORY -u GITHUB_EVENT_NAME -u GITHUB_EVENT_PATH -u RUNNER_TOOL_CACHE \
      RUNNER_OS=Linux RUNNER_ARCH=X64 RUNNER_TEMP="$work/runner-temp" \
      GITHUB_OUTPUT="$work/github-output" \
      AKASHI_VERSION=0.1.0 AKASHI_ROOT=. AKASHI_SARIF=false AKASHI_ARGS="" \
      AKASHI_ARCHIVE_DIR="$work/archives" AKASHI_INSTALL_DIR="$work/install" \
      AKASHI_RELEASE_URL="http://127.0.0.1:9/unused" \
      bash "$lint_sh" all
  ) >"$work/out" 2>&1 || rc=$?
  sed 's/^/    | /' "$work/out"
}
mkdir -p "$work/runner-temp"

step_output() { sed -n "s/^$1=//p" "$work/github-output" | tail -n 1; }

sarif_is_json() {
  local sarif
  sarif="$(step_output sarif-file)"
  [ -n "$sarif" ] && [ -s "$sarif" ] &&
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); sys.exit(0 if "runs" in d else 1)' "$sarif"
}

# 1. The sample site as it is: nothing blocks publishing.
echo "== the sample site"
run_action
if [ "$rc" -eq 0 ]; then pass "clean site: exit code 0"; else fail "clean site: exit code $rc, expected 0"; fi
if grep -q '^::error' "$work/out"; then fail "clean site: an ::error line was printed"; else pass "clean site: no ::error line"; fi
if [ "$(step_output exit-code)" = 0 ]; then pass "clean site: output exit-code=0"; else fail "clean site: output exit-code='$(step_output exit-code)'"; fi
if [ -x "$work/install/akashi" ]; then pass "installed from the archive"; else fail "akashi was not installed in $work/install"; fi
if sarif_is_json; then pass "clean site: SARIF report is JSON"; else fail "clean site: no valid SARIF report"; fi

# 2. An untagged treatment claim: the job fails with an annotation on the line.
echo "== an untagged claim in content/treatments/rtms.ja.md"
article="$site/content/treatments/rtms.ja.md"
cp "$article" "$work/rtms.ja.md.orig"
printf '\nTMS治療はうつ病の症状を大きく改善します。\n' >>"$article"
run_action
if [ "$rc" -ne 0 ]; then pass "claim: exit code $rc"; else fail "claim: exit code 0, expected non-zero"; fi
if grep -q '^::error file=content/treatments/rtms.ja.md,line=' "$work/out"; then
  pass "claim: annotation on content/treatments/rtms.ja.md"
else
  fail "claim: no ::error file=content/treatments/rtms.ja.md,line= annotation"
fi
if grep -q '^::error title=akashi lint::Findings block publishing' "$work/out"; then
  pass "claim: the job says why it fails"
else
  fail "claim: no final ::error line saying that findings block publishing"
fi
if sarif_is_json; then pass "claim: SARIF report is JSON"; else fail "claim: no valid SARIF report"; fi
if grep -q 'already installed' "$work/out"; then pass "claim: the installed program is reused"; else fail "claim: akashi was installed again"; fi
cp "$work/rtms.ja.md.orig" "$article"

# 3. A broken site.yaml: the run itself fails, the reason is shown, the SARIF report is still
#    written.
echo "== an unknown key in site.yaml"
cp "$site/site.yaml" "$work/site.yaml.orig"
printf 'colour_scheme_for_test: dark\n' >>"$site/site.yaml"
run_action
if [ "$rc" -ne 0 ]; then pass "broken site.yaml: exit code $rc"; else fail "broken site.yaml: exit code 0, expected non-zero"; fi
if grep -q 'colour_scheme_for_test' "$work/out"; then
  pass "broken site.yaml: the unknown key is named"
else
  fail "broken site.yaml: the output does not name the unknown key"
fi
if grep -q '^::error title=akashi lint::The run itself failed' "$work/out"; then
  pass "broken site.yaml: the job says the run failed"
else
  fail "broken site.yaml: no final ::error line saying that the run failed"
fi
if sarif_is_json; then pass "broken site.yaml: SARIF report is JSON"; else fail "broken site.yaml: no valid SARIF report"; fi
cp "$work/site.yaml.orig" "$site/site.yaml"

# 4. sarif: auto asks the code scanning API whether the report can be uploaded. A stand-in for
#    the API on the loopback interface answers as GitHub does: 200 when the repository has
#    results, 404 "no analysis found" when it has code scanning but no results yet, 403 when it
#    has no code scanning. The annotations are printed in every case.
echo "== sarif: auto, against a stand-in for the code scanning API"
cat >"$work/api.py" <<'PY'
import http.server
import json
import sys

ANSWERS = {
    "clinic/has-results": (200, []),
    "clinic/first-upload": (404, {"message": "no analysis found"}),
    "clinic/private": (403, {"message": "Advanced Security must be enabled for this repository to use code scanning."}),
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        repo = self.path.split("/repos/", 1)[-1].split("/code-scanning/", 1)[0]
        status, body = ANSWERS.get(repo, (404, {"message": "Not Found"}))
        if self.headers.get("Authorization") != "Bearer test-token":
            status, body = 401, {"message": "Bad credentials"}
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
PY
timeout 120 python3 "$work/api.py" "$work/api-port" &
api_pid=$!
for _ in $(seq 50); do
  [ -s "$work/api-port" ] && break
  sleep 0.1
done
api="http://127.0.0.1:$(cat "$work/api-port" 2>/dev/null)"
printf '\nTMS治療はうつ病の症状を大きく改善します。\n' >>"$article"
# Runs `lint.sh run` with sarif: auto for the repository $1 (and the event $2, $3 if given).
run_auto() {
  : >"$work/github-output"
  rc=0
  (
    cd "$site"
    env -u RUNNER_TOOL_CACHE RUNNER_OS=Linux RUNNER_ARCH=X64 RUNNER_TEMP="$work/runner-temp" \
      GITHUB_OUTPUT="$work/github-output" GITHUB_API_URL="$api" GITHUB_REPOSITORY="$1" \
      GITHUB_EVENT_NAME="${2:-push}" GITHUB_EVENT_PATH="${3:-}" \
      AKASHI_VERSION=0.1.0 AKASHI_SARIF=auto AKASHI_GITHUB_TOKEN=test-token \
      AKASHI_INSTALL_DIR="$work/install" bash "$lint_sh" run
  ) >"$work/out" 2>&1 || rc=$?
  sed 's/^/    | /' "$work/out"
}
check_auto() { # repository, expected upload-sarif, what it means
  if [ "$(step_output upload-sarif)" = "$2" ] && [ "$(step_output exit-code)" = 1 ] &&
    grep -q '^::error file=content/treatments/rtms.ja.md,line=' "$work/out"; then
    pass "sarif auto, $1: upload-sarif=$2 ($3), annotations printed"
  else
    fail "sarif auto, $1: upload-sarif='$(step_output upload-sarif)', expected $2 ($3), or no annotations"
  fi
}
run_auto clinic/has-results
check_auto clinic/has-results true "code scanning with results"
run_auto clinic/first-upload
check_auto clinic/first-upload true "code scanning, first upload"
run_auto clinic/private
check_auto clinic/private false "no code scanning"
if command -v jq >/dev/null; then
  printf '{"pull_request": {"head": {"repo": {"full_name": "someone/fork"}}}}' >"$work/event.json"
  run_auto clinic/has-results pull_request "$work/event.json"
  check_auto clinic/has-results false "pull request from a fork"
else
  echo "SKIP: sarif auto for a pull request from a fork (needs jq)"
fi
kill "$api_pid" 2>/dev/null || true
wait "$api_pid" 2>/dev/null || true
cp "$work/rtms.ja.md.orig" "$article"

# 5. A download whose checksum does not match is refused.
echo "== an archive that does not match its checksum"
mkdir -p "$work/bad-archives"
cp "$work/archives/$archive" "$work/bad-archives/"
printf '%064d *%s\n' 0 "$archive" >"$work/bad-archives/$archive.sha256"
rm -rf "$work/install"
rc=0
(
  cd "$site"
  env -u RUNNER_TOOL_CACHE RUNNER_OS=Linux RUNNER_ARCH=X64 RUNNER_TEMP="$work/runner-temp" \
    GITHUB_OUTPUT="$work/github-output" AKASHI_VERSION=0.1.0 \
    AKASHI_ARCHIVE_DIR="$work/bad-archives" AKASHI_INSTALL_DIR="$work/install" \
    bash "$lint_sh" install
) >"$work/out" 2>&1 || rc=$?
sed 's/^/    | /' "$work/out"
if [ "$rc" -ne 0 ] && grep -q 'checksum' "$work/out" && [ ! -e "$work/install/akashi" ]; then
  pass "bad checksum: refused, nothing installed"
else
  fail "bad checksum: exit code $rc, or akashi was installed"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
