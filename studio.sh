#!/usr/bin/env bash
# Starts Content Studio, setting up what it needs first (system packages, Python environment).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHON_BIN="$("$ROOT/scripts/setup.sh" | tail -n 1)"
cd "$ROOT"
exec "$PYTHON_BIN" -m studio "$@"
