"""Checking a filled import workbook in full before anything is saved.

`check_plan_workbook` reads every row and collects every problem (sheet, cell, plain message in
the user's language); it returns the events ready to save only when there is none. It never
writes to the database: `services.import_events` saves all rows or none.
"""
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from jospar import rules
from jospar import text_limits as limits
from jospar.documents.assembly.anchors import normalize_code, plan_anchors
from jospar.documents.importers.plan_columns import (
    COLUMNS,
    FIRST_DATA_ROW,
    FORMAT_VERSION,
    INDEX,
    MARKER,
    MAX_ROWS,
    META_SHEET,
)
from jospar.documents.importers.plan_template import deadline_kind_labels
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
from jospar.i18n import current_lang
from jospar.orgs.models import OrgUnit
from jospar.planning.models import CompletionForm, PlanVersion

MAX_PROBLEMS = 300
_UNIT_SEP = re.compile(r"[,;\n]+")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


@dataclass
class ImportedEvent:
    row: int
    anchor_field: str
    anchor_id: int
    name_kk: str
    name_ru: str
    no_funding: bool
    budget_codes: str
    deadline: rules.Deadline
    completion_form_id: int | None
    completion_kk: str
    completion_ru: str
    unit_ids: list[int]


@dataclass
class ImportCheck:
    events: list[ImportedEvent] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.events)


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


class _Checker:
    def __init__(self, version: PlanVersion, lang: str):
        self.version, self.plan, self.lang = version, version.plan, lang
        self.result = ImportCheck()
        self.sheet = ""

    def problem(self, cell: str, message: str, sheet: str | None = None) -> None:
        if len(self.result.problems) < MAX_PROBLEMS:
            self.result.problems.append(Problem(self.sheet if sheet is None else sheet, cell, message))

    # ---- reference data -------------------------------------------------------------------------

    def load_references(self) -> None:
        self.anchors = {a.code: a for a in plan_anchors(self.plan, self.lang)}
        self.units = {
            u.code.casefold(): u.pk for u in OrgUnit.objects.filter(body_id=self.plan.body_id, is_active=True)
        }
        self.forms = {}
        for form in CompletionForm.objects.filter(body_id=self.plan.body_id):
            self.forms[_norm(form.name_kk)] = form
            self.forms[_norm(form.name_ru)] = form
        # the deadline kinds of the workbook's own language (its drop-down list), whoever uploads it
        self.kind_labels = deadline_kind_labels(self.book_lang)
        self.kinds = {_norm(label): value for value, label in self.kind_labels}

    # ---- the workbook as a whole ----------------------------------------------------------------

    def check_identity(self, wb) -> bool:
        meta = read_meta(wb, META_SHEET)
        if meta is None or meta.get("marker") != MARKER:
            self.problem("", _("This workbook is not an import template of Jospar. Download the template from the "
                               "plan page, fill it and upload it."), sheet="")
            return False
        if as_int(meta.get("format")) != FORMAT_VERSION:
            self.problem("B2", _("This template is of an older format. Download a new template."), sheet=META_SHEET)
            return False
        book_lang = meta.get("lang")
        if not isinstance(book_lang, str) or book_lang not in rules.LANGS:
            self.problem("B8", _("This template does not say which language it was made in. Download a new "
                                 "template."), sheet=META_SHEET)
            return False
        self.book_lang = book_lang
        expected = (self.plan.body.code, self.plan.pk, self.plan.year, self.version.pk)
        found = (meta.get("body"), as_int(meta.get("plan")), as_int(meta.get("year")), as_int(meta.get("version")))
        if found != expected:
            self.problem("B3", _("This workbook was prepared for another plan or version (%(year)s, version "
                                 "%(number)s). Download the template of this draft: plan %(this_year)s, version "
                                 "%(this_number)s.") % {
                "year": meta.get("year"), "number": meta.get("version_number"),
                "this_year": self.plan.year, "this_number": self.version.number,
            }, sheet=META_SHEET)
            return False
        return True

    def check_headers(self, header_cells) -> bool:
        accepted = []
        for column in COLUMNS:
            texts = set()
            for lang in rules.LANGS:
                with translation.override(lang):
                    texts.add(_norm(str(column.header)))
            accepted.append(texts)
        values = [text_of(c.value) for c in header_cells] + [""] * len(COLUMNS)
        good = True
        for i, column in enumerate(COLUMNS):
            if _norm(values[i]) not in accepted[i]:
                good = False
                self.problem(cell_ref(1, i), _("Column %(col)s must be «%(header)s». Do not insert, delete or move "
                                               "columns of the template.") % {
                    "col": get_column_letter(i + 1), "header": str(column.header)})
        return good

    # ---- one row --------------------------------------------------------------------------------

    def check_row(self, r: int, cells) -> None:
        values: dict[str, object] = {}
        for column in COLUMNS:
            i = INDEX[column.key]
            cell = cells[i] if i < len(cells) else None
            if cell is not None and is_formula(cell):
                self.problem(cell_ref(r, i), _("Formulas are not accepted: type the value itself."))
                values[column.key] = None
            else:
                values[column.key] = cell.value if cell is not None else None
        problems_before = len(self.result.problems)
        anchor = self.anchor(r, values["anchor"])
        names = {key: self.name(r, key, values[key]) for key in ("name_kk", "name_ru")}
        budget = self.budget(r, values["budget"])
        unit_ids = self.executors(r, values["executors"])
        deadline = self.deadline(r, values)
        completion = self.completion(r, values["completion_kk"], values["completion_ru"])
        # (past MAX_PROBLEMS a faulty row adds none: the import is refused all the same)
        if len(self.result.problems) == problems_before and deadline is not None:
            no_funding, codes = budget
            form, kk, ru = completion
            self.result.events.append(ImportedEvent(
                r, anchor.field, anchor.pk, names["name_kk"], names["name_ru"], no_funding, codes, deadline,
                form.pk if form else None, kk, ru, unit_ids,
            ))

    def anchor(self, r, value):
        code = normalize_code(text_of(value))
        ref = cell_ref(r, INDEX["anchor"])
        if not code:
            self.problem(ref, _("The anchor is missing: pick the code of a macroindicator, target indicator or "
                                "Section II task from the sheet of anchors."))
            return None
        found = self.anchors.get(code)
        if found is None and rules.is_through_plan_code(code):
            self.problem(ref, _("«%(code)s» numbers the macroindicator through the whole plan. Annex 1 of the Rules "
                                "numbers macroindicators from 1 again in every strategic direction, so the code "
                                "names the direction too: M1.2 is the second macroindicator of direction 1 (see the "
                                "sheet of anchors).") % {"code": text_of(value)})
        elif found is None:
            self.problem(ref, _("Unknown anchor «%(code)s»: it is not on the sheet of anchors of this plan. A code is "
                                "M, the direction and the macroindicator (M1.2); T, the goal and the target "
                                "indicator (T1.2.1); or II. and the task (II.4).") % {"code": text_of(value)})
        return found

    def name(self, r, key, value) -> str:
        text = text_of(value)
        ref = cell_ref(r, INDEX[key])
        if not text:
            self.problem(ref, _("The name in Kazakh is missing.") if key == "name_kk"
                         else _("The name in Russian is missing."))
        elif len(text) > limits.NAME:
            self.problem(ref, _("The name is longer than %(n)s characters.") % {"n": limits.NAME})
        return text

    def budget(self, r, value) -> tuple[bool, str]:
        text = text_of(value)
        if isinstance(value, int | float) and not isinstance(value, bool) and as_int(value) is not None:
            text = f"{as_int(value):03d}"  # «001» that Excel turned into the number 1
        try:
            codes = rules.parse_budget_codes(text)
        except rules.BudgetCodeError as error:
            self.problem(cell_ref(r, INDEX["budget"]), error.message(current_lang()))
            return False, ""
        written = rules.format_budget_codes(codes) if codes else ""
        if len(written) > limits.BUDGET_CODES:
            self.problem(cell_ref(r, INDEX["budget"]), _("The text is too long: at most %(n)s characters.")
                         % {"n": limits.BUDGET_CODES})
            return False, ""
        return (not codes), written

    def executors(self, r, value) -> list[int]:
        ref = cell_ref(r, INDEX["executors"])
        codes = [c.strip() for c in _UNIT_SEP.split(text_of(value)) if c.strip()]
        if not codes:
            self.problem(ref, _("No executor: give the code of the lead executor's unit (see the sheet of units)."))
            return []
        ids = []
        for code in codes:
            unit_id = self.units.get(code.casefold())
            if unit_id is None:
                self.problem(ref, _("Unknown unit «%(code)s»: it is not on the sheet of units.") % {"code": code})
            elif unit_id in ids:
                self.problem(ref, _("Unit «%(code)s» is listed twice.") % {"code": code})
            else:
                ids.append(unit_id)
        return ids

    def deadline(self, r, values) -> rules.Deadline | None:
        kind_text = text_of(values["kind"])
        wording = text_of(values["wording"])
        fields = ("date", "month", "quarter", "day")
        structured = any(values[k] not in (None, "") for k in fields)
        kind_ref = cell_ref(r, INDEX["kind"])
        if not kind_text:
            if structured:
                self.problem(kind_ref, _("The deadline kind is missing."))
                return None
            if not wording:
                self.problem(kind_ref, _("The deadline is missing: pick its kind and fill its fields, or word it "
                                         "in column %(col)s.") % {"col": get_column_letter(INDEX["wording"] + 1)})
                return None
            try:
                return rules.parse_wording(wording)
            except rules.DeadlineError as error:
                self.problem(cell_ref(r, INDEX["wording"]), error.message(current_lang()))
                return None
        kind = self.kinds.get(_norm(kind_text))
        if kind is None:
            self.problem(kind_ref, _("Unknown deadline kind «%(kind)s»: this workbook takes only the kinds of its own "
                                     "list: %(choices)s.") % {
                "kind": kind_text, "choices": ", ".join(f"«{label}»" for _value, label in self.kind_labels)})
            return None
        parsed = {"date": self.date_value(r, values["date"])}
        unreadable = parsed["date"] is False
        for key in ("month", "quarter", "day"):
            raw = values[key]
            number = as_int(raw)
            if raw not in (None, "") and number is None:
                self.problem(cell_ref(r, INDEX[key]), _("A whole number is expected here."))
                unreadable = True
            parsed[key] = number
        if unreadable:
            return None
        deadline = rules.Deadline(rules.DeadlineKind(kind), **parsed)
        try:
            deadline.validate()
        except rules.DeadlineError as error:
            self.problem(kind_ref, error.message(current_lang()))
            return None
        if deadline.date is not None and deadline.date.year != self.plan.year:
            self.problem(cell_ref(r, INDEX["date"]), _("The date is not in the plan's year %(year)s.")
                         % {"year": self.plan.year})
            return None
        return deadline

    def date_value(self, r, value):
        """A date, None when empty, False after reporting a problem."""
        if value in (None, ""):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = text_of(value)
        match = _DOTTED.fullmatch(text)
        try:
            if match:
                return date(int(match[3]), int(match[2]), int(match[1]))
            return date.fromisoformat(text)
        except ValueError:
            self.problem(cell_ref(r, INDEX["date"]), _("«%(value)s» is not a date: write it as dd.mm.yyyy.")
                         % {"value": text})
            return False

    def completion(self, r, kk_value, ru_value):
        kk, ru = text_of(kk_value), text_of(ru_value)
        if not kk and not ru:
            self.problem(cell_ref(r, INDEX["completion_kk"]), _("The completion form is missing."))
            return None, "", ""
        for key, text in (("completion_kk", kk), ("completion_ru", ru)):
            if len(text) > limits.COMPLETION:
                self.problem(cell_ref(r, INDEX[key]), _("The completion form is longer than %(n)s characters.")
                             % {"n": limits.COMPLETION})
        form_kk = self.forms.get(_norm(kk)) if kk else None
        form_ru = self.forms.get(_norm(ru)) if ru else None
        form = form_kk or form_ru
        if form is not None and (not kk or form_kk is form) and (not ru or form_ru is form):
            return form, "", ""
        return None, kk or ru, ru or kk


def check_plan_workbook(upload, version: PlanVersion) -> ImportCheck:
    """Every problem of an uploaded import workbook, or the events to save when there is none."""
    checker = _Checker(version, current_lang())
    if version.status != PlanVersion.Status.DRAFT:
        checker.problem("", _("Version %(number)s of the plan is not a draft: events can be imported only into the "
                              "draft.") % {"number": version.number}, sheet="")
        return checker.result
    try:
        wb = open_workbook(upload)
    except WorkbookRejected as rejected:
        checker.result.problems.append(rejected.problem)
        return checker.result
    try:
        if not checker.check_identity(wb):
            return checker.result
        ws = wb.worksheets[0]
        checker.sheet = ws.title
        checker.load_references()
        rows = ws.iter_rows(min_row=1, max_col=len(COLUMNS))
        header = next(rows, ())
        if not checker.check_headers(header):
            return checker.result
        for r, cells in enumerate(rows, start=FIRST_DATA_ROW):
            if all(c.value in (None, "") or (isinstance(c.value, str) and not c.value.strip()) for c in cells):
                continue
            if r > MAX_ROWS + 1:
                checker.problem(f"A{r}", _("A workbook may hold at most %(n)s events.") % {"n": MAX_ROWS})
                break
            checker.check_row(r, cells)
        if not checker.result.events and not checker.result.problems:
            checker.problem("A2", _("The workbook has no events to import."))
    finally:
        wb.close()
    if checker.result.problems:
        checker.result.events = []
    return checker.result
