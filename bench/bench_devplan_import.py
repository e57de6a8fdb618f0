"""Development-plan import: a large workbook (5 directions, 50 goals, 250 target indicators with five
years of values, 25 macroindicators, 40 Section II tasks) checked and saved, and a broken copy refused.

Prints the workbook's size, the time to check it (parse only), to check and save it, and to refuse the
broken copy with every problem listed.
"""
import io

from common import median_ms, report
from django.db import transaction
from openpyxl import load_workbook

from jospar.orgs.models import Role
from jospar.documents.importers.devplan.service import import_development_plan
from jospar.documents.importers.devplan import ImportRefused, blank_template, layout, parse_workbook
from tests.factories import OrgUnitFactory, StateBodyFactory, member

YEARS = range(2025, 2030)


def big_workbook(broken: bool = False) -> bytes:
    wb = load_workbook(io.BytesIO(blank_template(YEARS[0], YEARS[-1])))
    sheets = {layout.sheet_kind(ws.title): ws for ws in wb.worksheets}
    plan = sheets["plan"]
    values = {"title_kk": "Даму жоспары", "title_ru": "План развития", "signed_on": "22.12.2025"}
    for row in range(2, plan.max_row + 1):
        if plan.cell(row, 1).value in values:
            plan.cell(row, 3).value = values[plan.cell(row, 1).value]

    def rows(kind, items):
        ws = sheets[kind]
        for r, item in enumerate(items, start=3):
            for c, value in enumerate(item, start=1):
                ws.cell(r, c).value = value

    years = [float(v) for v in range(1, 6)]
    rows("directions", [[str(d), f"{d}-бағыт", f"Направление {d}"] for d in range(1, 6)])
    # Annex 1 numbers macroindicators within their direction and target indicators within their goal
    rows("macroindicators", [[str(d), str(m), f"М{d}.{m}", f"М{d}.{m}", None, None, None, None, None, 1, *years]
                             for d in range(1, 6) for m in range(1, 6)])
    rows("goals", [[f"{d}.{g}", f"{d}.{g}-мақсат", f"Цель {d}.{g}"] for d in range(1, 6) for g in range(1, 11)])
    rows("indicators", [[f"{d}.{g}", str(t), f"И{d}.{g}.{t}", "" if broken and t == 5 else f"Инд {d}.{g}.{t}", None,
                         None, None, "%", None, 10, *(["x"] if broken and t == 4 else []), *years]
                        for d in range(1, 6) for g in range(1, 11) for t in range(1, 6)])
    rows("tasks", [[str(n), f"{n}-міндет", f"Задача {n}"] for n in range(1, 41)])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def main(runs: int = 5):
    """Prints the BENCH lines (tests/bench runs it once each)."""
    good, bad = big_workbook(), big_workbook(broken=True)
    report("devplan_workbook_kb", round(len(good) / 1024), "KiB")
    report("devplan_check_ms", median_ms(lambda: parse_workbook(good), runs=runs), "ms")
    body = StateBodyFactory()
    planner = member(body, Role.PLANNER, OrgUnitFactory(body=body, is_planning=True))

    def save():
        with transaction.atomic():
            import_development_plan(user=planner, data=good)
            transaction.set_rollback(True)

    report("devplan_import_ms", median_ms(save, runs=runs), "ms")
    problems = []

    def refuse():
        try:
            parse_workbook(bad)
        except ImportRefused as refusal:
            problems[:] = refusal.problems

    report("devplan_refuse_ms", median_ms(refuse, runs=runs), "ms")
    report("devplan_refuse_problems", len(problems), "problems")


if __name__ == "__main__":
    main()
