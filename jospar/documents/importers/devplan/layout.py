"""The development-plan workbook: its sheets, columns and key row — the contract shared by the
template writer and the importer.

Every data sheet has a hidden row 1 with column keys (language-independent: the importer finds
columns by key, never by header text), a header row 2 in the user's language, and data from
row 3. The Plan sheet is vertical: hidden keys in column A, labels in B, values in C.

Sheet names are identifiers of the file format, so they are a fixed table in the three
languages (like the rulebook's official labels), not gettext strings: a later change of a
translation must not make workbooks already handed out unreadable. A workbook made in one
language imports whatever language its reader uses.
"""
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from jospar import text_limits as limits

KEY_ROW, HEADER_ROW, FIRST_DATA_ROW = 1, 2, 3
PLAN_KEY_COL, PLAN_LABEL_COL, PLAN_VALUE_COL = 1, 2, 3
YEAR_PREFIX = "y"  # year columns are keyed y2025, y2026 …

SHEET_NAMES = {
    "instructions": {"kk": "Нұсқаулық", "ru": "Инструкция", "en": "Instructions"},
    "plan": {"kk": "Жоспар", "ru": "План", "en": "Plan"},
    "directions": {"kk": "Бағыттар", "ru": "Направления", "en": "Directions"},
    "macroindicators": {"kk": "Макроиндикаторлар", "ru": "Макроиндикаторы", "en": "Macroindicators"},
    "goals": {"kk": "Мақсаттар", "ru": "Цели", "en": "Goals"},
    "indicators": {"kk": "Нысаналы индикаторлар", "ru": "Целевые индикаторы", "en": "Target indicators"},
    "tasks": {"kk": "II бөлім міндеттері", "ru": "Задачи раздела II", "en": "Section II tasks"},
}
DATA_SHEETS = ("directions", "macroindicators", "goals", "indicators", "tasks")
SHEET_ORDER = ("instructions", "plan", *DATA_SHEETS)


def sheet_name(kind: str, lang: str) -> str:
    return SHEET_NAMES[kind].get(lang) or SHEET_NAMES[kind]["en"]


def sheet_kind(title: str) -> str | None:
    """The kind of a sheet from its name in any of the three languages (case and spaces ignored)."""
    wanted = " ".join(str(title).split()).casefold()
    for kind, names in SHEET_NAMES.items():
        if any(wanted == name.casefold() for name in names.values()):
            return kind
    return None


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # a lazy translation
    width: int = 18
    required: bool = False
    kind: str = "text"  # text | number | integer | date | code


NAMES = (
    Column("name_kk", _("Name in Kazakh"), 50, required=True),
    Column("name_ru", _("Name in Russian"), 50, required=True),
    Column("name_en", _("Name in English"), 40),
)
UNITS = (
    Column("unit_kk", _("Unit of measure (Kazakh)"), 14),
    Column("unit_ru", _("Unit of measure (Russian)"), 14),
    Column("unit_en", _("Unit of measure (English)"), 14),
    Column("baseline", _("Baseline value"), 12, kind="number"),
)
CODE = Column("code", _("Code (optional)"), 12)
# Who reports the indicator's actual values and how they are read (jospar.rules.indicators); a cell may name the
# kind in any of the three languages or by its key, and the unit by its code or its name in Kazakh or Russian.
ROLES = (
    Column("responsible", _("Responsible unit (its code or name)"), 18),
    Column("polarity", _("Which way is better (higher / lower / a target)"), 18, kind="polarity"),
    Column("accumulation", _("How values count (cumulative / for the period)"), 18, kind="accumulation"),
)

COLUMNS = {
    "directions": (Column("number", _("No. of the strategic direction"), 12, True, "code"), *NAMES),
    "macroindicators": (
        Column("direction", _("No. of its strategic direction"), 14, True, "code"),
        Column("number", _("No. of the macroindicator in its direction (1, 2 …)"), 14, True, "code"),
        *NAMES, CODE, *UNITS, *ROLES,
    ),
    "goals": (Column("number", _("No. of the goal (direction.goal, e.g. 1.2)"), 14, True, "code"), *NAMES, CODE),
    "indicators": (
        Column("goal", _("No. of its goal (e.g. 1.2)"), 14, True, "code"),
        Column("number", _("No. of the target indicator in its goal (1, 2 …)"), 14, True, "code"),
        *NAMES, CODE, *UNITS, *ROLES,
    ),
    "tasks": (Column("number", _("No. of the task"), 10, True, "code"), *NAMES, CODE),
}
HAS_YEARS = ("macroindicators", "indicators")

PLAN_FIELDS = (
    Column("title_kk", _("Title in Kazakh"), required=True),
    Column("title_ru", _("Title in Russian"), required=True),
    Column("title_en", _("Title in English")),
    Column("year_from", _("First year"), required=True, kind="integer"),
    Column("year_to", _("Last year"), required=True, kind="integer"),
    Column("edition", _("Edition (1 for the first one, 2 after the first amendment …)"), required=True,
           kind="integer"),
    Column("signed_on", _("Signed on (date)"), required=True, kind="date"),
    Column("document_number", _("Document number")),
)
MAX_LENGTH = {  # the models' limits (jospar.text_limits): an over-long cell is a problem of that cell
    **dict.fromkeys(("name_kk", "name_ru", "name_en"), limits.NAME),
    **dict.fromkeys(("title_kk", "title_ru", "title_en"), limits.TITLE),
    "document_number": limits.DOCUMENT_NUMBER, "code": limits.CODE,
    **dict.fromkeys(("unit_kk", "unit_ru", "unit_en"), limits.UNIT_OF_MEASURE),
    "responsible": 300,
}


def kind_choice(kind: str, text: str) -> str | None:
    """The key of an indicator's kind written as its key or its label in kk, ru or en («за период» → "period");
    None when it names none. ``kind``: "polarity" | "accumulation"."""
    from jospar.rules.indicators import ACCUMULATION_LABELS, POLARITY_LABELS

    labels = POLARITY_LABELS if kind == "polarity" else ACCUMULATION_LABELS
    wanted = " ".join(str(text).split()).casefold()
    for member, texts in labels.items():
        if wanted == member.value or any(wanted == label.casefold() for label in texts.values()):
            return member.value
    return None
MIN_YEAR, MAX_YEAR, MAX_SPAN = 2000, 2100, 20
MAX_ROWS = 5000  # data rows per sheet
MAX_COLUMNS = 60


def year_key(year: int) -> str:
    return f"{YEAR_PREFIX}{year}"


def year_of_key(key: str) -> int | None:
    if key and key.startswith(YEAR_PREFIX) and key[1:].isdigit() and len(key) == 5:
        return int(key[1:])
    return None
