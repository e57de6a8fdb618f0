"""The development plan as a tree for its page and its workbook, read with a fixed number of queries.

Numbers are derived from the order, as Form 1 derives them: directions 1, 2 …; macroindicators
through the whole plan; goals 1.1 …; target indicators 1.1.1 …; Section II tasks 1, 2 ….
"""
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.formats import number_format

from jospar import rules
from jospar.i18n import current_lang, localized
from jospar.planning.models import (
    DevelopmentPlan,
    EventRevision,
    Goal,
    IndicatorValue,
    Macroindicator,
    PlanVersion,
    Proposal,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)


@dataclass
class Node:
    kind: str  # direction | macroindicator | goal | indicator | task
    obj: object
    number: str
    heading: str  # "1-стратегиялық бағыт", "Цель 1.2" … in the official wording
    first: bool = False
    last: bool = False
    events: int = 0  # events (any version) and proposals anchored here or below
    values: dict = field(default_factory=dict)  # year -> planned value
    macros: list = field(default_factory=list)
    goals: list = field(default_factory=list)
    indicators: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return localized(self.obj, "name")

    @property
    def other_name(self) -> str:
        """The name in the other official language (Russian beside Kazakh, Kazakh beside the rest)."""
        other = "ru" if current_lang() == "kk" else "kk"
        text = getattr(self.obj, f"name_{other}", "")
        return "" if text == self.name else text

    @property
    def baseline_text(self) -> str:
        return shown(getattr(self.obj, "baseline", None))

    @property
    def unit(self) -> str:
        return localized(self.obj, "unit")

    values_in_years: list = field(default_factory=list)  # planned values aligned with the plan's years


@dataclass
class Tree:
    plan: DevelopmentPlan
    years: list
    directions: list
    tasks: list
    operational_years: list
    counts: dict
    approved_years: list = field(default_factory=list)  # non-empty: the edition is read-only, as signed

    @property
    def title(self) -> str:
        return localized(self.plan, "title")

    @property
    def is_empty(self) -> bool:
        return not (self.directions or self.tasks)

    def find(self, kind: str, pk: int):
        for node in self.nodes():
            if node.kind == kind and node.obj.pk == pk:
                return node
        return None

    def nodes(self):
        for d in self.directions:
            yield d
            yield from d.macros
            for g in d.goals:
                yield g
                yield from g.indicators
        yield from self.tasks


def shown(value) -> str:
    """A planned value as people write it: 1500.5000 -> "1500,5" in Kazakh and Russian, "420" not "420.0000"."""
    return "" if value is None else number_format(value.normalize())


def labels_for(plan: DevelopmentPlan):
    try:
        return rules.edition_for_year(plan.year_from).form1
    except LookupError:
        return rules.EDITIONS[-1].form1


def _mark_ends(nodes):
    for i, node in enumerate(nodes):
        node.first, node.last = i == 0, i == len(nodes) - 1
    return nodes


def devplan_tree(plan: DevelopmentPlan, lang: str | None = None) -> Tree:
    """Ten queries whatever the plan's size (pinned by a test)."""
    lang = lang or current_lang()
    labels = labels_for(plan)
    directions = list(StrategicDirection.objects.filter(plan=plan).order_by("position", "id"))
    macros = _grouped(Macroindicator.objects.filter(direction__plan=plan), "direction_id")
    goals = _grouped(Goal.objects.filter(direction__plan=plan), "direction_id")
    indicators = _grouped(TargetIndicator.objects.filter(goal__direction__plan=plan), "goal_id")
    values = defaultdict(dict)
    for macro_id, target_id, year, value in IndicatorValue.objects.filter(
        Q(macroindicator__direction__plan=plan) | Q(target_indicator__goal__direction__plan=plan)
    ).values_list("macroindicator_id", "target_indicator_id", "year", "value"):
        values[("m", macro_id) if macro_id else ("t", target_id)][year] = value
    tasks = list(RegulationTask.objects.filter(plan=plan).order_by("position", "id"))
    anchored = _anchored_counts(plan)
    operational_years = list(plan.operational_plans.order_by("year").values_list("year", flat=True))

    tree_dirs, macro_no = [], 0
    for d_pos, direction in enumerate(directions, start=1):
        d_node = Node("direction", direction, str(d_pos), labels.get("direction", lang).format(n=d_pos))
        for macro in macros[direction.id]:
            macro_no += 1
            node = Node("macroindicator", macro, str(macro_no),
                        labels.get("macroindicator", lang).format(n=macro_no),
                        events=anchored.get(("m", macro.id), 0), values=values[("m", macro.id)])
            d_node.macros.append(node)
        for g_pos, goal in enumerate(goals[direction.id], start=1):
            number = rules.goal_number(d_pos, g_pos)
            g_node = Node("goal", goal, number, labels.get("goal", lang).format(n=number))
            for t_pos, indicator in enumerate(indicators[goal.id], start=1):
                t_number = rules.target_indicator_number(d_pos, g_pos, t_pos)
                g_node.indicators.append(Node(
                    "indicator", indicator, t_number, labels.get("target_indicator", lang).format(n=t_number),
                    events=anchored.get(("t", indicator.id), 0), values=values[("t", indicator.id)]))
            _mark_ends(g_node.indicators)
            g_node.events = sum(t.events for t in g_node.indicators)
            d_node.goals.append(g_node)
        _mark_ends(d_node.macros)
        _mark_ends(d_node.goals)
        d_node.events = sum(n.events for n in d_node.macros) + sum(n.events for n in d_node.goals)
        tree_dirs.append(d_node)
    task_nodes = [
        Node("task", task, str(pos), str(pos), events=anchored.get(("r", task.id), 0))
        for pos, task in enumerate(tasks, start=1)
    ]
    counts = {
        "directions": len(directions), "macroindicators": macro_no,
        "goals": sum(len(g) for g in goals.values()), "indicators": sum(len(i) for i in indicators.values()),
        "tasks": len(tasks),
    }
    years = list(range(plan.year_from, plan.year_to + 1))
    for d_node in tree_dirs:
        for node in (*d_node.macros, *(t for g in d_node.goals for t in g.indicators)):
            node.values_in_years = [shown(node.values.get(year)) for year in years]
    return Tree(plan, years, _mark_ends(tree_dirs), _mark_ends(task_nodes),
                operational_years, counts, approved_years(plan))


def approved_years(plan: DevelopmentPlan) -> list[int]:
    """Years of the operational plans with an approved version built on this edition."""
    versions = PlanVersion.objects.filter(status=PlanVersion.Status.APPROVED).filter(
        Q(development_plan=plan) | Q(development_plan__isnull=True, plan__development_plan=plan))
    return sorted(set(versions.values_list("plan__year", flat=True)))


def _grouped(queryset, parent: str) -> dict:
    grouped = defaultdict(list)
    for obj in queryset.order_by("position", "id"):
        grouped[getattr(obj, parent)].append(obj)
    return grouped


def _anchored_counts(plan: DevelopmentPlan) -> dict:
    """Event revisions and proposals anchored to each item of the plan: two queries."""
    counts: dict = defaultdict(int)
    querysets = (
        EventRevision.objects.filter(version__plan__development_plan=plan),
        Proposal.objects.filter(plan__development_plan=plan),
    )
    for queryset in querysets:
        rows = (queryset.values("macroindicator_id", "target_indicator_id", "regulation_task_id")
                .annotate(n=Count("id")).order_by())
        for row in rows:
            key = (("m", row["macroindicator_id"]) if row["macroindicator_id"]
                   else ("t", row["target_indicator_id"]) if row["target_indicator_id"]
                   else ("r", row["regulation_task_id"]))
            counts[key] += row["n"]
    return counts


def frozen_edition_ids() -> set[int]:
    """Every edition an approved operational plan version stands on (one query)."""
    rows = PlanVersion.objects.filter(status=PlanVersion.Status.APPROVED).values_list(
        "development_plan_id", "plan__development_plan_id")
    return {own or plans for own, plans in rows}
