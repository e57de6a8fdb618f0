"""The app servers' own time by page kind, from their JSON access lines (loadtest/servertime.py)."""
import json

import pytest

from loadtest.servertime import kinds_by_path, summary

pytestmark = pytest.mark.once


def access(method: str, path: str, ms: float) -> str:
    return json.dumps({"logger": "jospar.access", "method": method, "path": path, "duration_ms": ms})


def test_time_is_summed_by_page_kind_biggest_first():
    known = kinds_by_path({"accounts": {"a": {"urls": {"home": "/", "form1": "/plan/2026/"}},
                                        "b": {"urls": {"home": "/"}}}})
    lines = [access("GET", "/", 10), access("GET", "/", 30), access("GET", "/plan/2026/", 100),
             access("POST", "/monitoring/2026/III/units/4/entry/9/1/", 60), access("POST", "/accounts/login/", 200),
             access("GET", "/healthz", 1), "gunicorn started", json.dumps({"logger": "django.request"})]
    rows = summary(lines, known)
    assert rows[0] == ("login", 1, 200.0, 200, 50.0)
    assert rows[1] == ("form1", 1, 100.0, 100, 25.0)
    assert ("home", 2, 20.0, 30, 10.0) in rows and ("save", 1, 60.0, 60, 15.0) in rows
    assert all(kind != "other" for kind, *_ in rows)  # /healthz and other loggers' lines are left out
