"""Invariants of the planning model are enforced by the database, not only by forms."""
from datetime import date

import pytest
from django.db import IntegrityError, transaction

from jospar.orgs.models import Role
from jospar.planning.approval.services import approve_version
from jospar.planning.models import ApprovedVersionError, Event, EventExecutor, EventRevision
from tests.factories import (
    MacroindicatorFactory,
    OrgUnitFactory,
    PlanVersionFactory,
    RegulationTaskFactory,
    member,
    revision,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def version():
    return PlanVersionFactory()


def _revision(version, **fields):
    data = {"name_kk": "Іс-шара", "name_ru": "Мероприятие", "budget_codes": "001", "deadline_kind": "quarter",
            "deadline_quarter": 1}
    data.update(fields)
    return EventRevision(version=version, event=Event.objects.create(plan=version.plan), **data)


def _refused(rev):
    with pytest.raises(IntegrityError), transaction.atomic():
        rev.save()


def test_event_without_anchor_is_refused(version):
    _refused(_revision(version))


def test_event_with_two_anchors_is_refused(version):
    devplan = version.plan.development_plan
    macro = MacroindicatorFactory(direction__plan=devplan)
    task = RegulationTaskFactory(plan=devplan)
    _refused(_revision(version, macroindicator=macro, regulation_task=task))


@pytest.mark.parametrize("codes", ["1", "0012", "abc", "001,005", "001  100", "001 10"])
def test_invalid_budget_code_is_refused(version, codes):
    macro = MacroindicatorFactory(direction__plan=version.plan.development_plan)
    _refused(_revision(version, macroindicator=macro, budget_codes=codes))


def test_no_funding_event_carries_no_code(version):
    macro = MacroindicatorFactory(direction__plan=version.plan.development_plan)
    _refused(_revision(version, macroindicator=macro, no_funding=True, budget_codes="001"))
    _revision(version, macroindicator=macro, no_funding=True, budget_codes="").save()


@pytest.mark.parametrize("codes", ["001", "001 100", "001 100, 005", "005, 007 101"])
def test_canonical_budget_codes_are_accepted(version, codes):
    macro = MacroindicatorFactory(direction__plan=version.plan.development_plan)
    _revision(version, macroindicator=macro, budget_codes=codes).save()


@pytest.mark.parametrize(
    "deadline",
    [
        {"deadline_kind": "date"},
        {"deadline_kind": "quarter", "deadline_quarter": 5},
        {"deadline_kind": "month", "deadline_month": 13},
        {"deadline_kind": "yearly", "deadline_month": 12},
        {"deadline_kind": "within_year", "deadline_date": date(2026, 1, 1)},
        {"deadline_kind": "sometime"},
    ],
)
def test_malformed_deadline_is_refused(version, deadline):
    macro = MacroindicatorFactory(direction__plan=version.plan.development_plan)
    data = {"deadline_quarter": None, **deadline}
    _refused(_revision(version, macroindicator=macro, **data))


def test_one_lead_executor_per_event(version):
    macro = MacroindicatorFactory(direction__plan=version.plan.development_plan)
    rev = revision(version, OrgUnitFactory(body=version.plan.body), {"macroindicator": macro})
    with pytest.raises(IntegrityError), transaction.atomic():
        EventExecutor.objects.create(revision=rev, unit=OrgUnitFactory(body=version.plan.body), is_lead=True)


def test_one_planning_unit_per_body(version):
    body = version.plan.body
    OrgUnitFactory(body=body, is_planning=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        OrgUnitFactory(body=body, is_planning=True)


def test_approved_version_cannot_change(version):
    macro = MacroindicatorFactory(direction__plan=version.plan.development_plan)
    rev = revision(version, OrgUnitFactory(body=version.plan.body), {"macroindicator": macro})
    version.status = "on_approval"
    version.save()
    executive = member(version.plan.body, Role.EXECUTIVE)
    approve_version(version=version, user=executive, on=date(2025, 12, 30))
    rev.refresh_from_db()
    rev.name_ru = "Другое"
    with pytest.raises(ApprovedVersionError):
        rev.save()
    with pytest.raises(ApprovedVersionError):
        rev.delete()
    with pytest.raises(ApprovedVersionError):
        rev.executors.first().delete()
    assert EventRevision.objects.get(pk=rev.pk).name_ru == "Мероприятие"


def test_approved_version_records_who_and_when(version):
    version.status = "approved"
    with pytest.raises(IntegrityError), transaction.atomic():
        version.save()
