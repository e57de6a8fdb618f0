"""The editions of the Rules as the rest of Jospar reads them: from the database, as the rules' `Edition`.

One query loads every edition (a handful of rows). Within a request the result is kept until the request
ends, so a page costs at most one query for the rulebook whatever it asks; a correction made in the
request (`forget`) is seen by the rest of it. Outside a request (commands, tests) each call reads afresh:
nothing is cached across requests, so every process sees a correction from its next request on.
"""
from __future__ import annotations

from contextvars import ContextVar

from jospar import rules

_memo: ContextVar[dict | None] = ContextVar("rulebook_editions", default=None)


def start_request(**kwargs) -> None:
    _memo.set({})


def end_request(**kwargs) -> None:
    _memo.set(None)


def forget() -> None:
    """Drop what this request has read (after a correction)."""
    if _memo.get() is not None:
        _memo.set({})


def editions() -> tuple[rules.Edition, ...]:
    """Every edition, oldest first."""
    memo = _memo.get()
    if memo is not None and "all" in memo:
        return memo["all"]
    from .models import Edition

    loaded = tuple(row.as_rules() for row in Edition.objects.order_by("effective_from"))
    if memo is not None:
        memo["all"] = loaded
    return loaded


def edition(key: str) -> rules.Edition:
    """The edition with ``key``; KeyError (a LookupError) when unknown."""
    for found in editions():
        if found.key == key:
            return found
    raise KeyError(key)


def edition_for_year(year: int) -> rules.Edition:
    """The edition governing the plan for ``year`` (`rules.edition_for_year`); LookupError when none."""
    return rules.edition_for_year(year, editions())


def latest() -> rules.Edition:
    """The edition in force last (the one a development plan outside every edition's years is shown with)."""
    return editions()[-1]
