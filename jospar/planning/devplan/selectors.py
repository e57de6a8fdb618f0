"""The development plan as Form 1 walks it, and as a tree for its page and its workbook.

`form_tree` is the one walk of a development plan edition into the form's numbered headings (strategic
directions, macroindicators, goals, target indicators, Section II tasks): Form 1 and its documents,
Form 2 and the monitoring report, this page, the anchor choices of event forms and the event import all
read it. Its numbers come from `rules.form_numbers`, derived from the order, never stored.
"""
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q

from jospar import rules
from jospar.i18n import current_lang, localized, pick
from jospar.orgs.models import OrgUnit
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
from jospar.rulebook import editions as rulebook

# The anchor an event hangs on: the key's letter, the EventRevision foreign key it fills.
ANCHOR_KINDS = {"macroindicator": ("m", "macroindicator_id"), "target_indicator": ("t", "target_indicator_id"),
                "task": ("r", "regulation_task_id")}


@dataclass(slots=True)
class Heading:
    """One numbered heading of the form: a row of the development plan edition, in the walk's language."""

    kind: str  # direction | macroindicator | goal | target_indicator | task
    obj: Any  # the development plan's row
    number: str  # "2", "1.2"; a macroindicator's within its direction, a target indicator's within its goal
    label: str  # the official heading: «Цель 1.2», «1-стратегиялық бағыт»; a Section II task's is its number
    name: str  # the row's name in the walk's language (with the fallback)
    children: list = field(default_factory=list)  # a direction's macroindicators then goals; a goal's indicators
    parent_number: str = ""  # a macroindicator's direction, a target indicator's goal: "1", "1.2"
    parent_label: str = ""  # that parent's official heading: «1-стратегиялық бағыт», «Цель 1.2»

    @property
    def key(self) -> tuple:
        return (self.kind, self.obj.pk)

    @property
    def anchor(self) -> tuple | None:
        """("m" | "t" | "r", id) for a heading events hang on, None for directions and goals."""
        found = ANCHOR_KINDS.get(self.kind)
        return (found[0], self.obj.pk) if found else None

    @property
    def anchor_key(self) -> str:
        """The anchor as forms name it: "m:12", "t:7", "r:3"; "" for directions and goals."""
        found = ANCHOR_KINDS.get(self.kind)
        return f"{found[0]}:{self.obj.pk}" if found else ""

    @property
    def anchor_field(self) -> str:
        found = ANCHOR_KINDS.get(self.kind)
        return found[1] if found else ""

    @property
    def code(self) -> str:
        """The anchor's code in an import workbook: «M1.2», «T1.2.1», «II.4» (rules.anchor_code)."""
        return rules.anchor_code(self.kind, self.number, self.parent_number)

    @property
    def place(self) -> str:
        """The heading with its parent's where its own number repeats: «Цель 1.2 · Целевой индикатор 1»,
        «2-стратегиялық бағыт · 1-макроиндикатор»; other headings' label. For lists without the tree."""
        return f"{self.parent_label} · {self.label}" if self.parent_label else self.label

    def of_kind(self, kind: str) -> list:
        return [child for child in self.children if child.kind == kind]

    def anchors(self) -> list:
        """The headings under this one that events hang on, in the form's order: a direction's
        macroindicators, then its goals' target indicators."""
        return [h for child in self.children for h in (child, *child.children) if h.kind in ANCHOR_KINDS]


@dataclass(slots=True)
class FormTree:
    """A development plan edition as the form's headings: Section I by direction, Section II by task."""

    labels: rules.FormLabels
    lang: str
    directions: list  # Headings, each with its macroindicators and goals (with their target indicators)
    tasks: list  # Section II Headings

    @property
    def section1(self) -> str:
        return self.labels.get("section1", self.lang)

    @property
    def section2(self) -> str:
        return self.labels.get("section2", self.lang)

    def sections(self) -> tuple[tuple[str, Iterator[Heading] | list[Heading]], ...]:
        """(section label, its headings in the form's order) for Section I and Section II."""
        return ((self.section1, self._section1_headings()), (self.section2, self.tasks))

    def headings(self) -> Iterator[Heading]:
        """Every heading in the form's order, Section I then Section II."""
        for _label, headings in self.sections():
            yield from headings

    def _section1_headings(self) -> Iterator[Heading]:
        """Each direction, then its macroindicators, then its goals each followed by its target indicators."""
        for direction in self.directions:
            yield direction
            for child in direction.children:
                yield child
                yield from child.children

    def anchors(self) -> Iterator[Heading]:
        """Every heading events hang on, in the form's order."""
        return (heading for heading in self.headings() if heading.kind in ANCHOR_KINDS)

    def goals(self) -> Iterator[Heading]:
        for direction in self.directions:
            yield from direction.of_kind("goal")

    def target_indicators(self) -> Iterator[Heading]:
        for goal in self.goals():
            yield from goal.children


def _by_parent(queryset, parent: str) -> dict[int, list]:
    grouped = defaultdict(list)
    for obj in queryset.order_by("position", "id"):
        grouped[getattr(obj, parent)].append(obj)
    return grouped


def form_tree(development_plan_id: int, labels: rules.FormLabels, lang: str) -> FormTree:
    """The edition's headings in the form's order, numbered, labelled in ``labels`` (Form 1's or Form 2's
    wording of the plan's edition of the Rules) and named in ``lang``. Five queries whatever the size."""
    directions = list(StrategicDirection.objects.filter(plan_id=development_plan_id).order_by("position", "id"))
    macros = _by_parent(Macroindicator.objects.filter(direction__plan_id=development_plan_id), "direction_id")
    goals = _by_parent(Goal.objects.filter(direction__plan_id=development_plan_id), "direction_id")
    indicators = _by_parent(TargetIndicator.objects.filter(goal__direction__plan_id=development_plan_id), "goal_id")
    tasks = list(RegulationTask.objects.filter(plan_id=development_plan_id).order_by("position", "id"))
    numbers = rules.form_numbers(
        ((len(macros[d.id]), [len(indicators[g.id]) for g in goals[d.id]]) for d in directions), len(tasks))
    formats = {kind: labels.get(kind, lang) for kind in ("direction", "macroindicator", "goal", "target_indicator")}

    def heading(kind: str, obj, number: str, parent: Heading | None = None) -> Heading:
        label = formats[kind].format(n=number) if kind in formats else number
        return Heading(kind, obj, number, label, localized(obj, "name", lang),
                       parent_number=parent.number if parent else "", parent_label=parent.label if parent else "")

    tree_dirs = []
    for direction, d_numbers in zip(directions, numbers.directions, strict=True):
        d_heading = heading("direction", direction, d_numbers.number)
        d_heading.children.extend(heading("macroindicator", macro, number, d_heading)
                                  for macro, number in zip(macros[direction.id], d_numbers.macroindicators,
                                                           strict=True))
        for goal, number, t_numbers in zip(goals[direction.id], d_numbers.goals, d_numbers.target_indicators,
                                           strict=True):
            g_heading = heading("goal", goal, number)
            g_heading.children.extend(heading("target_indicator", indicator, t_number, g_heading)
                                      for indicator, t_number in zip(indicators[goal.id], t_numbers, strict=True))
            d_heading.children.append(g_heading)
        tree_dirs.append(d_heading)
    task_headings = [heading("task", task, number) for task, number in zip(tasks, numbers.tasks, strict=True)]
    return FormTree(labels, lang, tree_dirs, task_headings)


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
    responsible: str = ""  # an indicator's responsible unit, named

    @property
    def kind_text(self) -> str:
        """An indicator's kind in words: «чем больше, тем лучше · нарастающим итогом»."""
        if self.kind not in ("macroindicator", "indicator"):
            return ""
        obj: Any = self.obj
        return f"{obj.polarity_label()} · {obj.accumulation_label()}"


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


def shown(value, grouping: bool = True) -> str:
    """A planned value as the reader writes it (`rules.format_number`): «1 500,5» in Kazakh and Russian,
    «420» not «420.0000»; ungrouped («1500,5») as a form's initial value."""
    return rules.format_number(value, current_lang(), grouping=grouping)


def labels_for(plan: DevelopmentPlan):
    try:
        return rulebook.edition_for_year(plan.year_from).form1
    except LookupError:
        return rulebook.latest().form1


def _mark_ends(nodes):
    for i, node in enumerate(nodes):
        node.first, node.last = i == 0, i == len(nodes) - 1
    return nodes


def indicator_by_key(development_plan_id: int, key: str):
    """The macroindicator («m:<id>») or target indicator («t:<id>») of this development plan, with its
    responsible unit; None when the key names nothing there (one query)."""
    kind, _sep, pk = (key or "").partition(":")
    if not pk.isdigit():
        return None
    if kind == "m":
        return (Macroindicator.objects.select_related("responsible_unit")
                .filter(pk=int(pk), direction__plan_id=development_plan_id).first())
    if kind == "t":
        return (TargetIndicator.objects.select_related("responsible_unit")
                .filter(pk=int(pk), goal__direction__plan_id=development_plan_id).first())
    return None


def answers_for_indicators(development_plan_id: int, unit_id: int) -> bool:
    """Whether the unit is responsible for a macroindicator or target indicator of this plan (one query)."""
    macros = Macroindicator.objects.filter(direction__plan_id=development_plan_id, responsible_unit_id=unit_id)
    targets = TargetIndicator.objects.filter(goal__direction__plan_id=development_plan_id, responsible_unit_id=unit_id)
    return bool(macros.order_by().values_list("id").union(targets.order_by().values_list("id"))[:1])


def indicators_of_plans(development_plan_ids) -> list[tuple]:
    """(development plan id, anchor, polarity, accumulation, baseline) of every indicator of these plans: two
    queries whatever their number (the national view's shares)."""
    ids = list(development_plan_ids)
    rows = [(d, ("m", pk), pol, acc, base) for pk, d, pol, acc, base in Macroindicator.objects.filter(
        direction__plan_id__in=ids).values_list("id", "direction__plan_id", "polarity", "accumulation", "baseline")]
    rows += [(d, ("t", pk), pol, acc, base) for pk, d, pol, acc, base in TargetIndicator.objects.filter(
        goal__direction__plan_id__in=ids).values_list("id", "goal__direction__plan_id", "polarity", "accumulation",
                                                      "baseline")]
    return rows


def planned_values_of(development_plan_ids, years) -> defaultdict[tuple, dict[int, Decimal]]:
    """`planned_values` of many plans, for some years only: one query."""
    ids, years = list(development_plan_ids), list(years)
    values: defaultdict[tuple, dict[int, Decimal]] = defaultdict(dict)
    for macro_id, target_id, year, value in IndicatorValue.objects.filter(
        Q(macroindicator__direction__plan_id__in=ids) | Q(target_indicator__goal__direction__plan_id__in=ids),
        year__in=years,
    ).values_list("macroindicator_id", "target_indicator_id", "year", "value"):
        values[("m", macro_id) if macro_id else ("t", target_id)][year] = value
    return values


def planned_values(development_plan_id: int) -> defaultdict[tuple, dict[int, Decimal]]:
    """Every indicator's planned value per year, by anchor (("m" | "t", id) → year → value): one query."""
    values: defaultdict[tuple, dict[int, Decimal]] = defaultdict(dict)
    for macro_id, target_id, year, value in IndicatorValue.objects.filter(
        Q(macroindicator__direction__plan_id=development_plan_id)
        | Q(target_indicator__goal__direction__plan_id=development_plan_id)
    ).values_list("macroindicator_id", "target_indicator_id", "year", "value"):
        values[("m", macro_id) if macro_id else ("t", target_id)][year] = value
    return values


def devplan_tree(plan: DevelopmentPlan, lang: str | None = None) -> Tree:
    """Ten queries whatever the plan's size (pinned by a test)."""
    lang = lang or current_lang()
    form = form_tree(plan.pk, labels_for(plan), lang)
    values = planned_values(plan.pk)
    units = {pk: pick(texts, lang) for pk, *texts in
             OrgUnit.objects.filter(body_id=plan.body_id).values_list("id", "name_kk", "name_ru", "name_en")}
    anchored = _anchored_counts(plan)
    operational_years = list(plan.operational_plans.order_by("year").values_list("year", flat=True))
    years = list(range(plan.year_from, plan.year_to + 1))

    def node(heading: Heading, kind: str) -> Node:
        found = Node(kind, heading.obj, heading.number, heading.label, events=anchored.get(heading.anchor, 0))
        if kind != "task":
            found.responsible = units.get(heading.obj.responsible_unit_id, "")
            found.values = values[heading.anchor] if heading.anchor is not None else {}
            found.values_in_years = [shown(found.values.get(year)) for year in years]
        return found

    tree_dirs = []
    for direction in form.directions:
        d_node = Node("direction", direction.obj, direction.number, direction.label)
        d_node.macros = _mark_ends([node(macro, "macroindicator") for macro in direction.of_kind("macroindicator")])
        for goal in direction.of_kind("goal"):
            g_node = Node("goal", goal.obj, goal.number, goal.label)
            g_node.indicators = _mark_ends([node(indicator, "indicator") for indicator in goal.children])
            g_node.events = sum(t.events for t in g_node.indicators)
            d_node.goals.append(g_node)
        _mark_ends(d_node.goals)
        d_node.events = sum(n.events for n in d_node.macros) + sum(n.events for n in d_node.goals)
        tree_dirs.append(d_node)
    task_nodes = [node(task, "task") for task in form.tasks]
    counts = {
        "directions": len(tree_dirs), "macroindicators": sum(len(d.macros) for d in tree_dirs),
        "goals": sum(len(d.goals) for d in tree_dirs),
        "indicators": sum(len(g.indicators) for d in tree_dirs for g in d.goals), "tasks": len(task_nodes),
    }
    return Tree(plan, years, _mark_ends(tree_dirs), _mark_ends(task_nodes),
                operational_years, counts, approved_years(plan))


def approved_years(plan: DevelopmentPlan) -> list[int]:
    """Years of the operational plans with an approved version built on this edition."""
    versions = PlanVersion.objects.filter(status=PlanVersion.Status.APPROVED).filter(
        Q(development_plan=plan) | Q(development_plan__isnull=True, plan__development_plan=plan))
    return sorted(set(versions.values_list("plan__year", flat=True)))


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
