"""The demo's monitoring: passed quarters fully reported, the running one open, loading twice changes nothing."""
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth import authenticate

from jospar.demo.loader import PASSWORD, DemoLoader
from jospar.monitoring import selectors
from jospar.monitoring.models import Decision, EntryState, ExecutionEntry, Report, UnitSubmission
from jospar.planning.models import OperationalPlan

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once for the module (the tests only read)."""
    with django_db_blocker.unblock():
        DemoLoader(TODAY, log=lambda msg: None).load()
        yield OperationalPlan.objects.get(body__code="mwri", year=2026)  # the water ministry's
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)


def counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.app_label in ("monitoring", "orgs")}


def test_passed_quarters_are_fully_reported_with_reports_and_decisions(demo):
    for quarter in (1, 2, 3):
        period = demo.reporting_periods.get(quarter=quarter)
        lines = selectors.period_units(period, selectors.version_in_force(demo, period.end),
                                       selectors.body_units(demo.body_id), "ru")
        with_items = [line for line in lines if line.items]
        assert with_items and all(line.state == "submitted" and line.filled == line.items for line in with_items)
        report = Report.objects.get(period=period)
        assert report.is_submitted and not report.is_late
        assert report.general_recommendations_kk and report.general_recommendations_ru
        assert report.recommendations.exists() and report.decisions.exists()
    statuses = set(ExecutionEntry.objects.filter(period__quarter__lte=3).values_list("status", flat=True))
    assert statuses == {"executed", "partial", "not_executed", "in_progress"}
    assert not ExecutionEntry.objects.filter(status="not_executed", reasons_kk="", reasons_ru="").exists()


def test_one_unit_late_one_entry_returned_and_corrected(demo):
    late = UnitSubmission.objects.filter(is_late=True)  # in any body
    assert [(s.unit.code, s.period.quarter, s.delay_days) for s in late] == [("irr", 2, 3)]
    returned = ExecutionEntry.objects.exclude(return_comment="")
    assert returned.count() == 1 and returned.get().state == EntryState.SUBMITTED
    assert returned.get().history.filter(state="returned").exists()
    assert UnitSubmission.objects.get(unit__code="wrm", period__quarter=1).returned_by.username == "planner"


def test_one_decision_requests_an_amendment(demo):
    asking = list(selectors.decisions_requesting_amendment(demo))
    assert len(asking) == 1 and asking[0].events.exists() and asking[0].report.period.quarter == 2
    assert Decision.objects.filter(report__period__plan=demo, requests_amendment=False).count() == 3
    assert not Decision.objects.filter(requests_amendment=True).exclude(report__period__plan=demo).exists()


def test_the_running_quarter_is_open_with_partial_information(demo):
    q4 = demo.reporting_periods.get(quarter=4)
    entries = ExecutionEntry.objects.filter(period=q4)
    assert entries.exists() and set(entries.values_list("state", flat=True)) == {"draft"}
    assert set(entries.values_list("unit__code", flat=True)) <= {"wrm", "win"}
    assert not UnitSubmission.objects.filter(period=q4).exists() and not Report.objects.filter(period=q4).exists()


def test_every_unit_head_can_log_in(demo):
    for submission in UnitSubmission.objects.select_related("submitted_by"):
        assert authenticate(username=submission.submitted_by.username, password=PASSWORD) is not None


def test_loading_twice_changes_nothing(demo):
    before = counts()
    DemoLoader(TODAY, log=lambda msg: None).load()
    assert counts() == before


def test_every_execution_text_is_in_both_languages_and_fits_its_event(demo):
    """Issue 13 §8: the demo's entries say what their events produce, in proper Kazakh and in Russian."""
    from jospar.rules.languages import written_in

    entries = list(ExecutionEntry.objects.select_related("event"))
    assert not selectors.entry_texts_missing(demo.reporting_periods.get(quarter=3), lang="ru")
    for e in entries:
        for name in ("actual", "reasons"):
            kk, ru = getattr(e, f"{name}_kk"), getattr(e, f"{name}_ru")
            assert bool(kk) == bool(ru), (e.pk, name)
            assert not kk or written_in(kk) == "kk", kk
            assert not ru or written_in(ru) == "ru", ru
    texts = {e.actual_ru for e in entries if e.status == "executed"}
    assert any(t.startswith("Приказ Министра от ") for t in texts)  # an order's execution is an order signed
    assert any("акт приемки подписан" in t for t in texts)  # a commissioning, an act signed
