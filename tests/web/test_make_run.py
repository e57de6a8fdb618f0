"""Issue 11.9: `make run` serves the demo without Django's debug pages: start scripts/run.sh the way
`make run` does (on a free port and a throwaway database), then read a 404, a static file and log in."""
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DJANGO_", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "SITE_URL", "SECURE_",
                                "SESSION_", "CSRF_"))}
    # its own static folder: `collectstatic --clear` must not empty the one the other test worker's whitenoise reads
    env |= {"PORT": str(port), "DATABASE_URL": f"sqlite:///{tmp_path}/demo.sqlite3",
            "STATIC_ROOT": str(tmp_path / "staticfiles")}
    log = open(tmp_path / "run.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(["bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)  # noqa: S310
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, (tmp_path / "run.log").read_text()
                time.sleep(0.5)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
        log.close()


@pytest.mark.once  # starts its own server on its own SQLite file
def test_make_run_serves_without_debug_pages(served):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    with pytest.raises(urllib.error.HTTPError) as missing:
        opener.open(f"{served}/no-such-page/")
    body = missing.value.read().decode()
    assert missing.value.code == 404
    assert "Django tried these URL patterns" not in body and "URLconf" not in body and "DEBUG" not in body
    assert 'class="topbar"' in body  # the app's own page

    login = opener.open(f"{served}/accounts/login/").read().decode()
    css = re.search(r'href="(/static/jospar/jospar[^"]*\.css)"', login).group(1)
    with opener.open(served + css) as static:
        assert static.status == 200 and static.headers["Content-Type"].startswith("text/css")

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": "planner",
                                   "password": "jospar-demo", "next": "/"}).encode()
    home = opener.open(f"{served}/accounts/login/", data=data)
    assert home.url == f"{served}/"
    assert 'action="/accounts/logout/"' in home.read().decode()
