"""Every benchmark of `make bench` builds its data and measures at a tiny size on the test database, so that a
broken benchmark fails the suite (no test ran them before, and they once broke silently). The national
benchmark's builder (bench/bodies.py) writes with COPY on PostgreSQL and bulk_create on SQLite: both run here."""
import importlib
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

# each benchmark's main() at a tiny size, measured once
TINY = {
    "bench_form1_page": {"sizes": ((2, 2030), (5, 2031)), "runs": 1},
    "bench_compare": {"sizes": ((3, 2040), (12, 2041)), "runs": 1},
    "bench_report_page": {"sizes": ((2, 2040), (5, 2041)), "runs": 1},
    "bench_home_page": {"sizes": (5, 12), "keep": 5, "runs": 1, "settle": False},
    "bench_documents": {"n": 5, "runs": 1, "big": 12},
    "bench_devplan_import": {"runs": 1},
    "bench_national": {"big": 5, "events": 3, "counts": (2, 3), "runs": 1, "require_postgres": False},
}
LINE = re.compile(r"^BENCH (\w+) (-?[0-9.]+) \S+$")


@pytest.fixture
def bench_path():
    sys.path.insert(0, str(BENCH))
    try:
        yield
    finally:
        sys.path.remove(str(BENCH))


def test_every_benchmark_is_run_here():
    assert {p.stem for p in BENCH.glob("bench_*.py")} == set(TINY)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(TINY))
def test_a_benchmark_runs_at_a_tiny_size(name, bench_path, capsys):
    importlib.import_module(name).main(**TINY[name])
    printed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("BENCH ")]
    assert printed, f"{name} printed no BENCH line"
    assert all(LINE.match(line) for line in printed), printed


@pytest.mark.django_db
def test_the_national_benchmark_builds_whole_bodies(bench_path):
    """bodies.build: each body's units, plan, approved version with every event's executors, periods, entries,
    submissions, reports, decisions and kept figures; the Form 1 page is measured alone and among the others."""
    bodies = importlib.import_module("bodies")
    from jospar.monitoring.models import Decision, ExecutionEntry, Report, UnitSubmission
    from jospar.monitoring.summary_models import QuarterSummary, YearSummary
    from jospar.planning.models import EventExecutor, EventRevision, PlanVersion

    built = bodies.build(2, 16, prefix="tiny")
    versions = [b.version_id for b in built]
    assert set(PlanVersion.objects.filter(pk__in=versions).values_list("status", flat=True)) == {"approved"}
    assert EventRevision.objects.filter(version__in=versions).count() == 32
    executors = EventExecutor.objects.filter(version__in=versions).select_related("revision")
    assert executors.count() == 2 * sum(1 + i % 3 for i in range(16))
    assert all(e.version_id == e.revision.version_id for e in executors)
    entries = ExecutionEntry.objects.filter(period__plan_id__in=[b.plan_id for b in built])
    assert entries.count() == 2 * sum(len(items) for items in bodies.Template.make(16, bodies.YEAR).items.values())
    assert UnitSubmission.objects.filter(period__plan_id__in=[b.plan_id for b in built]).exists()
    assert Report.objects.filter(period__plan_id__in=[b.plan_id for b in built], status="submitted").count() == 8
    assert Decision.objects.filter(report__period__plan_id__in=[b.plan_id for b in built]).exists()
    assert YearSummary.objects.filter(body_id__in=[b.body_id for b in built]).count() == 2
    assert QuarterSummary.objects.filter(body_id__in=[b.body_id for b in built]).count() == 8
    more = bodies.build(1, 4, prefix="tiny", offset=2)  # a second build continues the ids
    assert more[0].body_id > built[-1].body_id
    assert EventExecutor.objects.filter(version_id=more[0].version_id).count() == sum(1 + i % 3 for i in range(4))


@pytest.mark.django_db
def test_the_benchmarks_kept_figures_are_those_its_data_implies(bench_path):
    """The national benchmark writes the kept figures itself (in bulk); rebuilt from its data by the code that
    keeps them (`monitoring.summaries.rebuild`), they come out the same."""
    summaries = pytest.importorskip("jospar.monitoring.summaries")
    if not hasattr(summaries, "rebuild"):
        pytest.skip("monitoring.summaries.rebuild is not in this build")
    bodies = importlib.import_module("bodies")
    from jospar.monitoring.summary_models import QuarterSummary, YearSummary

    bodies.build(3, 24, prefix="kept")

    def kept():
        return (list(YearSummary.objects.order_by("body_id", "year").values()),
                list(QuarterSummary.objects.order_by("body_id", "year", "quarter").values()))

    def figures(rows):
        return [{k: v for k, v in row.items() if k not in ("id", "updated_at")} for row in rows]

    before = kept()
    summaries.rebuild()
    after = kept()
    assert figures(after[0]) == figures(before[0])
    assert figures(after[1]) == figures(before[1])
