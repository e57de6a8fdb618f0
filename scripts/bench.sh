#!/usr/bin/env bash
# make bench: run every benchmark under bench/; prints BENCH lines.
#
# Most run on a throwaway SQLite database (BENCH_DATABASE_URL to use another). Those that need PostgreSQL
# (PG_BENCHES: the national view among 200 bodies, the home pages and the work list at 10,000 events, built with
# COPY) run afterwards on a fresh database, `jospar_bench`, of
# the private PostgreSQL server of scripts/postgres.sh (port PGPORT_TEST, default 55432): started for the
# run and stopped after it, or reused and left running (the bench database is dropped) when it was up.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure_venv.sh >/dev/null
export DJANGO_SETTINGS_MODULE=jospar.settings_test
T0=$(date +%s)
tmp="$(mktemp -d /tmp/jospar-bench-XXXXXX)"
PG_BENCHES=(bench/bench_national.py bench/bench_home_page.py)
pg_started=0
cleanup() {
  rm -rf "$tmp"
  if [[ $pg_started -eq 1 ]]; then
    bash scripts/postgres.sh stop >/dev/null 2>&1 || true
  elif [[ $pg_started -eq 2 ]]; then
    PGDATABASE_TEST=jospar_bench bash scripts/postgres.sh dropdb >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

export DATABASE_URL="${BENCH_DATABASE_URL:-sqlite:///$tmp/bench.sqlite3}"
.venv/bin/python manage.py compilemessages --ignore=.venv -v 0 || true
.venv/bin/python manage.py migrate --no-input -v 0
for script in bench/bench_*.py; do
  [[ " ${PG_BENCHES[*]} " == *" $script "* ]] && continue
  .venv/bin/python "$script"
done

# --- the benchmarks that need PostgreSQL ------------------------------------------------------------------
pg_was_running=0
bash scripts/postgres.sh status >/dev/null 2>&1 && pg_was_running=1
if DATABASE_URL="$(PGDATABASE_TEST=jospar_bench bash scripts/postgres.sh fresh)"; then
  pg_started=$((pg_was_running == 1 ? 2 : 1))
  export DATABASE_URL
  .venv/bin/python manage.py migrate --no-input -v 0
  for script in "${PG_BENCHES[@]}"; do
    .venv/bin/python "$script"
  done
else
  echo "bench: PostgreSQL did not start: ${PG_BENCHES[*]} skipped" >&2
fi
echo "bench: done in $(( $(date +%s) - T0 )) s" >&2
