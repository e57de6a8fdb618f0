"""The org-structure workbook handed out: the body's current units and people, ready to extend and re-import.

Headers, instructions and value lists are in the chosen language (Kazakh or Russian); the hidden key row
tells the importer which column is which. Every text is written as text (`writers.cells.put_text`): a
name starting with = + - @ never becomes a formula.
"""
from io import BytesIO

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from jospar.documents.importers import org_layout as layout
from jospar.documents.writers.cells import new_workbook, put, put_text
from jospar.orgs.models import Membership, OrgUnit

HEADER_FILL = PatternFill("solid", fgColor="DFE7F1")
KEY_FONT = Font(color="808080", size=8)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
VALIDATED_ROWS = 1000


def build_org_template(body, lang: str) -> bytes:
    with translation.override(lang):
        return _build(body, lang)


def template_filename(body, lang: str) -> str:
    return f"org-structure-{body.code}-{lang}.xlsx"


def _rows(body, lang):
    units = list(OrgUnit.objects.filter(body=body, is_active=True).order_by("-kind", "position", "id"))
    kinds = dict(layout.labels(layout.kind_choices(), lang))
    roles = dict(layout.labels(layout.role_choices(), lang))
    offices = dict(layout.labels(layout.office_choices(), lang))
    unit_rows = [{"code": u.code, "kind": kinds[u.kind], "name_kk": u.name_kk, "name_ru": u.name_ru,
                  "name_en": u.name_en, "is_planning": layout.YES[lang] if u.is_planning else layout.NO[lang],
                  "position": u.position} for u in units]
    memberships = (Membership.objects.filter(body=body, user__is_active=True, role__in=list(roles))
                   .select_related("user", "user__person", "unit")
                   .order_by("user__last_name", "user__first_name", "user__username", "role", "id"))
    people_rows = []
    for m in memberships:
        account = m.user
        person = getattr(account, "person", None)
        language = getattr(person, "language", "")
        people_rows.append({
            "username": account.username, "last_name": account.last_name, "first_name": account.first_name,
            "patronymic": getattr(person, "patronymic", ""), "email": account.email,
            "position_kk": getattr(person, "position_kk", ""), "position_ru": getattr(person, "position_ru", ""),
            "language": layout.LANGUAGE_NAMES[language][lang] if language in layout.LANGUAGE_NAMES else "",
            "role": roles[m.role], "unit": m.unit.code if m.unit_id else "",
            "office": offices.get(m.office, ""), "acting": layout.YES[lang] if m.acting else "",
        })
    return unit_rows, people_rows


def _build(body, lang) -> bytes:
    unit_rows, people_rows = _rows(body, lang)
    wb, ws = new_workbook()
    _instructions(ws, lang)
    lists = wb.create_sheet(layout.sheet_name("lists", lang))
    ranges = _lists(lists, lang)
    for kind, rows in (("units", unit_rows), ("people", people_rows)):
        sheet = wb.create_sheet(layout.sheet_name(kind, lang), index=len(wb.sheetnames) - 1)
        _data_sheet(sheet, kind, rows, ranges)
    wb.active = 1
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _instructions(ws, lang):
    ws.title = layout.sheet_name("instructions", lang)
    names = {k: layout.sheet_name(k, lang) for k in layout.SHEET_ORDER}
    lines = [
        _("How to fill in the workbook of units and people"),
        "",
        _("1. The sheet «%(units)s» lists the structural units and subordinate organisations, one per row; the sheet "
          "«%(people)s» lists people, one row per role (a person with two roles has two rows with the same login "
          "and the same details). The workbook already holds the body's current units and people.") % names,
        _("2. Do not change the header row, and do not delete the hidden first row: it tells the system which column "
          "is which. Rows start at row 3."),
        _("3. Units are matched by code and people by login: a row with a known code or login changes that unit or "
          "person, a new one adds it. The import never removes anything: deactivate units and people, or remove "
          "roles, on the administration pages."),
        _("4. Kinds, roles, offices, languages and yes/no come from the sheet «%(lists)s» (the cells offer them "
          "as a drop-down list).") % names,
        _("5. One unit is responsible for planning and monitoring (yes in its column); planners work in it. "
          "Planners, unit heads and unit staff name their unit's code; executives and the others do not. Only an "
          "executive holds an office of §6 (first head or chief of staff), or acts for its holder."),
        _("6. Type values, not formulas. Upload the workbook on the page «Import from Excel»: it is checked in "
          "full first, and either everything is saved or nothing is, with every problem listed by sheet and cell."),
        _("7. New people get no password: set one on each person's page (a one-time password is shown once)."),
    ]
    for row, line in enumerate(lines, start=1):
        cell = ws.cell(row=row, column=1)
        put_text(cell, line)
        cell.alignment = WRAP
    ws["A1"].font = Font(bold=True, size=13)
    ws.column_dimensions["A"].width = 120


def _lists(ws, lang) -> dict:
    """The value lists, one per column; returns each list's range for the drop-downs."""
    columns = [
        ("kind", _("Kind"), [label for _v, label in layout.labels(layout.kind_choices(), lang)]),
        ("role", _("Role"), [label for _v, label in layout.labels(layout.role_choices(), lang)]),
        ("office", _("Office (§6), executives only"), [label for _v, label in layout.labels(layout.office_choices(),
                                                                                               lang)]),
        ("language", _("Language of the interface"), [names[lang] for names in layout.LANGUAGE_NAMES.values()]),
        ("yesno", _("yes/no"), [layout.YES[lang], layout.NO[lang]]),
    ]
    ranges = {}
    for col, (key, title, values) in enumerate(columns, start=1):
        head = ws.cell(row=1, column=col)
        put_text(head, title)
        head.font, head.fill = BOLD, HEADER_FILL
        for row, value in enumerate(values, start=2):
            put_text(ws.cell(row=row, column=col), value)
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = 40
        ranges[key] = f"'{ws.title}'!${letter}$2:${letter}${len(values) + 1}"
    return ranges


DROPDOWNS = {"kind": "kind", "is_planning": "yesno", "role": "role", "office": "office", "language": "language",
             "acting": "yesno"}


def _data_sheet(ws, kind, rows, ranges):
    columns = layout.COLUMNS[kind]
    for col, column in enumerate(columns, start=1):
        key = ws.cell(row=layout.KEY_ROW, column=col)
        put_text(key, column.key)
        key.font = KEY_FONT
        head = ws.cell(row=layout.HEADER_ROW, column=col)
        put_text(head, str(column.label) + (" *" if column.required else ""))
        head.font, head.fill, head.alignment = BOLD, HEADER_FILL, WRAP
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = column.width
        if column.key in DROPDOWNS:
            rule = DataValidation(type="list", formula1=ranges[DROPDOWNS[column.key]], allow_blank=True,
                                  showErrorMessage=True, error=_("Pick a value from the list."))
            ws.add_data_validation(rule)
            rule.add(f"{letter}{layout.FIRST_DATA_ROW}:{letter}{VALIDATED_ROWS}")
        elif column.key != "position":
            for row in range(layout.FIRST_DATA_ROW, layout.FIRST_DATA_ROW + 200):
                ws.cell(row=row, column=col).number_format = "@"  # codes like 007 stay text
    ws.row_dimensions[layout.KEY_ROW].hidden = True
    ws.row_dimensions[layout.HEADER_ROW].height = 48
    ws.freeze_panes = ws.cell(row=layout.FIRST_DATA_ROW, column=2)
    for r, item in enumerate(rows, start=layout.FIRST_DATA_ROW):
        for col, column in enumerate(columns, start=1):
            value = item.get(column.key)
            if value not in (None, ""):
                put(ws.cell(row=r, column=col), value)
