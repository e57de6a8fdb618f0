"""Whose CPU a phase spent: the app servers, PostgreSQL, HAProxy and locust itself, read from /proc.

Everything runs on the same machine, so the capacity measured is shared with the load generator and the
databases; these shares say how much of the machine the application had (printed to stderr, not a LOAD line).
"""
import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
GROUPS = (("app servers", b"gunicorn"), ("PostgreSQL", b"postgres"), ("HAProxy", b"haproxy"))


def group_of(cmdline: bytes, pid: int, me: int) -> str | None:
    if pid == me:
        return "locust"
    return next((name for name, word in GROUPS if word in cmdline), None)


def snapshot(me: int | None = None) -> dict[str, float]:
    """CPU seconds (user + system) used so far by each group's live processes."""
    me = os.getpid() if me is None else me
    used: dict[str, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        group = group_of(cmdline, int(entry.name), me)
        if group:
            used[group] = used.get(group, 0.0) + (int(fields[11]) + int(fields[12])) / TICKS
    return used


def shares(before: dict[str, float], after: dict[str, float], seconds: float) -> str:
    """'app servers 1.62 cores (71%), …' over a phase of ``seconds``."""
    spent = {name: max(0.0, after.get(name, 0.0) - before.get(name, 0.0)) for name in after}
    total = sum(spent.values()) or 1.0
    return ", ".join(f"{name} {value / seconds:.2f} cores ({100 * value / total:.0f}%)"
                     for name, value in sorted(spent.items(), key=lambda item: -item[1]))
