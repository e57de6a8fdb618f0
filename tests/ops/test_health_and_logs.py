"""/healthz, the request id in logs and responses, JSON logs, optional Sentry."""
import json
import logging
import sys

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from jospar.env import ConfigError
from jospar.ops import health
from jospar.ops.logs import JsonFormatter
from jospar.ops.sentry import init_sentry


@pytest.mark.django_db
def test_healthz_reports_the_database_without_login_session_or_write(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": {"status": "ok"}}
    assert not response.cookies and "no-cache" in response["Cache-Control"]
    assert [q["sql"] for q in queries] == ["SELECT 1"]


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    def down():
        raise DatabaseError("connection refused")

    monkeypatch.setattr(health, "check_primary", down)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["database"] == {"status": "fail", "error": "DatabaseError"}


@pytest.mark.django_db
def test_healthz_reports_the_replica_and_its_lag(client, monkeypatch):
    monkeypatch.setattr(health, "replica_alias", lambda: "default")  # the primary stands in for a replica
    replica = client.get("/healthz").json()["replica"]
    assert replica["status"] == "ok"
    if connection.vendor == "postgresql":
        assert replica["standby"] is False and replica["lag_seconds"] is None

    def down(alias):
        raise DatabaseError("replica gone")

    monkeypatch.setattr(health, "check_replica", down)
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "degraded"


@pytest.mark.django_db
def test_healthz_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/accounts/login/").status_code == 301


@pytest.mark.urls("tests.ops.urls_boom")
@pytest.mark.django_db
def test_the_request_id_is_in_the_response_and_in_the_error_log(client, caplog):
    client.raise_request_exception = False
    with caplog.at_level(logging.INFO, logger="jospar.access"):
        response = client.get("/boom", headers={"X-Request-ID": "req-42"})
    assert response.status_code == 500 and response["X-Request-ID"] == "req-42"
    error = next(r for r in caplog.records if r.name == "django.request")
    assert error.request_id == "req-42" and error.exc_info
    access = next(r for r in caplog.records if r.name == "jospar.access")
    assert (access.request_id, access.status, access.path) == ("req-42", 500, "/boom")
    line = json.loads(JsonFormatter().format(error))
    assert line["request_id"] == "req-42" and "RuntimeError: boom" in line["exception"]


@pytest.mark.urls("tests.ops.urls_boom")
@pytest.mark.django_db
def test_a_missing_or_unsafe_request_id_is_replaced(client):
    generated = client.get("/healthz")["X-Request-ID"]
    assert len(generated) == 32
    assert client.get("/healthz", headers={"X-Request-ID": "a\u2028b<script>"})["X-Request-ID"] != "a\u2028b<script>"


def test_json_log_lines_carry_extra_fields():
    record = logging.makeLogRecord({"name": "jospar.access", "msg": "GET / 200", "levelname": "INFO",
                                    "status": 200, "request_id": "r1"})
    assert json.loads(JsonFormatter().format(record)) | {"time": "t"} == {
        "time": "t", "level": "INFO", "logger": "jospar.access", "message": "GET / 200", "request_id": "r1",
        "status": 200}


def test_sentry_is_optional_and_only_imported_when_configured(monkeypatch):
    assert init_sentry("") is False and "sentry_sdk" not in sys.modules  # start-up without it
    monkeypatch.setitem(sys.modules, "sentry_sdk", None)  # not installed
    with pytest.raises(ConfigError, match=r"jospar\[sentry\]"):
        init_sentry("https://key@sentry.example.kz/1")
