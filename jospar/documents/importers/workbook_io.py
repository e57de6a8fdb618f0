"""Opening uploaded workbooks and reporting problems with sheet, cell and a plain message."""
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from jospar.documents.importers.guarded_workbook import WorkbookRefused, open_guarded, read_upload


@dataclass(frozen=True, slots=True)
class Problem:
    sheet: str
    cell: str
    message: str


class WorkbookRejected(Exception):
    """The upload cannot be read at all; ``problem`` says why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def cell_ref(row: int, col0: int) -> str:
    return f"{get_column_letter(col0 + 1)}{row}"


def open_workbook(upload):
    """The workbook (read-only, formulas kept as formulas) through the guarded reader, or WorkbookRejected.

    ``upload`` is a Django UploadedFile or any object with ``read()`` (and ``size``).
    """
    try:
        return open_guarded(read_upload(upload))
    except WorkbookRefused as refused:
        raise WorkbookRejected(Problem("", "", refused.message)) from None


def read_meta(wb, sheet_name: str) -> dict[str, object] | None:
    """Key/value pairs of the hidden sheet that identifies a prepared workbook; None when absent."""
    if sheet_name not in wb.sheetnames:
        return None
    meta = {}
    for row in wb[sheet_name].iter_rows(min_row=1, max_row=50, max_col=2, values_only=True):
        if row and row[0] is not None:
            meta[str(row[0])] = row[1] if len(row) > 1 else None
    return meta


def as_int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def is_formula(cell) -> bool:
    """A formula typed into the cell (text that merely starts with «=» is stored as text, data_type "s")."""
    return getattr(cell, "data_type", None) == "f"


def text_of(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split()) if not isinstance(value, str) else value.strip()
