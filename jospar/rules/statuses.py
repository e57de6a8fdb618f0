"""Execution statuses of an event in a reporting period.

The act (§12) names executed and not executed (with reasons); practice adds partially
executed and in progress (not yet due). Reasons are required whenever the event was not
fully executed, because Form 2 column 7 must explain it.
"""

from __future__ import annotations

from enum import StrEnum

from jospar.rules.periods import check_lang


class ExecutionStatus(StrEnum):
    """A StrEnum (a ``str`` and an ``Enum``): values are stored as-is in the database."""

    EXECUTED = "executed"
    PARTIAL = "partial"
    NOT_EXECUTED = "not_executed"
    IN_PROGRESS = "in_progress"

    def label(self, lang: str) -> str:
        return LABELS[self][check_lang(lang)]


# status -> language -> label
LABELS: dict[ExecutionStatus, dict[str, str]] = {
    ExecutionStatus.EXECUTED: {"kk": "орындалды", "ru": "исполнено", "en": "executed"},
    ExecutionStatus.PARTIAL: {
        "kk": "ішінара орындалды",
        "ru": "частично исполнено",
        "en": "partially executed",
    },
    ExecutionStatus.NOT_EXECUTED: {"kk": "орындалмады", "ru": "не исполнено", "en": "not executed"},
    ExecutionStatus.IN_PROGRESS: {
        "kk": "орындалу үстінде",
        "ru": "в процессе исполнения",
        "en": "in progress",
    },
}


def reasons_required(status: ExecutionStatus | str) -> bool:
    """Reasons for non-execution (Form 2 column 7) are required unless fully executed or not yet due."""
    return ExecutionStatus(status) in (ExecutionStatus.NOT_EXECUTED, ExecutionStatus.PARTIAL)


def is_closed(status: ExecutionStatus | str) -> bool:
    """Only an executed event leaves the unit's work list; others carry over to later periods."""
    return ExecutionStatus(status) is ExecutionStatus.EXECUTED


def choices(lang: str) -> list[tuple[str, str]]:
    """(value, label) pairs in ``lang``, in workflow order, for forms and filters."""
    return [(s.value, LABELS[s][check_lang(lang)]) for s in ExecutionStatus]
