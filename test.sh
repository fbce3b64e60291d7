#!/usr/bin/env bash
# Runs the whole test suite (lint, layering contracts, tests), setting up what it needs first.
# Extra arguments go to pytest, e.g. ./test.sh -k render
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHON_BIN="$("$ROOT/scripts/setup.sh" --dev | tail -n 1)"
BIN="$(dirname "$PYTHON_BIN")"
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export PYTHONDONTWRITEBYTECODE=1
echo "== ruff"
"$BIN/ruff" check studio tests benchmarks
echo "== import-linter (layering of DESIGN.md §3)"
"$BIN/lint-imports"
echo "== pytest"
exec "$PYTHON_BIN" -m pytest "$@"
