"""Opening uploaded workbooks and reporting problems with sheet, cell and a plain message."""
import zipfile
from dataclasses import dataclass
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


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
    """The workbook (read-only, formulas kept as formulas) or WorkbookRejected for anything else.

    ``upload`` is a Django UploadedFile or any object with ``name`` and ``read()``.
    """
    name = (getattr(upload, "name", "") or "").lower()
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise WorkbookRejected(Problem("", "", _("The file is larger than 20 MB.")))
    data = upload.read()
    if len(data) > MAX_UPLOAD_BYTES:
        raise WorkbookRejected(Problem("", "", _("The file is larger than 20 MB.")))
    wrong_type = Problem(
        "", "", _("This is not an Excel workbook (.xlsx). Save the file as .xlsx and upload it again.")
    )
    if not name.endswith(".xlsx") or not zipfile.is_zipfile(BytesIO(data)):
        raise WorkbookRejected(wrong_type)
    try:
        return load_workbook(BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file; all mean the same here
        raise WorkbookRejected(wrong_type) from None


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
