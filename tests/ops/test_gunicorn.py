"""deploy/gunicorn.conf.py really serves the app: /healthz through gunicorn, JSON access line with the id."""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gunicorn_with_the_deploy_config_serves_healthz(tmp_path):
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "jospar.settings", "SECRET_KEY": "s" * 60, "DEBUG": "false",
           "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "true", "DATABASE_URL": f"sqlite:///{tmp_path}/db",
           "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1", "LOG_FORMAT": "json",
           "ACCESS_LOG": "true"}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = (tmp_path / "gunicorn.log").open("w+")
    server = subprocess.Popen([str(gunicorn), "--config", "deploy/gunicorn.conf.py", "jospar.wsgi"], cwd=ROOT, env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"X-Request-ID": "probe-7"})
        for _ in range(300):  # wait until it listens (bounded)
            try:
                response = urllib.request.urlopen(request, timeout=5)  # noqa: S310 - loopback
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
                time.sleep(0.1)
        assert response.status == 200 and response.headers["X-Request-ID"] == "probe-7"
        assert json.load(response) == {"status": "ok", "database": {"status": "ok"}}  # no HTTPS redirect
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    lines = [json.loads(line) for line in (tmp_path / "gunicorn.log").read_text().splitlines() if line.startswith("{")]
    assert any(line["logger"] == "jospar.access" and line["request_id"] == "probe-7" and line["status"] == 200
               for line in lines)
