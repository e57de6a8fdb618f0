#!/usr/bin/env bash
# make run: install, migrate the embedded SQLite database, load the demo, serve on 127.0.0.1:8000
# (PORT=8001 make run for another port). The demo runs as production does (DEBUG off: the app's own
# error pages, static files from whitenoise) but over plain http on the loopback address
# (jospar/settings_demo.py). DEBUG=true make run serves the development way instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure_system_packages.sh --runtime
bash scripts/ensure_venv.sh
PORT="${PORT:-8000}"
export SITE_URL="http://127.0.0.1:$PORT"
if [[ "${DEBUG:-false}" =~ ^(1|true|yes|on)$ ]]; then
  export DJANGO_SETTINGS_MODULE=jospar.settings
else
  export DJANGO_SETTINGS_MODULE=jospar.settings_demo
  # a fresh key per start: the demo's sessions end when it stops
  SECRET_KEY="${SECRET_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))')}"
  export SECRET_KEY
fi
PY=.venv/bin/python
$PY manage.py compilemessages --ignore=.venv -v 0
$PY manage.py migrate --no-input -v 0
$PY manage.py collectstatic --no-input --clear -v 0
$PY manage.py load_demo
echo
echo "Jospar is serving on $SITE_URL/  (stop with Ctrl+C)"
echo "Log in as planner / jospar-demo (others: executive, viewer, admin, bodyadmin, head1, staff1, head2, staff2;"
echo "  planner2 of the Ministry of Agriculture, planner3 of the Kyzylorda akimat, national: all listed above)"
exec $PY manage.py runserver "127.0.0.1:$PORT" --noreload
