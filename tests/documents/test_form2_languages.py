"""Form 2 carries the planner's texts in the document's language only (issue 13.2): the Kazakh document the
Kazakh recommendation, the Russian document the Russian one, never the other's (a blank stays blank)."""
import pytest
import time_machine
from django.urls import reverse

from jospar.monitoring import services_report
from tests.documents.readback import KAZAKH_LETTERS, docx_rows, pdf_pages, xlsx_sheet
from tests.monitoring.conftest import build_world, report_all
from tests.monitoring.world import at

pytestmark = pytest.mark.django_db

BOTH = {"kk": "Сатып алуды жеделдету қажет", "ru": "Ускорить закупки"}
RUSSIAN_ONLY = "Доложить до конца квартала"
GENERAL = {"kk": "Бөлімшелер басшыларына ұсынылады", "ru": "Руководителям подразделений рекомендуется"}


@pytest.fixture
def world(db):
    world = build_world()
    report_all(world, 1, "2026-04-08")
    planner = world.users["planner"]
    period = world.period(1)
    with time_machine.travel(at("2026-04-09"), tick=False):
        services_report.save_event_recommendation(user=planner, period=period, event_id=world.events["a_march"],
                                                  text_kk=BOTH["kk"], text_ru=BOTH["ru"])
        services_report.save_event_recommendation(user=planner, period=period, event_id=world.events["b_q1"],
                                                  text_ru=RUSSIAN_ONLY)
        services_report.save_report_texts(user=planner, period=period, general_kk=GENERAL["kk"],
                                          general_ru=GENERAL["ru"])
    return world


def download(client, world, lang: str, fmt: str) -> bytes:
    client.force_login(world.users["planner"])
    response = client.get(reverse("documents:form2", args=[2026, 1, lang, fmt]))
    assert response.status_code == 200
    return response.content


def _column8(client, world, lang: str, fmt: str) -> list[str]:
    """Column 8 (the recommendation) of every event row."""
    if fmt == "docx":
        _document, rows = docx_rows(download(client, world, lang, "docx"))
        return [texts[7] for texts, header, span in rows[2:] if span == 1 and not header]
    ws = xlsx_sheet(download(client, world, lang, "xlsx"))
    first = next(row for row in ws.iter_rows() if [c.value for c in row][:8] == list(range(1, 9)))[0].row
    return [str(row[7].value or "") for row in ws.iter_rows(min_row=first + 1)
            if row[0].value and str(row[0].value).isdigit()]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_column_8_carries_the_document_language_only(client, world, fmt):
    kk, ru = _column8(client, world, "kk", fmt), _column8(client, world, "ru", fmt)
    assert BOTH["kk"] in kk and BOTH["ru"] not in kk and RUSSIAN_ONLY not in kk  # a blank stays blank
    assert BOTH["ru"] in ru and RUSSIAN_ONLY in ru and BOTH["kk"] not in ru
    assert not any(letter in cell for cell in ru for letter in KAZAKH_LETTERS)


@pytest.mark.parametrize(("lang", "other"), [("kk", "ru"), ("ru", "kk")])
def test_the_pdf_and_the_notes_carry_the_document_language_only(client, world, lang, other):
    text = " ".join(" ".join(pdf_pages(download(client, world, lang, "pdf"))).split())
    assert BOTH[lang] in text and GENERAL[lang] in text
    assert BOTH[other] not in text and GENERAL[other] not in text
    document, _rows = docx_rows(download(client, world, lang, "docx"))
    paragraphs = [p.text for p in document.paragraphs]
    assert GENERAL[lang] in paragraphs and GENERAL[other] not in paragraphs


def test_the_report_page_shows_the_readers_language_with_the_fallback(client, world):
    client.force_login(world.users["planner"])
    client.cookies["django_language"] = "kk"
    html = client.get(reverse("monitoring:report", args=[2026, 1])).content.decode()
    assert BOTH["kk"] in html and RUSSIAN_ONLY in html  # the page borrows the Russian where the Kazakh is blank
