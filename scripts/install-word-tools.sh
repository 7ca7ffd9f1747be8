#!/usr/bin/env bash
# Installs the independent reader the Word tests check exports against: pandoc (Debian package;
# about 30 MB, a few seconds). Idempotent: does nothing when pandoc already runs. LibreOffice is
# not needed: pandoc reads tracked changes and comments, and writes the list-numbered document
# the import test reads.
#
# Usage: bash scripts/install-word-tools.sh
set -euo pipefail

say() { printf '[word-tools] %s\n' "$*"; }
die() { printf '[word-tools] ERROR: %s\n' "$*" >&2; exit 1; }

if command -v pandoc >/dev/null 2>&1 && pandoc --version >/dev/null 2>&1; then
  say "pandoc present: $(pandoc --version | head -n1)"
  exit 0
fi
command -v apt-get >/dev/null 2>&1 || die "pandoc is missing and this is not a Debian-like system: install pandoc (https://pandoc.org/installing.html)"
[ "$(id -u)" = 0 ] || die "pandoc is missing and this is not root: run 'sudo apt-get install -y pandoc' first"

LOG="${TMPDIR:-/tmp}/sec-word-tools.apt.log"
say "apt: installing pandoc (log: $LOG)"
export DEBIAN_FRONTEND=noninteractive
# The package lists are refreshed only when the first attempt finds them stale or missing.
if ! apt-get install -y -q --no-install-recommends pandoc >"$LOG" 2>&1; then
  if ! { apt-get update -q && apt-get install -y -q --no-install-recommends pandoc; } >>"$LOG" 2>&1; then
    tail -n 30 "$LOG" >&2
    die "apt-get install pandoc failed (log: $LOG)"
  fi
fi
pandoc --version >/dev/null 2>&1 || die "pandoc does not run after installing it"
say "installed: $(pandoc --version | head -n1)"
