#!/usr/bin/env bash
# Installs the tools for the end-to-end tests in a real VS Code, offline:
#   - Debian packages: chromium (the browser that shows the workbench), ripgrep (see trap 3),
#     libkrb5-dev + build-essential + pkg-config + python3 (native modules of code-server);
#   - into .tools/e2e/ (git-ignored, outside the extension's own dependency tree), from the
#     committed scripts/e2e/tools-package.json + tools-package-lock.json:
#     code-server (VS Code 1.100.3 with a real Node extension host), @vscode/test-electron,
#     playwright-core and mocha.
# Idempotent and cached: when .tools/e2e/.stamp matches the hash of the recipe, nothing is done.
#
# Usage: bash scripts/e2e/install-tools.sh [--force] [--update-lock]
#   --force        reinstall even if the stamp matches
#   --update-lock  regenerate scripts/e2e/tools-package-lock.json from tools-package.json, then install
# Env: SEC_E2E_TOOLS_DIR (default <repo>/.tools/e2e)
#      SEC_E2E_CACHE_DIR (default ~/.cache/sec-language-tools-e2e; 'off' to disable): a copy of
#      the installed tree, restored in a second by a fresh clone on the same machine (as CI's)
set -euo pipefail

# Bump when the way of installing changes (not the versions: those are in the lock file).
RECIPE_VERSION=1

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
TOOLS_DIR="${SEC_E2E_TOOLS_DIR:-$REPO_ROOT/.tools/e2e}"
PKG_JSON="$SCRIPT_DIR/tools-package.json"
PKG_LOCK="$SCRIPT_DIR/tools-package-lock.json"
STAMP="$TOOLS_DIR/.stamp"
LOG="$TOOLS_DIR.install.log"
# Machine-wide copy of the installed tree, outside the work tree ('off' to disable).
CACHE_ROOT="${SEC_E2E_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/sec-language-tools-e2e}"

# The ripgrep that @vscode/ripgrep (pinned by code-server's shrinkwrap) would download.
RG_PKG_VERSION=1.15.11
RG_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

FORCE=0
UPDATE_LOCK=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    --update-lock) UPDATE_LOCK=1 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "install-tools: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

START=$SECONDS
say() { printf '[e2e-tools %3ss] %s\n' "$((SECONDS - START))" "$*"; }
die() { printf '[e2e-tools] ERROR: %s\n' "$*" >&2; exit 1; }

mkdir -p "$(dirname "$TOOLS_DIR")"
# One installer at a time (two test runs started together must not both run npm ci).
exec 9>"$TOOLS_DIR.lock"
if ! flock -n 9; then
  say "another install is running; waiting for it"
  flock 9
fi

# ---------------------------------------------------------------------------------------------
# 1. Debian packages (apt-get update only if something is missing)
# ---------------------------------------------------------------------------------------------
APT_PKGS=(chromium libkrb5-dev ripgrep build-essential pkg-config python3)
missing=()
for p in "${APT_PKGS[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages (${missing[*]}) and not root: install them first"
  say "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  APT_LOG="$TOOLS_DIR.apt.log"
  if ! { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$APT_LOG" 2>&1; then
    tail -n 30 "$APT_LOG" >&2
    die "apt-get install ${missing[*]} failed (log: $APT_LOG)"
  fi
  say "apt: done"
else
  say "apt: all present (${APT_PKGS[*]})"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after installing chromium"
command -v rg >/dev/null || die "rg not found after installing ripgrep"

# ---------------------------------------------------------------------------------------------
# 2. Node version: code-server 4.100.x refuses anything but Node 20
# ---------------------------------------------------------------------------------------------
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" = 20 ] || die "code-server 4.100.x needs Node 20, this is Node $(node --version)"

# ---------------------------------------------------------------------------------------------
# 3. Optional: regenerate the lock file
# ---------------------------------------------------------------------------------------------
if [ "$UPDATE_LOCK" = 1 ]; then
  say "regenerating $PKG_LOCK"
  tmp="$(mktemp -d)"
  cp "$PKG_JSON" "$tmp/package.json"
  (cd "$tmp" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$tmp/package-lock.json" "$PKG_LOCK"
  rm -rf "$tmp"
fi
[ -f "$PKG_LOCK" ] || die "$PKG_LOCK is missing (run with --update-lock to create it)"

# ---------------------------------------------------------------------------------------------
# 4. Cache check
# ---------------------------------------------------------------------------------------------
WANT="$( { echo "recipe=$RECIPE_VERSION node=$NODE_MAJOR arch=$(uname -m)"; cat "$PKG_JSON" "$PKG_LOCK"; } | sha256sum | cut -d' ' -f1)"
CS="$TOOLS_DIR/node_modules/code-server"
check_files=(
  "$CS/out/node/entry.js"
  "$CS/lib/vscode/out/server-main.js"
  "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
  "$CS/lib/vscode/node_modules/node-pty/package.json"
  "$CS/lib/vscode/node_modules.asar"
  "$TOOLS_DIR/node_modules/@vscode/test-electron/package.json"
  "$TOOLS_DIR/node_modules/playwright-core/package.json"
  "$TOOLS_DIR/node_modules/mocha/package.json"
)
all_there() { local f; for f in "${check_files[@]}"; do [ -e "$f" ] || return 1; done; }
cache_ok() { [ "$CACHE_ROOT" != off ] && [ -f "$CACHE_ROOT/$WANT/.stamp" ] && [ "$(cat "$CACHE_ROOT/$WANT/.stamp")" = "$WANT" ]; }
save_cache() {
  [ "$CACHE_ROOT" != off ] || return 0
  cache_ok && return 0
  # Keep one copy only (the current recipe), written under a temporary name, then renamed.
  if mkdir -p "$CACHE_ROOT" && rm -rf "$CACHE_ROOT/$WANT.tmp.$$" \
    && cp -a "$TOOLS_DIR" "$CACHE_ROOT/$WANT.tmp.$$"; then
    find "$CACHE_ROOT" -mindepth 1 -maxdepth 1 ! -name "$WANT.tmp.$$" -exec rm -rf {} +
    mv "$CACHE_ROOT/$WANT.tmp.$$" "$CACHE_ROOT/$WANT"
    say "saved a copy in the machine cache $CACHE_ROOT (SEC_E2E_CACHE_DIR=off to skip)"
  else
    rm -rf "$CACHE_ROOT/$WANT.tmp.$$"
    say "warning: could not save a copy in $CACHE_ROOT (not needed to run the tests)"
  fi
}

if [ "$FORCE" = 0 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && all_there; then
  say "node tools: up to date in ${TOOLS_DIR#"$REPO_ROOT"/} (stamp ${WANT:0:12}); nothing to do"
  save_cache
  say "done in $((SECONDS - START)) s"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# 5. Machine-wide copy: a fresh clone on the same machine (CI runs in one) restores the tree
#    installed before in a second, instead of the ~90 s npm ci. The tree is relocatable.
# ---------------------------------------------------------------------------------------------
if [ "$FORCE" = 0 ] && cache_ok; then
  say "node tools: restoring from the machine cache $CACHE_ROOT/${WANT:0:12}"
  rm -rf "$TOOLS_DIR" "$TOOLS_DIR.restore"
  if cp -a "$CACHE_ROOT/$WANT" "$TOOLS_DIR.restore" && mv "$TOOLS_DIR.restore" "$TOOLS_DIR" && all_there; then
    say "done in $((SECONDS - START)) s"
    exit 0
  fi
  say "restore failed; installing instead"
  rm -rf "$TOOLS_DIR" "$TOOLS_DIR.restore"
fi

# ---------------------------------------------------------------------------------------------
# 6. Install (npm ci from the committed lock), with the fixes for the four traps
# ---------------------------------------------------------------------------------------------
say "node tools: installing into ${TOOLS_DIR#"$REPO_ROOT"/} (code-server is ~300 MB; a minute or more)"
rm -f "$STAMP"
mkdir -p "$TOOLS_DIR"
cp "$PKG_JSON" "$TOOLS_DIR/package.json"
cp "$PKG_LOCK" "$TOOLS_DIR/package-lock.json"

# Own TMPDIR for the install, holding the ripgrep cache (trap 3).
INSTALL_TMP="$TOOLS_DIR.tmp"
rm -rf "$INSTALL_TMP"
mkdir -p "$INSTALL_TMP/vscode-ripgrep-cache-$RG_PKG_VERSION"
# Trap 3: @vscode/ripgrep's postinstall downloads rg from GitHub; it looks in
# $TMPDIR/vscode-ripgrep-cache-<version>/ first, so give it Debian's rg there.
tar czf "$INSTALL_TMP/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_TARBALL" -C "$(dirname "$(command -v rg)")" rg

say "npm ci (log: ${LOG#"$REPO_ROOT"/})"
set +e
(
  cd "$TOOLS_DIR"
  # Trap 1: code-server's postinstall.sh refuses root without unsafe-perm.
  # Trap 2: kerberos (and argon2) must compile against Debian's Node headers, not download
  #         prebuilt binaries or headers: build from source with nodedir=/usr (+ libkrb5-dev).
  # Trap 4: node-pty's postinstall runs `npx node-gyp`, which ~/.npmrc's yes=false cancels.
  TMPDIR="$INSTALL_TMP" \
  npm_config_unsafe_perm=true \
  npm_config_build_from_source=true \
  npm_config_nodedir=/usr \
  npm_config_yes=true \
  npm_config_audit=false \
  npm_config_fund=false \
  npm_config_update_notifier=false \
  npm ci --no-audit --no-fund --loglevel=warn
) >"$LOG" 2>&1 &
npm_pid=$!
# Interrupted: stop npm (and its install scripts) too; the missing stamp makes the next run redo it.
trap 'pkill -TERM -P "$npm_pid" 2>/dev/null; kill -TERM "$npm_pid" 2>/dev/null; exit 130' INT TERM
# Heartbeat so that CI logs show progress during the long, quiet npm ci.
tick=0
while kill -0 "$npm_pid" 2>/dev/null; do
  sleep 1
  tick=$((tick + 1))
  if [ $((tick % 15)) = 0 ] && kill -0 "$npm_pid" 2>/dev/null; then
    say "  ... still installing ($(du -sm "$TOOLS_DIR/node_modules" 2>/dev/null | cut -f1 || echo 0) MB so far)"
  fi
done
wait "$npm_pid"
rc=$?
trap - INT TERM
set -e
if [ "$rc" != 0 ]; then
  echo "----- last 60 lines of $LOG -----" >&2
  tail -n 60 "$LOG" >&2
  die "npm ci failed (exit $rc); full log in $LOG"
fi

for f in "${check_files[@]}"; do
  [ -e "$f" ] || die "installed, but $f is missing (see $LOG)"
done
"$CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" --version >/dev/null || die "the installed rg does not run"
# (own XDG dirs: `code-server --version` would otherwise write ~/.config/code-server/config.yaml)
cs_version="$(XDG_CONFIG_HOME="$INSTALL_TMP/config" XDG_DATA_HOME="$INSTALL_TMP/data" \
  node "$CS/out/node/entry.js" --version 2>/dev/null | grep -v ' info ' | head -n1)"
say "code-server: $cs_version"
say "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
rm -rf "$INSTALL_TMP"
echo "$WANT" >"$STAMP"

save_cache
say "done in $((SECONDS - START)) s"
