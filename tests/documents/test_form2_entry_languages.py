"""Issue 13 §2: the kk Form 2 carries only Kazakh execution texts, the ru one only Russian (DOCX, XLSX, PDF)."""
import pytest
from django.urls import reverse

from jospar.monitoring.models import ExecutionEntry
from tests.documents.readback import KAZAKH_LETTERS, docx_rows, pdf_pages, xlsx_sheet
from tests.monitoring.world import build_world, report_all

pytestmark = pytest.mark.django_db

OWN = {"kk": ("Орындалды 1", "Себебі"), "ru": ("Сделано 1", "Причина")}


@pytest.fixture
def world(db):
    world = build_world()
    report_all(world, 1, "2026-04-08", status="partial")
    # a text typed in Russian only (as migrated from before both were kept): the kk document leaves it blank
    ExecutionEntry.objects.filter(event_id=world.events["c_feb"]).update(actual_kk="", actual_ru="Только русский текст")
    return world


def download(client, world, lang, fmt):
    client.force_login(world.users["planner"])
    response = client.get(reverse("documents:form2", args=[2026, 1, lang, fmt]))
    assert response.status_code == 200
    return response.content


def _columns_6_7_docx(data):
    _document, rows = docx_rows(data)
    return [cell for texts, _header, span in rows[2:] if span == 1 for cell in texts[5:7]]


def _columns_6_7_xlsx(data):
    ws = xlsx_sheet(data)
    return [str(cell or "") for row in ws.iter_rows(min_row=6, values_only=True) if isinstance(row[0], int)
            for cell in row[5:7]]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_execution_cells_carry_only_the_documents_language(client, world, lang, fmt):
    cells = (_columns_6_7_docx if fmt == "docx" else _columns_6_7_xlsx)(download(client, world, lang, fmt))
    text = "\n".join(cells)
    actual, reasons = OWN[lang]
    assert actual in text and reasons in text
    if lang == "kk":
        assert "Сделано" not in text and "Причина" not in text and "Только русский текст" not in text
    else:  # not a Kazakh letter in the execution cells
        assert "Только русский текст" in text and not any(letter in text for letter in KAZAKH_LETTERS)
        assert "Орындалды 1" not in text and "Себебі" not in text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_pdf_carries_only_the_documents_language(client, world, lang):
    flat = " ".join(" ".join(pdf_pages(download(client, world, lang, "pdf"))).split())
    actual, reasons = OWN[lang]
    assert actual in flat and reasons in flat
    other = OWN["ru" if lang == "kk" else "kk"]
    assert other[0] not in flat and other[1] not in flat
    assert ("Только русский текст" in flat) is (lang == "ru")


def test_the_report_page_shows_the_readers_language_with_the_fallback(client, world):
    client.force_login(world.users["planner"])
    client.cookies["django_language"] = "kk"
    page = client.get(reverse("monitoring:report", args=[2026, 1])).content.decode()
    assert "Орындалды 1" in page and "Только русский текст" in page  # blank in Kazakh: the Russian shown
