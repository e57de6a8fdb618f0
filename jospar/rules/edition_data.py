"""An edition of the Rules as plain data, and the checks a correction of it must pass.

The database keeps the rulebook (seeded from `rulebook.EDITIONS`); it hands editions to the rules as
plain dicts (JSON-ready: ISO dates, lists) and gets `Edition` objects back. A correction is checked
here before it is kept: every text present in kk, ru and en, the format placeholders of each label
unchanged ({n}, {body}, {year}, {period}), the number of columns unchanged, and the dates and days
consistent across the editions (`edition_problems`). Problems are codes; the caller words them.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from jospar.rules.languages import LANGS
from jospar.rules.rulebook import Edition, FormLabels

LABEL_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(FormLabels))
TEXT_LABELS: tuple[str, ...] = tuple(name for name in LABEL_NAMES if name != "columns")
OFFICES = ("first_head", "chief_of_staff")  # §6: who may approve
PARAMETERS = ("approval_days", "info_due_day", "report_due_day", "shift_to_workday", "approvers", "text_checked",
              "indicator_achieved", "indicator_on_track", "indicator_tolerance")
THRESHOLDS = ("indicator_achieved", "indicator_on_track", "indicator_tolerance")


class Problem(StrEnum):
    BLANK = "blank"  # a text is empty in one language
    PLACEHOLDERS = "placeholders"  # a label lost or gained a {placeholder}, or its braces do not parse
    COLUMNS = "columns"  # the number of a form's columns changed
    DUPLICATE_KEY = "duplicate_key"
    ENDS_BEFORE_START = "ends_before_start"
    DAYS = "days"  # approval days not positive, or a due day outside 1-31
    OVERLAP = "overlap"  # two editions in force on one day (or a gap-less order broken by an open end)
    APPROVERS = "approvers"  # no approver, or one the Rules do not name
    THRESHOLDS = "thresholds"  # indicators' thresholds: 0 < on track ≤ achieved ≤ 1000, tolerance 0–99


@dataclass(frozen=True)
class Found:
    """One problem: where (``form`` 1 or 2 and ``label``, or the edition ``keys``) and in which language."""

    problem: Problem
    form: int = 0
    label: str = ""
    lang: str = ""
    keys: tuple[str, ...] = ()


def labels_to_dict(labels: FormLabels) -> dict[str, dict[str, Any]]:
    """{label: {lang: text}}; columns as lists."""
    return {name: {lang: list(v) if isinstance(v, tuple) else v for lang, v in getattr(labels, name).items()}
            for name in LABEL_NAMES}


def labels_from_dict(data: Mapping[str, Mapping[str, Any]]) -> FormLabels:
    """The inverse of `labels_to_dict`; ValueError when a label is missing or not text."""
    values: dict[str, dict[str, Any]] = {}
    for name in LABEL_NAMES:
        texts = data.get(name, {} if name == "title_year" else None)
        if not isinstance(texts, Mapping):
            raise ValueError(f"label {name!r} is missing")
        if name == "columns":
            values[name] = {lang: tuple(str(c) for c in cols) for lang, cols in texts.items()}
        else:
            values[name] = {lang: str(text) for lang, text in texts.items()}
    return FormLabels(**values)


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _date(value: date | str | None) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


def edition_to_dict(edition: Edition) -> dict[str, Any]:
    """A JSON-ready dict of the edition: what the database keeps."""
    return {
        "key": edition.key,
        "act": dict(edition.act),
        "effective_from": _iso(edition.effective_from),
        "effective_to": _iso(edition.effective_to),
        **{name: getattr(edition, name) for name in PARAMETERS if name != "approvers"},
        "approvers": list(edition.approvers),
        "form1": labels_to_dict(edition.form1),
        "form2": labels_to_dict(edition.form2),
    }


def edition_from_dict(data: Mapping[str, Any]) -> Edition:
    """The inverse of `edition_to_dict` (dates may be `date` objects or ISO strings); ValueError when malformed."""
    start = _date(data["effective_from"])
    if start is None:
        raise ValueError("an edition needs effective_from")
    return Edition(
        key=str(data["key"]),
        act={lang: str(text) for lang, text in data["act"].items()},
        effective_from=start,
        effective_to=_date(data.get("effective_to")),
        form1=labels_from_dict(data["form1"]),
        form2=labels_from_dict(data["form2"]),
        approval_days=int(data["approval_days"]),
        info_due_day=int(data["info_due_day"]),
        report_due_day=int(data["report_due_day"]),
        shift_to_workday=bool(data["shift_to_workday"]),
        approvers=tuple(str(a) for a in data["approvers"]),
        text_checked=bool(data["text_checked"]),
        **{name: int(data[name]) for name in THRESHOLDS if data.get(name) is not None},
    )


def placeholders(text: str) -> frozenset[str] | None:
    """The {names} a format string uses; None when its braces do not parse."""
    try:
        return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    except ValueError:
        return None


def label_problems(old: FormLabels, new: FormLabels, form: int) -> list[Found]:
    """What is wrong with ``new`` labels replacing ``old`` ones: blanks, placeholders, column counts."""
    found: list[Found] = []
    for name in TEXT_LABELS:
        before, after = getattr(old, name), getattr(new, name)
        for lang in LANGS:
            text = after.get(lang, "")
            if not text.strip():
                if before.get(lang, "").strip():
                    found.append(Found(Problem.BLANK, form, name, lang))
                continue
            wanted = placeholders(before.get(lang) or before.get("ru", ""))
            if placeholders(text) is None or placeholders(text) != wanted:
                found.append(Found(Problem.PLACEHOLDERS, form, name, lang))
    for lang in LANGS:
        before_cols, after_cols = old.columns.get(lang, ()), new.columns.get(lang, ())
        if len(after_cols) != len(before_cols):
            found.append(Found(Problem.COLUMNS, form, "columns", lang))
        elif any(not c.strip() for c in after_cols):
            found.append(Found(Problem.BLANK, form, "columns", lang))
    return found


def edition_problems(editions: Iterable[Edition]) -> list[Found]:
    """What makes a set of editions inconsistent: `check_editions`'s conditions, as codes, and approvers."""
    items = sorted(editions, key=lambda e: e.effective_from)
    found: list[Found] = []
    keys = [e.key for e in items]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        found.append(Found(Problem.DUPLICATE_KEY, keys=(key,)))
    for e in items:
        if e.effective_to is not None and e.effective_to < e.effective_from:
            found.append(Found(Problem.ENDS_BEFORE_START, keys=(e.key,)))
        if not (e.approval_days > 0 and 1 <= e.info_due_day <= 31 and 1 <= e.report_due_day <= 31):
            found.append(Found(Problem.DAYS, keys=(e.key,)))
        if not e.approvers or any(a not in OFFICES for a in e.approvers):
            found.append(Found(Problem.APPROVERS, keys=(e.key,)))
        if e.thresholds.problems():
            found.append(Found(Problem.THRESHOLDS, keys=(e.key,)))
    for prev, nxt in zip(items, items[1:], strict=False):
        if prev.effective_to is None or prev.effective_to >= nxt.effective_from:
            found.append(Found(Problem.OVERLAP, keys=(prev.key, nxt.key)))
    return found


def correction_problems(old: Edition, new: Edition, others: Iterable[Edition]) -> list[Found]:
    """Everything wrong with replacing ``old`` by ``new`` among the ``others`` editions."""
    found = [Found(Problem.BLANK, label="act", lang=lang) for lang in LANGS
             if old.act.get(lang, "").strip() and not new.act.get(lang, "").strip()]
    found += label_problems(old.form1, new.form1, 1) + label_problems(old.form2, new.form2, 2)
    return found + edition_problems([*(e for e in others if e.key != old.key), new])
