#!/usr/bin/env bash
# The logic of the akashi GitHub Action (action.yml): installs the prebuilt akashi for this
# runner from the release archives, lints the site, writes SARIF for code scanning and prints
# annotations for the pull request.
#
# Usage: lint.sh [all|plan|install|run|finish]
#   all (default)  install, run and finish in one go: for local use, tests and other CI systems
#   plan           choose the release archive and the install folder for this runner
#   install        download (or copy), verify and unpack the archive unless already installed
#   run            lint twice (SARIF to a file, then annotations), decide whether to upload the
#                  SARIF; always exits 0 and leaves the verdict in the output `exit-code`
#   finish         fail with a clear message when `exit-code` (AKASHI_EXIT_CODE) is not 0
#
# Settings (environment):
#   AKASHI_VERSION       release to install, e.g. 0.1.0 (default 0.1.0)
#   AKASHI_ROOT          the site's folder, passed as --root (default .)
#   AKASHI_ARGS          more arguments for `akashi lint`, split like a shell would (quotes work)
#   AKASHI_SARIF         auto (upload when code scanning is available), true or false
#   AKASHI_GITHUB_TOKEN  token for the code scanning check of AKASHI_SARIF=auto
#   AKASHI_RELEASE_URL   folder URL that holds the archives
#                        (default https://github.com/akashi-ssg/akashi/releases/download/v$VERSION)
#   AKASHI_ARCHIVE_DIR   a local folder with the archives and their .sha256 files, used instead
#                        of downloading
#   AKASHI_INSTALL_DIR   where the program goes (default under RUNNER_TOOL_CACHE or a temp folder)
#   AKASHI_TARGET        the archive's platform, instead of the one chosen from RUNNER_OS/ARCH
#   AKASHI_SARIF_FILE    where the SARIF report is written (default in RUNNER_TEMP)
#   AKASHI_EXIT_CODE     for `finish`: the exit code of the lint
# and, as on GitHub: RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, RUNNER_TOOL_CACHE, GITHUB_OUTPUT,
# GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH.
#
# Exit codes of `akashi lint` (and of this script): 0 nothing blocks publishing, 1 error-level
# findings, 2 the run itself failed (for example an invalid site.yaml).
set -euo pipefail

VERSION="${AKASHI_VERSION:-0.1.0}"
VERSION="${VERSION#v}"
ROOT="${AKASHI_ROOT:-.}"
SARIF_MODE="${AKASHI_SARIF:-auto}"
ARGS="${AKASHI_ARGS:-}"
RELEASE_URL="${AKASHI_RELEASE_URL:-https://github.com/akashi-ssg/akashi/releases/download/v$VERSION}"
RELEASE_URL="${RELEASE_URL%/}"
PACKAGE="akashi-ssg"

die() {
  echo "::error title=akashi::$*"
  exit 2
}

# Writes name=value to the step's outputs (when run by GitHub, or by a test that sets it).
output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

# A path as the other steps of the job (Node actions such as actions/cache and upload-sarif) read
# it: on Windows, Git Bash's /d/a/... becomes D:/a/...
native_path() {
  if command -v cygpath >/dev/null 2>&1; then
    cygpath -m "$1"
  else
    printf '%s\n' "$1"
  fi
}

tmp_base() {
  if [ -n "${RUNNER_TEMP:-}" ]; then
    printf '%s\n' "$RUNNER_TEMP"
  else
    printf '%s\n' "${TMPDIR:-/tmp}"
  fi
}

# The release archive for this runner, in globals: TARGET (its platform), ARCHIVE (its file name:
# dist names them akashi-ssg-<target>.tar.xz, .zip on Windows), EXE (the program's name in it) and
# INSTALL_DIR (where the program goes).
resolve() {
  TARGET="${AKASHI_TARGET:-}"
  if [ -z "$TARGET" ]; then
    local os="${RUNNER_OS:-}" arch="${RUNNER_ARCH:-}"
    if [ -z "$os" ]; then
      case "$(uname -s)" in
        Linux) os=Linux ;;
        Darwin) os=macOS ;;
        MINGW* | MSYS* | CYGWIN*) os=Windows ;;
        *) os="$(uname -s)" ;;
      esac
    fi
    if [ -z "$arch" ]; then
      case "$(uname -m)" in
        x86_64 | amd64) arch=X64 ;;
        aarch64 | arm64) arch=ARM64 ;;
        *) arch="$(uname -m)" ;;
      esac
    fi
    case "$os/$arch" in
      Linux/X64) TARGET=x86_64-unknown-linux-gnu ;;
      Linux/ARM64) TARGET=aarch64-unknown-linux-gnu ;;
      macOS/ARM64) TARGET=aarch64-apple-darwin ;;
      macOS/X64) TARGET=x86_64-apple-darwin ;;
      # Windows on Arm runs the x64 program.
      Windows/X64 | Windows/ARM64) TARGET=x86_64-pc-windows-msvc ;;
      *) die "akashi has no prebuilt program for $os/$arch; install it with cargo install akashi-ssg, or set AKASHI_TARGET" ;;
    esac
  fi
  case "$TARGET" in
    *windows*)
      ARCHIVE="$PACKAGE-$TARGET.zip"
      EXE=akashi.exe
      ;;
    *)
      ARCHIVE="$PACKAGE-$TARGET.tar.xz"
      EXE=akashi
      ;;
  esac
  if [ -n "${AKASHI_INSTALL_DIR:-}" ]; then
    INSTALL_DIR="$AKASHI_INSTALL_DIR"
  elif [ -n "${RUNNER_TOOL_CACHE:-}" ]; then
    INSTALL_DIR="$RUNNER_TOOL_CACHE/$PACKAGE/$VERSION/$TARGET"
  else
    INSTALL_DIR="$(tmp_base)/$PACKAGE-$VERSION-$TARGET"
  fi
}

cmd_plan() {
  case "$SARIF_MODE" in
    auto | true | false) ;;
    *) die "the input sarif must be auto, true or false, not '$SARIF_MODE'" ;;
  esac
  resolve
  local category="akashi"
  if [ "$ROOT" != "." ] && [ "$ROOT" != "./" ]; then
    category="akashi/${ROOT%/}"
  fi
  output target "$TARGET"
  output archive "$ARCHIVE"
  output install-dir "$(native_path "$INSTALL_DIR")"
  output cache-key "$PACKAGE-$VERSION-${RUNNER_OS:-local}-${RUNNER_ARCH:-local}-$TARGET"
  output sarif-category "$category"
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  else
    shasum -a 256 "$1" | cut -d ' ' -f 1
  fi
}

# Copies $1 (a file name) from AKASHI_ARCHIVE_DIR, or downloads it from RELEASE_URL, to $2.
fetch() {
  if [ -n "${AKASHI_ARCHIVE_DIR:-}" ]; then
    [ -f "$AKASHI_ARCHIVE_DIR/$1" ] || die "$1 is not in AKASHI_ARCHIVE_DIR ($AKASHI_ARCHIVE_DIR)"
    cp "$AKASHI_ARCHIVE_DIR/$1" "$2"
    return
  fi
  local url="$RELEASE_URL/$1"
  local curl_args=(--fail --silent --show-error --location --retry 3 --output "$2")
  case "$url" in
    https://*) curl_args+=(--proto '=https' --tlsv1.2) ;;
  esac
  curl "${curl_args[@]}" "$url" || die "could not download $url (is $VERSION a released version of akashi?)"
}

cmd_install() {
  resolve
  if [ -x "$INSTALL_DIR/$EXE" ]; then
    echo "akashi $VERSION is already installed in $INSTALL_DIR"
    output bin "$INSTALL_DIR/$EXE"
    return
  fi
  if ! command -v sha256sum >/dev/null 2>&1 && ! command -v shasum >/dev/null 2>&1; then
    die "neither sha256sum nor shasum is available to verify the download"
  fi
  local work
  work="$(mktemp -d "$(tmp_base)/akashi-download.XXXXXX")"
  fetch "$ARCHIVE" "$work/$ARCHIVE"
  fetch "$ARCHIVE.sha256" "$work/$ARCHIVE.sha256"

  # dist's checksum files read "<hex> *<file name>".
  local expected="" actual
  read -r expected _ <"$work/$ARCHIVE.sha256" || true
  expected="$(printf '%s' "$expected" | tr 'A-F' 'a-f')"
  actual="$(sha256_of "$work/$ARCHIVE")"
  if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
    die "the checksum of $ARCHIVE does not match its .sha256 file (expected '$expected', got '$actual')"
  fi
  echo "$ARCHIVE: SHA-256 $actual verified"

  mkdir -p "$work/unpacked"
  case "$ARCHIVE" in
    *.zip)
      if command -v unzip >/dev/null 2>&1; then
        unzip -q "$work/$ARCHIVE" -d "$work/unpacked"
      else
        pwsh -NoProfile -Command "Expand-Archive -LiteralPath '$work/$ARCHIVE' -DestinationPath '$work/unpacked'"
      fi
      ;;
    *) tar -xJf "$work/$ARCHIVE" -C "$work/unpacked" ;;
  esac
  # The tarballs hold akashi-ssg-<target>/akashi; the Windows zip holds akashi.exe at its top.
  local found="" candidate
  for candidate in "$work/unpacked/$PACKAGE-$TARGET/$EXE" "$work/unpacked/$EXE"; do
    if [ -f "$candidate" ]; then
      found="$candidate"
      break
    fi
  done
  [ -n "$found" ] || die "$ARCHIVE does not contain $EXE"
  mkdir -p "$INSTALL_DIR"
  mv "$found" "$INSTALL_DIR/$EXE"
  chmod +x "$INSTALL_DIR/$EXE"
  rm -rf "$work"
  echo "installed $("$INSTALL_DIR/$EXE" --version) in $INSTALL_DIR"
  output bin "$INSTALL_DIR/$EXE"
}

# Whether the SARIF report can go to code scanning: the repository has it (public, or with
# GitHub Code Security) and the token may write to it.
code_scanning_available() {
  if [ -z "${GITHUB_REPOSITORY:-}" ] || [ -z "${AKASHI_GITHUB_TOKEN:-}" ]; then
    echo "Code scanning: not on GitHub or no token, so the SARIF report is not uploaded."
    return 1
  fi
  # A pull request from a fork gets a read-only token: the upload would be refused.
  case "${GITHUB_EVENT_NAME:-}" in
    pull_request | pull_request_target)
      if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ] && command -v jq >/dev/null 2>&1; then
        local head
        head="$(jq -r '.pull_request.head.repo.full_name // empty' "$GITHUB_EVENT_PATH")"
        if [ -n "$head" ] && [ "$head" != "$GITHUB_REPOSITORY" ]; then
          echo "Code scanning: this pull request comes from the fork $head, whose token cannot upload results."
          return 1
        fi
      fi
      ;;
  esac
  local api="${GITHUB_API_URL:-https://api.github.com}"
  local body status
  body="$(mktemp "$(tmp_base)/akashi-api.XXXXXX")"
  # The token goes to curl on its standard input, not on its command line.
  status="$(printf 'header = "Authorization: Bearer %s"\n' "$AKASHI_GITHUB_TOKEN" |
    curl --silent --show-error --config - --output "$body" --write-out '%{http_code}' \
      --header 'Accept: application/vnd.github+json' \
      "$api/repos/$GITHUB_REPOSITORY/code-scanning/analyses?per_page=1")" || status="000"
  local message
  message="$(tr -d '\n' <"$body" | cut -c 1-300)"
  rm -f "$body"
  case "$status" in
    200)
      return 0
      ;;
    404)
      # A repository that has code scanning but no results yet answers "no analysis found".
      if printf '%s' "$message" | grep -qi 'no analysis found'; then
        return 0
      fi
      ;;
  esac
  echo "Code scanning is not available here (HTTP $status: $message), so the SARIF report is not" \
    "uploaded; the findings are shown as annotations. Public repositories have code scanning;" \
    "private ones need GitHub Code Security, and the workflow needs 'security-events: write'."
  return 1
}

# How bad an exit code is: 0 clean, 1 findings, 2 failed run (anything else counts as 2).
severity() {
  case "$1" in
    0) echo 0 ;;
    1) echo 1 ;;
    *) echo 2 ;;
  esac
}

cmd_run() {
  resolve
  local bin="$INSTALL_DIR/$EXE"
  [ -x "$bin" ] || die "akashi is not installed at $bin (run lint.sh install first)"

  local extra=()
  if [ -n "${ARGS//[[:space:]]/}" ]; then
    printf '%s' "$ARGS" | xargs printf '%s\0' >/dev/null ||
      die "the input args cannot be split into arguments: $ARGS"
    local arg
    # xargs splits like a shell (quotes and backslashes) without running anything.
    while IFS= read -r -d '' arg; do
      extra+=("$arg")
    done < <(printf '%s' "$ARGS" | xargs printf '%s\0')
  fi

  local sarif="${AKASHI_SARIF_FILE:-}"
  if [ -z "$sarif" ]; then
    sarif="$(mktemp -d "$(tmp_base)/akashi-sarif.XXXXXX")/akashi.sarif"
  fi
  mkdir -p "$(dirname "$sarif")"
  rm -f "$sarif"

  # 1. SARIF for code scanning, written even when the run fails (exit 2).
  local log sarif_rc=0
  log="$(mktemp "$(tmp_base)/akashi-log.XXXXXX")"
  "$bin" lint --root "$ROOT" ${extra[@]+"${extra[@]}"} --format sarif --output-file "$sarif" \
    >/dev/null 2>"$log" || sarif_rc=$?

  # 2. The same findings as workflow commands: annotations on the pull request, and the reasons
  #    for a failed run. Always printed, whether or not the SARIF report can be uploaded.
  local github_rc=0
  "$bin" lint --root "$ROOT" ${extra[@]+"${extra[@]}"} --format github || github_rc=$?

  local rc="$github_rc"
  if [ "$(severity "$sarif_rc")" -gt "$(severity "$github_rc")" ]; then
    rc="$sarif_rc"
    echo "The SARIF run of akashi lint ended with exit code $sarif_rc:"
    cat "$log"
  fi
  rm -f "$log"

  local upload=false
  if [ ! -s "$sarif" ]; then
    echo "::warning title=akashi::akashi wrote no SARIF report, so nothing goes to code scanning."
  elif command -v jq >/dev/null 2>&1 && ! jq -e '.runs' "$sarif" >/dev/null 2>&1; then
    echo "::warning title=akashi::the SARIF report is not valid JSON, so it is not uploaded."
  else
    case "$SARIF_MODE" in
      true) upload=true ;;
      false) ;;
      *) if code_scanning_available; then upload=true; fi ;;
    esac
  fi

  echo "akashi lint exit code: $rc; SARIF report: $sarif; upload to code scanning: $upload"
  output exit-code "$rc"
  output sarif-file "$(native_path "$sarif")"
  output upload-sarif "$upload"
  LAST_EXIT_CODE="$rc"
}

cmd_finish() {
  local rc="${AKASHI_EXIT_CODE:-${LAST_EXIT_CODE:-}}"
  case "$rc" in
    0)
      echo "akashi lint: nothing blocks publishing."
      exit 0
      ;;
    1)
      echo "::error title=akashi lint::Findings block publishing (akashi lint exit code 1): see the annotations above; every treatment claim needs an evidence level and a citation."
      exit 1
      ;;
    2)
      echo "::error title=akashi lint::The run itself failed (akashi lint exit code 2), so the site was not checked: see the message above (for example an invalid site.yaml)."
      exit 2
      ;;
    "")
      echo "::error title=akashi lint::akashi lint did not run (no exit code was recorded): see the steps above."
      exit 2
      ;;
    *)
      echo "::error title=akashi lint::akashi lint ended abnormally (exit code $rc): see the messages above."
      exit 2
      ;;
  esac
}

LAST_EXIT_CODE=""
case "${1:-all}" in
  plan) cmd_plan ;;
  install) cmd_install ;;
  run) cmd_run ;;
  finish) cmd_finish ;;
  all)
    cmd_plan
    cmd_install
    cmd_run
    cmd_finish
    ;;
  *)
    echo "usage: $0 [all|plan|install|run|finish]" >&2
    exit 2
    ;;
esac
