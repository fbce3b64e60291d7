#!/usr/bin/env bash
# Sets up everything Content Studio needs on this machine; safe to run again (it only does what is missing).
#   scripts/setup.sh           system packages + Python environment for running the studio
#   scripts/setup.sh --dev     ... plus the system packages the test suite needs
# Prints the path of the Python interpreter to use on its last line.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEV=0
[ "${1:-}" = "--dev" ] && DEV=1
CACHE="${CONTENT_STUDIO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/content-studio}"
mkdir -p "$CACHE"
log() { printf '[setup] %s\n' "$*" >&2; }

# --- 1. system packages (Debian/Ubuntu) -------------------------------------------------------
want_pkgs() { grep -v -E '^\s*(#|$)' "$1"; }
PKG_FILES=("$ROOT/scripts/apt-packages.txt")
[ "$DEV" = 1 ] && PKG_FILES+=("$ROOT/scripts/apt-packages-test.txt")
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for f in "${PKG_FILES[@]}"; do
    while read -r pkg; do
      status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
      [ "$status" = "install ok installed" ] || missing+=("$pkg")
    done < <(want_pkgs "$f")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing system packages: ${missing[*]}"
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
      if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        log "please install these packages as root: apt-get install ${missing[*]}"; exit 1
      fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >&2
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
else
  log "not a Debian-based system: install the packages in scripts/apt-packages.txt with your package manager"
fi

# --- 2. Python environment, cached outside the clone, keyed by the requirements --------------
# One environment serves the studio and the tests (the test tools are small; two environments of
# Qt would not be).
PY="${PYTHON:-python3}"
REQ="$ROOT/requirements-dev.txt"
KEY=$( { "$PY" -c 'import sys; print(sys.version)'; cat "$ROOT/requirements.txt" "$REQ"; } | sha256sum | cut -c1-16)
VENV="$CACHE/venv-$KEY"
if [ ! -f "$VENV/.complete" ]; then
  log "creating the Python environment in $VENV (once; about a minute)"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip >&2
  "$VENV/bin/python" -m pip install -q -r "$REQ" >&2
  touch "$VENV/.complete"
fi
echo "$VENV/bin/python"
