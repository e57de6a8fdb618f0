"""The official document as plain data, whatever the file format it is written to.

Form 1 and Form 2 share their shape (Annexes 1 and 2 of the Rules): a title block, a table whose
header is followed by a row numbering the columns, group rows (sections, strategic directions,
macroindicators, goals, target indicators, «Events» headings, Section II tasks) spanning the
table, numbered event rows, and the signature block of the responsible unit's head. The DOCX,
XLSX and PDF writers read only this module's `OfficialDocument`, so they are tested with
synthetic rows and do not care where the rows came from. No Django here.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# Relative column widths (they add up to 100) chosen for A4 landscape.
FORM1_WIDTHS = (5.0, 37.0, 11.0, 17.0, 15.0, 15.0)
FORM2_WIDTHS = (4.0, 20.0, 14.0, 10.0, 10.0, 18.0, 12.0, 12.0)
FORM1_FIELDS = ("number", "label", "code", "executors", "deadline", "completion")
FORM2_FIELDS = (
    "number", "label", "executors", "deadline", "completion", "actual", "reasons", "recommendation",
)
# After these headings comes the «Іс-шаралар» (events) line that Annexes 1 and 2 put under every
# macroindicator and target indicator.
_NEEDS_EVENTS_HEADING = ("macroindicator", "target_indicator")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: object) -> str:
    """Text safe for any of the three formats: a str without the control characters XML forbids."""
    if text is None:
        return ""
    return _XML_ILLEGAL.sub("", str(text))


@dataclass(frozen=True, slots=True)
class Line:
    """One table row: a group heading (``text`` spans the table) or an event (``cells``)."""

    kind: str
    text: str = ""
    cells: tuple[str, ...] = ()
    cancelled: bool = False

    @property
    def is_group(self) -> bool:
        return self.kind != "event"


@dataclass(slots=True)
class OfficialDocument:
    """Everything a writer needs; every text is already in the document's language."""

    form: int
    lang: str
    title: str
    subtitle: str
    columns: tuple[str, ...]
    widths: tuple[float, ...]
    lines: list[Line]
    signature: str
    signature_hint: str
    signer: str = ""
    filename: str = "document"
    meta: dict[str, Any] = field(default_factory=dict)
    # Texts printed under the table, before the signature: Form 2's recommendations to the officials
    # and proposals to amend the plan, as (heading, text).
    notes: list[tuple[str, str]] = field(default_factory=list)
    # What the document is: ``mark`` («ПРОЕКТ», «ЖОБА»), printed on every page of a draft plan or a report
    # not yet submitted, empty otherwise; ``footer``, the line on every page naming the version, its approval
    # (date, approver) or the report's submission, so that two versions can be told apart on paper.
    mark: str = ""
    footer: str = ""

    @property
    def column_count(self) -> int:
        return len(self.columns)

    def events(self) -> list[Line]:
        return [line for line in self.lines if line.kind == "event"]


def group_text(kind: str, label: str, number: str) -> str:
    """The heading of a group row as the forms print it: «Цель 1.1. Name», «3. Task», «Name»."""
    label, number = clean(label), clean(number)
    if not number:
        return label
    if not label:
        return number
    return f"{number}. {label}"


def lines_from_rows(rows: Iterable[Any], fields: tuple[str, ...], events_heading: str) -> list[Line]:
    """Turn selector rows (``kind``, ``label``, ``number`` and one attribute per column) into lines.

    Works for `planning.selectors.Row` (Form 1) and monitoring's `Row2` (Form 2) alike: ``fields``
    names the attribute read for each column. An «Events» heading follows every macroindicator
    and target indicator, as in the annexes.
    """
    lines: list[Line] = []
    append = lines.append
    for row in rows:
        kind = row.kind
        if kind == "event":
            cells = tuple(clean(getattr(row, name, "")) for name in fields)
            append(Line("event", cells=cells, cancelled=bool(getattr(row, "cancelled", False))))
            continue
        append(Line(kind, group_text(kind, row.label, row.number)))
        if kind in _NEEDS_EVENTS_HEADING:
            append(Line("events", clean(events_heading)))
    return lines


def person_name(last: str, first: str, patronymic: str, lang: str) -> str:
    """The signer's name in the order the form's hint asks for.

    kk: «Аты, әкесінің аты, тегі» (first name, patronymic, surname); ru and en: surname first.
    """
    parts = (first, patronymic, last) if lang == "kk" else (last, first, patronymic)
    return " ".join(p.strip() for p in parts if p and p.strip())
