#!/usr/bin/env bash
# make bench: run every benchmark under bench/ on a throwaway SQLite database; prints BENCH lines.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure_venv.sh >/dev/null
export DJANGO_SETTINGS_MODULE=jospar.settings_test
tmp="$(mktemp -d /tmp/jospar-bench-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
export DATABASE_URL="${BENCH_DATABASE_URL:-sqlite:///$tmp/bench.sqlite3}"
.venv/bin/python manage.py compilemessages --ignore=.venv -v 0 || true
.venv/bin/python manage.py migrate --no-input -v 0
for script in bench/bench_*.py; do
  .venv/bin/python "$script"
done
