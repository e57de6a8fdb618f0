"""Write the development-plan workbook: the blank template the system hands out, or a plan's content.

Headers and instructions are in the active language; the hidden key row (and the Plan sheet's
hidden key column) carries language-independent keys. User text is data: every string is written
as a string cell, and one that starts with = + - @ also gets Excel's quote prefix, so neither this
file nor a later edit in Excel turns it into a formula.
"""
import io
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from jospar import rules
from jospar.documents.importers.devplan import layout
from jospar.i18n import current_lang

FORMULA_START = ("=", "+", "-", "@")
HEADER_FILL = PatternFill("solid", fgColor="DFE7F1")
KEY_FONT = Font(color="808080", size=8)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
VALIDATED_ROWS = 1000


def put(ws, row: int, col: int, value):
    """Write one cell; text stays text whatever it starts with."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_START):
            cell.quotePrefix = True
    elif isinstance(value, Decimal):  # a number stays a number, shown as the reader writes it («1 200,5»)
        cell.value = int(value) if value == value.to_integral_value() else float(value)
        cell.number_format = rules.excel_number_format(value)
    else:
        cell.value = value
    return cell


def build_workbook(header: dict, years: range, rows: dict | None = None) -> bytes:
    """The workbook as bytes. `header`: plan fields by key; `rows`: sheet kind -> list of dicts keyed
    like the key row (planned values under `layout.year_key(year)`)."""
    lang = current_lang()
    rows = rows or {}
    wb = Workbook()
    _instructions(wb.active, lang, years)
    _plan_sheet(wb.create_sheet(layout.sheet_name("plan", lang)), header)
    for kind in layout.DATA_SHEETS:
        _data_sheet(wb.create_sheet(layout.sheet_name(kind, lang)), kind, years, rows.get(kind, ()))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _instructions(ws, lang, years):
    ws.title = layout.sheet_name("instructions", lang)
    names = {k: layout.sheet_name(k, lang) for k in layout.SHEET_ORDER}
    lines = [
        _("How to fill in the development plan workbook"),
        "",
        _("1. On the sheet «%(plan)s» fill in the title in Kazakh and Russian (English is optional), the first "
          "and last year, the edition (1 for the first one; the next number for an amended plan) and the signing "
          "date, e.g. 22.12.2025.") % names,
        _("2. One row per item, from row 3. Do not change the header row, and do not delete the hidden first row: "
          "it tells the system which column is which."),
        _("3. Numbers tie the sheets together, as Annex 1 of the Rules numbers them: strategic directions 1, 2, "
          "3 …; goals as direction.goal (1.1, 1.2, 2.1 …); macroindicators 1, 2 … again in every direction, with "
          "their direction's number in a column of their own; target indicators 1, 2 … again in every goal, with "
          "their goal's number in a column of their own; Section II tasks 1, 2, 3 …. Within one parent, numbers "
          "run without gaps."),
        _("4. Names in Kazakh and in Russian are required everywhere."),
        _("5. Baseline and planned values are numbers (a comma or a point for decimals); leave a year empty if "
          "there is no planned value. The year columns are %(a)s–%(b)s: the plan's years.")
        % {"a": years[0], "b": years[-1]},
        _("6. Type values, not formulas: a cell with a formula is refused."),
        _("On the indicator sheets, the responsible unit (its code or its name, as on the page of units) reports "
          "the indicator's actual values with its quarterly information; «which way is better» is higher is "
          "better, lower is better or a target to hit, and «how values count» is cumulative (from 1 January) or "
          "for the period. Left empty: higher is better, for the period, no responsible unit yet."),
        _("7. Upload the workbook on the page «Import from Excel». The system checks everything first and either "
          "saves the whole plan or lists every problem with its sheet and cell; nothing is saved until the "
          "workbook is correct."),
        _("8. An import creates a new development plan (or fills an empty one with the same first year and "
          "edition). A plan already used by operational plans is never overwritten: give the next edition."),
    ]
    for i, line in enumerate(lines, start=1):
        cell = put(ws, i, 1, line)
        cell.alignment = WRAP
    ws["A1"].font = Font(bold=True, size=13)
    ws.column_dimensions["A"].width = 120


def _plan_sheet(ws, header):
    put(ws, 1, layout.PLAN_LABEL_COL, _("Field")).font = BOLD
    put(ws, 1, layout.PLAN_VALUE_COL, _("Value")).font = BOLD
    for row, column in enumerate(layout.PLAN_FIELDS, start=2):
        put(ws, row, layout.PLAN_KEY_COL, column.key).font = KEY_FONT
        label = put(ws, row, layout.PLAN_LABEL_COL, str(column.label) + (" *" if column.required else ""))
        label.alignment = WRAP
        value = header.get(column.key)
        cell = put(ws, row, layout.PLAN_VALUE_COL, value if value is not None else None)
        cell.alignment = WRAP
        if column.kind == "date":
            cell.number_format = "DD.MM.YYYY"
            _validate(ws, "date", f"C{row}", _("Type a date, e.g. 22.12.2025."), operator="greaterThan",
                      formula1=str((date(layout.MIN_YEAR, 1, 1) - date(1899, 12, 30)).days))
        elif column.key in ("year_from", "year_to"):
            _validate(ws, "whole", f"C{row}", _("Type a year, e.g. 2025."), operator="between",
                      formula1=str(layout.MIN_YEAR), formula2=str(layout.MAX_YEAR))
        elif column.key == "edition":
            _validate(ws, "whole", f"C{row}", _("Type a whole number from 1."), operator="between",
                      formula1="1", formula2="999")
        else:
            cell.number_format = "@"
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions["B"].width = 48
    ws.column_dimensions["C"].width = 70


def _data_sheet(ws, kind, years, rows):
    # the indicators' roles come after the year columns (the columns before them keep their letters)
    columns = [c for c in layout.COLUMNS[kind] if c not in layout.ROLES]
    roles = [c for c in layout.COLUMNS[kind] if c in layout.ROLES]
    year_keys = [layout.year_key(y) for y in years] if kind in layout.HAS_YEARS else []
    keys = [c.key for c in columns] + year_keys + [c.key for c in roles]
    labels = ([str(c.label) + (" *" if c.required else "") for c in columns] + [str(y) for y in years][:len(year_keys)]
              + [str(c.label) for c in roles])
    widths = [c.width for c in columns] + [11] * len(year_keys) + [c.width for c in roles]
    numeric_cols = set(range(len(columns) + 1, len(columns) + len(year_keys) + 1))
    for col, (key, label, width) in enumerate(zip(keys, labels, widths, strict=True), start=1):
        put(ws, layout.KEY_ROW, col, key).font = KEY_FONT
        head = put(ws, layout.HEADER_ROW, col, label)
        head.font, head.fill, head.alignment = BOLD, HEADER_FILL, WRAP
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = width
        numeric = col in numeric_cols or (col <= len(columns) and columns[col - 1].kind == "number")
        if numeric:
            _validate(ws, "decimal", f"{letter}{layout.FIRST_DATA_ROW}:{letter}{VALIDATED_ROWS}",
                      _("Type a number, e.g. 12,5."), operator="between", formula1="-99999999999999",
                      formula2="99999999999999")
        else:
            ws.column_dimensions[letter].number_format = "@"  # numbers like 1.10 stay as typed
    ws.row_dimensions[layout.KEY_ROW].hidden = True
    ws.row_dimensions[layout.HEADER_ROW].height = 48
    ws.freeze_panes = ws.cell(row=layout.FIRST_DATA_ROW, column=2)
    for r, item in enumerate(rows, start=layout.FIRST_DATA_ROW):
        for col, key in enumerate(keys, start=1):
            value = item.get(key)
            if value not in (None, ""):
                cell = put(ws, r, col, value)
                if isinstance(value, str):
                    cell.alignment = WRAP


def _validate(ws, kind, ref, message, **options):
    rule = DataValidation(type=kind, allow_blank=True, showErrorMessage=True, error=message,
                          errorTitle=_("Check the value"), **options)
    ws.add_data_validation(rule)
    rule.add(ref)
