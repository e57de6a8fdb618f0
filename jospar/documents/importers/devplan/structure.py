"""Numbering checks across the sheets of a development-plan workbook.

Numbers are how a workbook ties rows together: goal 1.2 belongs to strategic direction 1,
target indicator 1.2.3 to goal 1.2, a macroindicator names its direction in a column of its own.
Within a parent, numbers run 1, 2, 3 … without gaps or repeats (macroindicators run through the
whole plan, direction by direction, as Form 1 numbers them). The positions saved come from them.
"""
from collections import defaultdict

from django.utils.translation import gettext as _

from jospar.documents.importers.devplan import layout
from jospar.documents.importers.devplan.problems import cell_ref

WHAT = {
    "directions": lambda n: _("strategic direction %(n)s") % {"n": n},
    "macroindicators": lambda n: _("macroindicator %(n)s") % {"n": n},
    "goals": lambda n: _("goal %(n)s") % {"n": n},
    "indicators": lambda n: _("target indicator %(n)s") % {"n": n},
    "tasks": lambda n: _("Section II task %(n)s") % {"n": n},
}
PARENT = {"macroindicators": "directions", "goals": "directions", "indicators": "goals"}


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label(number) -> str:
    return ".".join(str(n) for n in number)


def check_numbering(items: dict, titles: dict, problems, lang: str) -> None:
    """Report duplicates, orphans, gaps and misordered macroindicators; sort each list by number."""
    title = {kind: titles.get(kind) or layout.sheet_name(kind, lang) for kind in layout.SHEET_ORDER}
    known = {}
    for kind in layout.DATA_SHEETS:
        first_row = {}
        for item in items[kind]:
            if not item.number:
                continue
            if item.number in first_row:
                what = upper_first(WHAT[kind](_label(item.number)))
                problems.add(title[kind], item.row, item.cols.get("number", 1),
                             _("%(what)s appears twice: also in row %(row)s.") % {"what": what,
                                                                                  "row": first_row[item.number]})
                item.number = ()
            else:
                first_row[item.number] = item.row
        known[kind] = set(first_row)
    orphan = {
        "macroindicators": _("Macroindicator %(n)s belongs to strategic direction %(p)s, which is not on the sheet "
                             "«%(sheet)s»."),
        "goals": _("Goal %(n)s belongs to strategic direction %(p)s, which is not on the sheet «%(sheet)s»."),
        "indicators": _("Target indicator %(n)s belongs to goal %(p)s, which is not on the sheet «%(sheet)s»."),
    }
    for kind, parent_kind in PARENT.items():
        key = "direction" if kind == "macroindicators" else "number"
        for item in items[kind]:
            if item.parent and item.parent not in known[parent_kind]:
                problems.add(title[kind], item.row, item.cols.get(key, 1), orphan[kind] % {
                    "n": _label(item.number) or "?", "p": _label(item.parent), "sheet": title[parent_kind]})
    for kind in layout.DATA_SHEETS:
        _check_runs(kind, items[kind], title[kind], problems)
        items[kind].sort(key=lambda item: (item.number or (10**9,), item.row))
    _check_macro_order(items["macroindicators"], title["macroindicators"], problems)


def _check_runs(kind, items, sheet, problems):
    """Within each parent, numbers are 1, 2, 3 …: report the first one that skips."""
    groups = defaultdict(list)
    for item in items:
        if item.number:
            groups[item.number[:-1]].append(item)
    for prefix, members in groups.items():
        for expected, item in enumerate(sorted(members, key=lambda i: i.number[-1]), start=1):
            if item.number[-1] != expected:
                missing = _label((*prefix, expected))
                problems.add(sheet, item.row, item.cols.get("number", 1), _(
                    "%(what)s comes after a gap: %(missing)s is missing. Numbers run 1, 2, 3 … without gaps.")
                    % {"what": upper_first(WHAT[kind](_label(item.number))), "missing": missing})
                break


def _check_macro_order(macros, sheet, problems):
    """Form 1 numbers macroindicators through the plan, direction by direction: so must the workbook."""
    previous = None
    for item in macros:
        if not item.number or not item.parent:
            continue
        if previous is not None and item.parent < previous.parent:
            problems.add(sheet, item.row, item.cols.get("number", 1), _(
                "Macroindicator %(n)s belongs to strategic direction %(d)s but comes after those of direction "
                "%(p)s (%(cell)s). Number macroindicators direction by direction, as Form 1 does.") % {
                "n": _label(item.number), "d": item.parent[0], "p": previous.parent[0],
                "cell": cell_ref(previous.row, previous.cols.get("number", 1))})
            return
        previous = item
