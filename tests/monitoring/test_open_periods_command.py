"""The scheduled `open_periods` (issue 15.2): opens the quarters an approved plan lacks, once; drafts get none."""
from io import StringIO

from django.core.management import call_command

from jospar.monitoring.models import ReportingPeriod
from tests.monitoring.world import build_world


def run() -> str:
    out = StringIO()
    call_command("open_periods", stdout=out)
    return out.getvalue()


def test_opens_the_missing_quarters_of_approved_plans_only_and_once(db):
    approved = build_world(2026)
    draft = build_world(2027, approved=False)
    ReportingPeriod.objects.filter(plan=approved.plan, quarter__in=(2, 4)).delete()

    assert "reporting periods opened: 2" in run()
    assert sorted(approved.plan.reporting_periods.values_list("quarter", flat=True)) == [1, 2, 3, 4]
    assert not draft.plan.reporting_periods.exists()
    assert "reporting periods opened: 0" in run()  # idempotent


def test_runs_under_the_lock(db):
    build_world(2026)
    out = StringIO()
    call_command("run_locked", "open_periods", stdout=out)
    assert "reporting periods opened: 0" in out.getvalue()
