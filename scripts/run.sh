#!/usr/bin/env bash
# make run: install, migrate the embedded SQLite database, load the demo, serve on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure_system_packages.sh --runtime
bash scripts/ensure_venv.sh
export DEBUG="${DEBUG:-true}"
PY=.venv/bin/python
$PY manage.py compilemessages --ignore=.venv -v 0
$PY manage.py migrate --no-input -v 0
$PY manage.py load_demo
echo
echo "Jospar is serving on http://127.0.0.1:8000/  (stop with Ctrl+C)"
echo "Log in as planner / jospar-demo (others: executive, viewer, admin, head1, staff1, head2, staff2)"
exec $PY manage.py runserver 127.0.0.1:8000 --noreload
