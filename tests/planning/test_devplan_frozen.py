"""An edition of the development plan that an approved operational plan stands on stays as it was signed:
every change is refused (services, pages, admin) with the way forward, and the approved Form 1 never moves."""
from datetime import date

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from jospar.orgs.models import Role
from jospar.planning.devplan import services
from jospar.planning.models import (
    DevelopmentPlan,
    Goal,
    IndicatorValue,
    Macroindicator,
    PlanVersion,
    StrategicDirection,
    TargetIndicator,
)
from jospar.planning.selectors import form1_rows
from tests.factories import (
    DevelopmentPlanFactory,
    DirectionFactory,
    GoalFactory,
    MacroindicatorFactory,
    OperationalPlanFactory,
    OrgUnitFactory,
    PlanVersionFactory,
    RegulationTaskFactory,
    StateBodyFactory,
    TargetIndicatorFactory,
    UserFactory,
    member,
    revision,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def body():
    return StateBodyFactory(code="frozen")


@pytest.fixture
def planner(body):
    return member(body, Role.PLANNER, OrgUnitFactory(body=body, is_planning=True), username="fz-planner")


@pytest.fixture
def edition(body):
    plan = DevelopmentPlanFactory(body=body, year_from=2025, year_to=2027, edition=1)
    d1 = DirectionFactory(plan=plan, position=1, name_ru="Водная безопасность")
    DirectionFactory(plan=plan, position=2, name_ru="Второе")
    goal = GoalFactory(direction=d1, position=1)
    indicator = TargetIndicatorFactory(goal=goal, position=1, name_ru="Доля земель")
    IndicatorValue.objects.create(target_indicator=indicator, year=2026, value=10)
    MacroindicatorFactory(direction=d1, position=1)
    RegulationTaskFactory(plan=plan, position=1)
    return plan


def version_on(edition, status, year=2026, number=1):
    plan = OperationalPlanFactory(development_plan=edition, body=edition.body, year=year)
    version = PlanVersionFactory(plan=plan, number=number)
    unit = OrgUnitFactory(body=edition.body)
    anchor = {"target_indicator": TargetIndicator.objects.filter(goal__direction__plan=edition).first()}
    revision(version, unit, anchor, name_ru="Событие")
    if status == "approved":
        PlanVersion.objects.filter(pk=version.pk).update(status=status, approved_on=date(year - 1, 12, 30),
                                                         approved_by=UserFactory())
    else:
        PlanVersion.objects.filter(pk=version.pk).update(status=status)
    version.refresh_from_db()
    return version


def snapshot(edition):
    return [
        list(model.objects.filter(**{path: edition.pk}).order_by("id").values())
        for model, path in ((DevelopmentPlan, "id"), (StrategicDirection, "plan"), (Goal, "direction__plan"),
                            (Macroindicator, "direction__plan"), (TargetIndicator, "goal__direction__plan"),
                            (IndicatorValue, "target_indicator__goal__direction__plan"))
    ]


def every_change(edition, user):
    direction, empty = edition.directions.order_by("position")
    goal = Goal.objects.get(direction=direction)
    indicator = TargetIndicator.objects.get(goal=goal)
    return {
        "edit the plan": lambda: services.update_plan(user=user, plan=edition, data={"document_number": "99",
                                                                                     "year_from": 2025,
                                                                                     "year_to": 2027}),
        "add a direction": lambda: services.add_node(user=user, kind="direction", parent=edition,
                                                     data={"name_kk": "Жаңа", "name_ru": "Новое"}),
        "rename a direction": lambda: services.update_node(user=user, kind="direction", node=direction,
                                                           data={"name_ru": "Переименовано"}),
        "change a planned value": lambda: services.update_node(user=user, kind="indicator", node=indicator,
                                                               data={}, values={2026: 12}),
        "move a direction": lambda: services.move_node(user=user, kind="direction", node=direction, up=False),
        "delete an empty direction": lambda: services.delete_node(user=user, kind="direction", node=empty),
    }


def test_an_approved_plan_freezes_its_edition_and_every_change_is_refused(edition, planner):
    version_on(edition, "approved")
    before = snapshot(edition)
    for name, change in every_change(edition, planner).items():
        with translation.override("en"), pytest.raises(ValidationError) as refused:
            change()
        message = " ".join(refused.value.messages)
        assert "approved operational plan for 2026" in message, name
        assert "import it as edition 2" in message, name
    assert snapshot(edition) == before


@pytest.mark.parametrize("status", ["draft", "on_approval"])
def test_an_edition_under_drafts_only_stays_editable(edition, planner, status):
    version_on(edition, status)
    for change in every_change(edition, planner).values():
        change()
    assert edition.directions.filter(name_ru="Переименовано").exists()


def test_the_refusal_is_in_the_users_language(edition, planner):
    version_on(edition, "approved")
    direction = edition.directions.first()
    for lang, words in (("kk", "2026"), ("ru", "утвержденного операционного плана на 2026")):
        with translation.override(lang), pytest.raises(ValidationError) as refused:
            services.update_node(user=planner, kind="direction", node=direction, data={"name_ru": "X"})
        assert words in " ".join(refused.value.messages)
        assert "approved" not in " ".join(refused.value.messages)


def test_the_approved_form1_keeps_its_headings_and_numbers(edition, planner):
    version = version_on(edition, "approved")
    before = [(r.kind, r.number, r.label) for r in form1_rows(version, "ru")]
    for change in every_change(edition, planner).values():
        with pytest.raises(ValidationError):
            change()
    assert [(r.kind, r.number, r.label) for r in form1_rows(version, "ru")] == before


def test_a_version_pinned_to_a_later_edition_freezes_that_edition(edition, planner):
    later = DevelopmentPlanFactory(body=edition.body, year_from=2025, year_to=2027, edition=2)
    DirectionFactory(plan=later, position=1)
    version = version_on(edition, "approved")
    PlanVersion.objects.create(plan=version.plan, number=2, status="approved", development_plan=later,
                               basis="development_plan", approved_on=date(2026, 8, 2), approved_by=UserFactory())
    assert services.approved_years(edition) == [2026] and services.approved_years(later) == [2026]
    with pytest.raises(ValidationError):
        services.add_node(user=planner, kind="direction", parent=later, data={"name_kk": "a", "name_ru": "b"})


def test_the_page_says_why_and_offers_no_editing(client, edition, planner):
    version_on(edition, "approved")
    client.force_login(planner)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("devplan:detail", args=[edition.pk])).content.decode()
    assert "is the basis of the approved operational plan for 2026" in html
    assert reverse("devplan:node_add", args=[edition.pk, "direction"]) not in html
    assert reverse("devplan:edit", args=[edition.pk]) not in html
    assert "node_edit" not in html and "/edit/" not in html and "/move/" not in html and "/delete/" not in html
    assert reverse("documents:devplan_workbook", args=[edition.pk]) in html  # the way forward stays

    direction = edition.directions.first()
    response = client.post(reverse("devplan:node_move", args=[edition.pk, "direction", direction.pk]),
                           {"to": "down"}, **HTMX)
    assert "stays as it was signed" in response.content.decode()
    response = client.post(reverse("devplan:node_edit", args=[edition.pk, "direction", direction.pk]),
                           {"name_kk": "Жаңа", "name_ru": "Новое"}, **HTMX)
    assert "stays as it was signed" in response.content.decode()
    direction.refresh_from_db()
    assert direction.name_ru == "Водная безопасность"


def test_the_page_of_an_edition_under_a_draft_still_edits(client, edition, planner):
    version_on(edition, "draft")
    client.force_login(planner)
    html = client.get(reverse("devplan:detail", args=[edition.pk])).content.decode()
    assert reverse("devplan:node_add", args=[edition.pk, "direction"]) in html


def test_the_admin_shows_a_frozen_edition_read_only(edition):
    version_on(edition, "approved")
    admin = UserFactory(username="fz-admin", is_staff=True, is_superuser=True)
    request = RequestFactory().get("/")
    request.user = admin
    indicator = TargetIndicator.objects.filter(goal__direction__plan=edition).first()
    for obj in (edition, edition.directions.first(), indicator, indicator.values.first(),
                Goal.objects.filter(direction__plan=edition).first(), edition.regulation_tasks.first()):
        model_admin = site._registry[type(obj)]
        assert not model_admin.has_change_permission(request, obj), type(obj).__name__
        assert not model_admin.has_delete_permission(request, obj), type(obj).__name__
    open_edition = DevelopmentPlanFactory(body=edition.body, year_from=2030, year_to=2034)
    assert site._registry[DevelopmentPlan].has_change_permission(request, open_edition)


def test_the_admin_offers_no_frozen_edition_to_add_under_or_move_into(edition, client):
    version_on(edition, "approved")
    open_edition = DevelopmentPlanFactory(body=edition.body, year_from=2030, year_to=2034)
    open_direction = DirectionFactory(plan=open_edition, position=1)
    admin = UserFactory(username="fz-admin2", is_staff=True, is_superuser=True)
    client.force_login(admin)
    html = client.get("/admin/planning/goal/add/").content.decode()
    frozen_direction = edition.directions.first()
    assert f'<option value="{open_direction.pk}"' in html and f'<option value="{frozen_direction.pk}"' not in html
    html = client.get("/admin/planning/strategicdirection/add/").content.decode()
    assert f'<option value="{open_edition.pk}"' in html and f'<option value="{edition.pk}"' not in html
