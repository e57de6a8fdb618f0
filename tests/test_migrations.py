"""Migrations: every model change comes with one; the layers' order holds in them; data moves both ways."""
import ast
from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parent.parent / "jospar"


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # exits non-zero when one is missing


# Planning's migrations written while a version pointed at its decision (PlanVersion.basis_decision, 0003 to
# 0009). Since 0010 the decision points at the amendment (monitoring's 0008 moved the links); a squash of
# planning's history would drop these two. No later migration of planning may name monitoring.
PLANNING_HISTORY_NAMING_MONITORING = {"0003_amendments", "0009_text_length_limits"}


def test_planning_migrations_do_not_depend_on_monitoring():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    planning = {name: m for (app, name), m in loader.disk_migrations.items() if app == "planning"}
    naming = {name for name, m in planning.items()
              if any(app == "monitoring" for app, _name in [*m.dependencies, *m.run_before])}
    assert naming == PLANNING_HISTORY_NAMING_MONITORING
    state = loader.project_state()
    for (app, model), model_state in state.models.items():
        if app != "planning":
            continue
        for name, field in model_state.fields.items():
            target = getattr(field, "related_model", None)
            assert not (isinstance(target, str) and target.lower().startswith("monitoring.")), (model, name)


def _imports(package: str) -> set[str]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    return found


# bottom to top
LAYERS = ["orgs", "rulebook", "notifications", "planning", "monitoring", "documents", "api", "dashboard"]


@pytest.mark.parametrize("package", LAYERS[:5])
def test_a_layer_imports_nothing_above_it(package):
    """Code follows the migrations: planning names nothing of monitoring, orgs nothing of the apps above."""
    above = [*LAYERS[LAYERS.index(package) + 1:], "demo"]
    names = _imports(package)
    assert not {n for n in names for app in above if n == f"jospar.{app}" or n.startswith(f"jospar.{app}.")}


BEFORE = [("monitoring", "0006_report_step_comment_length"), ("planning", "0009_text_length_limits")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_decision_links_move_to_the_decisions_and_back():
    """monitoring 0007–0008: PlanVersion.basis_decision becomes Decision.amendment (planning 0010 drops the old
    column after it), and back; a decision once named by several versions keeps the first of them."""
    from jospar.monitoring import services_report
    from tests.monitoring.test_decision_amendment import open_on
    from tests.monitoring.test_report import _submit_report
    from tests.monitoring.world import at, build_world, report_all

    world = build_world()
    report_all(world, 1, "2026-04-08")
    _submit_report(world, 1, "2026-04-14")
    with time_machine.travel(at("2026-04-20"), tick=False):
        asks, other = (services_report.record_decision(user=world.users["executive"], period=world.period(1),
                                                       text_ru=text, requests_amendment=True)
                       for text in ("Исключить мероприятие", "Перенести срок"))
    v2 = open_on(world, asks, basis_kk="Іс-шараны алып тастау")
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        OldVersion = old.get_model("planning", "PlanVersion")
        assert OldVersion.objects.get(pk=v2.pk).basis_decision_id == asks.pk
        assert set(old.get_model("planning", "HistoricalPlanVersion").objects.filter(id=v2.pk)
                   .values_list("basis_decision_id", flat=True)) == {asks.pk}
        assert OldVersion.objects.filter(basis_decision__isnull=False).count() == 1
        # Then, a version could name a decision another had named already.
        OldVersion.objects.filter(pk=v2.pk).update(status="approved", approved_on=date(2026, 5, 4),
                                                    approved_by_id=world.users["executive"].pk)
        v3 = OldVersion.objects.create(plan_id=world.plan.pk, number=3, basis="monitoring", status="draft",
                                       basis_decision_id=asks.pk)
        new = _migrate(latest)
    finally:
        _migrate(latest)
    Decision = new.get_model("monitoring", "Decision")
    assert dict(Decision.objects.values_list("pk", "amendment_id")) == {asks.pk: v2.pk, other.pk: None}
    assert new.get_model("planning", "PlanVersion").objects.filter(pk=v3.id).exists()
    history = new.get_model("monitoring", "HistoricalDecision").objects.filter(id=asks.pk).order_by("history_date")
    assert list(history.values_list("amendment_id", flat=True)) == [None, v2.pk]  # recorded, then amended


ENTRY_TEXTS_BEFORE = [("monitoring", "0010_open_periods_of_approved_plans")]


@pytest.mark.django_db(transaction=True)
def test_single_language_entry_texts_move_to_the_language_they_are_written_in():
    """monitoring 0011–0013: an entry's one text goes to Kazakh when it has a Kazakh letter, to Russian otherwise
    (Cyrillic without Kazakh letters, or none at all); the other language is left blank; history follows. Back:
    the Russian text, else the Kazakh one."""
    from jospar.monitoring.models import ExecutionEntry
    from tests.monitoring.world import build_world, fill

    world = build_world()
    fill(world, 1, "a", status="partial")
    ids = sorted(ExecutionEntry.objects.values_list("pk", flat=True))
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    texts = [("Бұйрық қабылданды", "Қаражат бөлінбеді"), ("Приказ принят", "Нет средств"), ("Order No. 12", "")]
    try:
        old = _migrate(ENTRY_TEXTS_BEFORE)
        OldEntry = old.get_model("monitoring", "ExecutionEntry")
        assert OldEntry.objects.get(pk=ids[0]).actual == "Сделано 1"  # back: the Russian text
        for pk, (actual, reasons) in zip(ids, texts, strict=True):
            OldEntry.objects.filter(pk=pk).update(actual=actual, reasons=reasons or "Причина")
            old.get_model("monitoring", "HistoricalExecutionEntry").objects.filter(id=pk).update(actual=actual)
        new = _migrate(latest)
    finally:
        _migrate(latest)
    Entry = new.get_model("monitoring", "ExecutionEntry")
    got = {pk: Entry.objects.filter(pk=pk).values_list("actual_kk", "actual_ru", "reasons_kk", "reasons_ru").get()
           for pk in ids}
    assert got == {ids[0]: ("Бұйрық қабылданды", "", "Қаражат бөлінбеді", ""),
                   ids[1]: ("", "Приказ принят", "", "Нет средств"),
                   ids[2]: ("", "Order No. 12", "", "Причина")}
    history = new.get_model("monitoring", "HistoricalExecutionEntry").objects.filter(id=ids[0])
    assert set(history.values_list("actual_kk", "actual_ru")) == {("Бұйрық қабылданды", "")}


@pytest.mark.django_db(transaction=True)
def test_an_upgrade_computes_the_kept_figures_of_the_plans_already_there():
    """monitoring 0016: the national view's figures of plans that were there before the services kept them,
    computed by the code of the day (`summaries.rebuild`); a fresh database is left alone."""
    from jospar.monitoring import summaries
    from jospar.monitoring.models import QuarterSummary, YearSummary
    from tests.monitoring.world import build_world, fill, submit

    world = build_world()
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    expected = summaries.figures_of(world.body.pk, 2026)
    YearSummary.objects.all().delete()
    QuarterSummary.objects.all().delete()
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        _migrate([("monitoring", "0015_kept_summaries")])
        _migrate(latest)
    finally:
        _migrate(latest)
    assert summaries.figures_of(world.body.pk, 2026) == expected
    assert expected[1][1]["units_on_time"] == 1
