"""The demo: the water ministry believable and complete, three more bodies in their states, idempotent."""
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


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Loaded once for the module (the tests only read; loading again changes nothing)."""
    with django_db_blocker.unblock():
        yield DemoLoader(TODAY, log=lambda msg: None).load()
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)


def _counts():
    """Every table's rows (history tables, stored documents, notifications and users included)."""
    return {m._meta.label: m._base_manager.count() for m in apps.get_models()}


def test_loading_twice_changes_nothing(loaded):
    before = _counts()
    # 4 bodies: this year's plans, the ministry's next, last year's (holding only its indicators' final values)
    assert before["orgs.StateBody"] == 4 and before["planning.OperationalPlan"] == 7
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
    version = PlanVersion.objects.get(plan__body=loaded, plan__year=2026, number=1)
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
    assert membership.role == role and membership.body == loaded
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

    plan = PlanVersion.objects.get(plan__body=loaded, plan__year=2026, number=1).plan
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

    v1, v2 = PlanVersion.objects.filter(plan__body=loaded, plan__year=2026).order_by("number")
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
        for body, planner in (("mwri", "planner"), ("moa", "planner2"), ("kzo", "planner3")):
            accepted = EventRevision.history.filter(version__plan__body__code=body, version__plan__year=year,
                                                    version__number=1)
            if body == "mwri" or year == 2026:  # only the water ministry drafts next year's plan
                assert accepted.exists(), (body, year)
                assert set(accepted.values_list("history_user__username", flat=True)) == {planner}


# ---- issue 14: the demo's other bodies, in their states, and their users ---------------------------------------


def _first_version(code):
    return PlanVersion.objects.select_related("plan").get(plan__body__code=code, plan__year=2026, number=1)


def test_the_bodies_have_their_kind_region_and_content(loaded):
    from jospar.demo import content
    from jospar.orgs.models import BodyKind, Region, StateBody

    bodies = {b.code: b for b in StateBody.objects.all()}
    assert set(bodies) == {"mwri", "moa", "kzo", "mne"}
    assert {code: (b.kind, b.region) for code, b in bodies.items()} == {
        "mwri": (BodyKind.CENTRAL, ""), "moa": (BodyKind.CENTRAL, ""), "mne": (BodyKind.CENTRAL, ""),
        "kzo": (BodyKind.REGIONAL_AKIMAT, Region.KYZYLORDA)}
    for code in ("moa", "kzo"):
        version = _first_version(code)
        assert 15 <= EventRevision.objects.filter(version=version).count() <= 30
        assert OrgUnit.objects.filter(body__code=code, is_planning=True).count() == 1
        assert OrgUnit.objects.filter(body__code=code, kind="subordinate").exists()
        devplan = version.plan.development_plan
        assert TargetIndicator.objects.filter(goal__direction__plan=devplan).count() >= 4
        assert RegulationTask.objects.filter(plan=devplan).count() >= 4
        assert not version.plan.versions.filter(number__gt=1).exists()  # no amendment: one version in force
    assert not bodies["mne"].operational_plans.exists() and not bodies["mne"].development_plans.exists()
    codes = [u["code"] for spec in content.BODIES for u in spec.units]
    assert len(codes) == len(set(codes))  # the heads' logins (head-<code>) are unique


def test_one_body_approved_late_one_missing_a_units_quarter_one_report_late(loaded):
    """§6, §13, §15 as the national view counts them (jospar.rules.timeliness)."""
    from jospar.monitoring import selectors
    from jospar.monitoring.models import Report
    from jospar.rules.timeliness import approval_days_late

    late = {code: approval_days_late(v.plan.approval_due, v.approved_on, TODAY)
            for code in ("mwri", "moa", "kzo") for v in [_first_version(code)]}
    assert late["moa"] == 12 and late["mwri"] == late["kzo"] == 0
    assert _first_version("moa").approved_late and _first_version("moa").approved_by.username == "executive2"
    assert _first_version("kzo").approver_office == "first_head"

    reports = {(r.period.plan.body.code, r.period.quarter): r
               for r in Report.objects.select_related("period__plan__body")}
    assert set(reports) == {(code, q) for code in ("mwri", "moa", "kzo") for q in (1, 2, 3)}
    assert {key: r.delay_days for key, r in reports.items() if r.is_late} == {("moa", 1): 4}
    assert all(r.is_submitted for r in reports.values())

    missing = set()
    for code in ("mwri", "moa", "kzo"):
        plan = _first_version(code).plan
        for period in plan.reporting_periods.filter(quarter__lte=3):
            lines = selectors.period_units(period, selectors.version_in_force(plan, period.end),
                                           selectors.body_units(plan.body_id), "ru")
            missing |= {(code, period.quarter, line.unit.code) for line in lines if line.items and not line.submission}
    assert missing == {("kzo", 2, "kzcs")}


def test_the_national_user_the_body_administrator_and_the_second_planner(loaded):
    from jospar.orgs.permissions import access_of

    users = {name: authenticate(username=name, password=PASSWORD) for name in ("national", "bodyadmin", "planner2",
                                                                                 "planner3", "admin")}
    assert all(users.values())
    national = Membership.objects.get(user=users["national"])
    assert (national.role, national.body.code, national.unit) == (Role.NATIONAL, "mne", None)
    assert access_of(users["national"]).is_national and not access_of(users["national"]).is_member
    bodyadmin = Membership.objects.get(user=users["bodyadmin"])
    assert (bodyadmin.role, bodyadmin.body) == (Role.ADMIN, loaded)
    planner2 = Membership.objects.select_related("unit").get(user=users["planner2"])
    assert (planner2.role, planner2.body.code, planner2.unit.is_planning) == (Role.PLANNER, "moa", True)
    assert Membership.objects.get(user=users["planner3"]).body.code == "kzo"
    for name in ("national", "bodyadmin", "planner2"):
        assert not users[name].is_superuser and not users[name].is_staff, name
    assert users["admin"].is_superuser and users["admin"].is_staff  # the installation's data administrator


def test_the_other_bodies_speak_kazakh_and_russian(loaded):
    from jospar.monitoring.models import ExecutionEntry
    from jospar.rules.languages import written_in

    revisions = EventRevision.objects.filter(version__plan__body__code__in=("moa", "kzo"))
    assert revisions.count() > 30
    for rev in revisions:
        assert written_in(rev.name_kk) == "kk" and written_in(rev.name_ru) == "ru", rev.name_en
    entries = ExecutionEntry.objects.filter(period__plan__body__code__in=("moa", "kzo")).exclude(actual_kk="")
    assert entries.exists()
    for entry in entries:
        assert written_in(entry.actual_kk) == "kk" and written_in(entry.actual_ru) == "ru", entry.actual_ru
    names = [(u.name_kk, u.name_ru) for u in OrgUnit.objects.filter(body__code__in=("moa", "kzo", "mne"))]
    assert all(written_in(kk) == "kk" and written_in(ru) == "ru" for kk, ru in names), names
