"""Numbering checks across the sheets of a development-plan workbook.

Numbers are how a workbook ties rows together, as Annex 1 of the Rules numbers them: goal 1.2 belongs
to strategic direction 1; a macroindicator names its direction and a target indicator its goal in a
column of their own, and their own numbers restart at 1 under every direction or goal
(«1-макроиндикатор», «2-макроиндикатор» under each direction). Within a parent, numbers run 1, 2, 3 …
without gaps or repeats; the old numbering of macroindicators through the whole plan is refused with
its own message. The positions saved come from the numbers.
"""
from collections import defaultdict

from django.utils.translation import gettext as _

from jospar.documents.importers.devplan import layout

WHAT = {  # an item by its full number: (direction, macroindicator), (direction, goal, indicator) …
    "directions": lambda n: _("strategic direction %(n)s") % {"n": _label(n)},
    "macroindicators": lambda n: _("macroindicator %(n)s of strategic direction %(p)s") % {
        "n": n[-1], "p": _label(n[:-1])},
    "goals": lambda n: _("goal %(n)s") % {"n": _label(n)},
    "indicators": lambda n: _("target indicator %(n)s of goal %(p)s") % {"n": n[-1], "p": _label(n[:-1])},
    "tasks": lambda n: _("Section II task %(n)s") % {"n": _label(n)},
}
PARENT = {"macroindicators": "directions", "goals": "directions", "indicators": "goals"}
PARENT_KEY = {"macroindicators": "direction", "goals": "number", "indicators": "goal"}


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label(number) -> str:
    return ".".join(str(n) for n in number)


def check_numbering(items: dict, titles: dict, problems, lang: str) -> None:
    """Report duplicates, orphans, gaps and macroindicators numbered through the plan; sort each list by number."""
    title = {kind: titles.get(kind) or layout.sheet_name(kind, lang) for kind in layout.SHEET_ORDER}
    known = {}
    for kind in layout.DATA_SHEETS:
        first_row: dict[str, int] = {}
        for item in items[kind]:
            if not item.number:
                continue
            if item.number in first_row:
                what = upper_first(WHAT[kind](item.number))
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
        for item in items[kind]:
            if item.parent and item.parent not in known[parent_kind]:
                problems.add(title[kind], item.row, item.cols.get(PARENT_KEY[kind], 1), orphan[kind] % {
                    "n": item.label or "?", "p": _label(item.parent), "sheet": title[parent_kind]})
    for kind in layout.DATA_SHEETS:
        _check_runs(kind, items[kind], title[kind], problems)
        items[kind].sort(key=lambda item: (item.number or (10**9,), item.row))


def _check_runs(kind, items, sheet, problems):
    """Within each parent, numbers are 1, 2, 3 …: report the first one that skips."""
    groups = defaultdict(list)
    for item in items:
        if item.number:
            groups[item.number[:-1]].append(item)
    before = 0  # macroindicators of the directions before this one
    for prefix, members in sorted(groups.items()):
        members.sort(key=lambda i: i.number[-1])
        before, through = before + len(members), before
        if kind == "macroindicators" and through and members[0].number[-1] == through + 1:
            _through_the_plan(members[0], sheet, problems)
            continue
        for expected, item in enumerate(members, start=1):
            if item.number[-1] != expected:
                problems.add(sheet, item.row, item.cols.get("number", 1), _(
                    "%(what)s comes after a gap: %(missing)s is missing. Numbers run 1, 2, 3 … without gaps.")
                    % {"what": upper_first(WHAT[kind](item.number)), "missing": WHAT[kind]((*prefix, expected))})
                break


def _through_the_plan(first, sheet, problems):
    """A direction whose macroindicators go on from the directions before it: numbered through the whole
    plan, as Jospar numbered them before it followed the annex."""
    problems.add(sheet, first.row, first.cols.get("number", 1), _(
        "The macroindicators of strategic direction %(d)s start at %(n)s. Annex 1 of the Rules numbers "
        "macroindicators from 1 again in every strategic direction («1-макроиндикатор», «2-макроиндикатор» …), "
        "not through the whole plan: number this direction's macroindicators 1, 2 ….")
        % {"d": _label(first.number[:-1]), "n": first.number[-1]})
