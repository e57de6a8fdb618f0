"""One form tree: every consumer of a development plan's headings shows the same numbers, labels and names.

The plan is uneven on purpose (directions without macroindicators or goals, a goal without target
indicators, positions with gaps, a name missing in Kazakh) so that a consumer numbering on its own
would disagree.
"""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from jospar import rules
from jospar.documents.assembly.anchors import plan_anchors
from jospar.monitoring.walk import walk
from jospar.planning.devplan.selectors import devplan_tree, form_tree
from jospar.planning.selectors import anchor_choices, form1_rows
from tests.factories import (
    DevelopmentPlanFactory,
    DirectionFactory,
    GoalFactory,
    MacroindicatorFactory,
    OperationalPlanFactory,
    OrgUnitFactory,
    PlanVersionFactory,
    RegulationTaskFactory,
    TargetIndicatorFactory,
    revision,
)

# (kind, number) in the form's order, as rules.form_numbers numbers this plan after Annex 1: macroindicators
# from 1 again under every direction, target indicators from 1 again under every goal.
EXPECTED = [
    ("direction", "1"), ("macroindicator", "1"), ("macroindicator", "2"), ("goal", "1.1"),
    ("target_indicator", "1"), ("target_indicator", "2"), ("goal", "1.2"),
    ("direction", "2"), ("goal", "2.1"), ("target_indicator", "1"), ("target_indicator", "2"),
    ("target_indicator", "3"),
    ("direction", "3"), ("macroindicator", "1"),
    ("task", "1"), ("task", "2"),
]
ANCHORED = ("macroindicator", "target_indicator", "task")


@pytest.fixture
def version(db):
    devplan = DevelopmentPlanFactory()
    d1, d2, d3 = (DirectionFactory(plan=devplan, position=p) for p in (5, 8, 20))
    MacroindicatorFactory(direction=d1, position=7)
    MacroindicatorFactory(direction=d1, position=2, name_kk="")  # shown in Russian to a Kazakh reader
    g11, _g12 = GoalFactory(direction=d1, position=3), GoalFactory(direction=d1, position=4)
    TargetIndicatorFactory(goal=g11, position=9)
    TargetIndicatorFactory(goal=g11, position=1)
    g21 = GoalFactory(direction=d2, position=1)
    for p in (1, 2, 3):
        TargetIndicatorFactory(goal=g21, position=p)
    MacroindicatorFactory(direction=d3, position=1)
    RegulationTaskFactory(plan=devplan, position=4)
    RegulationTaskFactory(plan=devplan, position=9)
    plan = OperationalPlanFactory(development_plan=devplan, body=devplan.body)
    version = PlanVersionFactory(plan=plan)
    unit = OrgUnitFactory(body=devplan.body)
    tree = form_tree(devplan.pk, rules.edition_by_key(plan.rule_edition).form1, "kk")
    for heading in tree.anchors():  # one event under every anchor: Form 1 and the walk show them all
        revision(version, unit, {heading.anchor_field: heading.obj.pk})
    return version


def _expected(version, lang):
    """(kind, number, label, name, anchor key) per heading, from the one walk."""
    labels = rules.edition_by_key(version.plan.rule_edition).form1
    return [(h.kind, h.number, h.label, h.name, h.anchor_key)
            for h in form_tree(version.development_plan_id, labels, lang).headings()]


def _places(version, lang):
    """(code, place) per anchor heading, from the one walk."""
    labels = rules.edition_by_key(version.plan.rule_edition).form1
    return [(h.code, h.place) for h in form_tree(version.development_plan_id, labels, lang).anchors()]


def test_the_walk_numbers_the_plan_by_rules_form_numbers(version):
    tree = _expected(version, "kk")
    assert [(kind, number) for kind, number, *_rest in tree] == EXPECTED
    labels = [(kind, label) for kind, _number, label, *_rest in tree]
    assert ("direction", "2-стратегиялық бағыт") in labels
    assert ("goal", "2.1-мақсаты") in labels
    assert [label for kind, label in labels if kind == "target_indicator"] == [
        "1-нысаналы индикатор", "2-нысаналы индикатор", "1-нысаналы индикатор", "2-нысаналы индикатор",
        "3-нысаналы индикатор"]
    assert [label for kind, label in labels if kind == "macroindicator"] == [
        "1-макроиндикатор", "2-макроиндикатор", "1-макроиндикатор"]
    assert ("task", "2") in labels
    macro_names = [name for kind, _n, _l, name, _k in tree if kind == "macroindicator"]
    assert macro_names[0].startswith("Макроиндикатор")  # no Kazakh name: the Russian one
    assert all(name for *_rest, name, _key in tree)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_all_five_consumers_agree(version, lang):
    expected = _expected(version, lang)
    plan = version.plan

    # 1. Form 1 (page, documents, API): heading rows carry the official label as their number.
    rows = [r for r in form1_rows(version, lang) if r.kind not in ("event", "section")]
    assert [(r.kind, r.number, r.label, r.anchor_key) for r in rows] == [
        (kind, label, name, key) for kind, _n, label, name, key in expected]

    # 2. The monitoring walk (Form 2 and the report), with Form 1's labels to compare the texts.
    walked = walk(version, lang, form=1)
    groups = []

    def visit(group):
        for child in getattr(group, "children", ()):
            if hasattr(child, "kind"):
                groups.append((child.kind, child.number, child.label))
                visit(child)

    for section in walked.sections:
        visit(section)
    assert groups == [(kind, label, name) for kind, _n, label, name, _k in expected]
    assert [e.number for e in walked.events] == list(range(1, len(walked.events) + 1))
    assert [e.anchor for e in walked.events] == [
        (key[0], int(key[2:])) for *_rest, key in expected if key]

    # 3. The development plan's page and workbook.
    with translation.override(lang):
        tree = devplan_tree(version.development_plan, lang)
        nodes = [(n.number, n.heading, n.name) for n in tree.nodes()]
    assert nodes == [(number, label, name) for _kind, number, label, name, _k in expected]

    # 4. The anchor choices of the event forms: a repeating number with its direction's or goal's.
    places = dict(_places(version, lang))
    anchors = [(kind, name, key) for kind, _n, _l, name, key in expected if kind in ANCHORED]
    choices = [(key, text) for _group, options in anchor_choices(plan, lang) for key, text in options]
    assert choices == [(key, f"{place}. {name}") for place, (_kind, name, key) in zip(places.values(), anchors,
                                                                                       strict=True)]
    directions = [group for group, _options in anchor_choices(plan, lang)][:-1]
    assert directions == [f"{label}. {name}" for kind, _n, label, name, _k in expected if kind == "direction"]

    # 5. The anchors of the Excel event import: unique codes, each with its place.
    imported = [(a.code, a.kind, a.label, a.name) for a in plan_anchors(plan, lang)]
    assert imported == [(code, kind, code if kind == "task" else place, name)
                        for (code, place), (kind, name, _key) in zip(places.items(), anchors, strict=True)]
    assert list(places) == ["M1.1", "M1.2", "T1.1.1", "T1.1.2", "T2.1.1", "T2.1.2", "T2.1.3", "M3.1", "II.1",
                            "II.2"]


@pytest.mark.parametrize(("lang", "places"), [
    ("kk", ["1-стратегиялық бағыт · 1-макроиндикатор", "1.1-мақсаты · 2-нысаналы индикатор",
            "3-стратегиялық бағыт · 1-макроиндикатор", "2"]),
    ("ru", ["Стратегическое направление 1 · Макроиндикатор 1", "Цель 1.1 · Целевой индикатор 2",
            "Стратегическое направление 3 · Макроиндикатор 1", "2"]),
])
def test_a_repeating_number_is_placed_by_its_direction_or_goal_where_the_tree_is_not_shown(version, lang, places):
    found = dict(_places(version, lang))
    assert [found[code] for code in ("M1.1", "T1.1.2", "M3.1", "II.2")] == places


def test_the_walk_reads_five_queries_whatever_the_size(version):
    labels = rules.edition_by_key(version.plan.rule_edition).form1
    with CaptureQueriesContext(connection) as queries:
        list(form_tree(version.development_plan_id, labels, "ru").headings())
    assert len(queries) == 5
