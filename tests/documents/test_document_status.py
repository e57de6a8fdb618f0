"""Issue 13.4: documents say what they are. A draft Form 1 and a report not yet submitted carry «ЖОБА» / «ПРОЕКТ»
on every page of every format; every document names its version and its approval (date, approver) or its
submission in a footer line. Read back from the files: DOCX, XLSX, PDF × kk, ru."""
from datetime import date

import pytest
import time_machine

from jospar.documents.assembly.form1 import form1_document
from jospar.documents.assembly.form2 import form2_document
from jospar.documents.models import StoredDocument
from jospar.documents.writers.excel import print_text
from jospar.documents.writers.layout import FORM1_WIDTHS, Line, OfficialDocument
from jospar.documents.writers.render import render
from jospar.monitoring import services_report
from jospar.planning.amendments import services as amendments
from jospar.planning.approval import services as approval
from tests.documents.readback import pdf_pages, stamps
from tests.monitoring.world import at, build_world, report_all

pytestmark = pytest.mark.django_db

LANGS, FORMATS = ("kk", "ru"), ("docx", "xlsx", "pdf")
MARK = {"kk": "ЖОБА", "ru": "ПРОЕКТ"}
DRAFT_FOOTER = {"kk": "Операциялық жоспардың {n}-нұсқасы: жоба, бекітілмеген.",
                "ru": "Версия {n} операционного плана: проект, не утверждена."}
APPROVED_FOOTER = {"kk": "Операциялық жоспардың {n}-нұсқасы. {date} бекітілді; бекіткен: аппарат басшысы {who}.",
                   "ru": "Версия {n} операционного плана. Утверждена {date}; утвердил: руководитель аппарата {who}."}


def assert_every_page(pages: list[str], text: str) -> None:
    assert pages and all(text in " ".join(page.split()) for page in pages), (text, pages)


def approve(version, planner, executive, on: date):
    approval.send_for_approval(user=planner, version=version)
    return approval.approve_version(version=version, user=executive, on=on)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_writers_print_the_mark_and_the_footer_on_every_page(fmt):
    lines = [Line("event", cells=(str(i), f"Мероприятие {i} " + "текст " * 40, "001", "Отдел", "IV квартал",
                                  "Приказ")) for i in range(1, 61)]
    doc = OfficialDocument(form=1, lang="ru", title="Операционный план", subtitle="", columns=tuple("123456"),
                           widths=FORM1_WIDTHS, lines=lines, signature="Руководитель", signature_hint="(подпись)",
                           mark="ПРОЕКТ", footer="Версия 3 операционного плана: проект, не утверждена.")
    data = render(doc, fmt)
    top, bottom = stamps(data, fmt)
    if fmt == "pdf":
        assert len(pdf_pages(data)) > 3
    assert_every_page(top, "ПРОЕКТ")
    assert_every_page(bottom, "Версия 3 операционного плана: проект, не утверждена.")


def test_print_headers_and_footers_keep_an_ampersand_literal():
    doc = OfficialDocument(form=1, lang="ru", title="T", subtitle="", columns=tuple("123456"), widths=FORM1_WIDTHS,
                           lines=[], signature="", signature_hint="", footer="утвердил: ТОО «A&B» &P")
    top, bottom = stamps(render(doc, "xlsx"), "xlsx")
    assert bottom[0] == "утвердил: ТОО «A&&B» &&P"  # «&» doubled: printed as typed, not as a page number
    assert top == ["", ""]  # no mark on a document that is not a draft
    assert print_text("&" * 300) == "&" * 200  # cut to fit the 255 characters of a footer, never half an «&&»


@pytest.mark.parametrize("lang", LANGS)
def test_form1_of_a_draft_and_of_the_approved_version(small_plan, planner, executive, head, lang):
    for fmt in FORMATS:
        top, bottom = stamps(render(form1_document(small_plan, lang), fmt), fmt)
        assert_every_page(top, MARK[lang])
        assert_every_page(bottom, DRAFT_FOOTER[lang].format(n=1))

    approve(small_plan, planner, executive, date(2025, 12, 30))
    footer = APPROVED_FOOTER[lang].format(n=1, date="30.12.2025", who=executive.person.short_name)
    for fmt in FORMATS:
        data = bytes(StoredDocument.objects.get(version=small_plan, lang=lang, fmt=fmt).data)
        top, bottom = stamps(data, fmt)
        assert not any(MARK[lang] in text for text in top + bottom)
        assert_every_page(bottom, footer)


@pytest.mark.parametrize("lang", LANGS)
def test_version_1_and_version_2_are_told_apart_on_paper(small_plan, planner, executive, lang):
    approve(small_plan, planner, executive, date(2025, 12, 30))
    v2 = amendments.open_amendment(user=planner, plan=small_plan.plan, basis="development_plan", document_number="12",
                                   document_date=date(2026, 5, 4), basis_kk="Өзгерістер", basis_ru="Изменения")
    top, bottom = stamps(render(form1_document(v2, lang), "pdf"), "pdf")
    assert_every_page(top, MARK[lang])
    assert_every_page(bottom, DRAFT_FOOTER[lang].format(n=2))
    approve(v2, planner, executive, date(2026, 5, 10))
    who = executive.person.short_name
    for number, day in ((1, "30.12.2025"), (2, "10.05.2026")):
        data = bytes(StoredDocument.objects.get(version__number=number, lang=lang, fmt="pdf").data)
        assert_every_page(stamps(data, "pdf")[1], APPROVED_FOOTER[lang].format(n=number, date=day, who=who))


REPORT_DRAFT = {"kk": "Есептің жобасы, ұсынылмаған. Операциялық жоспардың 30.12.2025 бекітілген 1-нұсқасы бойынша "
                      "жасалды.",
                "ru": "Проект отчета, не представлен. Составлен по версии 1 операционного плана, утвержденной "
                      "30.12.2025."}
REPORT_SUBMITTED = {"kk": "Есеп 15.04.2026 ұсынылды. Операциялық жоспардың 30.12.2025 бекітілген 1-нұсқасы бойынша "
                          "жасалды.",
                    "ru": "Отчет представлен 15.04.2026. Составлен по версии 1 операционного плана, утвержденной "
                          "30.12.2025."}


@pytest.mark.parametrize("lang", LANGS)
def test_form2_of_a_report_not_yet_submitted_and_of_the_submitted_one(lang):
    world = build_world()
    report_all(world, 1, "2026-04-08")
    for fmt in FORMATS:
        top, bottom = stamps(render(form2_document(world.period(1), lang), fmt), fmt)
        assert_every_page(top, MARK[lang])
        assert_every_page(bottom, REPORT_DRAFT[lang])
    with time_machine.travel(at("2026-04-15"), tick=False):
        report = services_report.submit_report(user=world.users["planner"], period=world.period(1))
    for fmt in FORMATS:
        data = bytes(StoredDocument.objects.get(report=report, lang=lang, fmt=fmt).data)
        top, bottom = stamps(data, fmt)
        assert not any(MARK[lang] in text for text in top + bottom)
        assert_every_page(bottom, REPORT_SUBMITTED[lang])
        rendered_quarter = stamps(render(form2_document(world.period(1), lang, "quarter"), fmt), fmt)
        assert_every_page(rendered_quarter[1], REPORT_SUBMITTED[lang])  # the quarter view of the same report
