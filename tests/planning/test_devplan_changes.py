"""A new edition of the development plan: affected events listed, amendment opened with them marked."""
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from jospar.orgs.models import Role
from jospar.planning.amendments import changes as devplan_changes
from jospar.planning.approval import services as approval
from jospar.planning.models import (
    DevelopmentPlan,
    Goal,
    IndicatorValue,
    Macroindicator,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)
from jospar.planning.selectors import form1_rows
from tests.factories import StateBodyFactory, member, plan_with_events

pytestmark = pytest.mark.django_db


def copy_edition(old: DevelopmentPlan) -> DevelopmentPlan:
    """The same tree as a new edition (new objects, same positions)."""
    new = DevelopmentPlan.objects.create(body=old.body, title_kk=old.title_kk, title_ru=old.title_ru,
                                         year_from=old.year_from, year_to=old.year_to, edition=old.edition + 1,
                                         signed_on=date(2026, 6, 1), document_number="77")
    for d in old.directions.all():
        nd = StrategicDirection.objects.create(plan=new, position=d.position, name_kk=d.name_kk, name_ru=d.name_ru)
        for m in d.macroindicators.all():
            Macroindicator.objects.create(direction=nd, position=m.position, name_kk=m.name_kk, name_ru=m.name_ru)
        for g in d.goals.all():
            ng = Goal.objects.create(direction=nd, position=g.position, name_kk=g.name_kk, name_ru=g.name_ru)
            for t in g.indicators.all():
                TargetIndicator.objects.create(goal=ng, position=t.position, name_kk=t.name_kk, name_ru=t.name_ru)
    for r in old.regulation_tasks.all():
        RegulationTask.objects.create(plan=new, position=r.position, name_kk=r.name_kk, name_ru=r.name_ru)
    return new


@pytest.fixture
def setup():
    version = plan_with_events(40, n_units=4, body=StateBodyFactory())
    body = version.plan.body
    planner = member(body, Role.PLANNER, body.units.get(is_planning=True))
    executive = member(body, Role.EXECUTIVE)
    approval.send_for_approval(user=planner, version=version)
    approval.approve_version(version=version, user=executive, on=date(2025, 12, 30))
    old = version.plan.development_plan
    new = copy_edition(old)
    renamed = TargetIndicator.objects.filter(goal__direction__plan=new).order_by("goal__direction__position",
                                                                                 "goal__position", "position")[0]
    renamed.name_ru = "Новое название индикатора"
    renamed.save()
    valued = TargetIndicator.objects.filter(goal__direction__plan=new).order_by("goal__direction__position",
                                                                                "goal__position", "position")[1]
    IndicatorValue.objects.create(target_indicator=valued, year=2026, value=Decimal("75"))
    RegulationTask.objects.filter(plan=new).order_by("-position").first().delete()
    return version, planner, old, new


def test_affected_events_are_listed_with_reasons(setup):
    version, planner, old, new = setup
    with translation.override("en"):
        affected, remap = devplan_changes.affected_events(version.plan, new)
    reasons = set(affected.values())
    assert any("renamed" in r for r in reasons)
    assert any("planned value changed" in r for r in reasons)
    assert any("removed" in r for r in reasons)
    with translation.override("ru"):
        affected, _remap = devplan_changes.affected_events(version.plan, new)
    changed = next(r for r in affected.values() if "→" in r)
    assert ".0000" not in changed and re.search("→ 75(\u00a0|$|;)", changed), changed  # «75», not «75.0000»
    assert len(remap) == len(devplan_changes.anchors_of(old.pk, 2026)) - 1


def test_amendment_moves_the_plan_onto_the_new_edition(setup, client):
    version, planner, old, new = setup
    v2 = devplan_changes.amend_for_new_edition(user=planner, plan=version.plan, new_edition=new)
    assert (v2.number, v2.basis, v2.development_plan, v2.basis_document_number) == (2, "development_plan", new, "77")
    marked = v2.revisions.exclude(review_note="")
    assert marked.count() == len(devplan_changes.affected_events(version.plan, new)[0])
    moved = v2.revisions.exclude(macroindicator__isnull=True).first()
    assert moved.macroindicator.direction.plan == new
    assert v2.revisions.filter(regulation_task__plan=old).count() >= 1  # the removed task's events stay, marked
    rows_v1 = form1_rows(version, "ru")
    assert not any(r.label == "Новое название индикатора" for r in rows_v1)  # version 1 stays as approved
    client.force_login(planner)
    client.cookies["django_language"] = "ru"
    page = client.get(reverse("planning:plan_detail", args=[2026]) + "?v=2").content.decode()
    assert "Новое название индикатора" in page and 'class="rownote"' in page


def test_the_page_lists_and_opens(setup, client):
    version, planner, old, new = setup
    client.force_login(planner)
    client.cookies["django_language"] = "en"
    url = reverse("planning:devplan_changes", args=[2026])
    html = client.get(url).content.decode()
    assert "events are affected" in html
    client.post(url, {"edition": new.pk})
    assert version.plan.versions.count() == 2


def test_a_plan_never_approved_says_so_and_offers_nothing(client):
    version = plan_with_events(3, n_units=4, body=StateBodyFactory())
    body = version.plan.body
    planner = member(body, Role.PLANNER, body.units.get(is_planning=True))
    copy_edition(version.plan.development_plan)
    client.force_login(planner)
    client.cookies["django_language"] = "ru"
    url = reverse("planning:devplan_changes", args=[version.plan.year])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Изменения можно вносить только в утвержденный план." in html and 'name="edition"' not in html
    client.post(url, {"edition": DevelopmentPlan.objects.latest("pk").pk})
    assert version.plan.versions.count() == 1
