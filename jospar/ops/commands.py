"""A management command that runs once at a time (see locks.py)."""
from django.core.management.base import BaseCommand, OutputWrapper

from .locks import advisory_lock


def already_running(name: str) -> str:
    return f"{name} is already running elsewhere; this run exits without doing anything."


class LockedCommand(BaseCommand):
    """Subclasses implement `handle`; it runs only while holding the advisory lock named after the command."""

    def lock_name(self) -> str:
        return self.__module__.rsplit(".", 1)[-1]

    def execute(self, *args, **options):
        with advisory_lock(self.lock_name()) as held:
            if not held:
                OutputWrapper(options.get("stderr") or self.stderr).write(already_running(self.lock_name()))
                return None
            return super().execute(*args, **options)
