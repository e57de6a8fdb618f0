"""Checking a unit's filled work list in full, then saving it through monitoring's own service.

Every entry goes through `monitoring.services.save_entry`, so the monitoring rules (who may write,
submitted information is locked, reasons required when not executed) apply exactly as on the
page; all entries are saved in one transaction or none is.
"""
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jospar import rules
from jospar import text_limits as limits
from jospar.documents.importers.workbook_io import (
    Problem,
    WorkbookRejected,
    as_int,
    cell_ref,
    is_formula,
    open_workbook,
    read_meta,
    text_of,
)
from jospar.documents.importers.worklist_book import (
    COLUMNS,
    FIRST_ROW,
    FORMAT_VERSION,
    HEADER_ROW,
    INDEX,
    LOCKED,
    MARKER,
    META_SHEET,
    TEXTS,
    work_lines,
)
from jospar.monitoring import selectors as monitoring_selectors
from jospar.monitoring import services as monitoring_services


@dataclass(frozen=True)
class Change:
    row: int
    event_id: int
    occurrence: int
    status: str
    texts: dict  # actual_kk … reasons_ru, as save_entry takes them


@dataclass
class WorklistCheck:
    changes: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    indicator_changes: list = field(default_factory=list)  # (cell, services_indicators.ActualInput)
    indicator_sheet: str = ""
    unchanged: int = 0
    sheet: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


class WorklistRefused(Exception):
    def __init__(self, problems):
        super().__init__(problems[0].message if problems else "")
        self.problems = problems


def _norm(text) -> str:
    return " ".join(str(text or "").split()).casefold()


def _statuses(lang: str) -> dict[str, str]:
    """The status words of the work list's own language (its drop-down list) and nothing else."""
    return {_norm(rules.LABELS[status][lang]): status.value for status in rules.ExecutionStatus}


def check_worklist(upload, period, unit) -> WorklistCheck:
    """Every problem of an uploaded work list of ``unit`` for ``period``, or the changes to save.

    The work list is read in the language it was made in (its hidden sheet says which), whoever uploads
    it: the locked cells are compared with the texts of that language, and only its status words count.
    """
    result = WorklistCheck()
    try:
        wb = open_workbook(upload)
    except WorkbookRejected as rejected:
        result.problems.append(rejected.problem)
        return result
    try:
        meta = read_meta(wb, META_SHEET)
        if meta is None or meta.get("marker") != MARKER or as_int(meta.get("format")) != FORMAT_VERSION:
            result.problems.append(Problem("", "", _("This workbook is not a work list of Jospar. Download your "
                                                     "unit's work list from the unit's page, fill it and upload it.")))
            return result
        found = (as_int(meta.get("plan")), as_int(meta.get("period")), as_int(meta.get("unit")))
        if found != (period.plan_id, period.pk, unit.pk):
            result.problems.append(Problem(META_SHEET, "B6", _(
                "This work list was prepared for another period or unit (%(year)s, quarter %(quarter)s). Download "
                "the work list of this period and unit.") % {"year": meta.get("year"), "quarter": meta.get("quarter")}))
            return result
        book_lang = meta.get("lang")
        if not isinstance(book_lang, str) or book_lang not in rules.LANGS:
            result.problems.append(Problem(META_SHEET, "B9", _("This work list does not say which language it was "
                                                               "made in. Download the work list again.")))
            return result
        listing = monitoring_selectors.work_list(period, unit, book_lang, can_edit=True)
        _check_sheet(wb.worksheets[0], listing, book_lang, result)
        _check_indicators(wb, meta, period, unit, listing, book_lang, result)
    finally:
        wb.close()
    if result.problems:
        result.changes, result.indicator_changes = [], []
    return result


def _check_indicators(wb, meta, period, unit, listing, book_lang: str, result: WorklistCheck) -> None:
    """The indicators sheet, when the work list has one (its title is in the meta sheet)."""
    from jospar.monitoring.indicators import unit_indicators

    from .worklist_indicators import check_sheet

    title = meta.get("indicators")
    if not title or title not in wb.sheetnames:
        if title:
            result.problems.append(Problem(title, "", _("The sheet of indicators is missing. Download the work "
                                                        "list again.")))
        return
    rows = unit_indicators(period, unit, book_lang, can_edit=True, submission=listing.submission,
                           version=listing.version)
    found = check_sheet(wb[title], rows, book_lang)
    result.problems.extend(found.problems)
    result.indicator_changes, result.indicator_sheet = found.changes, title


def _check_sheet(ws, listing, book_lang: str, result: WorklistCheck) -> None:
    sheet = result.sheet = ws.title
    lines = {line.key: line for line in work_lines(listing, book_lang)}
    statuses = _statuses(book_lang)
    seen = set()

    def problem(row, key, message):
        result.problems.append(Problem(sheet, cell_ref(row, INDEX[key]), message))

    rows = ws.iter_rows(min_row=HEADER_ROW, max_col=len(COLUMNS))
    header = [text_of(c.value) for c in next(rows, ())]
    if len(header) < len(COLUMNS) or any(not h for h in header[:len(COLUMNS)]):
        result.problems.append(Problem(sheet, f"A{HEADER_ROW}", _("The columns of the work list were changed. "
                                                                  "Download it again.")))
        return
    for r, cells in enumerate(rows, start=FIRST_ROW):
        values = {}
        for key, i in INDEX.items():
            cell = cells[i] if i < len(cells) else None
            if cell is not None and is_formula(cell):
                problem(r, key, _("Formulas are not accepted: type the value itself."))
                values[key] = ""
            else:
                values[key] = text_of(cell.value) if cell is not None else ""
        if not any(values.values()):
            continue
        line = lines.get(values["key"])
        if line is None:
            problem(r, "key", _("Row %(row)s is not an item of your unit's work list for this period (key "
                                "«%(key)s»). Rows cannot be added or copied from another work list.")
                    % {"row": r, "key": values["key"]})
            continue
        if line.key in seen:
            problem(r, "key", _("The item «%(key)s» appears twice.") % {"key": line.key})
            continue
        seen.add(line.key)
        for key in LOCKED:
            if _norm(values[key]) != _norm(line.locked[key]):
                problem(r, key, _("This cell is locked and was changed; restore «%(text)s».")
                        % {"text": line.locked[key]})
        _check_entry(r, values, line, statuses, book_lang, problem, result)


def _check_entry(r, values, line, statuses, book_lang, problem, result) -> None:
    status_text, texts = values["status"], {name: values[name] for name in TEXTS}
    if _norm(status_text) == _norm(line.status) and all(_norm(texts[n]) == _norm(line.texts[n]) for n in TEXTS):
        result.unchanged += 1
        return
    if line.submitted:
        problem(r, "status", _("This item has been submitted and is locked; only the planner can return it."))
        return
    if not status_text:
        if any(texts.values()):
            problem(r, "status", _("Choose the status of execution."))
        return
    status = statuses.get(_norm(status_text))
    if status is None:
        problem(r, "status", _("Unknown status «%(status)s»: this work list takes only the statuses of its own "
                               "list: %(choices)s.") % {
            "status": status_text,
            "choices": ", ".join(f"«{rules.LABELS[s][book_lang]}»" for s in rules.ExecutionStatus)})
        return
    for key, text in texts.items():
        if len(text) > limits.EXECUTION_TEXT:
            problem(r, key, _("The text is longer than %(n)s characters.") % {"n": limits.EXECUTION_TEXT})
    # one language is enough to save (as on the page); the head submits once both are there
    column = "kk" if book_lang == "kk" else "ru"
    if status != rules.ExecutionStatus.NOT_EXECUTED and not (texts["actual_kk"] or texts["actual_ru"]):
        problem(r, f"actual_{column}", _("Describe the actual execution (in Kazakh or in Russian)."))
    if rules.reasons_required(status) and not (texts["reasons_kk"] or texts["reasons_ru"]):
        problem(r, f"reasons_{column}", _("Give the reasons for non-execution (in Kazakh or in Russian)."))
    result.changes.append(Change(r, line.event_id, line.occurrence, status, texts))


@transaction.atomic
def save_worklist(*, user, period, changes: list[Change], sheet: str, unit=None, indicator_changes=(),
                  indicator_sheet: str = "") -> int:
    """Save every change through monitoring's `save_entry`, and the indicators' values through
    `services_indicators.save_actuals`, all or none; WorklistRefused lists what failed."""
    from jospar.monitoring import services_indicators

    problems: list[Problem] = []
    if indicator_changes:
        try:
            with transaction.atomic():
                services_indicators.save_actuals(user=user, period=period, unit=unit, rows=indicator_changes)
        except services_indicators.RowsRefused as refused:
            problems.extend(Problem(indicator_sheet, where, message) for where, message in refused.problems)
        except (ValidationError, PermissionDenied) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            problems.append(Problem(indicator_sheet, "", " ".join(messages)))
    for change in changes:
        try:
            with transaction.atomic():
                monitoring_services.save_entry(
                    user=user, period=period, event_id=change.event_id, occurrence=change.occurrence,
                    status=change.status, **change.texts,
                )
        except (ValidationError, PermissionDenied) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            problems.append(Problem(sheet, cell_ref(change.row, INDEX["status"]), " ".join(messages)))
    if problems:
        raise WorklistRefused(problems)
    return len(changes) + len(indicator_changes)

