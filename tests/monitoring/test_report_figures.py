"""A submitted report keeps its execution figures (issue 12.2): written by the services that submit and
take back the report, in their transaction; the executive's home card reads them, in a fixed and small
number of queries, instead of compiling Form 2."""
import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.monitoring import figures, services_report
from jospar.monitoring.models import Report, ReportFigure
from jospar.monitoring.report_data import compile_report
from tests.monitoring.world import at, report_all

pytestmark = pytest.mark.django_db


def submitted(world, quarter=1, when="2026-04-14") -> Report:
    report_all(world, quarter, "2026-04-08")
    with time_machine.travel(at(when), tick=False):
        services_report.submit_report(user=world.users["planner"], period=world.period(quarter))
    return Report.objects.select_related("period__plan").get(period=world.period(quarter))


def lines(summary) -> list:
    return [(c.label, c.name, list(c.n)) for c in summary]


def test_submitting_keeps_the_summary_of_form2(world):
    report = submitted(world)
    compiled = compile_report(world.period(1), world.version, "en", report=report)
    kept = figures.summary(report, "en")
    assert kept.quarter.n == compiled.summary_quarter.total.n
    assert kept.cumulative.n == compiled.summary_cumulative.total.n
    assert lines(kept.directions) == lines(compiled.summary_cumulative.directions)
    assert {f.line for f in report.figures.all()} == {"total", "direction", "section2"}


def test_taking_the_report_back_drops_its_figures_and_submitting_again_keeps_them(world):
    report = submitted(world)
    with time_machine.travel(at("2026-04-15"), tick=False):
        services_report.recall_report(user=world.users["planner"], period=world.period(1))
    assert not ReportFigure.objects.filter(report=report).exists()
    with time_machine.travel(at("2026-04-15", 12), tick=False):
        services_report.submit_report(user=world.users["planner"], period=world.period(1))
        services_report.return_report(user=world.users["executive"], period=world.period(1), comment="Уточнить")
    assert not ReportFigure.objects.filter(report=report).exists()
    with time_machine.travel(at("2026-04-15", 14), tick=False):
        services_report.submit_report(user=world.users["planner"], period=world.period(1))
    assert ReportFigure.objects.filter(report=report).count() == 2 * ReportFigure.objects.filter(
        report=report, scope="quarter").count() > 0


def _home(client, user, when="2026-04-16"):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    with time_machine.travel(at(when), tick=False):
        client.get(reverse("home"))
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(reverse("home")).content.decode()
    return html[html.index("<main"):html.index("</main>")], len(ctx.captured_queries)


def test_the_executive_card_reads_the_kept_figures(world, client):
    report = submitted(world)
    ReportFigure.objects.filter(report=report, scope="quarter", line="total").update(executed=0, not_executed=1)
    html, _queries = _home(client, world.users["executive"])
    assert "Q1: 0% executed, 0% partially, 100% not executed." in html  # what is kept, not compiled again


def test_a_report_submitted_before_figures_were_kept_is_compiled_and_the_command_keeps_them(world, client):
    report = submitted(world)
    with_figures, kept_queries = _home(client, world.users["executive"])
    ReportFigure.objects.filter(report=report).delete()
    compiled, compiled_queries = _home(client, world.users["executive"])
    assert compiled == with_figures and "Q1: 100% executed" in compiled
    assert compiled_queries > kept_queries
    call_command("keep_report_figures", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("keep_report_figures", stdout=open("/dev/null", "w"))  # noqa: SIM115  (idempotent)
    assert _home(client, world.users["executive"]) == (with_figures, kept_queries)


def test_the_executive_summary_card_costs_three_queries(world, client):
    """The report, its figures, whether decisions were taken: whatever the plan's size (the card used to
    compile the whole Form 2: the plan walk, every entry, the submissions, the units)."""
    _html, without = _home(client, world.users["executive"])
    submitted(world)
    html, with_card = _home(client, world.users["executive"])
    assert "Execution of the 2026 plan" in html and "awaits your decisions" in html
    assert with_card - without == 2  # the report was looked for already; then its figures and its decisions
