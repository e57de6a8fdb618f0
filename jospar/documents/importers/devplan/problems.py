"""What is wrong with an uploaded workbook: every problem with its sheet, cell and message.

The importer collects problems instead of stopping at the first one, so a planner fixes a
workbook in one pass; `ImportRefused` carries them all, and nothing is saved.
"""
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter


@dataclass(frozen=True, order=True)
class Problem:
    order: tuple = field(repr=False)  # sheet order, row, column: how the list is sorted
    sheet: str
    cell: str
    message: str

    @property
    def where(self) -> str:
        """ "Goals!C7", "Goals" or "" (the whole file)."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet


class ImportRefused(Exception):  # noqa: N818 - it is a refusal, not a programming error
    def __init__(self, problems):
        self.problems = sorted(problems)
        super().__init__("; ".join(f"{p.where}: {p.message}" for p in self.problems))


def cell_ref(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


class Problems:
    """A collector: `add(sheet, row, col, message)`; sheets are ordered as the template orders them."""

    def __init__(self, sheet_order=()):
        self.items: list[Problem] = []
        self.sheet_order = {name: i for i, name in enumerate(sheet_order)}

    def add(self, sheet: str = "", row: int | None = None, col: int | None = None, message: str = ""):
        cell = cell_ref(row, col) if row and col else ""
        rank = self.sheet_order.get(sheet, len(self.sheet_order) if sheet else -1)
        self.items.append(Problem((rank, sheet, row or 0, col or 0), sheet, cell, message))

    def __bool__(self):
        return bool(self.items)

    def __len__(self):
        return len(self.items)

    def refuse_if_any(self):
        if self.items:
            raise ImportRefused(self.items)
