"""One run at a time: a PostgreSQL advisory lock per scheduled command.

`pg_try_advisory_lock` is a session lock: it is held while the command's database connection lives
and released by `pg_advisory_unlock` (or by PostgreSQL when the process dies), so a crashed run never
blocks the next one. Two timers, two hosts or a cron line and a timer starting the same command at
once: one runs, the other exits at once saying so.

On SQLite the lock is a no-op: SQLite serves a single host, where systemd already never starts a
timer's service twice at once.
"""
import hashlib
from contextlib import contextmanager

from django.db import connections


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for a command name (the same on every host and Python)."""
    return int.from_bytes(hashlib.sha256(f"jospar:{name}".encode()).digest()[:8], "big", signed=True)


@contextmanager
def advisory_lock(name: str, using: str = "default"):
    """Yield True when this process holds the lock for `name`, False when another one does."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield True
        return
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
