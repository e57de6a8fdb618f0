"""Scheduled commands run once at a time: two concurrent runs, one works, the other says it is running."""
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections

from jospar.notifications import outbox
from jospar.ops.locks import advisory_lock, lock_key

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's")


def test_lock_keys_are_stable_and_distinct():
    assert lock_key("send_outbox") == lock_key("send_outbox") != lock_key("send_reminders")
    assert -(2**63) <= lock_key("backup") < 2**63


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite no-op")
@pytest.mark.django_db
def test_on_sqlite_the_lock_is_a_single_host_no_op():
    with advisory_lock("x") as first, advisory_lock("x") as second:
        assert first and second


@on_postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_one_works_the_other_exits(monkeypatch):
    inside, release, calls = threading.Event(), threading.Event(), []

    def slow_send(**kwargs):
        calls.append(threading.current_thread().name)
        inside.set()
        assert release.wait(20)
        return outbox.Run()

    monkeypatch.setattr(outbox, "send_due", slow_send)
    outputs = {}

    def run(name):
        out, err = StringIO(), StringIO()
        try:
            call_command("send_outbox", stdout=out, stderr=err)
        finally:
            connections.close_all()
        outputs[name] = (out.getvalue(), err.getvalue())

    first = threading.Thread(target=run, args=("first",), name="first")
    first.start()
    assert inside.wait(20)
    second = threading.Thread(target=run, args=("second",), name="second")
    second.start()
    second.join(20)
    release.set()
    first.join(20)
    assert calls == ["first"]
    assert "e-mails sent" in outputs["first"][0]
    assert "already running" in outputs["second"][1] and outputs["second"][0] == ""
    call_command("send_outbox", stdout=StringIO())  # the lock was released: the next run works
    assert calls == ["first", "MainThread"]


@on_postgres
@pytest.mark.django_db
def test_run_locked_wraps_any_command(monkeypatch):
    from jospar.ops.backup import connect

    db = connection.settings_dict
    with connect(db) as other:  # another process holds the lock of clearsessions
        other.execute("SELECT pg_advisory_lock(%s)", [lock_key("clearsessions")])
        err = StringIO()
        call_command("run_locked", "clearsessions", stderr=err)
        assert "clearsessions is already running" in err.getvalue()
    out = StringIO()
    call_command("run_locked", "send_reminders", stdout=out)
    assert "reminders sent: 0" in out.getvalue()


@pytest.mark.django_db
def test_run_locked_refuses_an_unknown_command():
    with pytest.raises(CommandError, match="unknown command"):
        call_command("run_locked", "no_such_command")
