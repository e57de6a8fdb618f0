"""Amendments: new versions from an approved plan, cancel instead of erase, compare, history."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar import rules
from jospar.orgs.models import Role
from jospar.planning import selectors
from jospar.planning.amendments import services as amendments
from jospar.planning.amendments.compare import compare_versions
from jospar.planning.approval import services as approval
from jospar.planning.content import EventData
from jospar.planning.drafting import draft
from jospar.planning.models import ApprovedVersionError, EventRevision, PlanVersion
from tests.factories import StateBodyFactory, member, plan_with_events

pytestmark = pytest.mark.django_db


def approved(n_events=12, body=None):
    version = plan_with_events(n_events, n_units=4, body=body or StateBodyFactory())
    body = version.plan.body
    planner = member(body, Role.PLANNER, body.units.get(is_planning=True))
    executive = member(body, Role.EXECUTIVE)
    approval.send_for_approval(user=planner, version=version)
    approval.approve_version(version=version, user=executive, on=date(2025, 12, 30))
    version.refresh_from_db()
    return version, planner, executive


def amend(version, planner, **kwargs):
    defaults = {"basis": "development_plan", "document_number": "12", "document_date": date(2026, 5, 4),
                "basis_kk": "Даму жоспарына өзгерістер", "basis_ru": "Изменения в план развития"}
    defaults.update(kwargs)
    return amendments.open_amendment(user=planner, plan=version.plan, **defaults)


def test_amendment_copies_the_version_in_force(django_assert_max_num_queries):
    v1, planner, _ = approved()
    v2 = amend(v1, planner)
    assert (v2.number, v2.status, v2.basis) == (2, "draft", "development_plan")
    assert sorted(v2.revisions.values_list("event_id", flat=True)) == sorted(v1.revisions.values_list("event_id",
                                                                                                       flat=True))
    assert v2.revisions.filter(executors__is_lead=True).count() == v1.revisions.count()


def test_only_one_amendment_open_at_a_time():
    v1, planner, _ = approved()
    amend(v1, planner)
    with pytest.raises(ValidationError):
        amend(v1, planner)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanVersion.objects.create(plan=v1.plan, number=3, basis="monitoring")


@pytest.mark.parametrize("role", [Role.EXECUTIVE, Role.VIEWER, Role.UNIT_HEAD, Role.UNIT_STAFF])
def test_only_the_planner_amends(role):
    v1, planner, _ = approved()
    unit = v1.plan.body.units.exclude(is_planning=True).first() if role in (Role.UNIT_HEAD, Role.UNIT_STAFF) else None
    with pytest.raises(PermissionDenied):
        amend(v1, member(v1.plan.body, role, unit))


def test_basis_is_required():
    v1, planner, _ = approved()
    with pytest.raises(ValidationError):
        amend(v1, planner, basis="monitoring")
    with pytest.raises(ValidationError):
        amend(v1, planner, document_number="")


def test_events_of_the_approved_plan_are_cancelled_not_erased():
    v1, planner, _ = approved()
    v2 = amend(v1, planner)
    rev = v2.revisions.first()
    with pytest.raises(ValidationError):
        draft.delete_event(user=planner, revision=rev)
    with pytest.raises(ValidationError):
        amendments.cancel_event(user=planner, revision=rev, reason_ru=" ")
    amendments.cancel_event(user=planner, revision=rev, reason_ru="Выполнено досрочно")
    rev.refresh_from_db()
    assert rev.is_cancelled and rev.cancel_reason_ru == "Выполнено досрочно"
    assert EventRevision.objects.filter(pk=rev.pk).exists()


def test_approved_version_cannot_be_edited_by_any_role_or_the_admin(client):
    v1, planner, executive = approved()
    rev = v1.revisions.first()
    for user in (planner, executive):
        with pytest.raises((PermissionDenied, ValidationError)):
            draft.update_event(user=user, revision=rev, data=EventData.of(rev), lock_version=rev.lock_version)
    rev.name_ru = "Взлом"
    with pytest.raises(ApprovedVersionError):
        rev.save()
    from django.contrib.auth.models import User

    admin = User.objects.create_superuser("root", "root@example.kz", "pw-strong-123")
    client.force_login(admin)
    change = reverse("admin:planning_eventrevision_change", args=[rev.pk])
    client.post(change, {"name_ru": "Взлом через админку"})
    assert EventRevision.objects.get(pk=rev.pk).name_ru != "Взлом через админку"
    assert client.post(reverse("admin:planning_planversion_delete", args=[v1.pk]), {"post": "yes"}).status_code == 403


def test_full_amendment_cycle_and_comparison():
    v1, planner, executive = approved()
    v2 = amend(v1, planner)
    revisions = list(v2.revisions.order_by("id"))
    amendments.cancel_event(user=planner, revision=revisions[0], reason_ru="Утратило актуальность")
    with pytest.raises(ValidationError):  # the reason still lacks its Kazakh text
        approval.send_for_approval(user=planner, version=v2)
    assert selectors.version_problems(v2)["by_revision"] == {revisions[0].pk: ["cancel_reason_kk"]}
    amendments.cancel_event(user=planner, revision=revisions[0], reason_kk="Өзектілігін жоғалтты",
                            reason_ru="Утратило актуальность")  # cancelled again: the reason completed
    changed = revisions[1]
    data = EventData.of(changed, lead_unit=changed.executors.get(is_lead=True).unit)
    data.name_ru = "Новая редакция мероприятия"
    data.deadline = rules.Deadline(rules.DeadlineKind.QUARTER, quarter=4)
    draft.update_event(user=planner, revision=changed, data=data, lock_version=changed.lock_version)
    added = draft.add_event(user=planner, version=v2, data=EventData(
        anchor_key=changed.anchor_key, name_kk="Жаңа іс-шара", name_ru="Новое мероприятие",
        deadline=rules.Deadline(rules.DeadlineKind.WITHIN_YEAR), budget_codes="001", completion_ru="Отчет",
        lead_unit=changed.executors.get(is_lead=True).unit))
    approval.send_for_approval(user=planner, version=v2)
    approval.approve_version(version=v2, user=executive, on=date(2026, 5, 20))
    v2.refresh_from_db()
    assert v2.is_approved and v2.in_force_from == date(2026, 5, 20) and not v2.approved_late
    diff = {d.kind: d for d in compare_versions(v1, v2, "en")}
    assert set(diff) == {"cancelled", "changed", "added"}
    assert diff["cancelled"].note == "Утратило актуальность"
    assert diff["added"].event_id == added.event_id
    fields = {label: (old, new) for label, old, new in diff["changed"].changes}
    assert fields["Name (Russian)"] == (changed.name_ru, "Новая редакция мероприятия")
    assert fields["Deadline"][1] == "Q4"
    assert revisions[0].event.revisions.count() == 2  # the cancelled event keeps its identity across versions


def _compare_queries(client, n_events):
    v1, planner, _ = approved(n_events)
    v2 = amend(v1, planner)
    amendments.cancel_event(user=planner, revision=v2.revisions.first(), reason_ru="x")
    client.force_login(planner)
    url = reverse("planning:compare", args=[v1.plan.year]) + "?a=1&b=2"
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_comparison_uses_a_fixed_number_of_queries(client):
    assert _compare_queries(client, 10) == _compare_queries(client, 300)


def test_version_list_and_history_pages(client):
    v1, planner, executive = approved()
    v2 = amend(v1, planner)
    client.force_login(executive)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("planning:versions", args=[v1.plan.year])).content.decode()
    assert "30.12.2025" in html and "amendment of the development plan" in html
    history = client.get(reverse("planning:history", args=[v1.plan.year])).content.decode()
    assert "opened an amendment" in history and "approved the plan" in history
    assert v2.number == 2
    client.cookies["django_language"] = "ru"
    history = client.get(reverse("planning:history", args=[v1.plan.year])).content.decode()
    assert "на утверждении → утвержден" in history or "→ утвержден" in history
    for code in ("on_approval", "approved<", "(v2)"):
        assert code not in history, code


def test_an_amendment_onto_a_new_edition_does_not_move_the_first_approval_due_date():
    from tests.factories import DevelopmentPlanFactory

    v1, planner, executive = approved()
    plan = v1.plan
    due, late = plan.approval_due, v1.approved_late
    later = DevelopmentPlanFactory(body=plan.body, year_from=plan.development_plan.year_from,
                                   year_to=plan.development_plan.year_to, edition=2, signed_on=date(2026, 5, 4))
    v2 = amend(v1, planner)
    PlanVersion.objects.filter(pk=v2.pk).update(development_plan=later)
    v2.refresh_from_db()
    approval.send_for_approval(user=planner, version=v2)
    approval.approve_version(version=v2, user=executive, on=date(2026, 5, 10))
    plan.refresh_from_db()
    v1.refresh_from_db()
    assert plan.development_plan_id == later.pk  # the plan now stands on the new edition
    assert plan.approval_due == due and v1.approved_late == late  # but §6's date stays the first one


def test_an_amendment_has_no_approval_deadline_on_the_page_or_in_the_notice(client):
    from jospar.notifications.models import Notification

    v1, planner, executive = approved()
    v2 = amend(v1, planner)
    client.force_login(planner)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("planning:plan_detail", args=[v1.plan.year])).content.decode()
    assert "Approval due" not in html
    approval.send_for_approval(user=planner, version=v2)
    notice = Notification.objects.filter(recipient=executive).order_by("-id").first()
    assert notice.kind == "amendment_sent_for_approval"


def test_the_approvers_capacity_is_recorded_as_it_was_that_day(client):
    from jospar.orgs.models import Person

    version = plan_with_events(3, n_units=4, body=StateBodyFactory())
    body = version.plan.body
    planner = member(body, Role.PLANNER, body.units.get(is_planning=True))
    executive = member(body, Role.EXECUTIVE)
    Person.objects.update_or_create(user=executive, defaults={"position_kk": "Аппарат басшысы",
                                                              "position_ru": "Руководитель аппарата"})
    executive.refresh_from_db()
    approval.send_for_approval(user=planner, version=version)
    approval.approve_version(version=version, user=executive, on=date(2025, 12, 30))
    Person.objects.filter(user=executive).update(position_ru="Вице-министр")  # a later change of post
    version.refresh_from_db()
    assert (version.approved_as_kk, version.approved_as_ru) == ("Аппарат басшысы", "Руководитель аппарата")
    client.force_login(planner)
    client.cookies["django_language"] = "ru"
    html = client.get(reverse("planning:plan_detail", args=[version.plan.year])).content.decode()
    assert ", Руководитель аппарата</p>" in html
