"""The plan as monitoring reads it: events in Form order with their numbers, anchors and occurrences.

One walk of a version costs a fixed number of queries (five levels of the development plan, the
units, the completion forms, the revisions, their executors) whatever the plan's size, all read
through planning's selectors (monitoring runs no query of its own on planning's tables); everything
else here is plain Python. The headings, their numbers and labels come from planning's one form tree
(`form_tree`), as Form 1's do, and events are numbered as `planning.selectors.form1_rows` numbers them,
so event N in a report is event N of the approved plan.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from jospar import rules
from jospar.i18n import localized, pick
from jospar.orgs.models import OrgUnit
from jospar.planning import selectors as plan_selectors
from jospar.planning.devplan.selectors import form_tree
from jospar.planning.models import PlanVersion


class EventInfo:
    """An event as the version in force states it, numbered as in Form 1 (a plain slotted class: a walk
    makes thousands)."""

    __slots__ = ("event_id", "revision_id", "number", "name", "executors", "unit_ids", "lead_unit_id", "lead_name",
                 "deadline", "deadline_key", "wording", "completion", "anchor", "direction_id", "goal_id",
                 "cancelled", "cancelled_on")

    def __init__(self, event_id, revision_id, name, unit_ids, unit_names, deadline, deadline_key, wording,
                 completion, anchor, cancelled=False):
        self.event_id, self.revision_id, self.number, self.name = event_id, revision_id, 0, name
        self.unit_ids = unit_ids
        self.lead_unit_id = unit_ids[0] if unit_ids else None
        self.executors = ", ".join(unit_names)
        self.lead_name = unit_names[0] if unit_names else ""
        self.deadline, self.deadline_key, self.wording = deadline, deadline_key, wording
        self.completion, self.anchor, self.cancelled = completion, anchor, cancelled
        self.cancelled_on = None  # approval date of the amendment that cancelled it
        self.direction_id = self.goal_id = None


@dataclass(slots=True)
class Group:
    """A heading of the form: section, direction, macroindicator, goal, target indicator, Section II task."""

    kind: str
    label: str
    number: str = ""
    key: tuple = ()
    children: list = field(default_factory=list)  # Groups and EventInfos, in order


@dataclass
class PlanWalk:
    version: PlanVersion
    sections: list  # two section Groups
    events: list  # EventInfo in Form order (cancelled ones included, for the numbering)
    by_event: dict
    direction_names: dict
    goal_names: dict
    indicator_names: dict
    labels: object = None
    tree: object = None  # the development plan's FormTree (the indicators' table reads its headings)


def _unit_names(body_id: int, lang: str) -> dict[int, str]:
    """The body's few units, each named once."""
    return {uid: pick(texts, lang) for uid, *texts in
            OrgUnit.objects.filter(body_id=body_id).values_list("id", "name_kk", "name_ru", "name_en")}


def _read(version: PlanVersion, lang: str, unit_names: dict) -> tuple[list, dict]:
    """The revisions in order, and per revision its executor unit ids (lead first) and their names."""
    revisions, executor_rows = plan_selectors.version_event_rows(version, lang)
    return revisions, _executors(executor_rows, unit_names)


def _executors(executor_rows, unit_names: dict) -> dict[int, tuple[list[int], list[str]]]:
    """Per revision its executor unit ids (in the rows' order: lead first) and their names."""
    executors: dict[int, tuple[list[int], list[str]]] = {}
    for rid, unit_id in executor_rows:
        found = executors.setdefault(rid, ([], []))
        found[0].append(unit_id)
        found[1].append(unit_names.get(unit_id, ""))
    return executors


def _mark_cancellations(plan, cancelled: list) -> None:
    """When each cancelled event was cancelled: the approval of the first version that cancelled it
    (one query, and only when the version cancels anything)."""
    if not cancelled:
        return
    first = plan_selectors.first_cancelled_on(plan, [info.event_id for info in cancelled])
    for info in cancelled:
        info.cancelled_on = first.get(info.event_id)


def _infos(revisions, executors: dict, lang: str, names: dict, forms: dict) -> list[EventInfo]:
    """`EventInfo` of the rows of `planning.selectors.version_event_rows` (their executors read already)."""
    wordings: dict[tuple, tuple] = {}
    dates: dict = {}
    infos: list[EventInfo] = []
    for v in revisions:
        raw_key = v[6:11]
        cached = wordings.get(raw_key)
        if cached is None:
            on = v[7]
            if isinstance(on, str):  # SQLite hands dates over as text
                on = dates.setdefault(on, date.fromisoformat(on))
            key = (v[6], on, v[8], v[9], v[10])
            deadline = rules.Deadline(rules.DeadlineKind(v[6]), on, v[8], v[9], v[10])
            cached = wordings[raw_key] = (deadline, deadline.wording(lang), key)
        anchor = ("m", v[2]) if v[2] else ("t", v[3]) if v[3] else ("r", v[4])
        ids, unit_names = executors.get(v[0], ((), ()))
        infos.append(EventInfo(v[1], v[0], v[5], ids, unit_names, cached[0], cached[2], cached[1],
                               forms.get(v[11]) or v[12], anchor, bool(v[13])))
    return infos


def event_infos(version: PlanVersion, lang: str = "ru", names: dict | None = None,
                forms: dict | None = None) -> list[EventInfo]:
    """The version's events as `EventInfo`, in their order under each anchor, neither numbered nor placed
    under headings: two queries (the revisions and their executors). Enough for what is due when and who
    leads it (the kept figures, `summaries`); `walk` adds the headings and the numbers. ``names``: unit
    names by id (executors unnamed without them); ``forms``: the completion forms' names by id."""
    names = names or {}
    revisions, executors = _read(version, lang, names)
    return _infos(revisions, executors, lang, names, forms or {})


def units_events(version: PlanVersion, lang: str, unit_ids) -> list[EventInfo]:
    """The events ``unit_ids`` execute (lead or co-executor), in Form order and numbered as `walk` numbers
    them, read without reading the rest of the plan: the form tree, the units' revisions with their rank
    under their heading, their executors, and how many events each heading has (a unit's work list and its
    home card cost what the unit has, not what the plan has). No headings, no cancellation dates."""
    plan = version.plan
    devplan_id = getattr(version, "development_plan_id", None) or plan.development_plan_id
    tree = form_tree(devplan_id, plan.edition.form(2), lang)
    names = _unit_names(plan.body_id, lang)
    rows, executor_rows, counts = plan_selectors.units_event_rows(version, lang, unit_ids)
    executors = _executors(executor_rows, names)
    before: dict[tuple, int] = {}
    seen = 0
    for heading in tree.anchors():
        anchor = heading.anchor
        if anchor is not None and anchor not in before:
            before[anchor] = seen
            seen += counts.get(anchor, 0)
    infos = []
    for row, info in zip(rows, _infos(rows, executors, lang, names,
                                      plan_selectors.completion_form_names(plan.body_id, lang)), strict=True):
        if info.anchor in before:  # an event under no heading of the form is not in it (as in `walk`)
            info.number = before[info.anchor] + row[-1]
            infos.append(info)
    return sorted(infos, key=lambda info: info.number)


def walk(version: PlanVersion, lang: str, form: int = 2, units=None) -> PlanWalk:
    """The version's events in Form order, under their headings (labels of Form ``form``). ``units``: the
    body's units when the caller has them already (they name the executors; otherwise read here)."""
    plan = version.plan
    # A version may be tied to a later edition of the development plan (as in planning.selectors.form1_rows).
    devplan_id = getattr(version, "development_plan_id", None) or plan.development_plan_id
    labels = plan.edition.form(form)
    tree = form_tree(devplan_id, labels, lang)
    forms = plan_selectors.completion_form_names(plan.body_id, lang)
    names = ({u.id: localized(u, "name", lang) for u in units} if units is not None
             else _unit_names(plan.body_id, lang))
    by_anchor: dict[tuple, list[EventInfo]] = defaultdict(list)
    for info in event_infos(version, lang, names, forms):
        by_anchor[info.anchor].append(info)

    _mark_cancellations(plan, [info for infos in by_anchor.values() for info in infos if info.cancelled])
    events: list[EventInfo] = []

    def take(key, parent: Group, direction_id=None, goal_id=None):
        for info in by_anchor.get(key, ()):
            info.number = len(events) + 1
            info.direction_id, info.goal_id = direction_id, goal_id
            events.append(info)
            parent.children.append(info)

    def group(heading, parent: Group) -> Group:
        found = Group(heading.kind, heading.name, heading.label, heading.key)
        parent.children.append(found)
        return found

    sections = [Group("section", label, key=("section", n)) for n, (label, _h) in enumerate(tree.sections(), 1)]
    for direction in tree.directions:
        d_group = group(direction, sections[0])
        for child in direction.children:
            c_group = group(child, d_group)
            if child.kind == "macroindicator":
                take(child.anchor, c_group, direction.obj.pk)
            for indicator in child.children:
                take(indicator.anchor, group(indicator, c_group), direction.obj.pk, child.obj.pk)
    for task in tree.tasks:
        take(task.anchor, group(task, sections[1]))

    return PlanWalk(
        version=version,
        sections=sections,
        events=events,
        by_event={e.event_id: e for e in events},
        direction_names={d.obj.pk: (d.label, d.name) for d in tree.directions},
        goal_names={g.obj.pk: (g.label, g.name) for g in tree.goals()},
        indicator_names={t.obj.pk: (t.place, t.name) for t in tree.target_indicators()},
        labels=labels,
        tree=tree,
    )


# ---- occurrences and work items ------------------------------------------------------------------

DUE, CARRIED, IN_PROGRESS = "due", "carried", "in_progress"


class Item(NamedTuple):
    """One occurrence a unit reports on in a period: due there, carried over, or in progress."""

    event_id: int
    occurrence: int
    due: date
    quarter: int  # the quarter the occurrence is attributed to
    kind: str  # due | carried | in_progress


# (index, due date, quarter) of one occurrence
_Occ = tuple[int, date, int]
# occurrences before the quarter, those due in it, and the one in progress in it (or None)
_Split = tuple[tuple[_Occ, ...], tuple[_Occ, ...], _Occ | None]


class Occurrences:
    """Occurrences of deadlines in one plan year, worked out once per distinct deadline and quarter (a plan of
    2,000 events has a few dozen distinct deadlines)."""

    def __init__(self, year: int):
        self.year = year
        self._all: dict[tuple, list] = {}
        self._split: dict[tuple, _Split] = {}

    def of(self, info: EventInfo) -> list:
        found = self._all.get(info.deadline_key)
        if found is None:
            found = self._all[info.deadline_key] = info.deadline.occurrences(self.year)
        return found

    def split(self, info: EventInfo, quarter: int) -> _Split:
        """(earlier, due, in progress) occurrences as (index, due, quarter) for ``quarter``."""
        key = (info.deadline_key, quarter)
        found = self._split.get(key)
        if found is None:
            occs = self.of(info)
            earlier = tuple((o.index, o.due, o.quarter) for o in occs if o.quarter < quarter)
            due = tuple((o.index, o.due, o.quarter) for o in occs if o.quarter == quarter)
            progress: _Occ | None = None
            if occs and occs[0].quarter > quarter and info.deadline.in_progress_in(
                    rules.ReportingPeriod(self.year, quarter)):
                progress = (occs[0].index, occs[0].due, occs[0].quarter)
            found = self._split[key] = (earlier, due, progress)
        return found


def items_in(info: EventInfo, quarter: int, occurrences: Occurrences, closed: set) -> list[Item]:
    """What the lead executor reports on in ``quarter``: earlier occurrences not yet executed (``closed`` holds
    (event_id, occurrence) executed in an earlier period), those falling due there, and — for «within the
    year» — the year's single occurrence, in progress, in quarters I–III (rules.Deadline.in_progress_in)."""
    if info.cancelled:
        return []
    earlier, due, progress = occurrences.split(info, quarter)
    eid = info.event_id
    out = [Item(eid, i, d, q, CARRIED) for i, d, q in earlier if (eid, i) not in closed] if earlier else []
    for i, d, q in due:
        out.append(Item(eid, i, d, q, DUE))
    if progress:
        out.append(Item(eid, *progress, IN_PROGRESS))
    return out


def has_items(info: EventInfo, quarter: int, occurrences: Occurrences, closed: set) -> bool:
    """Whether ``items_in`` would list anything (cheaper: for the timeliness of earlier quarters)."""
    if info.cancelled:
        return False
    earlier, due, progress = occurrences.split(info, quarter)
    return bool(due or progress) or any((info.event_id, i) not in closed for i, _d, _q in earlier)


def cumulative_items(info: EventInfo, quarter: int, occurrences: Occurrences) -> list[Item]:
    """The cumulative view (the official report): every occurrence due from 1 January to the quarter's end,
    plus «within the year» in progress. An event cancelled by an amendment keeps the occurrences that fell
    due before its cancellation (what was due and reported stays in the year's report, struck through)."""
    earlier, due, progress = occurrences.split(info, quarter)
    eid = info.event_id
    if info.cancelled:
        until = info.cancelled_on
        return [Item(eid, i, d, q, DUE) for i, d, q in earlier + due if until and d < until]
    out = [Item(eid, i, d, q, DUE) for i, d, q in earlier + due]
    if progress:
        out.append(Item(eid, *progress, IN_PROGRESS))
    return out
