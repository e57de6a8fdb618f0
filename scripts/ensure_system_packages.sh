#!/usr/bin/env bash
# Install the Debian packages Jospar's build and tests need, but only those
# that are missing: a re-run on a prepared machine does no apt work at all.
#
#   bash scripts/ensure_system_packages.sh            # everything `make test` needs
#   bash scripts/ensure_system_packages.sh --runtime  # only what the running app needs (`make run`)
#
# Needs root (or passwordless sudo) only when something is missing.
set -euo pipefail

RUNTIME=0
[[ "${1:-}" == "--runtime" ]] && RUNTIME=1

PACKAGES=(
  make                 # `make test`
  chromium             # e2e tests: Playwright drives /usr/bin/chromium
  postgresql-15        # second test pass, scripts/postgres.sh
  gettext              # manage.py compilemessages (msgfmt)
  fonts-dejavu-core    # Cyrillic/Kazakh glyphs in screenshots and PDFs (DejaVu Serif, Bold)
  fonts-dejavu-extra   # DejaVu Serif Italic, for the «Events» heading rows of the PDFs
  poppler-utils        # pdftoppm, to look at generated PDFs
  nginx                # tests/ops/test_nginx_site.py serves the app through deploy/nginx/jospar.conf
)

if [[ "$RUNTIME" == "1" ]]; then
  PACKAGES=(gettext fonts-dejavu-core fonts-dejavu-extra)
fi

# python3.11 normally comes from the machine image (pyenv). If it is absent,
# Debian bookworm's own python3 is 3.11: install it with venv support.
if ! command -v python3.11 >/dev/null 2>&1; then
  PACKAGES+=(python3 python3-venv python3-dev)
fi

is_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == "installed" ]]
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "system packages: all present"
  exit 0
fi

# Deduplicate.
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
echo "system packages: installing ${missing[*]}"

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
  else
    echo "error: not root and no sudo; install manually: apt-get install ${missing[*]}" >&2
    exit "$(( RUNTIME == 1 ? 0 : 1 ))"  # make run goes on: only what needs the package fails
  fi
fi

export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 -q)
start=$(date +%s)
"${SUDO[@]}" apt-get "${APT_OPTS[@]}" update </dev/null
"${SUDO[@]}" apt-get "${APT_OPTS[@]}" install -y --no-install-recommends "${missing[@]}" </dev/null
echo "system packages: done in $(( $(date +%s) - start ))s"
