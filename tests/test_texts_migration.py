"""monitoring 0014 and planning 0011 (issue 13.2): each text typed in one field before both state languages were
kept goes to the language its letters tell (Kazakh-specific letters: Kazakh; other Cyrillic, or none: Russian),
the other left empty; history rows follow; reversed, the Russian text (else the Kazakh) is the one field again."""
import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from jospar.monitoring.models import Decision, EventRecommendation, Report
from jospar.planning.models import EventRevision
from jospar.rules.languages import by_language
from tests.monitoring.world import at, build_world, report_all

BEFORE = [("monitoring", "0013_drop_single_language_entry_texts"),
          ("planning", "0010_planversion_basis_decision_moved")]
AFTER = [("monitoring", "0014_report_texts_in_both_languages"), ("planning", "0011_texts_in_both_languages")]
KAZAKH, RUSSIAN, NEUTRAL = "Сатып алуды жеделдету қажет", "Ускорить закупки", "KPI 2.1 — 100%"


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.parametrize(("text", "kk", "ru"), [(KAZAKH, KAZAKH, ""), (RUSSIAN, "", RUSSIAN), (NEUTRAL, "", NEUTRAL),
                                               ("", "", "")])
def test_a_single_text_goes_to_the_language_it_is_written_in(text, kk, ru):
    assert by_language(text) == {"kk": kk, "ru": ru}


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_each_text_to_its_language_and_back():
    world = build_world()
    report_all(world, 1, "2026-04-08")
    planner, event = world.users["planner"], world.events["a_march"]
    with time_machine.travel(at("2026-04-09"), tick=False):
        report = Report.objects.create(period=world.period(1), updated_at=timezone.now(), updated_by=planner)
        rec = EventRecommendation.objects.create(report=report, event_id=event, updated_at=timezone.now(),
                                                 updated_by=planner)
        decision = Decision.objects.create(report=report, created_at=timezone.now(), created_by=planner)
    revision = EventRevision.objects.get(version=world.version, event_id=event)
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        old.get_model("monitoring", "Report").objects.filter(pk=report.pk).update(
            general_recommendations=KAZAKH, amendment_proposals=RUSSIAN)
        old.get_model("monitoring", "EventRecommendation").objects.filter(pk=rec.pk).update(text=NEUTRAL)
        old.get_model("monitoring", "Decision").objects.filter(pk=decision.pk).update(text=RUSSIAN)
        old.get_model("monitoring", "HistoricalDecision").objects.filter(id=decision.pk).update(text=KAZAKH)
        old.get_model("planning", "EventRevision").objects.filter(pk=revision.pk).update(
            is_cancelled=True, cancel_reason=KAZAKH)
        _migrate(AFTER)
        report.refresh_from_db()
        assert (report.general_recommendations_kk, report.general_recommendations_ru) == (KAZAKH, "")
        assert (report.amendment_proposals_kk, report.amendment_proposals_ru) == ("", RUSSIAN)
        assert EventRecommendation.objects.values_list("text_kk", "text_ru").get(pk=rec.pk) == ("", NEUTRAL)
        assert Decision.objects.values_list("text_kk", "text_ru").get(pk=decision.pk) == ("", RUSSIAN)
        assert set(Decision.history.filter(id=decision.pk).values_list("text_kk", "text_ru")) == {(KAZAKH, "")}
        assert EventRevision.objects.values_list("cancel_reason_kk", "cancel_reason_ru").get(pk=revision.pk) == (
            KAZAKH, "")
        old = _migrate(BEFORE)
        assert old.get_model("monitoring", "Report").objects.values_list(
            "general_recommendations", "amendment_proposals").get(pk=report.pk) == (KAZAKH, RUSSIAN)
    finally:
        _migrate(latest)
