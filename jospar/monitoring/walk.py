"""The plan as monitoring reads it: events in Form order with their numbers, anchors and occurrences.

One walk of a version costs a fixed number of queries (five levels of the development plan, the
units, the completion forms, the revisions, their executors) whatever the plan's size, all read
through planning's selectors (monitoring runs no query of its own on planning's tables); everything
else here is plain Python. The grouping and the numbering are those of
`planning.selectors.form1_rows`, so event N in a report is event N of the approved plan.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from jospar import rules
from jospar.i18n import localized
from jospar.orgs.models import OrgUnit
from jospar.planning import selectors as plan_selectors
from jospar.planning.models import (
    PlanVersion,
)

LANG_INDEX = {"kk": 0, "ru": 1, "en": 2}


def pick(texts, lang: str) -> str:
    """The text in `lang`, else Russian, else Kazakh, else English (texts ordered kk, ru[, en])."""
    i = LANG_INDEX[lang]
    if i < len(texts) and texts[i]:
        return texts[i]
    return texts[1] or texts[0] or (texts[2] if len(texts) > 2 else "") or ""


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


def _unit_names(body_id: int, lang: str) -> dict[int, str]:
    """The body's few units, each named once."""
    return {uid: pick(texts, lang) for uid, *texts in
            OrgUnit.objects.filter(body_id=body_id).values_list("id", "name_kk", "name_ru", "name_en")}


def _read(version: PlanVersion, lang: str, unit_names: dict) -> tuple[list, dict]:
    """The revisions in order, and per revision its executor unit ids (lead first) and their names."""
    executors: dict[int, tuple[list[int], list[str]]] = {}
    revisions, executor_rows = plan_selectors.version_event_rows(version, lang)
    for rid, unit_id in executor_rows:
        found = executors.get(rid)
        if found is None:
            found = executors[rid] = ([], [])
        found[0].append(unit_id)
        found[1].append(unit_names.get(unit_id, ""))
    return revisions, executors


def _mark_cancellations(plan, cancelled: list) -> None:
    """When each cancelled event was cancelled: the approval of the first version that cancelled it
    (one query, and only when the version cancels anything)."""
    if not cancelled:
        return
    first = plan_selectors.first_cancelled_on(plan, [info.event_id for info in cancelled])
    for info in cancelled:
        info.cancelled_on = first.get(info.event_id)


def walk(version: PlanVersion, lang: str, form: int = 2, units=None) -> PlanWalk:
    """The version's events in Form order, under their headings (labels of Form ``form``). ``units``: the
    body's units when the caller has them already (they name the executors; otherwise read here)."""
    plan = version.plan
    # A version may be tied to a later edition of the development plan (as in planning.selectors.form1_rows).
    devplan_id = getattr(version, "development_plan_id", None) or plan.development_plan_id
    labels = rules.edition_by_key(plan.rule_edition).form(form)
    directions, macros, goals, indicators, tasks = plan_selectors.development_plan_levels(devplan_id)
    forms = plan_selectors.completion_form_names(plan.body_id, lang)
    wordings: dict[tuple, tuple] = {}
    dates: dict = {}
    by_anchor: dict[tuple, list[EventInfo]] = defaultdict(list)
    names = ({u.id: localized(u, "name", lang) for u in units} if units is not None
             else _unit_names(plan.body_id, lang))
    revisions, executors = _read(version, lang, names)
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
        ids, names = executors.get(v[0], ((), ()))
        by_anchor[anchor].append(
            EventInfo(v[1], v[0], v[5], ids, names, cached[0], cached[2], cached[1], forms.get(v[11]) or v[12],
                      anchor, bool(v[13]))
        )

    _mark_cancellations(plan, [info for infos in by_anchor.values() for info in infos if info.cancelled])
    events: list[EventInfo] = []

    def take(key, parent: Group, direction_id=None, goal_id=None):
        for info in by_anchor.get(key, ()):
            info.number = len(events) + 1
            info.direction_id, info.goal_id = direction_id, goal_id
            events.append(info)
            parent.children.append(info)

    def group(kind, obj, field_name, n) -> Group:
        return Group(kind, localized(obj, "name", lang), labels.get(field_name, lang).format(n=n), (kind, obj.id))

    section1 = Group("section", labels.get("section1", lang), key=("section", 1))
    macro_no = 0
    for d_pos, direction in enumerate(directions, start=1):
        d_group = group("direction", direction, "direction", d_pos)
        section1.children.append(d_group)
        for macro in macros[direction.id]:
            macro_no += 1
            m_group = group("macroindicator", macro, "macroindicator", macro_no)
            d_group.children.append(m_group)
            take(("m", macro.id), m_group, direction.id)
        for g_pos, goal in enumerate(goals[direction.id], start=1):
            g_group = group("goal", goal, "goal", rules.goal_number(d_pos, g_pos))
            d_group.children.append(g_group)
            for t_pos, indicator in enumerate(indicators[goal.id], start=1):
                t_group = group("target_indicator", indicator, "target_indicator",
                                rules.target_indicator_number(d_pos, g_pos, t_pos))
                g_group.children.append(t_group)
                take(("t", indicator.id), t_group, direction.id, goal.id)
    section2 = Group("section", labels.get("section2", lang), key=("section", 2))
    for t_pos, task in enumerate(tasks, start=1):
        r_group = Group("task", localized(task, "name", lang), str(t_pos), ("task", task.id))
        section2.children.append(r_group)
        take(("r", task.id), r_group)

    return PlanWalk(
        version=version,
        sections=[section1, section2],
        events=events,
        by_event={e.event_id: e for e in events},
        direction_names={
            d.id: (labels.get("direction", lang).format(n=i), localized(d, "name", lang))
            for i, d in enumerate(directions, start=1)
        },
        goal_names={
            g.id: (labels.get("goal", lang).format(n=rules.goal_number(d_pos, g_pos)), localized(g, "name", lang))
            for d_pos, d in enumerate(directions, start=1)
            for g_pos, g in enumerate(goals[d.id], start=1)
        },
        indicator_names={
            t.id: (labels.get("target_indicator", lang).format(n=rules.target_indicator_number(d_pos, g_pos, t_pos)),
                   localized(t, "name", lang))
            for d_pos, d in enumerate(directions, start=1)
            for g_pos, g in enumerate(goals[d.id], start=1)
            for t_pos, t in enumerate(indicators[g.id], start=1)
        },
        labels=labels,
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


class Occurrences:
    """Occurrences of deadlines in one plan year, worked out once per distinct deadline and quarter (a plan of
    2,000 events has a few dozen distinct deadlines)."""

    def __init__(self, year: int):
        self.year = year
        self._all: dict[tuple, list] = {}
        self._split: dict[tuple, tuple] = {}

    def of(self, info: EventInfo) -> list:
        found = self._all.get(info.deadline_key)
        if found is None:
            found = self._all[info.deadline_key] = info.deadline.occurrences(self.year)
        return found

    def split(self, info: EventInfo, quarter: int) -> tuple:
        """(earlier, due, in progress) occurrences as (index, due, quarter) for ``quarter``."""
        key = (info.deadline_key, quarter)
        found = self._split.get(key)
        if found is None:
            occs = self.of(info)
            earlier = tuple((o.index, o.due, o.quarter) for o in occs if o.quarter < quarter)
            due = tuple((o.index, o.due, o.quarter) for o in occs if o.quarter == quarter)
            progress = None
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
