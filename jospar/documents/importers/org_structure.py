"""Importing a body's units and people from the org-structure workbook: checked in full, then all or nothing.

`import_org_structure(user=, upload=)` opens the upload through the guarded reader (`workbook_io.open_workbook`),
reads every row of both sheets and collects every problem (sheet, cell, a plain message in the reader's
language) against what the body holds now and what the workbook itself says — the same rules as the
administration pages (`orgs.manage.services`): unique codes and logins, one unit responsible for planning
and monitoring, planners in that unit, unit roles with a unit and the others without, offices of §6 for
executives only. Only when there is no problem at all does it save, through `services.apply_import`, in
the same transaction (the body is locked from the check to the save). Units are matched by code and
people by login, so importing the same workbook again changes nothing.
"""
import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from jospar.documents.importers import org_layout as layout
from jospar.documents.importers.workbook_io import Problem, WorkbookRejected, cell_ref, open_workbook
from jospar.orgs.manage import imports, services
from jospar.orgs.manage.imports import ImportCounts, PersonRow, RoleRow, UnitRow
from jospar.orgs.models import UNIT_ROLES, Membership, OrgUnit, Role

MAX_PROBLEMS = 300
CODE = re.compile(r"^[-a-zA-Z0-9_]+$")
LIMITS = {"code": 32, "name_kk": 300, "name_ru": 300, "name_en": 300, "username": 150, "last_name": 150,
          "first_name": 150, "patronymic": 150, "email": 254, "position_kk": 300, "position_ru": 300}
PERSON_KEYS = ("last_name", "first_name", "patronymic", "email", "position_kk", "position_ru", "language")


@dataclass
class OrgCheck:
    units: list = field(default_factory=list)
    people: list = field(default_factory=list)
    roles: list = field(default_factory=list)
    problems: list = field(default_factory=list)


@dataclass
class Row:
    number: int
    values: dict
    cols: dict  # key -> 0-based column
    bad: set = field(default_factory=set)  # keys of cells already refused (a formula, an error value)


class _Checker:
    def __init__(self, body_id: int):
        self.body_id = body_id
        self.result = OrgCheck()
        self.sheet = ""
        self.cols: dict = {}
        self.marked: list[tuple[Row, UnitRow]] = []

    def problem(self, row: int | None, key_or_col, message: str, sheet: str | None = None) -> None:
        if len(self.result.problems) >= MAX_PROBLEMS:
            return
        cell = ""
        if row is not None and key_or_col is not None:
            col = key_or_col if isinstance(key_or_col, int) else self.cols.get(key_or_col)
            cell = cell_ref(row, col) if col is not None else ""
        self.result.problems.append(Problem(self.sheet if sheet is None else sheet, cell, message))

    # --- the workbook as a whole --------------------------------------------------------------------------

    def read(self, wb) -> dict:
        sheets: dict = {}
        for ws in wb.worksheets:
            kind = layout.sheet_kind(ws.title)
            if kind is None:
                names = ", ".join(f"«{layout.sheet_name(k, _lang())}»" for k in layout.SHEET_ORDER)
                self.problem(None, None, _("This sheet is not part of the template (its sheets are %(names)s). "
                                           "Remove it or rename it.") % {"names": names}, sheet=ws.title)
            elif kind in sheets:
                self.problem(None, None, _("The workbook has two sheets for the same thing: «%(a)s» and «%(b)s». "
                                           "Keep one.") % {"a": sheets[kind].title, "b": ws.title}, sheet=ws.title)
            elif kind in layout.DATA_SHEETS:
                sheets[kind] = ws
        if not sheets:
            self.problem(None, None, _("The workbook has neither the sheet of units nor the sheet of people: "
                                       "download the template and fill it in."), sheet="")
        return {kind: self.rows(ws, kind) for kind, ws in sheets.items()}

    def rows(self, ws, kind) -> list[Row]:
        self.sheet, self.cols = ws.title, {}
        ws.reset_dimensions()
        grid = ws.iter_rows(max_col=layout.MAX_COLUMNS)
        keys = next(grid, ())
        next(grid, ())  # the header row
        known = {c.key for c in layout.COLUMNS[kind]}
        for i, cell in enumerate(keys):
            key = str(cell.value).strip() if cell.value is not None else ""
            if key in known and key not in self.cols:
                self.cols[key] = i
        missing = [c for c in layout.COLUMNS[kind] if c.key not in self.cols]
        if len(missing) == len(layout.COLUMNS[kind]):
            self.problem(None, None, _("The hidden first row with the column keys is missing or changed: copy your "
                                       "rows into a fresh template."))
            return []
        for column in missing:
            if column.required:
                self.problem(None, None, _("The column «%(label)s» is missing.") % {"label": column.label})
        rows = []
        for r, cells in enumerate(grid, start=layout.FIRST_DATA_ROW):
            if all(c.value is None or (isinstance(c.value, str) and not c.value.strip()) for c in cells):
                continue
            if r >= layout.FIRST_DATA_ROW + layout.MAX_ROWS:
                self.problem(r, 0, _("A sheet may hold at most %(n)s rows.") % {"n": layout.MAX_ROWS})
                break
            values: dict = {}
            bad: set = set()
            for key, i in self.cols.items():
                cell = cells[i] if i < len(cells) else None
                if cell is None:
                    values[key] = None
                elif cell.data_type == "f":
                    self.problem(r, i, _("Formulas are not accepted: type the value itself."))
                    values[key] = None
                    bad.add(key)
                elif cell.data_type == "e":
                    self.problem(r, i, _("The cell holds an error value (%(value)s). Type the value itself.")
                                 % {"value": cell.value})
                    values[key] = None
                    bad.add(key)
                else:
                    values[key] = cell.value
            rows.append(Row(r, values, dict(self.cols), bad))
        return rows

    # --- cells ----------------------------------------------------------------------------------------------

    def text(self, row: Row, key: str, *, required=False) -> str:
        value = row.values.get(key)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = "" if value is None else " ".join(str(value).split())
        if required and not text and key not in row.bad:
            self.problem(row.number, key, _("Fill in «%(label)s».") % {"label": _label(row, key)})
        elif key in LIMITS and len(text) > LIMITS[key]:
            self.problem(row.number, key, _("The text is too long: at most %(n)s characters.") % {"n": LIMITS[key]})
        return text

    def choice(self, row: Row, key: str, table: dict, choices, *, required=False) -> str | None:
        text = self.text(row, key, required=required)
        if not text:
            return "" if not required else None
        value = table.get(layout.norm(text))
        if value is None:
            listed = ", ".join(f"«{label}»" for _v, label in layout.labels(choices, _lang()))
            self.problem(row.number, key, _("«%(value)s» is not in the list: %(choices)s.") % {
                "value": text, "choices": listed})
        return value

    def flag(self, row: Row, key: str) -> bool:
        value = layout.yes_no(row.values.get(key))
        if value is None:
            self.problem(row.number, key, _("Write «%(yes)s» or «%(no)s».") % {
                "yes": layout.YES[_lang()], "no": layout.NO[_lang()]})
            return False
        return value

    # --- units ----------------------------------------------------------------------------------------------

    def units(self, rows: list[Row]) -> None:
        if not rows:
            return
        self.sheet, self.cols = self.units_title, rows[0].cols
        kinds = layout.lookup(layout.kind_choices())
        seen: dict[str, int] = {}
        self.marked = []
        for row in rows:
            before = len(self.result.problems)
            code = self.text(row, "code", required=True)
            if code and not CODE.match(code):
                self.problem(row.number, "code", _("«%(code)s» is not a code: use Latin letters, digits, - and _ "
                                                   "only.") % {"code": code})
            elif code.casefold() in seen:
                self.problem(row.number, "code", _("The code «%(code)s» is already on row %(row)s.") % {
                    "code": code, "row": seen[code.casefold()]})
            elif code:
                seen[code.casefold()] = row.number
                unit = self.existing.get(code.casefold())
                if unit is not None and not unit.is_active:
                    self.problem(row.number, "code", _("The unit «%(code)s» is inactive: activate it on the page of "
                                                       "units first, or give another code.") % {"code": code})
            kind = self.choice(row, "kind", kinds, layout.kind_choices(), required=True)
            names = {key: self.text(row, key, required=key != "name_en") for key in ("name_kk", "name_ru", "name_en")}
            planning = self.flag(row, "is_planning")
            position = self.position(row)
            if len(self.result.problems) == before:
                item = UnitRow(code, kind or "", names["name_kk"], names["name_ru"], names["name_en"], planning,
                               position)
                self.result.units.append(item)
                self.marked.append((row, item))

    def position(self, row: Row) -> int | None:
        value = row.values.get("position")
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000:
            self.problem(row.number, "position", _("The order is a whole number from 0."))
            return None
        return value

    def planning_rule(self) -> None:
        """One unit responsible for planning and monitoring, as the body will be after the import; a unit losing
        the mark keeps no planner."""
        self.sheet = self.units_title
        listed = {u.code.casefold(): (row, u) for row, u in self.marked}
        final = {code for code, (_row, u) in listed.items() if u.is_planning}
        final |= {code for code, unit in self.existing.items() if unit.is_planning and code not in listed}
        for code, (row, item) in listed.items():
            self.cols = row.cols
            unit = self.existing.get(code)
            if item.is_planning and len(final) > 1:
                other = sorted(final - {code})[0]
                name = listed[other][1].name_ru if other in listed else self.existing[other].name
                self.problem(row.number, "is_planning", services.msg_planning_taken(name))
            if unit is not None and unit.is_planning and not item.is_planning:
                planners = self.planners.get(unit.pk, 0)
                if planners:
                    self.problem(row.number, "is_planning", services.msg_planners_stay(planners))
        self.planning_code = next(iter(final)) if len(final) == 1 else None
        self.planning_ambiguous = len(final) > 1  # already a problem of the units' sheet

    # --- people ---------------------------------------------------------------------------------------------

    def people(self, rows: list[Row]) -> None:
        if not rows:
            return
        self.sheet, self.cols = self.people_title, rows[0].cols
        roles, offices = layout.lookup(layout.role_choices()), layout.lookup(layout.office_choices())
        languages = layout.language_lookup()
        persons: dict[str, tuple[Row, dict]] = {}
        held: dict[tuple, int] = {}
        logins = (" ".join(str(r.values.get("username") or "").split()) for r in rows)
        accounts = imports.accounts_by_login(login for login in logins if login)
        units = {**{c: u.code for c, u in self.existing.items() if u.is_active},
                 **{u.code.casefold(): u.code for u in self.result.units}}
        for row in rows:
            before = len(self.result.problems)
            login = self.text(row, "username", required=True)
            if login:
                try:
                    UnicodeUsernameValidator()(login)
                except ValidationError:
                    self.problem(row.number, "username", _("A login holds letters, digits and @ . + - _ only, with no "
                                                           "spaces."))
            details: dict[str, Any] = {key: self.text(row, key) for key in PERSON_KEYS if key != "language"}
            if details["email"]:
                try:
                    validate_email(details["email"])
                except ValidationError:
                    self.problem(row.number, "email", _("«%(value)s» is not an e-mail address.") % {
                        "value": details["email"]})
            language = self.text(row, "language")
            details["language"] = languages.get(layout.norm(language)) if language else None
            if language and details["language"] is None:
                listed = ", ".join(f"«{names[_lang()]}»" for names in layout.LANGUAGE_NAMES.values())
                self.problem(row.number, "language", _("«%(value)s» is not in the list: %(choices)s.") % {
                    "value": language, "choices": listed})
            role = self.choice(row, "role", roles, layout.role_choices(), required=True)
            unit_code = self.text(row, "unit")
            office = self.choice(row, "office", offices, layout.office_choices()) or ""
            acting = self.flag(row, "acting")
            self.role_cells(row, role, unit_code, office, acting, units)
            if len(self.result.problems) != before or not login:
                continue
            key = login.casefold()
            first = persons.get(key)
            if first is not None:
                for name in PERSON_KEYS:
                    if details[name] != first[1][name]:
                        self.problem(row.number, name, _("This differs from row %(row)s of the same login: a person's "
                                                         "details are the same on each of their rows.") % {
                            "row": first[0].number})
            else:
                persons[key] = (row, details)
                self.person(row, login, details, accounts.get(key))
            unit_key = unit_code.casefold() if unit_code else ""
            if (key, role, unit_key) in held:
                self.problem(row.number, "role", _("The same role is on row %(row)s.") % {"row": held[(key, role,
                                                                                                      unit_key)]})
                continue
            held[(key, role, unit_key)] = row.number
            self.result.roles.append(RoleRow(login, role or "", units.get(unit_key, ""), office, acting))

    def role_cells(self, row: Row, role, unit_code: str, office: str, acting: bool, units: dict) -> None:
        """Membership.clean and its constraints, cell by cell."""
        if role in UNIT_ROLES and not unit_code:
            self.problem(row.number, "unit", _("Planners, unit heads and unit staff belong to a unit; others do "
                                               "not.") + " " + _("Write the code of the unit."))
        elif role and role not in UNIT_ROLES and unit_code:
            self.problem(row.number, "unit", _("Planners, unit heads and unit staff belong to a unit; others do "
                                               "not.") + " " + _("Leave this cell empty."))
        elif unit_code and unit_code.casefold() not in units:
            self.problem(row.number, "unit", _("Unknown unit «%(code)s»: it is neither an active unit of the body "
                                               "nor on the sheet of units.") % {"code": unit_code})
        elif role == Role.PLANNER and not self.planning_ambiguous and unit_code.casefold() != self.planning_code:
            self.problem(row.number, "unit", _("A planner works in the unit responsible for planning and "
                                               "monitoring; choose that unit."))
        if (office or acting) and role and role != Role.EXECUTIVE:
            self.problem(row.number, "office", _("Only an executive holds an office of §6, or acts for its "
                                                 "holder."))
        elif acting and not office:
            self.problem(row.number, "office", _("Name the office the person acts for."))

    def person(self, row: Row, login: str, details: dict, account) -> None:
        for key in ("last_name", "first_name"):  # required, unless an existing account has none either
            if not details[key] and (account is None or getattr(account, key)):
                self.problem(row.number, key, _("Fill in «%(label)s».") % {"label": _label(row, key)})
        if account is not None:
            if account.pk not in self.members:
                self.problem(row.number, "username", services.msg_login_taken(login))
                return
            person = getattr(account, "person", None)
            current = {"last_name": account.last_name, "first_name": account.first_name, "email": account.email,
                       **{k: getattr(person, k, "") for k in ("patronymic", "position_kk", "position_ru", "language")}}
            wanted = {**details, "language": details["language"] if details["language"] is not None
                      else current["language"]}
            if wanted != current and not services.is_manageable(account, self.body_id):
                self.problem(row.number, "username", services.msg_not_yours())
                return
        self.result.people.append(PersonRow(login, details["first_name"], details["last_name"],
                                            details["patronymic"], details["email"], details["position_kk"],
                                            details["position_ru"], details["language"]))

    # --- all of it ------------------------------------------------------------------------------------------

    def check(self, wb) -> None:
        self.existing = {u.code.casefold(): u for u in OrgUnit.objects.filter(body_id=self.body_id)}
        planners = Membership.objects.filter(body_id=self.body_id, role=Role.PLANNER).values_list("unit_id", flat=True)
        self.planners: dict[int, int] = {}
        for unit_id in planners:
            self.planners[unit_id] = self.planners.get(unit_id, 0) + 1
        self.members = set(Membership.objects.filter(body_id=self.body_id).values_list("user_id", flat=True))
        sheets = self.read(wb)
        titles = {ws.title: layout.sheet_kind(ws.title) for ws in wb.worksheets}
        self.units_title = next((t for t, k in titles.items() if k == "units"), layout.sheet_name("units", _lang()))
        self.people_title = next((t for t, k in titles.items() if k == "people"), layout.sheet_name("people", _lang()))
        self.units(sheets.get("units", []))
        self.planning_rule()
        self.people(sheets.get("people", []))
        if not self.result.problems and not self.result.units and not self.result.people:
            self.problem(None, None, _("The workbook holds no units and no people: there is nothing to import."),
                         sheet="")


def check_org_workbook(upload, body_id: int) -> OrgCheck:
    """Every problem of the workbook, or the rows to save when there is none. Writes nothing."""
    checker = _Checker(body_id)
    try:
        wb = open_workbook(upload)
    except WorkbookRejected as rejected:
        checker.result.problems.append(rejected.problem)
        return checker.result
    try:
        checker.check(wb)
    finally:
        wb.close()
    if checker.result.problems:
        checker.result.units, checker.result.people, checker.result.roles = [], [], []
    return checker.result


@transaction.atomic
def import_org_structure(*, user, upload) -> tuple[ImportCounts | None, list[Problem]]:
    """Check the workbook against the body as it is, then save all of it, or nothing: (counts, []) or
    (None, problems). The body stays locked from the check to the save."""
    body_id = services.body_of(user)
    services.lock_body(body_id)
    result = check_org_workbook(upload, body_id)
    if result.problems:
        return None, result.problems
    try:
        counts = imports.apply_import(user=user, units=result.units, people=result.people, roles=result.roles)
    except ValidationError as error:  # a rule the check missed: refused whole all the same
        transaction.set_rollback(True)
        return None, [Problem("", "", message) for message in error.messages]
    return counts, []


def _label(row: Row, key: str) -> str:
    for columns in layout.COLUMNS.values():
        for column in columns:
            if column.key == key:
                return str(column.label)
    return key


def _lang() -> str:
    from jospar.i18n import current_lang

    return current_lang()
