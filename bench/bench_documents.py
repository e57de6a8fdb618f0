"""Official documents for 2,000 events: Form 1 DOCX, Form 2 DOCX/XLSX/PDF, and the Excel import.

Each figure is the median wall time of generating the whole file (selector + writer) on a plan of
2,000 events with realistic text lengths; `form1_docx_ms_10000` is the Form 1 DOCX of a plan of
10,000 events, to see that the document grows with its rows (a writer that re-walks its table for each
row shows at 5x the rows as far more than 5x the time); `*_peak_mb_2000` is the peak of Python allocations
(tracemalloc) while one document is generated, measured in a separate run because tracing slows
everything down. Memory held by C libraries (lxml's trees inside python-docx) is not seen by
tracemalloc; the PDF writer (ReportLab) is Python, so its figure is complete. Form 2 uses
synthetic rows of monitoring's Row2.
"""
import tracemalloc
from io import BytesIO

from common import median_ms, report
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat
from django.utils import translation
from pypdf import PdfReader

from jospar.documents.importers.plan_template import build_import_template
from jospar.documents.importers.plan_events import check_plan_workbook
from jospar.documents.writers.render import render
from jospar.documents.assembly.form1 import form1_document, form2_document_from_rows
from jospar.documents.importers.save_events import import_events
from jospar.monitoring.report_data import Row2
from jospar.orgs.models import Membership, Role
from jospar.planning.models import EventRevision
from tests.documents.importing import good_rows, upload, workbook_bytes
from tests.factories import StateBodyFactory, UserFactory, member, plan_with_events

N = 2000
BIG = 10000
NAME = "Проведение мониторинга хода реализации проектов реконструкции и модернизации ирригационных систем, "
ACTUAL = ("Подготовлена и направлена информация в Правительство Республики Казахстан; проведено совещание с "
          "местными исполнительными органами, протокол от 12 сентября.")


def form2_rows(n: int) -> list[Row2]:
    rows = [Row2("section", "I. Мероприятия по достижению целей и целевых индикаторов стратегического плана")]
    for i in range(1, n + 1):
        if i % 20 == 1:
            rows.append(Row2("target_indicator", "Доля орошаемых земель с применением водосберегающих технологий",
                             f"Целевой индикатор 1.1.{i // 20 + 1}"))
        rows.append(Row2("event", f"{NAME}этап {i}", str(i), "Департамент водохозяйственной инфраструктуры, Отдел 3",
                         "ежеквартально, до 5 числа месяца, следующего за отчетным кварталом", "Информация в "
                         "Правительство", ACTUAL, "" if i % 3 else "Задержка поставки оборудования подрядчиком",
                         "Ускорить согласование" if i % 5 == 0 else "", "executed"))
    rows.append(Row2("section", "II. Мероприятия по решению иных задач, определенных положением"))
    return rows


def peak_mb(fn) -> float:
    tracemalloc.start()
    try:
        fn()
        return round(tracemalloc.get_traced_memory()[1] / 1024 / 1024, 1)
    finally:
        tracemalloc.stop()


def long_plan(n: int, code: str, year: int):
    """A draft version of `n` events with long names, in a body whose planning unit has a head (the signer)."""
    body = StateBodyFactory(code=code)
    version = plan_with_events(n, n_units=30, body=body, year=year)
    EventRevision.objects.filter(version=version).update(name_ru=Concat(Value(NAME), "name_ru"),
                                                         name_kk=Concat(Value(NAME), "name_kk"))
    head = UserFactory(username=f"{code}-head")
    Membership.objects.create(user=head, body=body, role=Role.UNIT_HEAD, unit=body.units.get(is_planning=True))
    return version


def main(n: int = N, runs: int = 3, big: int = BIG):
    """Prints the BENCH lines (tests/bench runs it with tiny plans)."""
    version = long_plan(n, "benchdocs", 2032)
    body = version.plan.body
    planner = member(body, Role.PLANNER, body.units.get(is_planning=True), username="bench-docs-planner")
    plan = version.plan
    rows2 = form2_rows(n)

    def form1_docx():
        return render(form1_document(version, "ru"), "docx")

    def form2(fmt):
        doc = form2_document_from_rows(plan=plan, rows=rows2, period_label="9 месяцев", lang="ru",
                                       filename="report-2032-q3-ru")
        return render(doc, fmt)

    rows = []
    base = good_rows()
    for i in range(n):
        row = dict(base[i % 3])
        row["name_ru"] = f"{NAME}{i}"
        if "date" in row:
            row["date"] = row["date"].replace(year=plan.year)
        rows.append(row)
    data = workbook_bytes(build_import_template(version, "ru"), rows)

    def import_xlsx():
        with transaction.atomic(), translation.override("ru"):
            check = check_plan_workbook(upload(data), version)
            if not check.ok:
                raise SystemExit(f"import check failed: {check.problems[:3]}")
            import_events(user=planner, version=version, events=check.events, source="bench.xlsx")
            transaction.set_rollback(True)

    jobs = {
        "form1_docx": form1_docx,
        "form2_docx": lambda: form2("docx"),
        "form2_xlsx": lambda: form2("xlsx"),
        "form2_pdf": lambda: form2("pdf"),
        "import_xlsx": import_xlsx,
    }
    render(form1_document(version, "ru"), "pdf")  # load the fonts once, outside the timings
    for name, job in jobs.items():
        report(f"{name}_ms_{n}", median_ms(job, runs=runs), "ms")
    big_version = long_plan(big, "benchdocsbig", 2033)

    def big_docx():
        return render(form1_document(big_version, "ru"), "docx")

    report(f"form1_docx_ms_{big}", median_ms(big_docx, runs=runs), "ms")
    for name, job in jobs.items():
        report(f"{name}_peak_mb_{n}", peak_mb(job), "MB")
    pdf = form2("pdf")
    report(f"form2_pdf_pages_{n}", len(PdfReader(BytesIO(pdf)).pages), "pages")

if __name__ == "__main__":
    main()
