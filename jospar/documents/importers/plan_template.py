"""The workbook a planner fills to import events into the draft of a plan.

Sheet 1 takes the events (one per row, columns in `import_columns.COLUMNS`); the other sheets
list what the cells may refer to: anchors with their official numbers, the body's units by code,
the deadline kinds and the managed completion forms (the dropdowns read them). A very hidden
sheet records which plan, year and version the workbook was made for, so that a workbook
prepared for another plan is refused on upload.
"""
from io import BytesIO

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from jospar.documents.assembly.anchors import plan_anchors
from jospar.documents.importers.plan_columns import (
    COLUMNS,
    FIRST_DATA_ROW,
    FORMAT_VERSION,
    INDEX,
    MARKER,
    MAX_ROWS,
    META_SHEET,
)
from jospar.documents.writers.cells import put, put_text
from jospar.i18n import localized
from jospar.orgs.models import OrgUnit
from jospar.planning.models import CompletionForm, DeadlineKind

HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="EDEDED")
WRAP = Alignment(wrap_text=True, vertical="top")


def _letter(key: str) -> str:
    return get_column_letter(INDEX[key] + 1)


def _list_sheet(wb, title: str, headers: list[str], rows, widths) -> object:
    ws = wb.create_sheet(title[:31])
    for col, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=1, column=col)
        put_text(cell, text)
        cell.font, cell.fill, cell.alignment = HEAD_FONT, HEAD_FILL, WRAP
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col)
            put(cell, value)
            cell.alignment = WRAP
    ws.freeze_panes = "A2"
    return ws


def _validation(ws, formula: str, column: str, *, strict: bool, prompt: str) -> None:
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=strict)
    dv.prompt, dv.showInputMessage = prompt, True
    if strict:
        dv.error = _("Pick a value from the list.")
    ws.add_data_validation(dv)
    dv.add(f"{column}{FIRST_DATA_ROW}:{column}{MAX_ROWS + 1}")


def deadline_kind_labels(lang: str) -> list[tuple[str, str]]:
    with translation.override(lang):
        return [(value, str(label)) for value, label in DeadlineKind.choices]


def build_import_template(version, lang: str) -> bytes:
    plan = version.plan
    with translation.override(lang):
        return _build(version, plan, lang)


def _build(version, plan, lang) -> bytes:
    anchors = plan_anchors(plan, lang)
    units = list(OrgUnit.objects.filter(body_id=plan.body_id, is_active=True).order_by("-kind", "position", "id"))
    forms = list(CompletionForm.objects.filter(body_id=plan.body_id).order_by("position", "id"))
    kinds = deadline_kind_labels(lang)

    wb = Workbook()
    ws = wb.active
    ws.title = _("Events")[:31]
    for col, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=col)
        put_text(cell, str(column.header))
        cell.font, cell.fill, cell.alignment = HEAD_FONT, HEAD_FILL, WRAP
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    for key in ("budget", "executors", "anchor"):  # typed codes stay text: «001» keeps its zeros
        for row in range(FIRST_DATA_ROW, FIRST_DATA_ROW + 300):
            ws.cell(row=row, column=INDEX[key] + 1).number_format = "@"

    anchors_ws = _list_sheet(
        wb, _("Anchors"), [_("Code"), _("Official number"), _("Name")],
        ((a.code, a.label, a.name) for a in anchors), (12, 28, 90),
    )
    _list_sheet(wb, _("Units"), [_("Code"), _("Name")],
                ((u.code, localized(u, "name", lang)) for u in units), (14, 90))
    lists = _list_sheet(
        wb, _("Lists"), [_("Deadline kind"), _("Completion form (Kazakh)"), _("Completion form (Russian)")],
        [], (26, 50, 50),
    )
    for r, (_value, label) in enumerate(kinds, start=2):
        put_text(lists.cell(row=r, column=1), label)
    for r, form in enumerate(forms, start=2):
        put_text(lists.cell(row=r, column=2), form.name_kk)
        put_text(lists.cell(row=r, column=3), form.name_ru)

    last_anchor = max(len(anchors) + 1, 2)
    _validation(ws, f"'{anchors_ws.title}'!$A$2:$A${last_anchor}", _letter("anchor"), strict=True,
                prompt=_("The code of a macroindicator, target indicator or Section II task."))
    _validation(ws, f"'{lists.title}'!$A$2:$A${len(kinds) + 1}", _letter("kind"), strict=True,
                prompt=_("Then fill the fields this kind needs, or leave the kind empty and word the deadline."))
    last_form = max(len(forms) + 1, 2)
    for key, col in (("completion_kk", "B"), ("completion_ru", "C")):
        _validation(ws, f"'{lists.title}'!${col}$2:${col}${last_form}", _letter(key), strict=False,
                    prompt=_("Pick a form from the list or type your own."))
    for key, low, high in (("month", 1, 12), ("quarter", 1, 4), ("day", 1, 31)):
        dv = DataValidation(type="whole", operator="between", formula1=str(low), formula2=str(high),
                            allow_blank=True, showErrorMessage=True)
        dv.error = _("A whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
        ws.add_data_validation(dv)
        dv.add(f"{_letter(key)}{FIRST_DATA_ROW}:{_letter(key)}{MAX_ROWS + 1}")

    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    for r, (key, value) in enumerate((
        ("marker", MARKER), ("format", FORMAT_VERSION), ("body", plan.body.code), ("plan", plan.pk),
        ("year", plan.year), ("version", version.pk), ("version_number", version.number), ("lang", lang),
    ), start=1):
        put_text(meta.cell(row=r, column=1), key)
        put(meta.cell(row=r, column=2), value)
    meta.protection.sheet = True
    wb.active = 0
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def template_filename(version, lang: str) -> str:
    return f"operational-plan-{version.plan.year}-v{version.number}-import-{lang}.xlsx"
