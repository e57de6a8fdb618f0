#!/usr/bin/env bash
# The whole check, as `make test` and CI run it:
#   1. Debian packages (scripts/ensure_system_packages.sh; no-op when present)
#   2. .venv (scripts/ensure_venv.sh; no-op when pyproject.toml is unchanged)
#   3. manage.py compilemessages
#   4. the static checks of `make lint` (scripts/lint.sh): ruff check ., lint-imports, mypy
#   5. pytest against SQLite (DATABASE_URL unset)
#   6. pytest against a private PostgreSQL 15 (scripts/postgres.sh)
# Every step runs even if an earlier one failed; exits non-zero if any failed.
#
#   bash scripts/test.sh                  # everything
#   bash scripts/test.sh -k plan -x       # extra args go to both pytest runs
#   TEST_DB=sqlite bash scripts/test.sh   # only one pass (sqlite|postgres|both)
#   PYTEST_WORKERS=1 bash scripts/test.sh # xdist workers (default: min(2, nproc))
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

T0=$(date +%s)
declare -a SUMMARY=()
FAILED=0
TOTAL_PASSED=0 TOTAL_FAILED=0 TOTAL_SKIPPED=0

step() { echo; echo "==> $*"; }
record() {  # record NAME RC DETAIL
  local status=ok
  [[ "$2" -eq 0 ]] || { status="FAILED (exit $2)"; FAILED=1; }
  SUMMARY+=("$(printf '%-10s %s  %s' "$1" "$status" "${3:-}")")
}

step "system packages"
bash scripts/ensure_system_packages.sh || { echo "error: system packages could not be installed" >&2; exit 1; }

step "virtualenv"
bash scripts/ensure_venv.sh || { echo "error: .venv could not be prepared" >&2; exit 1; }
PY="$ROOT/.venv/bin/python"

# --- translations ----------------------------------------------------------
step "compilemessages"
if [[ -f manage.py ]] && find . -path ./.venv -prune -o -path ./node_modules -prune -o \
     -name '*.po' -path '*/locale/*' -print -quit | grep -q .; then
  # Use the test settings (the production ones demand a SECRET_KEY): the
  # DJANGO_SETTINGS_MODULE that pytest uses, from pyproject.toml.
  settings_module="${DJANGO_SETTINGS_MODULE:-$("$PY" -c '
import tomllib
with open("pyproject.toml", "rb") as f:
    ini = tomllib.load(f).get("tool", {}).get("pytest", {}).get("ini_options", {})
print(ini.get("DJANGO_SETTINGS_MODULE", ""))' 2>/dev/null)}"
  (
    if [[ -n "$settings_module" ]]; then export DJANGO_SETTINGS_MODULE="$settings_module"; fi
    exec "$PY" manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=artifacts
  )
  record compilemsg $?
else
  echo "no locale/*.po files yet: skipped"
  record compilemsg 0 "(skipped: no .po files)"
fi

# --- lint (the same three checks as scripts/lint.sh) -------------------------
step "ruff check ."
"$ROOT/.venv/bin/ruff" check .
record ruff $?

step "lint-imports (import contracts in pyproject.toml)"
"$ROOT/.venv/bin/lint-imports" --no-logo
record lint-imports $?

step "mypy"
"$ROOT/.venv/bin/mypy"
record mypy $?

# --- pytest ----------------------------------------------------------------
WORKERS="${PYTEST_WORKERS:-}"
if [[ -z "$WORKERS" ]]; then
  WORKERS="$(nproc 2>/dev/null || echo 1)"
  (( WORKERS > 2 )) && WORKERS=2
fi
(( WORKERS >= 1 )) || WORKERS=1
XDIST=(-n "$WORKERS")
(( WORKERS == 1 )) && XDIST=(-n 0)   # in-process, no worker subprocess

LOGDIR="$(mktemp -d /tmp/jospar-test-XXXXXX)"

run_pytest() {  # run_pytest NAME  (environment already set by the caller)
  local name="$1" log="$LOGDIR/pytest-$1.log" rc line p f e s
  step "pytest [$name] (${XDIST[*]})"
  "$PY" -m pytest "${XDIST[@]}" "${PYTEST_EXTRA[@]}" </dev/null 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  # pytest's closing line, e.g. "==== 3 failed, 120 passed, 2 skipped in 41.2s ===="
  line="$(grep -E '(passed|failed|errors?|skipped|no tests ran|deselected)( |,).*in [0-9.]+s' "$log" | tail -n1 | sed -E 's/^=+ //; s/ =+$//')"
  p=$(grep -oE '[0-9]+ passed'  <<<"$line" | grep -oE '[0-9]+' || echo 0)
  f=$(grep -oE '[0-9]+ failed'  <<<"$line" | grep -oE '[0-9]+' || echo 0)
  e=$(grep -oE '[0-9]+ errors?' <<<"$line" | grep -oE '[0-9]+' || echo 0)
  s=$(grep -oE '[0-9]+ skipped' <<<"$line" | grep -oE '[0-9]+' || echo 0)
  TOTAL_PASSED=$((TOTAL_PASSED + p)); TOTAL_FAILED=$((TOTAL_FAILED + f + e)); TOTAL_SKIPPED=$((TOTAL_SKIPPED + s))
  if [[ $rc -eq 5 ]]; then line="no tests collected: ${line:-?}"; fi
  if [[ $rc -eq 0 && $p -eq 0 ]]; then rc=5; line="no test passed: ${line:-?}"; fi
  record "pytest-$name" "$rc" "$line"
}

PYTEST_EXTRA=("$@")
TEST_DB="${TEST_DB:-both}"

if [[ "$TEST_DB" == both || "$TEST_DB" == sqlite ]]; then
  unset DATABASE_URL   # the settings fall back to SQLite
  run_pytest sqlite
fi

if [[ "$TEST_DB" == both || "$TEST_DB" == postgres ]]; then
  step "postgres"
  # A server someone started by hand on the same port is reused and left running.
  pg_was_running=0
  bash scripts/postgres.sh status >/dev/null 2>&1 && pg_was_running=1
  if DATABASE_URL="$(bash scripts/postgres.sh start)"; then
    if [[ $pg_was_running -eq 0 ]]; then
      trap 'bash "$ROOT/scripts/postgres.sh" stop' EXIT
      trap 'exit 130' INT TERM
    fi
    export DATABASE_URL
    echo "DATABASE_URL=$DATABASE_URL"
    # Tests marked `once` do not depend on the database engine: the SQLite pass has run them.
    if [[ "$TEST_DB" == both ]]; then PYTEST_EXTRA=(-m "not once" "${PYTEST_EXTRA[@]}"); fi
    run_pytest postgres
    if [[ $pg_was_running -eq 0 ]]; then
      bash scripts/postgres.sh stop
      trap - EXIT
    fi
  else
    record pytest-postgres 1 "PostgreSQL server did not start"
  fi
fi

# --- summary ---------------------------------------------------------------
echo
echo "==> summary ($(( $(date +%s) - T0 ))s, pytest logs in $LOGDIR)"
printf '  %s\n' "${SUMMARY[@]}"
echo "TOTAL: $TOTAL_PASSED passed, $TOTAL_FAILED failed, $TOTAL_SKIPPED skipped"
exit "$FAILED"
