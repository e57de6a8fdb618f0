#!/usr/bin/env bash
# The static checks, as `make lint` runs them (scripts/test.sh runs the same three as steps):
#   1. ruff check .     style, bugs, security, aware datetimes (DTZ), gettext use (INT), complexity <= 15 (C90)
#   2. lint-imports     the import contracts in pyproject.toml ([tool.importlinter])
#   3. mypy             the Django and DRF plugins; strict on jospar.rules and the document writers
# Every check runs even if an earlier one failed; exits non-zero if any failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/ensure_venv.sh || { echo "error: .venv could not be prepared" >&2; exit 1; }
BIN="$ROOT/.venv/bin"

FAILED=0
check() {  # check NAME COMMAND...
  local name="$1"; shift
  echo "==> $name"
  if "$@"; then echo "$name: ok"; else echo "$name: FAILED"; FAILED=1; fi
}

check ruff "$BIN/ruff" check .
check lint-imports "$BIN/lint-imports" --no-logo
check mypy "$BIN/mypy"
exit "$FAILED"
