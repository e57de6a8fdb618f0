"""Start the app the way deploy/ runs it (gunicorn with deploy/gunicorn.conf.py), for the tests of the deployment."""
import os
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


def production_env(tmp_path: Path, port: int, **extra: str) -> dict:
    """Production settings (DEBUG off) on an empty SQLite file: enough for pages that need no table."""
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "jospar.settings", "SECRET_KEY": "s" * 60, "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "true", "DATABASE_URL": f"sqlite:///{tmp_path}/db",
            "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1", "LOG_FORMAT": "json",
            "ACCESS_LOG": "true", **extra}


def start_gunicorn(tmp_path: Path, env: dict) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = (tmp_path / "gunicorn.log").open("w+")
    return subprocess.Popen([str(gunicorn), "--config", "deploy/gunicorn.conf.py", "jospar.wsgi"], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)


def wait_for(opener, request, alive, log: Path):
    """The first answer to ``request`` once the server listens (bounded: 30 s)."""
    for _ in range(300):
        try:
            return opener(request, timeout=5)
        except urllib.error.HTTPError as answer:
            return answer
        except OSError:
            assert alive(), log.read_text()
            time.sleep(0.1)
    raise AssertionError(f"no answer from {request.full_url}: {log.read_text()}")
