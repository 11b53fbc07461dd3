#!/usr/bin/env bash
# Uses akashi's pre-commit hook the way a clinic would, from a throwaway site repository, and
# checks that installing it compiles nothing: pip may only use the given wheel folder (and a
# setuptools wheel for the hook's own pyproject.toml), no package index.
#
# The hook repository is a temporary clone of this repository whose hook files
# (.pre-commit-hooks.yaml, pyproject.toml) are the ones of the working tree, committed there.
#
# Usage: tests/adoption/pre-commit.sh path/to/wheels   (a folder with akashi_ssg-*.whl)
set -euo pipefail

if [ $# -ne 1 ] || ! compgen -G "$1/akashi_ssg-*.whl" >/dev/null; then
  echo "usage: $0 path/to/wheels (a folder holding a built akashi_ssg-*.whl)" >&2
  exit 2
fi
wheels="$(cd "$1" && pwd)"
repo="$(cd "$(dirname "$0")/../.." && pwd)"

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
git_() { git -c user.name=akashi-test -c user.email=akashi-test@example.invalid -c init.defaultBranch=main "$@"; }

# Nothing is cached in $HOME.
export PRE_COMMIT_HOME="$work/pre-commit-home"
export PIP_CACHE_DIR="$work/pip-cache"
export PIP_DISABLE_PIP_VERSION_CHECK=1

# --- pre-commit ------------------------------------------------------------------------------
if command -v pre-commit >/dev/null; then
  pre_commit="$(command -v pre-commit)"
else
  python3 -m venv "$work/venv"
  "$work/venv/bin/python" -m pip install --quiet pre-commit
  pre_commit="$work/venv/bin/pre-commit"
fi
"$pre_commit" --version

# The build backend of the hook's pyproject.toml, fetched now, while the index may be used.
mkdir -p "$work/build-deps"
python3 -m pip download --quiet --only-binary=:all: --dest "$work/build-deps" "setuptools>=77"

# --- the hook repository ---------------------------------------------------------------------
hooks="$work/akashi-hooks"
git_ clone --quiet "$repo" "$hooks"
cp "$repo/.pre-commit-hooks.yaml" "$repo/pyproject.toml" "$hooks/"
git_ -C "$hooks" add .pre-commit-hooks.yaml pyproject.toml
if ! git_ -C "$hooks" diff --cached --quiet; then
  git_ -C "$hooks" commit --quiet -m "The hook files of the working tree"
fi
rev="$(git -C "$hooks" rev-parse HEAD)"
if "$pre_commit" validate-manifest "$hooks/.pre-commit-hooks.yaml"; then
  pass ".pre-commit-hooks.yaml is a valid manifest"
else
  fail ".pre-commit-hooks.yaml is not a valid manifest"
fi

# --- a clinic's site repository --------------------------------------------------------------
site="$work/site"
mkdir -p "$site"
cp "$repo/site.yaml" "$site/"
cp -R "$repo/content" "$site/"
cat >"$site/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: akashi-lint
EOF
git_ -C "$site" init --quiet
(cd "$site" && "$pre_commit" install)

# pip, run by pre-commit to install the hook, sees only local wheels.
export PIP_NO_INDEX=1
export PIP_FIND_LINKS="$wheels $work/build-deps"

# 1. The sample site is committed: the hook is installed from the wheel and passes.
rc=0
(cd "$site" && git_ add -A && git_ commit -m "The sample site") >"$work/out" 2>&1 || rc=$?
sed 's/^/    | /' "$work/out"
if [ "$rc" -eq 0 ]; then pass "the sample site is committed"; else fail "committing the sample site failed (exit code $rc)"; fi
if grep -q 'akashi lint' "$work/out" && grep -Eq 'akashi lint.*Passed' "$work/out"; then
  pass "the hook ran and passed"
else
  fail "the hook did not run, or did not pass"
fi
if grep -qiE 'Compiling|maturin|cargo build' "$work/out"; then
  fail "installing the hook compiled something"
else
  pass "installing the hook compiled nothing"
fi

# 2. An untagged treatment claim: the commit is refused.
printf '\nTMS治療はうつ病の症状を大きく改善します。\n' >>"$site/content/treatments/rtms.ja.md"
rc=0
(cd "$site" && git_ add -A && git_ commit -m "An untagged claim") >"$work/out" 2>&1 || rc=$?
sed 's/^/    | /' "$work/out"
if [ "$rc" -ne 0 ]; then pass "the commit with an untagged claim is refused"; else fail "the commit with an untagged claim was made"; fi
if grep -qE 'claim/untagged|untagged' "$work/out"; then
  pass "the hook names the untagged claim"
else
  fail "the hook's output does not mention the untagged claim"
fi
if [ "$(git -C "$site" rev-list --count HEAD 2>/dev/null || echo 0)" = 1 ]; then
  pass "only the sample site's commit exists"
else
  fail "the repository does not have exactly one commit"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
