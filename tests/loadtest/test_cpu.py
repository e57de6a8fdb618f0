"""Whose CPU a phase spent (loadtest/cpu.py): processes grouped by their command line, shares of the total."""
import os

import pytest

from loadtest import cpu

pytestmark = pytest.mark.once


def test_processes_are_grouped_by_what_they_run():
    assert cpu.group_of(b"gunicorn: worker [jospar]", 10, 1) == "app servers"
    assert cpu.group_of(b"postgres: walreceiver", 11, 1) == "PostgreSQL"
    assert cpu.group_of(b"haproxy\x00-db", 12, 1) == "HAProxy"
    assert cpu.group_of(b"python\x00-m\x00loadtest.run", 1, 1) == "locust"
    assert cpu.group_of(b"bash", 13, 1) is None


def test_shares_are_cores_and_percent_of_what_was_spent():
    line = cpu.shares({"app servers": 10.0, "locust": 1.0}, {"app servers": 25.0, "locust": 6.0,
                                                               "PostgreSQL": 5.0}, seconds=10)
    assert line == "app servers 1.50 cores (60%), locust 0.50 cores (20%), PostgreSQL 0.50 cores (20%)"


def test_a_snapshot_reads_this_process():
    assert cpu.snapshot(me=os.getpid())["locust"] > 0
