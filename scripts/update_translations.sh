#!/usr/bin/env bash
# Re-extracts the UI strings into resources/translations/content-studio_de.ts (keeping the translations
# made so far, dropping strings the code no longer has) and compiles the .qm the app loads.
# Translate what is left unfinished with pyside6-linguist (or by hand), then run this again.
#   scripts/update_translations.sh            uses the Python next to pyside6-lupdate in $PATH, or
#   PYTHON=/path/to/venv/bin/python scripts/update_translations.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ -z "${PYTHON:-}" ]; then
  if command -v pyside6-lupdate >/dev/null 2>&1; then PYTHON="$(dirname "$(command -v pyside6-lupdate)")/python"
  else PYTHON="$("$ROOT/scripts/setup.sh" | tail -n 1)"; fi
fi
BIN="$(dirname "$PYTHON")"
DIR=resources/translations
TS="$DIR/content-studio_de.ts"
FRESH="$DIR/.fresh-content-studio_de.ts"   # next to the TS, so its source locations are the same
trap 'rm -f "$FRESH"' EXIT
rm -f "$FRESH"

# 1. lupdate extracts the strings into an empty file ...
"$BIN/pyside6-lupdate" -silent -no-obsolete -target-language de_DE \
  studio/ui/*.py studio/ui/editor/*.py studio/app.py -ts "$FRESH"
# 2. ... which is merged into the TS: contexts as Qt looks them up, the strings lupdate cannot see, the
#    existing translations (see scripts/translations.py for why lupdate cannot update the TS itself)
"$PYTHON" scripts/translations.py merge "$FRESH" "$TS"
# 3. compile what the app loads (committed, so that running the app needs no Qt tools)
"$BIN/pyside6-lrelease" -silent "$TS" -qm "$DIR/content-studio_de.qm"
echo "$TS, $DIR/content-studio_de.qm"
