#!/usr/bin/env bash
# Make sure .venv exists and matches pyproject.toml.
#
#   bash scripts/ensure_venv.sh          # create/refresh if needed
#   FORCE=1 bash scripts/ensure_venv.sh  # reinstall regardless
#
# Creates .venv with python3.11 when it is missing (or broken), and runs
# `pip install -e '.[test]'` whenever pyproject.toml's hash differs from the
# stamp left by the last successful install (.venv/.jospar-install-stamp).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="$ROOT/.venv"
STAMP="$VENV/.jospar-install-stamp"
PY=python3.11
command -v "$PY" >/dev/null 2>&1 || { echo "error: $PY not found (run scripts/ensure_system_packages.sh)" >&2; exit 1; }

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

# A venv whose interpreter does not run (e.g. copied from another machine,
# or the base python was removed) is rebuilt from scratch.
if [[ -d "$VENV" ]] && ! "$VENV/bin/python" -c 'import sys; assert sys.version_info[:2] == (3, 11)' >/dev/null 2>&1; then
  echo "venv: $VENV is broken or not Python 3.11, recreating"
  rm -rf "$VENV"
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  echo "venv: creating $VENV with $("$PY" --version)"
  "$PY" -m venv "$VENV"
fi

want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
have="$(cat "$STAMP" 2>/dev/null || true)"

if [[ "${FORCE:-0}" != "1" && "$want" == "$have" ]]; then
  echo "venv: up to date"
  exit 0
fi

echo "venv: installing -e '.[test]' (pyproject.toml changed or first install)"
start=$(date +%s)
rm -f "$STAMP"
"$VENV/bin/python" -m pip install -q -e '.[test]' </dev/null
echo "$want" > "$STAMP"
echo "venv: done in $(( $(date +%s) - start ))s"
