"""A plain table as an Excel workbook: a title, a header (one or more rows), the rows and a totals row.

For lists that are not official forms (the national table of bodies): every text goes through
`cells.put` (numbers stay numbers, text stays text and never becomes a formula), the header is frozen and
bold, the columns sized to their content.
"""
from collections.abc import Sequence
from io import BytesIO

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from jospar.documents.writers.cells import new_workbook, put, put_text

MAX_WIDTH = 48


def render_table_xlsx(title: str, header: Sequence[Sequence[object]], rows: Sequence[Sequence[object]],
                      totals: Sequence[object] = (), *, sheet: str = "") -> bytes:
    wb, ws = new_workbook()
    if sheet:
        ws.title = sheet[:31]
    put_text(ws.cell(row=1, column=1), title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=12)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="EDEDED")
    wrap = Alignment(wrap_text=True, vertical="top")
    widths: dict[int, int] = {}
    first = 3
    for r, line in enumerate(header, start=first):
        for c, value in enumerate(line, start=1):
            cell = ws.cell(row=r, column=c)
            put(cell, value)
            cell.font, cell.fill, cell.alignment = bold, fill, wrap
            widths[c] = max(widths.get(c, 8), min(len(str(value or "")) // 2 + 2, MAX_WIDTH))
    body = first + len(header)
    for r, line in enumerate(rows, start=body):
        for c, value in enumerate(line, start=1):
            put(ws.cell(row=r, column=c), value)
            widths[c] = max(widths.get(c, 8), min(len(str(value if value is not None else "")) + 2, MAX_WIDTH))
    if totals:
        r = body + len(rows)
        for c, value in enumerate(totals, start=1):
            last = ws.cell(row=r, column=c)
            put(last, value)
            last.font = bold
    for c, w in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = f"B{body}"  # the header rows and the names stay in view
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
