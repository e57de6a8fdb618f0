"""The work list's second sheet: the development plan's indicators the unit answers for, with their actual values.

The unit fills the value, its source and a comment (in Kazakh and in Russian) per indicator — on the fourth
quarter's work list also a row for the year's final value. Everything else is locked and checked back on
upload. The values are saved with the entries, through `monitoring.services_indicators.save_actuals`: all or
nothing, each problem named by its cell.
"""
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from jospar import rules
from jospar import text_limits as limits
from jospar.documents.importers.workbook_io import Problem, cell_ref, is_formula, text_of
from jospar.documents.writers.cells import put, put_text
from jospar.monitoring.services_indicators import ActualInput
from jospar.rules.indicators import parse_value

HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1
COLUMNS = (
    ("key", gettext_lazy("Key"), 10),
    ("label", gettext_lazy("No."), 24),
    ("name", gettext_lazy("Indicator"), 50),
    ("measure", gettext_lazy("Unit of measure"), 14),
    ("planned", gettext_lazy("Planned for the year"), 14),
    ("value", gettext_lazy("Actual value"), 14),
    ("source_kk", gettext_lazy("Source in Kazakh"), 25),
    ("source_ru", gettext_lazy("Source in Russian"), 25),
    ("comment_kk", gettext_lazy("Comment in Kazakh"), 35),
    ("comment_ru", gettext_lazy("Comment in Russian"), 35),
)
INDEX = {key: i for i, (key, _label, _w) in enumerate(COLUMNS)}
TEXTS = ("source_kk", "source_ru", "comment_kk", "comment_ru")
EDITABLE = ("value", *TEXTS)
LOCKED = ("label", "name", "measure", "planned")
FILL_EDIT = PatternFill("solid", fgColor="FFF8E1")
FILL_HEAD = PatternFill("solid", fgColor="EDEDED")
WRAP = Alignment(wrap_text=True, vertical="top")
LIMITS = {"source_kk": limits.INDICATOR_SOURCE, "source_ru": limits.INDICATOR_SOURCE,
          "comment_kk": limits.EXECUTION_TEXT, "comment_ru": limits.EXECUTION_TEXT}


@dataclass(frozen=True)
class IndicatorLine:
    key: str  # "t:12", "t:12/final"
    indicator_key: str
    final: bool
    locked: dict
    value: Decimal | None
    texts: dict
    editable: bool


def indicator_lines(rows, lang: str) -> list[IndicatorLine]:
    """One line per value the unit gives (`monitoring.indicators.UnitIndicator`): the period's, and on the
    fourth quarter's work list also the year's final value."""
    lines = []
    with translation.override(lang):  # the workbook's language, whatever the reader's (it is checked in it too)
        final_words = _("final value for the year")
    for u in rows:
        for final in u.forms:
            actual = u.final if final else u.actual
            label = f"{u.label} — {final_words}" if final else u.label
            lines.append(IndicatorLine(
                key=f"{u.key}/final" if final else u.key, indicator_key=u.key, final=final,
                locked={"label": label, "name": u.name, "measure": u.unit_of_measure,
                        "planned": rules.format_number(u.planned, lang) if u.planned is not None else ""},
                value=actual.value if actual else None,
                texts={name: getattr(actual, name) if actual else "" for name in TEXTS}, editable=u.editable,
            ))
    return lines


def write_sheet(wb, rows, lang: str):
    """The indicators sheet (None when the unit answers for no indicator); its title goes into the meta sheet."""
    lines = indicator_lines(rows, lang)
    if not lines:
        return None
    ws = wb.create_sheet(_("Indicators")[:31])
    title = ws.cell(row=1, column=1)
    put_text(title, _("Target indicators"))
    title.font = Font(bold=True, size=12)
    put_text(ws.cell(row=2, column=1), _("Give the actual value (or an estimate) of each indicator your unit "
                                         "answers for, its source and a comment in Kazakh and in Russian. The "
                                         "other columns are locked; do not add rows."))
    ws.cell(row=2, column=1).font = Font(italic=True)
    for col, (_key, label, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col)
        cell.font, cell.fill, cell.alignment = Font(bold=True), FILL_HEAD, WRAP
        put_text(cell, str(label))
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, line in enumerate(lines, start=FIRST_ROW):
        number = line.value  # a number stays a number in the cell (whole numbers without decimals)
        shown = None if number is None else int(number) if number == number.to_integral_value() else float(number)
        values = {"key": line.key, **line.locked, "value": shown, **line.texts}
        for key, i in INDEX.items():
            cell = ws.cell(row=r, column=i + 1)
            cell.alignment = WRAP
            if key in EDITABLE and line.editable:
                cell.protection = Protection(locked=False)
                cell.fill = FILL_EDIT
            put(cell, values[key])
    ws.freeze_panes = f"{get_column_letter(INDEX['name'] + 1)}{FIRST_ROW}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    return ws


def _norm(text) -> str:
    return " ".join(str(text or "").split()).casefold()


@dataclass
class IndicatorCheck:
    changes: list = field(default_factory=list)  # (cell, ActualInput)
    problems: list = field(default_factory=list)


def _read_row(cells, problem, r) -> tuple[dict, object]:
    """The row's texts by key, and the value cell as typed (a number stays a number)."""
    values, raw_value = {}, None
    for key, i in INDEX.items():
        cell = cells[i] if i < len(cells) else None
        if cell is not None and is_formula(cell):
            problem(r, key, _("Formulas are not accepted: type the value itself."))
            values[key] = ""
            continue
        values[key] = text_of(cell.value) if cell is not None else ""
        if key == "value" and cell is not None:
            raw_value = cell.value
    return values, raw_value


def _check_line(r, line, values, raw_value, problem, result) -> None:
    for key in LOCKED:
        if _norm(values[key]) != _norm(line.locked[key]):
            problem(r, key, _("This cell is locked and was changed; restore «%(text)s».") % {"text": line.locked[key]})
    typed = raw_value if isinstance(raw_value, (int, float)) and not isinstance(raw_value, bool) else values["value"]
    try:
        value = parse_value(typed)
    except ValueError:
        problem(r, "value", _("«%(value)s» is not a number.") % {"value": values["value"]})
        return
    texts = {name: values[name] for name in TEXTS}
    if value == line.value and all(_norm(texts[n]) == _norm(line.texts[n]) for n in TEXTS):
        return
    if not line.editable:
        problem(r, "value", _("This item has been submitted and is locked; only the planner can return it."))
        return
    for name, text in texts.items():
        if len(text) > LIMITS[name]:
            problem(r, name, _("The text is longer than %(n)s characters.") % {"n": LIMITS[name]})
    result.changes.append((cell_ref(r, INDEX["value"]), ActualInput(
        line.indicator_key, "" if value is None else str(value), final=line.final, **texts)))


def check_sheet(ws, rows, lang: str) -> IndicatorCheck:
    """What the unit changed on the indicators sheet, or every problem (each with its cell)."""
    result = IndicatorCheck()
    sheet = ws.title
    lines = {line.key: line for line in indicator_lines(rows, lang)}
    seen = set()

    def problem(row, key, message):
        result.problems.append(Problem(sheet, cell_ref(row, INDEX[key]), message))

    cells_iter = ws.iter_rows(min_row=HEADER_ROW, max_col=len(COLUMNS))
    header = [text_of(c.value) for c in next(cells_iter, ())]
    if len(header) < len(COLUMNS) or any(not h for h in header[:len(COLUMNS)]):
        result.problems.append(Problem(sheet, f"A{HEADER_ROW}", _("The columns of the work list were changed. "
                                                                  "Download it again.")))
        return result
    for r, cells in enumerate(cells_iter, start=FIRST_ROW):
        values, raw_value = _read_row(cells, problem, r)
        if not any(values.values()):
            continue
        line = lines.get(values["key"])
        if line is None:
            problem(r, "key", _("Row %(row)s is not an indicator your unit answers for (key «%(key)s»). Rows "
                                "cannot be added or copied from another work list.") % {"row": r, "key": values["key"]})
        elif line.key in seen:
            problem(r, "key", _("The item «%(key)s» appears twice.") % {"key": line.key})
        else:
            seen.add(line.key)
            _check_line(r, line, values, raw_value, problem, result)
    return result
