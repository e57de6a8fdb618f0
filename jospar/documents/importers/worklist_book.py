"""A unit's work list for a reporting period as a workbook to fill offline.

The unit fills the status and the actual execution and reasons for non-execution, each in a Kazakh and a
Russian column (Form 2 is made in both; one is enough to save, both to submit); everything else is locked
and checked on upload against what the system says, so an edited locked cell is reported rather than
silently ignored. A very hidden sheet records the period and the unit.
"""
from dataclasses import dataclass
from io import BytesIO

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from jospar import rules
from jospar.documents.writers.cells import new_workbook, put, put_text
from jospar.i18n import localized

MARKER = "jospar-worklist"
META_SHEET = "jospar"
FORMAT_VERSION = 2  # 2: the texts in Kazakh and in Russian
HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1
COLUMNS = (
    ("key", gettext_lazy("Key"), 10),
    ("number", gettext_lazy("No."), 6),
    ("name", gettext_lazy("Event"), 50),
    ("deadline", gettext_lazy("Deadline"), 22),
    ("due", gettext_lazy("Due date"), 12),
    ("completion", gettext_lazy("Completion form"), 22),
    ("status", gettext_lazy("Status"), 20),
    ("actual_kk", gettext_lazy("Actual execution in Kazakh"), 45),
    ("actual_ru", gettext_lazy("Actual execution in Russian"), 45),
    ("reasons_kk", gettext_lazy("Reasons for non-execution in Kazakh"), 35),
    ("reasons_ru", gettext_lazy("Reasons for non-execution in Russian"), 35),
    ("state", gettext_lazy("State"), 16),
)
INDEX = {key: i for i, (key, _label, _w) in enumerate(COLUMNS)}
TEXTS = ("actual_kk", "actual_ru", "reasons_kk", "reasons_ru")
EDITABLE = ("status", *TEXTS)
LOCKED = ("number", "name", "deadline", "due", "completion", "state")
FILL_EDIT = PatternFill("solid", fgColor="FFF8E1")
FILL_HEAD = PatternFill("solid", fgColor="EDEDED")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Line:
    """The locked and editable texts of one work item, as written and as checked back."""

    key: str
    event_id: int
    occurrence: int
    locked: dict
    status: str
    texts: dict  # actual_kk … reasons_ru
    submitted: bool


def status_labels(lang: str) -> list[str]:
    return [rules.LABELS[s][lang] for s in rules.ExecutionStatus]


def work_lines(listing, lang: str) -> list[Line]:
    """The unit's own items (it is the lead executor) with what is already recorded."""
    lines = []
    with translation.override(lang):
        submitted_text, draft_text = _("submitted"), _("not submitted")
    for w in listing.items:
        entry = w.entry
        submitted = bool(entry is not None and entry.state == "submitted")
        occurrences = f" ({w.item.occurrence})" if w.info.deadline.kind in ("quarterly", "monthly", "half_yearly") \
            else ""
        lines.append(Line(
            key=f"{w.info.event_id}-{w.item.occurrence}", event_id=w.info.event_id, occurrence=w.item.occurrence,
            locked={
                "number": str(w.info.number), "name": w.info.name, "deadline": f"{w.info.wording}{occurrences}",
                "due": w.item.due.strftime("%d.%m.%Y") if w.item.due else "", "completion": w.info.completion,
                "state": submitted_text if submitted else draft_text,
            },
            status=rules.LABELS[rules.ExecutionStatus(entry.status)][lang] if entry else "",
            texts={name: getattr(entry, name) if entry else "" for name in TEXTS}, submitted=submitted,
        ))
    return lines


def build_worklist(listing, lang: str, indicators=()) -> bytes:
    """The work list as a workbook; ``indicators``: the unit's `monitoring.indicators.UnitIndicator` rows, on a
    second sheet."""
    with translation.override(lang):
        return _build(listing, lang, indicators)


def _build(listing, lang, indicators=()) -> bytes:
    from .worklist_indicators import write_sheet

    period, unit = listing.period, listing.unit
    lines = work_lines(listing, lang)
    wb, ws = new_workbook()
    ws.title = _("Work list")[:31]
    title = ws.cell(row=1, column=1)
    put_text(title, f"{localized(unit, 'name', lang)} — {period.label(lang)} {period.year}")
    title.font = Font(bold=True, size=12)
    note = ws.cell(row=2, column=1)
    put_text(note, _("Fill the columns «Status», «Actual execution» and «Reasons for non-execution», each text in "
                     "Kazakh and in Russian (Form 2 is made in both). The other columns are locked; do not add rows."))
    note.font = Font(italic=True)
    for col, (_key, label, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col)
        cell.font, cell.fill, cell.alignment = Font(bold=True), FILL_HEAD, WRAP
        put_text(cell, str(label))
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, line in enumerate(lines, start=FIRST_ROW):
        values = {"key": line.key, **line.locked, "status": line.status, **line.texts}
        for key, i in INDEX.items():
            cell = ws.cell(row=r, column=i + 1)
            cell.alignment = WRAP
            if key in EDITABLE and not line.submitted:
                cell.protection = Protection(locked=False)
                cell.fill = FILL_EDIT
            put(cell, values[key])
    last = FIRST_ROW + max(len(lines), 1) - 1
    dv = DataValidation(type="list", formula1='"' + ",".join(status_labels(lang)) + '"', allow_blank=True,
                        showErrorMessage=True)
    dv.error = _("Pick a value from the list.")
    ws.add_data_validation(dv)
    status_col = get_column_letter(INDEX["status"] + 1)
    dv.add(f"{status_col}{FIRST_ROW}:{status_col}{last}")
    ws.freeze_panes = f"{get_column_letter(INDEX['name'] + 1)}{FIRST_ROW}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    fit = ws.sheet_properties.pageSetUpPr
    assert fit is not None  # a new worksheet has it (the stubs allow None)
    fit.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"

    indicator_sheet = write_sheet(wb, indicators, lang)

    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    for r, (key, value) in enumerate((
        ("marker", MARKER), ("format", FORMAT_VERSION), ("body", period.plan.body.code),
        ("plan", period.plan_id), ("year", period.year), ("period", period.pk), ("quarter", period.quarter),
        ("unit", unit.pk), ("lang", lang), ("indicators", indicator_sheet.title if indicator_sheet else ""),
    ), start=1):
        put_text(meta.cell(row=r, column=1), key)
        put(meta.cell(row=r, column=2), value)
    meta.protection.sheet = True
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def worklist_filename(period, unit, lang: str) -> str:
    return f"work-list-{period.year}-q{period.quarter}-{unit.code}-{lang}.xlsx"
