"""deploy/gunicorn.conf.py really serves the app: /healthz through gunicorn, JSON access line with the id."""
import json
import signal
import urllib.request

from tests.ops.served import free_port, production_env, start_gunicorn, wait_for


def test_gunicorn_with_the_deploy_config_serves_healthz(tmp_path):
    port = free_port()
    server = start_gunicorn(tmp_path, production_env(tmp_path, port))
    try:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"X-Request-ID": "probe-7"})
        response = wait_for(urllib.request.urlopen, request, lambda: server.poll() is None, tmp_path / "gunicorn.log")
        assert response.status == 200 and response.headers["X-Request-ID"] == "probe-7"
        assert json.load(response) == {"status": "ok", "database": {"status": "ok"}}  # no HTTPS redirect
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    lines = [json.loads(line) for line in (tmp_path / "gunicorn.log").read_text().splitlines() if line.startswith("{")]
    assert any(line["logger"] == "jospar.access" and line["request_id"] == "probe-7" and line["status"] == 200
               for line in lines)
