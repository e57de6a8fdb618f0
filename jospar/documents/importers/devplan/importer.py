"""Check a development-plan workbook completely, then hand over its content — or every problem.

`parse_workbook(data)` returns a `ParsedPlan` (plain data, nothing saved) or raises
`ImportRefused` listing every problem at once with sheet, cell and message: numbering as Annex 1 of
the Rules numbers (goal 1.2 under direction 1, macroindicators 1, 2 … under every direction, target
indicators 1, 2 … under every goal, numbers running 1, 2, 3 … within their parent),
missing Kazakh or Russian names, duplicates, values that are not numbers, years outside the plan,
unknown sheets and columns, formulas, files that are not workbooks, empty workbooks. Saving is
`service.import_development_plan`, all or nothing.
"""
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from jospar.documents.importers.devplan import layout
from jospar.documents.importers.devplan.problems import Problems
from jospar.documents.importers.devplan.reader import (
    CellError,
    as_date,
    as_integer,
    as_number,
    as_text,
    open_workbook,
    read_sheets,
)
from jospar.documents.importers.devplan.structure import check_numbering
from jospar.i18n import current_lang

NUMBER_SHAPES = {
    "directions": re.compile(r"^(\d+)\.?$"),
    "macroindicators": re.compile(r"^(\d+)\.?$"),
    "goals": re.compile(r"^(\d+)\.(\d+)\.?$"),
    "indicators": re.compile(r"^(\d+)\.?$"),
    "tasks": re.compile(r"^(\d+)\.?$"),
}
NUMBER_EXAMPLES = {"directions": "1", "macroindicators": "1", "goals": "1.2", "indicators": "1", "tasks": "1"}
# A macroindicator names its direction and a target indicator its goal in a column of their own: their own
# numbers restart under every parent, so the item's number is the parent's followed by its own.
OLD_INDICATOR_NUMBER = re.compile(r"^(\d+\.\d+)\.(\d+)\.?$")  # «1.2.3»: before the annex's numbering
PARENT_COLUMN = {"macroindicators": ("direction", "directions"), "indicators": ("goal", "goals")}


@dataclass
class Item:
    """One data row: its number as a tuple, fields by key, planned values by year, and where it stands."""

    kind: str
    number: tuple
    row: int
    fields: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    parent: tuple = ()
    cols: dict = field(default_factory=dict)  # key -> column number, for pointing at cells

    @property
    def label(self) -> str:
        """The number as typed in the workbook: "1.2" for a goal, the own number for a macroindicator."""
        own = self.number[len(self.parent):] if self.kind in PARENT_COLUMN else self.number
        return ".".join(str(n) for n in own)


@dataclass
class ParsedPlan:
    header: dict
    header_cells: dict  # key -> (sheet title, row)
    items: dict  # kind -> [Item] in number order
    sheet_titles: dict  # kind -> sheet title as in the workbook

    def count(self, kind: str) -> int:
        return len(self.items.get(kind, ()))


def parse_workbook(data: bytes) -> ParsedPlan:
    lang = current_lang()
    problems = Problems([layout.sheet_name(k, lang) for k in layout.SHEET_ORDER])
    workbook = open_workbook(data, problems)
    problems.refuse_if_any()
    try:
        sheets = read_sheets(workbook, problems)
    finally:
        workbook.close()
    titles = {kind: sheet.title for kind, sheet in sheets.items()}
    header, header_cells = _read_plan(sheets.get("plan"), problems, lang)
    years = _years(header)
    items = {kind: _read_items(sheets.get(kind), kind, years, problems) for kind in layout.DATA_SHEETS}
    if not items["directions"] and not items["tasks"] and "plan" in sheets:
        where = titles.get("directions") or layout.sheet_name("directions", lang)
        problems.add(where, layout.FIRST_DATA_ROW, 1, _(
            "The workbook holds no strategic directions and no Section II tasks: there is nothing to import."))
    check_numbering(items, titles, problems, lang)
    problems.refuse_if_any()
    return ParsedPlan(header, header_cells, items, titles)


def _years(header: dict) -> range | None:
    first, last = header.get("year_from"), header.get("year_to")
    if isinstance(first, int) and isinstance(last, int) and first <= last:
        return range(first, last + 1)
    return None


def _convert(column, value, data_type):
    converter = {"number": as_number, "integer": as_integer, "date": as_date}.get(column.kind, as_text)
    result = converter(value, data_type)
    if column.kind in ("polarity", "accumulation") and result:
        found = layout.kind_choice(column.kind, result)
        if found is None:
            choices = (_("higher is better, lower is better, a target to hit") if column.kind == "polarity"
                       else _("cumulative, for the period"))
            raise CellError(_("«%(value)s» is not one of: %(choices)s.") % {"value": result, "choices": choices})
        return found
    limit = layout.MAX_LENGTH.get(column.key)
    if isinstance(result, str) and limit and len(result) > limit:
        raise CellError(_("The text is too long: at most %(n)s characters.") % {"n": limit})
    return result


def _read_plan(sheet, problems, lang):
    header, cells = {}, {}
    if sheet is None:
        problems.add(layout.sheet_name("plan", lang), message=_(
            "The sheet «%(name)s» with the plan's title, years, edition and signing date is missing.")
            % {"name": layout.sheet_name("plan", lang)})
        return header, cells
    fields = {c.key: c for c in layout.PLAN_FIELDS}
    rows = {}
    for (row, col), (value, _type) in sorted(sheet.cells.items()):
        if col != layout.PLAN_KEY_COL:
            continue
        key = str(value).strip()
        if key not in fields:
            problems.add(sheet.title, row, col, _("«%(key)s» is not a field of the plan: start from a fresh "
                                                  "template.") % {"key": key})
        elif key in rows:
            problems.add(sheet.title, row, col, _("The field «%(key)s» appears twice.") % {"key": key})
        else:
            rows[key] = row
    for key, column in fields.items():
        if key not in rows:
            problems.add(sheet.title, message=_("The row for «%(label)s» is missing: start from a fresh template.")
                         % {"label": column.label})
            continue
        row = rows[key]
        cells[key] = (sheet.title, row)
        try:
            value = _convert(column, *sheet.value(row, layout.PLAN_VALUE_COL))
        except CellError as error:
            problems.add(sheet.title, row, layout.PLAN_VALUE_COL, str(error))
            continue
        if column.required and value in (None, ""):
            problems.add(sheet.title, row, layout.PLAN_VALUE_COL, _("Fill in «%(label)s».") % {"label": column.label})
            continue
        header[key] = value
    _check_header(sheet.title, header, rows, problems)
    return header, cells


def _check_header(title, header, rows, problems):
    col = layout.PLAN_VALUE_COL
    for key in ("year_from", "year_to"):
        year = header.get(key)
        if year is not None and not layout.MIN_YEAR <= year <= layout.MAX_YEAR:
            problems.add(title, rows[key], col, _("%(year)s is not a plausible year.") % {"year": year})
            header.pop(key)
    first, last = header.get("year_from"), header.get("year_to")
    if first and last and (last < first or last - first >= layout.MAX_SPAN):
        problems.add(title, rows["year_to"], col, _("The last year must come after the first one, within %(n)s "
                                                    "years.") % {"n": layout.MAX_SPAN})
        header.pop("year_to")
    edition = header.get("edition")
    if edition is not None and not 1 <= edition <= 999:
        problems.add(title, rows["edition"], col, _("The edition is a whole number from 1."))
        header.pop("edition")


def _columns(sheet, kind, years, problems):
    """Column number -> Column (or a year) from the key row; unknown columns go to `problems`."""
    if not sheet.cells:
        return None  # an emptied sheet is just empty
    known = {c.key: c for c in layout.COLUMNS[kind]}
    found, seen = {}, {}
    cols = sorted({c for (_r, c) in sheet.cells})
    for col in cols:
        key = as_plain(sheet.value(layout.KEY_ROW, col)[0])
        header = as_plain(sheet.value(layout.HEADER_ROW, col)[0])
        year = layout.year_of_key(key) if key else (int(header) if re.fullmatch(r"\d{4}", header) else None)
        if not key and not header:
            first = next((r for (r, c) in sorted(sheet.cells) if c == col), layout.FIRST_DATA_ROW)
            problems.add(sheet.title, first, col, _("A value in a column that is not part of the template."))
            continue
        if year is not None and kind in layout.HAS_YEARS:
            target = year
        elif key in known:
            target = known[key]
        else:
            row = layout.KEY_ROW if key else layout.HEADER_ROW
            problems.add(sheet.title, row, col, _("The column «%(name)s» is not part of this sheet: remove it or "
                                                  "start from a fresh template.") % {"name": header or key})
            continue
        marker = target if isinstance(target, int) else target.key
        if marker in seen:
            problems.add(sheet.title, layout.HEADER_ROW, col, _("This column repeats column %(col)s.")
                         % {"col": seen[marker]})
            continue
        seen[marker] = _letter(col)
        found[col] = target
    if cols and not any(isinstance(t, layout.Column) for t in found.values()):
        problems.add(sheet.title, layout.KEY_ROW, 1, _(
            "The hidden first row with the column keys is missing or changed: copy your rows into a fresh template."))
        return None
    found_keys = {t.key for t in found.values() if isinstance(t, layout.Column)}
    missing = [c for c in layout.COLUMNS[kind] if c.required and c.key not in found_keys]
    for column in missing:
        problems.add(sheet.title, message=_("The column «%(label)s» is missing.") % {"label": column.label})
    if years is not None:
        for col, target in found.items():
            if isinstance(target, int) and target not in years and _column_has_data(sheet, col):
                problems.add(sheet.title, layout.HEADER_ROW, col, _(
                    "The year %(year)s is outside the plan's years %(a)s–%(b)s.")
                    % {"year": target, "a": years[0], "b": years[-1]})
    return found


def _read_items(sheet, kind, years, problems) -> list[Item]:
    if sheet is None:
        return []
    columns = _columns(sheet, kind, years, problems)
    if not columns:
        return []
    items = []
    for row in range(layout.FIRST_DATA_ROW, sheet.max_row + 1):
        if sheet.row_is_empty(row, columns):
            continue
        item = Item(kind, (), row)
        for col, target in columns.items():
            try:
                if isinstance(target, int):
                    value = as_number(*sheet.value(row, col))
                    if value is not None and (years is None or target in years):
                        item.values[target] = value
                    continue
                item.fields[target.key] = _convert(target, *sheet.value(row, col))
            except CellError as error:
                problems.add(sheet.title, row, col, str(error))
        _check_item(sheet, item, columns, problems)
        items.append(item)
    return items


def _check_item(sheet, item, columns, problems):
    col_of = item.cols = {t.key: c for c, t in columns.items() if isinstance(t, layout.Column)}
    for key in ("name_kk", "name_ru"):
        if key in col_of and not item.fields.get(key):
            message = _("The name in Kazakh is missing.") if key == "name_kk" else _("The name in Russian is missing.")
            problems.add(sheet.title, item.row, col_of[key], message)
    if "number" not in col_of:
        return
    item.number = _number(sheet, item, "number", item.kind, problems)
    if item.kind not in PARENT_COLUMN:
        item.parent = item.number[:-1]
        return
    key, parent_kind = PARENT_COLUMN[item.kind]
    if key in col_of:
        item.parent = _number(sheet, item, key, parent_kind, problems)
    item.number = (*item.parent, *item.number) if item.parent and item.number else ()


def _number(sheet, item, key, kind, problems) -> tuple:
    """The number in the item's column ``key``, shaped as ``kind``'s numbers, or () with the problem."""
    text, col = item.fields.get(key, ""), item.cols[key]
    match = NUMBER_SHAPES[kind].match(text)
    old = OLD_INDICATOR_NUMBER.match(text) if kind == "indicators" else None
    if not text:
        problems.add(sheet.title, item.row, col, _("The number is missing."))
    elif old:
        problems.add(sheet.title, item.row, col, _(
            "«%(value)s» is the old numbering. Annex 1 of the Rules numbers target indicators 1, 2 … again under "
            "every goal: write %(own)s here and the goal's number %(goal)s in the column of the goal.")
            % {"value": text, "own": old.group(2), "goal": old.group(1)})
    elif not match or any(int(part) < 1 for part in match.groups()):
        problems.add(sheet.title, item.row, col, _("«%(value)s» is not a number of this kind: write it like "
                                                   "%(example)s.") % {"value": text, "example": NUMBER_EXAMPLES[kind]})
    else:
        return tuple(int(part) for part in match.groups())
    return ()


def as_plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _column_has_data(sheet, col) -> bool:
    return any(c == col and r >= layout.FIRST_DATA_ROW for (r, c) in sheet.cells)


