"""The drafting journey as services: open a year, propose, submit, review, edit the draft, approve."""
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from jospar import rules
from jospar.notifications.models import Notification
from jospar.orgs.models import Role
from jospar.planning import services
from jospar.planning.approval import services as approval
from jospar.planning.content import ConflictError, EventData
from jospar.planning.drafting import draft, proposals
from jospar.planning.models import EventRevision, PlanVersion, Proposal, StateChange
from tests.factories import (
    DevelopmentPlanFactory,
    MacroindicatorFactory,
    OrgUnitFactory,
    RegulationTaskFactory,
    StateBodyFactory,
    member,
)

pytestmark = pytest.mark.django_db

TODAY = "2026-11-20 10:00 +05:00"


@pytest.fixture
def world():
    body = StateBodyFactory()
    spa = OrgUnitFactory(body=body, is_planning=True)
    unit1, unit2 = OrgUnitFactory(body=body), OrgUnitFactory(body=body)
    devplan = DevelopmentPlanFactory(body=body, signed_on=date(2026, 11, 20))
    macro = MacroindicatorFactory(direction__plan=devplan)
    task = RegulationTaskFactory(plan=devplan)
    w = {
        "body": body, "units": (unit1, unit2), "devplan": devplan, "macro": macro, "task": task,
        "planner": member(body, Role.PLANNER, spa), "executive": member(body, Role.EXECUTIVE),
        "viewer": member(body, Role.VIEWER),
        "staff1": member(body, Role.UNIT_STAFF, unit1), "head1": member(body, Role.UNIT_HEAD, unit1),
        "staff2": member(body, Role.UNIT_STAFF, unit2), "head2": member(body, Role.UNIT_HEAD, unit2),
    }
    for key in ("planner", "executive", "staff1", "head1", "staff2", "head2"):
        w[key].email = f"{key}@example.kz"
        w[key].save()
    return w


def data(w, name="Разработка приказа", anchor=None, **extra) -> EventData:
    values = {
        "anchor_key": anchor or f"m:{w['macro'].id}", "name_kk": f"{name} (kk)", "name_ru": name,
        "deadline": rules.Deadline(rules.DeadlineKind.QUARTER, quarter=2), "budget_codes": "001",
        "completion_kk": "Бұйрық", "completion_ru": "Приказ",
    }
    values.update(extra)
    return EventData(**values)


@pytest.fixture
def opened(world, django_capture_on_commit_callbacks):
    with time_machine.travel(TODAY, tick=False), django_capture_on_commit_callbacks(execute=True):
        plan = services.open_year(user=world["planner"], development_plan=world["devplan"], year=2027,
                                  proposals_due=date(2026, 11, 27))
    world["plan"] = plan
    world["version"] = plan.versions.get()
    return world


def test_opening_a_year_builds_the_skeleton_and_invites_units(opened):
    plan = opened["plan"]
    assert plan.rule_edition == rules.edition_for_year(2027).key
    assert plan.approval_due == date(2026, 11, 30)
    assert plan.proposal_round.is_open
    invited = set(Notification.objects.filter(kind="round_opened").values_list("recipient__username", flat=True))
    assert invited == {u.username for u in (opened["staff1"], opened["head1"], opened["staff2"], opened["head2"])}
    assert len(mail.outbox) == 4 and "2027" in mail.outbox[0].subject
    assert StateChange.objects.get(plan=plan).actor == opened["planner"]


@pytest.mark.parametrize("who", ["executive", "viewer", "staff1", "head1"])
def test_only_the_planner_opens_a_year(world, who):
    with pytest.raises(PermissionDenied):
        services.open_year(user=world[who], development_plan=world["devplan"], year=2027,
                           proposals_due=date(2099, 1, 1))


def test_a_unit_proposes_only_for_itself(opened):
    unit1, unit2 = opened["units"]
    p = proposals.create_proposal(user=opened["staff1"], plan=opened["plan"], unit=unit1, data=data(opened))
    assert p.status == "draft" and p.author == opened["staff1"]
    with pytest.raises(PermissionDenied):
        proposals.create_proposal(user=opened["staff1"], plan=opened["plan"], unit=unit2, data=data(opened))
    with pytest.raises(PermissionDenied):
        proposals.update_proposal(user=opened["staff2"], proposal=p, data=data(opened, "x"), lock_version=1)
    with pytest.raises(PermissionDenied):
        proposals.create_proposal(user=opened["planner"], plan=opened["plan"], unit=unit1, data=data(opened))


def test_head_submits_and_planner_is_notified(opened):
    unit1 = opened["units"][0]
    proposals.create_proposal(user=opened["staff1"], plan=opened["plan"], unit=unit1, data=data(opened))
    with pytest.raises(PermissionDenied):
        proposals.submit_unit_set(user=opened["staff1"], plan=opened["plan"], unit=unit1)
    with pytest.raises(PermissionDenied):
        proposals.submit_unit_set(user=opened["head2"], plan=opened["plan"], unit=unit1)
    assert proposals.submit_unit_set(user=opened["head1"], plan=opened["plan"], unit=unit1) == 1
    assert Notification.objects.filter(kind="set_submitted", recipient=opened["planner"]).exists()
    p = Proposal.objects.get()
    assert p.status == "submitted"
    with pytest.raises(PermissionDenied):  # submitted proposals are locked for the unit
        proposals.update_proposal(user=opened["staff1"], proposal=p, data=data(opened, "x"), lock_version=1)


def _submitted(w, unit_index=0, name="Разработка приказа"):
    unit = w["units"][unit_index]
    staff, head = (w["staff1"], w["head1"]) if unit_index == 0 else (w["staff2"], w["head2"])
    p = proposals.create_proposal(user=staff, plan=w["plan"], unit=unit, data=data(w, name))
    proposals.submit_unit_set(user=head, plan=w["plan"], unit=unit)
    p.refresh_from_db()
    return p


def test_planner_accepts_edited_and_traces_the_proposal(opened):
    p = _submitted(opened)
    edited = data(opened, "Разработка совместного приказа", lead_unit=p.unit, co_executors=[opened["units"][1]])
    revision = proposals.accept_proposal(user=opened["planner"], proposal=p, data=edited)
    assert revision.name_ru == "Разработка совместного приказа"
    assert [e.unit for e in revision.executors.order_by("-is_lead")] == [p.unit, opened["units"][1]]
    p.refresh_from_db()
    assert p.status == "accepted" and p.event == revision.event
    assert list(revision.event.proposals.all()) == [p]


def test_planner_merges_duplicates_into_one_event(opened):
    a = _submitted(opened, 0, "Проведение аудита")
    b = _submitted(opened, 1, "Проведение аудита")
    revision = proposals.merge_proposals(user=opened["planner"], proposals=[a, b])
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == ("accepted", "merged")
    assert a.event == b.event == revision.event
    assert {e.unit for e in revision.executors.all()} == set(opened["units"])


def test_planner_returns_with_a_comment_the_unit_sees(opened):
    p = _submitted(opened)
    with pytest.raises(ValidationError):
        proposals.return_proposal(user=opened["planner"], proposal=p, comment="  ")
    proposals.return_proposal(user=opened["planner"], proposal=p, comment="Уточните код")
    p.refresh_from_db()
    assert p.status == "returned" and p.comment == "Уточните код"
    note = Notification.objects.get(kind="proposal_returned", recipient=opened["staff1"])
    assert "Уточните код" in note.text
    proposals.update_proposal(user=opened["staff1"], proposal=p, data=data(opened, "Исправлено"), lock_version=1)


@pytest.mark.parametrize("who", ["staff1", "head1", "executive", "viewer"])
def test_only_the_planner_reviews(opened, who):
    p = _submitted(opened)
    with pytest.raises(PermissionDenied):
        proposals.accept_proposal(user=opened[who], proposal=p)
    with pytest.raises(PermissionDenied):
        proposals.return_proposal(user=opened[who], proposal=p, comment="no")


@pytest.mark.parametrize("who", ["staff1", "head1", "executive", "viewer"])
def test_only_the_planner_edits_the_draft(opened, who):
    with pytest.raises(PermissionDenied):
        draft.add_event(user=opened[who], version=opened["version"], data=data(opened))


def test_two_editors_never_overwrite_each_other(opened):
    revision = draft.add_event(user=opened["planner"], version=opened["version"], data=data(opened))
    second_planner = member(opened["body"], Role.PLANNER, opened["body"].units.get(is_planning=True))
    read_by_both = revision.lock_version
    draft.update_event(user=opened["planner"], revision=revision, data=data(opened, "Первая правка"),
                       lock_version=read_by_both)
    with pytest.raises(ConflictError) as conflict:
        draft.update_event(user=second_planner, revision=revision, data=data(opened, "Вторая правка"),
                           lock_version=read_by_both)
    assert conflict.value.current.name_ru == "Первая правка"
    assert EventRevision.objects.get(pk=revision.pk).name_ru == "Первая правка"


def test_move_and_delete_in_the_draft(opened):
    first = draft.add_event(user=opened["planner"], version=opened["version"], data=data(opened, "A"))
    second = draft.add_event(user=opened["planner"], version=opened["version"], data=data(opened, "B"))
    draft.move_event(user=opened["planner"], revision=second, offset=-1)
    assert list(opened["version"].revisions.order_by("position").values_list("name_ru", flat=True)) == ["B", "A"]
    draft.delete_event(user=opened["planner"], revision=first)
    assert list(opened["version"].revisions.values_list("name_ru", flat=True)) == ["B"]


def test_incomplete_draft_cannot_be_sent(opened):
    version = opened["version"]
    with pytest.raises(ValidationError):  # empty
        approval.send_for_approval(user=opened["planner"], version=version)
    draft.add_event(user=opened["planner"], version=version, data=data(opened, name_kk=""))
    with pytest.raises(ValidationError):
        approval.send_for_approval(user=opened["planner"], version=version)
    assert PlanVersion.objects.get(pk=version.pk).status == "draft"


def _ready(w):
    draft.add_event(user=w["planner"], version=w["version"], data=data(w, lead_unit=w["units"][0]))
    return approval.send_for_approval(user=w["planner"], version=w["version"])


def test_approval_freezes_version_one_on_time(opened, django_capture_on_commit_callbacks):
    version = _ready(opened)
    assert Notification.objects.filter(kind="sent_for_approval", recipient=opened["executive"]).exists()
    assert not opened["plan"].proposal_round.__class__.objects.get(plan=opened["plan"]).is_open
    with time_machine.travel("2026-11-28 12:00 +05:00", tick=False):
        approval.approve_version(version=version, user=opened["executive"])
    version.refresh_from_db()
    assert version.status == "approved" and version.approved_on == date(2026, 11, 28)
    assert not version.approved_late
    with pytest.raises(ValidationError):
        draft.add_event(user=opened["planner"], version=version, data=data(opened))


def test_late_approval_is_flagged_and_stays_on_record(opened):
    version = _ready(opened)
    with time_machine.travel("2026-12-02 12:00 +05:00", tick=False):
        approval.approve_version(version=version, user=opened["executive"])
    version.refresh_from_db()
    assert version.approved_late


@pytest.mark.parametrize("who", ["planner", "staff1", "head1", "viewer"])
def test_only_the_executive_approves_or_returns(opened, who):
    version = _ready(opened)
    with pytest.raises(PermissionDenied):
        approval.approve_version(version=version, user=opened[who])
    with pytest.raises(PermissionDenied):
        approval.return_version(version=version, user=opened[who], comment="no")


def test_executive_returns_with_comment_and_planner_edits_again(opened):
    version = _ready(opened)
    approval.return_version(version=version, user=opened["executive"], comment="Добавьте мероприятия по задаче 2")
    version.refresh_from_db()
    assert version.status == "draft"
    change = StateChange.objects.filter(action="returned").get()
    assert change.actor == opened["executive"] and change.comment == "Добавьте мероприятия по задаче 2"
    assert Notification.objects.filter(kind="plan_returned", recipient=opened["planner"]).exists()
    draft.add_event(user=opened["planner"], version=version, data=data(opened, "Ещё"))


def test_notification_email_is_in_the_recipients_language(opened, django_capture_on_commit_callbacks):
    from jospar.orgs.models import Person

    Person.objects.filter(user=opened["executive"]).update(language="kk")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _ready(opened)
    message = next(m for m in mail.outbox if m.to == ["executive@example.kz"])
    assert "операциялық жоспар" in message.subject.lower() or "операциялық жоспар" in message.body.lower()
