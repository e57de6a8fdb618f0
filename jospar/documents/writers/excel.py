"""Form 1 and Form 2 as an Excel workbook laid out for printing.

The sheet carries the title block, the header row and the row of column numbers (frozen, and
repeated on every printed page), group rows merged across the table, wrapped text in columns
sized for A4 landscape, the print area, fit-to-width page set-up and the signature block.
"""
from copy import copy
from io import BytesIO
from math import ceil

from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

from jospar.documents.writers.cells import new_workbook, put, put_text
from jospar.documents.writers.layout import OfficialDocument

TOTAL_WIDTH = 170  # character units across the printed table; fit-to-width scales it to the page
HEADER_ROW = 4  # rows 1-2: title and subtitle, 3: the draft mark (or blank), 4: header, 5: column numbers
MARK_ROW = 3
PRINT_TEXT = 200  # a print header or footer holds 255 characters in all, codes and the page number included
FONT = "Times New Roman"
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOP_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER_WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
_LEFT_WRAP = Alignment(wrap_text=True, vertical="center", horizontal="left")


def _styles() -> list[NamedStyle]:
    def style(name: str, *, bold: bool = False, size: int = 10, align: Alignment = _TOP_WRAP, fill: str | None = None,
              border: Border | None = _BOX, strike: bool = False, italic: bool = False) -> NamedStyle:
        s = NamedStyle(name=name)
        s.font = Font(name=FONT, size=size, bold=bold, strike=strike, italic=italic)
        s.alignment = align
        if border is not None:
            s.border = border
        if fill:
            s.fill = PatternFill("solid", fgColor=fill)
        return s

    return [
        style("j_title", bold=True, size=12, align=_CENTER_WRAP, border=None),
        style("j_subtitle", size=11, align=_CENTER_WRAP, border=None),
        style("j_head", bold=True, align=_CENTER_WRAP, fill="EDEDED"),
        style("j_colnum", align=_CENTER_WRAP, fill="EDEDED"),
        style("j_cell"),
        style("j_num", align=Alignment(wrap_text=True, vertical="top", horizontal="center")),
        style("j_cancel", strike=True),
        style("j_group", bold=True, align=_LEFT_WRAP, fill="F5F5F5"),
        style("j_events", italic=True, align=_LEFT_WRAP),
        style("j_section", bold=True, align=_CENTER_WRAP, fill="E4E4E4"),
        style("j_sign", size=11, align=Alignment(wrap_text=True, vertical="bottom"), border=None),
        style("j_hint", size=9, italic=True, align=Alignment(wrap_text=True, vertical="top"), border=None),
        style("j_note_head", bold=True, size=11, align=_LEFT_WRAP, border=None),
        style("j_note", size=11, align=_TOP_WRAP, border=None),
        style("j_mark", bold=True, size=14, align=Alignment(horizontal="right", vertical="center"), border=None),
        style("j_footer", size=8, italic=True, align=Alignment(wrap_text=True, vertical="top"), border=None),
    ]


def print_text(text: str) -> str:
    """Text for a print header or footer: «&» starts a code there, so it is doubled; cut to fit."""
    out, used = [], 0
    for char in text:
        piece = "&&" if char == "&" else char
        used += len(piece)
        if used > PRINT_TEXT:
            break
        out.append(piece)
    return "".join(out)


def _lines_needed(text: str, width_chars: float) -> int:
    per_line = max(int(width_chars * 0.95), 1)  # whole words wrap: fewer characters fit than the width
    return max(1, sum(ceil(max(len(part), 1) / per_line) for part in text.split("\n")))


def _merge(ws: Worksheet, row: int, first: int, last: int) -> None:
    """Merge the row's cells ``first``..``last``. openpyxl's ``merge_cells`` gives every covered cell its border
    and protection anew through the workbook's style registry, which took most of a workbook's time (the demo
    stores a dozen at each load); the covered cells here take the first cell's style as it is, which prints the
    same (a merged area shows its first cell). The range goes straight into the sheet's set of merged ranges:
    ``merged_cells.add`` compares it with every range merged before, quadratic in the group rows (about 0.6 s
    of the 10,000-event Form 2), and the ranges here never overlap (at most two in a row, side by side)."""
    start = ws.cell(row=row, column=first)
    ws.merged_cells.ranges.add(MergedCellRange(ws, f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}"))
    for col in range(first + 1, last + 1):
        covered = MergedCell(ws, row=row, column=col)
        covered._style = copy(start._style)  # type: ignore[attr-defined,union-attr]  # openpyxl's own style slot
        ws._cells[(row, col)] = covered


def render_xlsx(doc: OfficialDocument) -> bytes:
    wb, ws = new_workbook()
    for s in _styles():
        wb.add_named_style(s)
    ws.title = (doc.meta.get("sheet_title") or f"Form {doc.form}")[:31]
    n = doc.column_count
    widths = [w * TOTAL_WIDTH / sum(doc.widths) for w in doc.widths]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = round(w, 1)
    last_col = get_column_letter(n)

    def spanning(row: int, text: str, style: str, height_base: float = 14.0) -> None:
        cell = ws.cell(row=row, column=1)
        cell.style = style  # the style first: assigning a named style resets the quote prefix
        put_text(cell, text)
        _merge(ws, row, 1, n)
        ws.row_dimensions[row].height = height_base * _lines_needed(text, TOTAL_WIDTH)

    spanning(1, doc.title, "j_title", 16.0)
    spanning(2, doc.subtitle, "j_subtitle", 15.0)
    if doc.mark:  # on the sheet as well as on every printed page (the print header below)
        spanning(MARK_ROW, doc.mark, "j_mark", 18.0)
    for col, label in enumerate(doc.columns, start=1):
        head = ws.cell(row=HEADER_ROW, column=col)
        head.style = "j_head"
        put_text(head, label)
        number = ws.cell(row=HEADER_ROW + 1, column=col, value=col)
        number.style = "j_colnum"
    head_lines = max(_lines_needed(c, w) for c, w in zip(doc.columns, widths, strict=True))
    ws.row_dimensions[HEADER_ROW].height = 13.0 * head_lines

    row = HEADER_ROW + 2
    for line in doc.lines:
        if line.is_group:
            style = {"section": "j_section", "events": "j_events", "nothing": "j_events"}.get(line.kind, "j_group")
            spanning(row, line.text, style, 13.0)
        else:
            style = "j_cancel" if line.cancelled else "j_cell"
            lines_needed = max(_lines_needed(text, w) for text, w in zip(line.cells, widths, strict=True))
            ws.row_dimensions[row].height = 13.0 * lines_needed + 2  # spreadsheets do not grow rows on opening
            for col, value in enumerate(line.cells, start=1):
                cell = ws.cell(row=row, column=col)
                if col == 1:
                    cell.style = "j_num"
                    put(cell, int(value) if value.isdigit() else value)
                else:
                    cell.style = style
                    put_text(cell, value)
        row += 1

    for heading, text in doc.notes:  # Form 2: recommendations and proposals to amend, under the table
        row += 1
        spanning(row, heading, "j_note_head", 15.0)
        spanning(row + 1, text or "—", "j_note", 15.0)
        row += 2

    row += 1  # a blank row, then the signature block
    left = max(n // 2, 2)
    sign_label = ws.cell(row=row, column=1)
    sign_label.style = "j_sign"
    put_text(sign_label, doc.signature)
    _merge(ws, row, 1, left)
    ws.row_dimensions[row].height = 15.0 * _lines_needed(doc.signature, sum(widths[:left]))
    line_cell = ws.cell(row=row, column=left + 1)
    line_cell.style = "j_sign"
    put_text(line_cell, f"{'_' * 30}  {doc.signer}".rstrip())
    _merge(ws, row, left + 1, n)
    hint = ws.cell(row=row + 1, column=left + 1)
    hint.style = "j_hint"
    put_text(hint, doc.signature_hint)
    _merge(ws, row + 1, left + 1, n)
    last_row = row + 1
    if doc.footer:  # the version line under the signature, as on every printed page (the print footer)
        last_row = row + 3
        spanning(last_row, doc.footer, "j_footer", 11.0)

    ws.freeze_panes = f"A{HEADER_ROW + 2}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    ws.print_area = f"A1:{last_col}{last_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    fit, header, footer = ws.sheet_properties.pageSetUpPr, ws.oddHeader, ws.oddFooter
    assert fit is not None and header is not None and footer is not None  # a new worksheet has them (stubs: None)
    fit.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    footer.center.text = "&P / &N"
    if doc.mark:
        header.right.text, header.right.font, header.right.size = print_text(doc.mark), f"{FONT},Bold", 14
    if doc.footer:
        footer.left.text, footer.left.size = print_text(doc.footer), 8
    ws.sheet_view.zoomScale = 90
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
