"""Property (issue 14.4): whatever the sequence of actions on a plan — approvals, units' information on time
or late, returns, the report submitted and taken back, decisions recorded and carried out, amendments —
the figures the services keep are exactly those a rebuild from scratch computes, after every step.

Hypothesis draws the sequences; each runs on the same small plan (tests.monitoring.world, version 1 a
draft) inside a savepoint rolled back at its end. An action the services refuse in the state reached (a
report before anything was submitted, a return of nothing) changes nothing and is part of the test too."""
from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jospar.monitoring import selectors, services, services_report, summaries
from jospar.monitoring.models import Decision, ExecutionEntry
from jospar.planning.amendments import services as amendments
from jospar.planning.amendments.services import open_version
from jospar.planning.approval import services as approval
from tests.monitoring.world import at, build_world, texts

pytestmark = pytest.mark.django_db

UNITS = st.sampled_from(["a", "b", "c"])
QUARTERS = st.sampled_from([1, 2])
APPROVED_ON = st.sampled_from([date(2025, 12, 30), date(2026, 2, 2), date(2026, 5, 4), date(2026, 8, 3)])
ARGUMENTS = {
    "approve": (APPROVED_ON,),
    "submit": (UNITS, QUARTERS, st.booleans(), st.booleans()),  # late, some partly executed
    "return": (UNITS, QUARTERS, st.booleans()),  # only one entry
    "report": (QUARTERS, st.booleans()),  # late
    "take_back": (QUARTERS, st.booleans()),  # returned by the executive, else recalled
    "decide": (QUARTERS, st.booleans()),  # with a due date
    "complete": (st.integers(0, 2),),
    "amend": (st.sampled_from([None, "b_q3", "a_quarterly", "c_half"]),),  # cancelling it
    "send_and_return": (),
}
# the units' steps drawn more often: they are most of a plan's life
NAMES = ["submit"] * 4 + ["return"] * 2 + [name for name in ARGUMENTS if name not in ("submit", "return")]
STEPS = st.sampled_from(NAMES).flatmap(lambda name: st.tuples(st.just(name), *ARGUMENTS[name]))


@pytest.fixture
def draft_world(db):
    world = build_world(approved=False)
    world.version.revisions.update(completion_kk="Есеп", completion_ru="Отчет")  # complete: it can be sent
    return world


def _approve(world, on: date) -> None:
    version = open_version(world.plan)
    if version is None:
        return
    with time_machine.travel(at(on.isoformat()), tick=False):
        if version.status == "draft":
            approval.send_for_approval(user=world.users["planner"], version=version)
        approval.approve_version(version=version, user=world.users["executive"], on=on)


def _submit(world, code: str, quarter: int, late: bool, partly: bool) -> None:
    period = world.period(quarter)
    day = period.info_due + timedelta(days=3 if late else -2)
    with time_machine.travel(at(day.isoformat()), tick=False):
        listing = selectors.work_list(period, world.units[code], "ru")
        for i, w in enumerate(listing.items):
            if w.entry is not None and w.entry.state == "submitted":
                continue
            status = "in_progress" if w.is_in_progress else "partial" if partly and i % 2 else "executed"
            services.save_entry(user=world.users[f"staff_{code}"], period=period, event_id=w.info.event_id,
                                occurrence=w.item.occurrence, status=status, **texts(status, w.info.number))
        services.submit_unit_info(user=world.users[f"head_{code}"], period=period, unit=world.units[code],
                                  attest=True)


def _return(world, code: str, quarter: int, one: bool) -> None:
    period = world.period(quarter)
    first = (ExecutionEntry.objects.filter(period=period, unit=world.units[code], state="submitted")
             .order_by("id").values_list("pk", flat=True).first())
    with time_machine.travel(at((period.info_due + timedelta(days=4)).isoformat()), tick=False):
        services.return_unit_info(user=world.users["planner"], period=period, unit=world.units[code],
                                  comment="Уточните", entry_ids=[first] if one and first else None)


def _report(world, quarter: int, late: bool) -> None:
    period = world.period(quarter)
    day = period.report_due + timedelta(days=3 if late else -1)
    with time_machine.travel(at(day.isoformat()), tick=False):
        services_report.submit_report(user=world.users["planner"], period=period)


def _take_back(world, quarter: int, by_executive: bool) -> None:
    period = world.period(quarter)
    with time_machine.travel(at((period.report_due + timedelta(days=4)).isoformat()), tick=False):
        if by_executive:
            services_report.return_report(user=world.users["executive"], period=period, comment="Доработать")
        else:
            services_report.recall_report(user=world.users["planner"], period=period)


def _decide(world, quarter: int, dated: bool) -> None:
    period = world.period(quarter)
    day = period.report_due + timedelta(days=5)
    with time_machine.travel(at(day.isoformat()), tick=False):
        services_report.record_decision(user=world.users["executive"], period=period, text_ru="Доложить",
                                        due_on=day + timedelta(days=30) if dated else None)


def _complete(world, index: int) -> None:
    open_ = list(Decision.objects.filter(report__period__plan=world.plan, done_on__isnull=True).order_by("id"))
    if not open_:
        raise ValidationError("no open decision")
    with time_machine.travel(at("2026-09-01"), tick=False):
        services_report.complete_decision(user=world.users["planner"], decision=open_[index % len(open_)],
                                          note="Исполнено")


def _amend(world, cancel: str | None) -> None:
    with time_machine.travel(at("2026-05-02"), tick=False):
        version = amendments.open_amendment(user=world.users["planner"], plan=world.plan, basis="development_plan",
                                            document_number="7", document_date=date(2026, 5, 1),
                                            basis_kk="Өзгерістер", basis_ru="Изменения")
        if cancel:
            amendments.cancel_event(user=world.users["planner"],
                                    revision=version.revisions.get(event_id=world.events[cancel]),
                                    reason_kk="Себебі", reason_ru="Причина")


def _send_and_return(world) -> None:
    version = open_version(world.plan)
    if version is None:
        raise ValidationError("no version to send")
    if version.status == "draft":
        approval.send_for_approval(user=world.users["planner"], version=version)
    approval.return_version(version=version, user=world.users["executive"], comment="Доработать")


ACTIONS = {"approve": _approve, "submit": _submit, "return": _return, "report": _report, "take_back": _take_back,
           "decide": _decide, "complete": _complete, "amend": _amend, "send_and_return": _send_and_return}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(before=st.lists(STEPS, max_size=2), approved_on=APPROVED_ON, after=st.lists(STEPS, min_size=3, max_size=8))
def test_the_kept_figures_equal_the_rebuilt_ones_after_every_step(draft_world, before, approved_on, after):
    """A few actions on the draft (mostly refused), its approval, then the plan's life (an action drawn at
    random is refused about half the time: `--hypothesis-show-statistics` counts them)."""
    world = draft_world
    with transaction.atomic():
        summaries.rebuild(world.body)
        for n, (name, *args) in enumerate([*before, ("approve", approved_on), *after], start=1):
            try:
                ACTIONS[name](world, *args)
                event(f"{name}: done")
            except ValidationError:
                event(f"{name}: refused")  # refused in this state: nothing changed
            kept = summaries.figures_of(world.body.pk, world.plan.year)
            changed = summaries.rebuild(world.body)
            assert summaries.figures_of(world.body.pk, world.plan.year) == kept, (n, name, args)
            assert changed == 0, (n, name, args)
        transaction.set_rollback(True)


def test_a_long_sequence_reaches_every_figure(draft_world):
    """The sequences above can reach every figure: one that does, step by step."""
    world = draft_world
    steps = [("approve", date(2026, 2, 2)), ("submit", "a", 1, False, True), ("submit", "b", 1, True, False),
             ("submit", "c", 1, False, False), ("return", "c", 1, True), ("submit", "c", 1, False, False),
             ("report", 1, True), ("decide", 1, True), ("decide", 1, False), ("complete", 0),
             ("amend", "b_q3"), ("approve", date(2026, 5, 4)), ("submit", "a", 2, False, False), ("report", 2, False),
             ("take_back", 2, False)]
    for name, *args in steps:
        ACTIONS[name](world, *args)
        kept = summaries.figures_of(world.body.pk, world.plan.year)
        assert summaries.rebuild(world.body) == 0, (name, args)
        assert summaries.figures_of(world.body.pk, world.plan.year) == kept
    year, quarters = summaries.figures_of(world.body.pk, world.plan.year)
    assert (year["state"], year["version_in_force"], year["amendments"], year["approved_on"]) == (
        "approved", 2, 1, date(2026, 2, 2))
    assert (year["decisions_open"], len(year["open_decision_due_dates"])) == (1, 0)
    q1, q2, q3 = quarters[1], quarters[2], quarters[3]
    assert (q1["units_due"], q1["units_on_time"], q1["units_late"]) == (3, 2, 1)
    assert (q1["items_due"], q1["executed"], q1["partial"]) == (4, 3, 1)
    assert (q1["report_state"], q1["report_late"]) == ("submitted", True)
    assert (q2["units_on_time"], q2["report_state"]) == (1, "none")
    assert q3["items_due"] == 1  # b_q3 cancelled by version 2, in force from 4 May
