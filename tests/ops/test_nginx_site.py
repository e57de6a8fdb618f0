"""deploy/nginx/jospar.conf in front of deploy/gunicorn.conf.py, as the README's recipe installs them (issue 15.1):
plain HTTP goes to HTTPS, TLS ends at nginx and the scheme reaches Django, nginx serves the collected static
files itself, refuses an upload above its limit, and carries its request id into the app's log."""
import http.client
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import time

import pytest

from tests.ops.served import ROOT, free_port, production_env, start_gunicorn, wait_for

HOST = "jospar.example.kz"


def site_config(tmp_path, app_port: int, http_port: int, https_port: int) -> str:
    """The site file with loopback ports, a test certificate, and paths under ``tmp_path``: nothing else changes."""
    text = (ROOT / "deploy" / "nginx" / "jospar.conf").read_text()
    replacements = [
        ("server 127.0.0.1:8001", f"server 127.0.0.1:{app_port}"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("/etc/ssl/jospar/", f"{tmp_path}/tls/"),
        ("/var/log/nginx/", f"{tmp_path}/"),
        ("alias /opt/jospar/app/staticfiles/;", f"alias {tmp_path}/static/;"),
    ]
    for old, new in replacements:
        assert old in text, f"deploy/nginx/jospar.conf no longer has {old!r}"
        text = text.replace(old, new)
    return re.sub(r"^\s*listen \[::\].*$", "", text, flags=re.M)


def nginx_config(tmp_path, site: str) -> str:
    temp = " ".join(f"{kind}_temp_path {tmp_path}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                          "scgi"))
    user = "user root;" if os.geteuid() == 0 else ""  # the workers read the test's private temporary folder
    return (f"{user} worker_processes 1; daemon off; pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
            f"events {{}}\nhttp {{ include /etc/nginx/mime.types; {temp}\n{site}\n}}\n")


@pytest.fixture
def served(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert os.path.exists(nginx), "nginx is missing: scripts/ensure_system_packages.sh installs it"
    (tmp_path / "tls").mkdir()
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}",
                    "-keyout", tmp_path / "tls" / "privkey.pem", "-out", tmp_path / "tls" / "fullchain.pem"],
                   check=True, capture_output=True)
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    env = production_env(tmp_path, app_port, ALLOWED_HOSTS=HOST, SITE_URL=f"https://{HOST}",
                         CSRF_TRUSTED_ORIGINS=f"https://{HOST}", STATIC_ROOT=str(tmp_path / "static"))
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    (tmp_path / "nginx.conf").write_text(nginx_config(tmp_path, site_config(tmp_path, app_port, http_port,
                                                                            https_port)))
    app = start_gunicorn(tmp_path, env)
    proxy = subprocess.Popen([nginx, "-c", str(tmp_path / "nginx.conf")], stdout=subprocess.DEVNULL,
                             stderr=(tmp_path / "nginx.out").open("w"))
    try:
        yield tmp_path, http_port, https_port, lambda: app.poll() is None and proxy.poll() is None
    finally:
        for process in (proxy, app):
            process.send_signal(signal.SIGTERM)
            process.wait(30)


def ask(port: int, path: str, *, tls=True, method="GET", body=None, headers=None):
    context = ssl._create_unverified_context()  # noqa: S323 - the test's own certificate, on loopback
    conn = (http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10) if tls
            else http.client.HTTPConnection("127.0.0.1", port, timeout=10))
    conn.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def logged(log, text: str) -> bool:
    """nginx writes a request's access line after its answer: wait for it (bounded, 5 s)."""
    for _ in range(50):
        if text in log.read_text():
            return True
        time.sleep(0.1)
    return False


def healthz(port: int, timeout: float):
    answer = ask(port, "/healthz")
    if answer.status == 502:  # nginx is up, gunicorn not yet
        raise ConnectionRefusedError
    return answer


def test_the_site_serves_the_app_as_deployed(served):
    tmp_path, http_port, https_port, alive = served
    first = wait_for(healthz, https_port, alive, tmp_path / "gunicorn.log")
    assert first.status == 200 and json.loads(first.body)["status"] == "ok"

    plain = ask(http_port, "/plan/2026/", tls=False)
    assert plain.status == 301 and plain.getheader("Location") == f"https://{HOST}/plan/2026/"

    login = ask(https_port, "/accounts/login/")  # Django sees https (else it would redirect): the scheme is forwarded
    assert login.status == 200 and "max-age=31536000" in login.getheader("Strict-Transport-Security")
    request_id = login.getheader("X-Request-ID")
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)  # nginx's $request_id, passed on and echoed
    log = [json.loads(line) for line in (tmp_path / "gunicorn.log").read_text().splitlines() if line.startswith("{")]
    assert any(line.get("request_id") == request_id and line.get("path") == "/accounts/login/" for line in log)
    assert logged(tmp_path / "jospar.access.log", request_id)

    stylesheet = re.search(rb'href="(/static/[^"]+\.css)"', login.body).group(1).decode()
    static = ask(https_port, stylesheet)  # nginx's alias (30 days), not whitenoise in the app (10 years)
    assert static.status == 200 and static.getheader("Cache-Control") == "max-age=2592000"
    assert static.getheader("X-Request-ID") is None

    too_big = ask(https_port, "/accounts/login/", method="POST", body=b"x" * (13 * 1024 * 1024),
                  headers={"Content-Type": "application/octet-stream"})
    assert too_big.status == 413
