#!/usr/bin/env bash
# Sets up everything Chinese Reader needs on a fresh Debian machine, then builds it.
# Idempotent: each step is skipped when it is already done.
#   - Debian packages: Chromium and a CJK font (browser tests and screenshots),
#     libkrb5-dev and ripgrep (needed to install code-server), opencc (the native
#     OpenCC command-line tool, the peer of the conversion benchmark).
#   - npm dependencies with `npm ci` from the committed lockfile.
#   - code-server (VS Code 1.100.3 for the browser) into .cache/code-server.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium fonts-wqy-microhei libkrb5-dev ripgrep opencc)
CODE_SERVER_VERSION=4.100.3
CODE_SERVER_DIR=.cache/code-server

step() { printf '\n== setup: %s\n' "$*"; }

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p .cache
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -d node_modules ] || [ "$(cat .cache/npm-ci.stamp 2>/dev/null)" != "$lock_hash" ]; then
  step "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > .cache/npm-ci.stamp
fi

installed=$(node -p "try { require('./$CODE_SERVER_DIR/node_modules/code-server/package.json').version } catch { '' }")
if [ "$installed" != "$CODE_SERVER_VERSION" ]; then
  step "installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR"
  # @vscode/ripgrep's postinstall downloads ripgrep from GitHub, which is out of reach
  # here: pre-seed its download cache with Debian's rg, packed as the archive it expects.
  cache="$(node -p "require('os').tmpdir()")/vscode-ripgrep-cache-1.15.11"
  archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -f "$archive" ]; then
    mkdir -p "$cache"
    staging=$(mktemp -d)
    cp "$(command -v rg)" "$staging/rg"
    tar -czf "$archive" -C "$staging" rg
    rm -rf "$staging"
  fi
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  echo '{ "name": "code-server-cache", "private": true }' > "$CODE_SERVER_DIR/package.json"
  # code-server's native modules build with `npx node-gyp` (npm_config_yes answers npx's
  # prompt), and npm 11 runs no dependency install scripts unless allowed: this pinned
  # package's own nested installs need them all. Its postinstall refuses to run as root
  # unless npm_config_unsafe_perm is set.
  npm_config_yes=true npm_config_unsafe_perm=true npm_config_dangerously_allow_all_scripts=true \
    npm install --prefix "$CODE_SERVER_DIR" --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION"
  "$CODE_SERVER_DIR/node_modules/.bin/code-server" --version
fi

step "building"
npm run --silent build
