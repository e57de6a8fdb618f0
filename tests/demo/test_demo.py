"""The demo ministry: believable, complete, and idempotent."""
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth import authenticate

from jospar.demo.loader import PASSWORD, DemoLoader
from jospar.orgs.models import Membership, OrgUnit, Role
from jospar.planning.models import (
    EventRevision,
    Goal,
    Macroindicator,
    PlanVersion,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)


@pytest.fixture
def loaded():
    return DemoLoader(TODAY, log=lambda msg: None).load()


def _counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.app_label in ("orgs", "planning")}


def test_loading_twice_changes_nothing(loaded):
    before = _counts()
    DemoLoader(TODAY, log=lambda msg: None).load()
    assert _counts() == before


def test_the_ministry_is_big_enough(loaded):
    devplan = loaded.development_plans.get(edition=1)
    assert StrategicDirection.objects.filter(plan=devplan).count() >= 3
    assert Macroindicator.objects.filter(direction__plan=devplan).count() >= 4
    assert Goal.objects.filter(direction__plan=devplan).count() >= 6
    assert TargetIndicator.objects.filter(goal__direction__plan=devplan).count() >= 15
    assert RegulationTask.objects.filter(plan=devplan).count() >= 10
    assert OrgUnit.objects.filter(body=loaded, kind="unit").count() >= 10
    assert OrgUnit.objects.filter(body=loaded, kind="subordinate").count() >= 3
    assert OrgUnit.objects.filter(body=loaded, is_planning=True).count() == 1


def test_current_plan_is_approved_on_time_by_the_executive(loaded):
    version = PlanVersion.objects.get(plan__year=2026, number=1)
    assert version.is_approved and version.approved_by.username == "executive"
    assert not version.approved_late
    assert EventRevision.objects.filter(version=version).count() >= 80
    assert PlanVersion.objects.get(plan__year=2027).status == "draft"


def test_every_approved_event_is_complete(loaded):
    for rev in EventRevision.objects.filter(version__status="approved").prefetch_related("executors"):
        assert rev.name_kk and rev.name_ru
        assert rev.no_funding or rev.budget_codes
        assert sum(e.is_lead for e in rev.executors.all()) == 1
        rev.deadline.validate()


@pytest.mark.parametrize(
    ("username", "role", "unit_position"),
    [("planner", Role.PLANNER, None), ("executive", Role.EXECUTIVE, None), ("viewer", Role.VIEWER, None),
     ("admin", Role.ADMIN, None), ("head1", Role.UNIT_HEAD, 0), ("staff1", Role.UNIT_STAFF, 0),
     ("head2", Role.UNIT_HEAD, 1), ("staff2", Role.UNIT_STAFF, 1)],
)
def test_demo_users_log_in_with_their_roles(loaded, username, role, unit_position):
    user = authenticate(username=username, password=PASSWORD)
    assert user is not None
    membership = Membership.objects.get(user=user)
    assert membership.role == role
    if unit_position is not None:
        ordinary = list(OrgUnit.objects.filter(body=loaded, kind="unit", is_planning=False).order_by("position"))
        assert membership.unit == ordinary[unit_position]
    if role == Role.PLANNER:
        assert membership.unit.is_planning


def test_demo_content_has_kazakh_letters(loaded):
    names = "".join(EventRevision.objects.values_list("name_kk", flat=True))
    assert set("әғқңөұүі") <= set(names)


def test_next_years_draft_has_proposals_in_every_state_and_one_incomplete_event(loaded):
    from jospar.planning.models import Proposal
    from jospar.planning.selectors import version_problems

    draft = PlanVersion.objects.get(plan__year=2027)
    states = set(Proposal.objects.filter(plan=draft.plan).values_list("status", flat=True))
    assert states == {"draft", "submitted", "returned", "accepted"}
    problems = version_problems(draft)
    assert problems["count"] == 1 and list(problems["by_revision"].values()) == [["name_kk"]]
    assert draft.plan.proposal_round.is_open


def test_current_plan_history_is_traceable(loaded):
    from jospar.planning.models import Proposal, StateChange

    plan = PlanVersion.objects.get(plan__year=2026, number=1).plan
    from django.db.models import Q

    actions = list(StateChange.objects.filter(Q(version__isnull=True) | Q(version__number=1), plan=plan,
                                              proposal__isnull=True).order_by("at", "id").values_list("action",
                                                                                                       flat=True))
    assert actions == ["round_opened", "sent_for_approval", "approved"]
    assert Proposal.objects.filter(plan=plan, status="merged").count() == 1
    assert StateChange.objects.filter(plan=plan, action="proposal_returned").count() == 1
    event_ids = set(EventRevision.objects.filter(version__plan=plan, version__number=1).values_list("event_id",
                                                                                                   flat=True))
    traced = set(Proposal.objects.filter(plan=plan, status="accepted").values_list("event_id", flat=True))
    assert traced == event_ids


def test_version_two_comes_from_the_q2_decision(loaded):
    from jospar.planning.amendments.compare import compare_versions

    v1, v2 = PlanVersion.objects.filter(plan__year=2026).order_by("number")
    assert v2.is_approved and v2.basis == "monitoring" and v2.basis_decision.requests_amendment
    assert v2.approved_on > v2.basis_decision.created_at.date()
    kinds = sorted(d.kind for d in compare_versions(v1, v2, "en"))
    assert kinds == ["added", "cancelled", "changed"]


def test_unit_people_author_and_submit_the_proposals(loaded):
    """The demo speaks like a ministry: a unit's staff (or its head) proposes, its head submits."""
    from jospar.planning.models import Proposal, StateChange

    roles = {(m.user_id, m.unit_id): m.role for m in Membership.objects.all()}
    proposals = Proposal.objects.all()
    assert proposals.count() > 100
    for p in proposals:
        assert roles.get((p.author_id, p.unit_id)) in (Role.UNIT_STAFF, Role.UNIT_HEAD), p
    submissions = StateChange.objects.filter(action="proposal_submitted")
    assert submissions.count() > 100
    for change in submissions.select_related("proposal"):
        assert roles.get((change.actor_id, change.proposal.unit_id)) == Role.UNIT_HEAD, change
    created = StateChange.objects.filter(action="proposal_created").values_list("actor__username", flat=True)
    assert {"staff1", "staff2", "head-irr"} <= set(created) and "planner" not in created
    for year in (2026, 2027):
        written = Proposal.history.filter(plan__year=year)
        assert written.exists() and not written.filter(history_user=None).exists()
        assert not written.filter(history_user__username="planner").exists()
        accepted = EventRevision.history.filter(version__plan__year=year, version__number=1)
        assert accepted.exists() and set(accepted.values_list("history_user__username", flat=True)) == {"planner"}
