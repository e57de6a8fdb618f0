"""Reading an uploaded workbook safely: opened through the guarded reader, then cells as plain data.

openpyxl is used in read-only mode. Formulas are never evaluated (openpyxl has no evaluator);
the workbook is read with ``data_only=False`` precisely so that a formula cell shows itself as
one (with ``data_only=True`` openpyxl would silently hand over a cached result, or nothing) —
and every formula cell is refused: the workbook must hold values.
"""
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from jospar.documents.importers.devplan import layout
from jospar.documents.importers.guarded_workbook import WorkbookRefused, open_guarded

SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
QUANTUM = Decimal("0.0001")
LIMIT = Decimal("1e14")


@dataclass
class Sheet:
    """One recognised sheet: its cells by (row, column), keys of its columns and header texts."""

    title: str
    kind: str
    cells: dict = field(default_factory=dict)  # (row, col) -> (value, data_type)
    max_row: int = 0

    def value(self, row: int, col: int):
        return self.cells.get((row, col), (None, "n"))

    def row_is_empty(self, row: int, cols) -> bool:
        return all(_blank(self.value(row, c)[0]) for c in cols)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def open_workbook(data: bytes, problems):
    """The workbook through the guarded reader, or None with the reason among `problems`."""
    try:
        return open_guarded(data)
    except WorkbookRefused as refused:
        problems.add(message=refused.message)
        return None


def read_sheets(workbook, problems) -> dict[str, Sheet]:
    """Recognised sheets by kind; unknown sheets, duplicates and oversized sheets go to `problems`."""
    sheets: dict[str, Sheet] = {}
    for ws in workbook.worksheets:
        kind = layout.sheet_kind(ws.title)
        if kind is None:
            expected = ", ".join(f"«{layout.sheet_name(k, _lang())}»" for k in layout.SHEET_ORDER)
            problems.add(ws.title, message=_("This sheet is not part of the template (its sheets are %(names)s). "
                                             "Remove it or rename it.") % {"names": expected})
            continue
        if kind in sheets:
            problems.add(ws.title, message=_("The workbook has two sheets for the same thing: «%(a)s» and «%(b)s». "
                                             "Keep one.") % {"a": sheets[kind].title, "b": ws.title})
            continue
        if kind == "instructions":
            continue
        sheets[kind] = _read(ws, kind, problems)
    return sheets


def _read(ws, kind: str, problems) -> Sheet:
    sheet = Sheet(ws.title, kind)
    ws.reset_dimensions()  # do not trust the stored size: read what is there
    limit = layout.MAX_ROWS + layout.FIRST_DATA_ROW
    for r, row in enumerate(ws.iter_rows(max_col=layout.MAX_COLUMNS), start=1):
        if r > limit:
            if any(not _blank(c.value) for c in row):
                problems.add(ws.title, message=_("The sheet has more than %(n)s rows. Split the plan or remove "
                                                 "the extra rows.") % {"n": layout.MAX_ROWS})
                break
            continue
        for c, cell in enumerate(row, start=1):
            if cell.value is not None:
                sheet.cells[(r, c)] = (cell.value, cell.data_type)
                sheet.max_row = r
    return sheet


def _lang() -> str:
    from jospar.i18n import current_lang

    return current_lang()


class CellError(ValueError):
    """A cell's value cannot be used; the message says why, in the user's language."""


def _check_plain(value, data_type):
    if data_type == "f":
        raise CellError(_("The cell holds a formula. Type the value itself (copy the cells and paste them "
                          "as values)."))
    if data_type == "e":
        raise CellError(_("The cell holds an error value (%(value)s). Type the value itself.") % {"value": value})


def as_text(value, data_type) -> str:
    """A cell as text: strings stripped, whole numbers without ".0"."""
    _check_plain(value, data_type)
    if value is None:
        return ""
    if isinstance(value, bool):
        raise CellError(_("The cell holds TRUE/FALSE, not text."))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def as_number(value, data_type) -> Decimal | None:
    """A number (typed as a number or as text with a comma or a point); blank gives None."""
    _check_plain(value, data_type)
    if _blank(value):
        return None
    if isinstance(value, (bool, date, datetime)):
        raise CellError(_("«%(value)s» is not a number.") % {"value": value})
    text = SPACES.sub("", str(value)).replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError(_("«%(value)s» is not a number.") % {"value": value}) from None
    if not number.is_finite() or abs(number) >= LIMIT:
        raise CellError(_("«%(value)s» is not a number this system can keep.") % {"value": value})
    return number.quantize(QUANTUM, rounding=ROUND_HALF_UP)


def as_integer(value, data_type) -> int | None:
    number = as_number(value, data_type)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellError(_("«%(value)s» is not a whole number.") % {"value": value})
    return int(number)


DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y")


def as_date(value, data_type) -> date | None:
    _check_plain(value, data_type)
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CellError(_("«%(value)s» is not a date: write it as 22.12.2025.") % {"value": value})
