"""Form 1 as DOCX, XLSX and PDF, read back with the same libraries, in Kazakh and in Russian."""
import pytest
from docx.enum.section import WD_ORIENT

from jospar.documents.assembly.form1 import form1_document
from jospar.documents.writers.render import render
from jospar.planning.models import EventRevision
from tests.documents.readback import (
    KAZAKH_LETTERS,
    docx_paragraphs,
    docx_rows,
    pdf_first_page_png,
    pdf_fonts,
    pdf_pages,
    xlsx_sheet,
)

pytestmark = pytest.mark.django_db

EXPECTED = {
    "kk": {
        "title": "Су ресурстары министрлігінің 2026 жылға арналған операциялық жоспары",
        "subtitle": "Мемлекеттік органның іс-шаралары",
        "columns": ["Р/с №", "Атауы", "Бюджеттік бағдарламаның коды", "Жауапты орындаушы", "Орындалу мерзімі",
                    "Аяқталу нысаны"],
        "section1": "I. Стратегиялық жоспардың мақсаттары мен нысаналы индикаторларына қол жеткізу жөніндегі "
                    "іс-шаралар",
        "section2": "II. Мемлекеттік органның ережесінде айқындалған өзге де міндеттерді шешуге арналған іс-шаралар",
        "direction": "1-стратегиялық бағыт. ",
        "macro": "1-макроиндикатор. ",
        "goal": "1.1-мақсаты. ",
        "indicator": "1-нысаналы индикатор. ",
        "events": "Іс-шаралар",
        "event1": "Әуе ғарыш қаңғыру өңір ұйым үкімет һ і: іс-шара 1",
        "deadline1": "IV тоқсан",
        "no_funding": "қаржыландыруды талап етпейді",
        "signature": "Операциялық жоспарды әзірлеуге жауапты құрылымдық бөлімшенің басшысы",
        "signer": "Динара Серікқызы Жақсылықова",
        "hint": "(Аты, әкесінің аты (болған жағдайда), тегі (қолы))",
    },
    "ru": {
        "title": "Операционный план Министерства водных ресурсов на 2026 год",
        "subtitle": "Мероприятия государственного органа",
        "columns": ["№ п/п", "Наименование", "Код бюджетной программы", "Ответственный исполнитель",
                    "Срок исполнения", "Форма завершения"],
        "section1": "I. Мероприятия по достижению целей и целевых индикаторов стратегического плана",
        "section2": "II. Мероприятия по решению иных задач, определенных положением государственного органа",
        "direction": "Стратегическое направление 1. ",
        "macro": "Макроиндикатор 1. ",
        "goal": "Цель 1.1. ",
        "indicator": "Целевой индикатор 1. ",
        "events": "Мероприятия",
        "event1": "Мероприятие 1",
        "deadline1": "IV квартал",
        "no_funding": "не требует финансирования",
        "signature": "Руководитель структурного подразделения, ответственного за разработку операционного плана",
        "signer": "Жақсылықова Динара Серікқызы",
        "hint": "(фамилия, имя, отчество (при его наличии), подпись)",
    },
}
LANGS = ["kk", "ru"]


@pytest.fixture
def plan(small_plan, head):
    body = small_plan.plan.body
    body.title_name_kk = "Су ресурстары министрлігінің"
    body.title_name_ru = "Министерства водных ресурсов"
    body.save()
    first = EventRevision.objects.get(version=small_plan, name_ru="Мероприятие 1")
    first.name_kk = EXPECTED["kk"]["event1"]
    first.save()
    return small_plan


def test_document_model_holds_the_official_structure(plan):
    doc = form1_document(plan, "ru")
    kinds = [line.kind for line in doc.lines]
    assert kinds[:4] == ["section", "direction", "macroindicator", "events"]
    assert [line.cells[0] for line in doc.events()] == [str(i) for i in range(1, 13)]
    assert doc.filename == "operational-plan-2026-v1-ru"
    # every macroindicator and target indicator is followed by the «Events» heading, as in Annex 1
    for i, kind in enumerate(kinds):
        if kind in ("macroindicator", "target_indicator"):
            assert kinds[i + 1] == "events"


@pytest.mark.parametrize("lang", LANGS)
def test_docx(plan, lang):
    words = EXPECTED[lang]
    document, rows = docx_rows(render(form1_document(plan, lang), "docx"))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    paragraphs = docx_paragraphs(document)
    assert paragraphs[0] == words["title"]
    assert paragraphs[1] == words["subtitle"]

    header, numbers = rows[0], rows[1]
    assert header[0] == words["columns"] and header[1] is True
    assert numbers[0] == ["1", "2", "3", "4", "5", "6"] and numbers[1] is True
    assert not any(is_header for _, is_header, _ in rows[2:])  # only the two header rows repeat

    body = rows[2:]
    groups = [texts[0] for texts, _, span in body if span == 6]
    assert groups[0] == words["section1"]
    assert groups[1].startswith(words["direction"])
    assert groups[2].startswith(words["macro"])
    assert groups[3] == words["events"]
    assert any(g.startswith(words["goal"]) for g in groups)
    assert any(g.startswith(words["indicator"]) for g in groups)
    assert words["section2"] in groups
    events = [texts for texts, _, span in body if span == 1]
    assert [e[0] for e in events] == [str(i) for i in range(1, 13)]
    assert events[0][1] == words["event1"] and events[0][2] == "001 100" and events[0][4] == words["deadline1"]
    assert events[3][2] == words["no_funding"]

    assert words["signature"] in paragraphs
    assert any(p.startswith("____") and p.endswith(words["signer"]) for p in paragraphs)
    assert paragraphs[-1] == words["hint"]


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx(plan, lang):
    words = EXPECTED[lang]
    ws = xlsx_sheet(render(form1_document(plan, lang), "xlsx"))
    assert ws["A1"].value == words["title"] and ws["A2"].value == words["subtitle"]
    assert [c.value for c in ws[4]][:6] == words["columns"]
    assert [c.value for c in ws[5]][:6] == [1, 2, 3, 4, 5, 6]
    assert ws.freeze_panes == "A6"
    assert ws.print_title_rows == "$4:$5"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width
    assert ws["A10"].value == 1 and ws["B10"].alignment.wrap_text is True

    merged = {str(r) for r in ws.merged_cells.ranges}
    assert ws["A6"].value == words["section1"] and "A6:F6" in merged
    assert ws["A7"].value.startswith(words["direction"]) and "A7:F7" in merged
    assert ws["A9"].value == words["events"] and "A9:F9" in merged
    events = [row for row in ws.iter_rows(min_row=6, values_only=True) if isinstance(row[0], int)]
    assert [e[0] for e in events] == list(range(1, 13))
    assert events[0][1] == words["event1"] and events[0][2] == "001 100" and events[0][4] == words["deadline1"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert words["section2"] in texts
    assert words["signature"] in texts and words["hint"] in texts
    assert any(t.startswith("____") and t.endswith(words["signer"]) for t in texts)
    last = ws.max_row
    assert ws.print_area == f"'{ws.title}'!$A$1:$F${last}"


@pytest.mark.parametrize("lang", LANGS)
def test_pdf(plan, lang):
    words = EXPECTED[lang]
    data = render(form1_document(plan, lang), "pdf")
    assert data.startswith(b"%PDF")
    pages = pdf_pages(data)
    text = "\n".join(pages)
    flat = " ".join(text.split())
    assert " ".join(words["title"].split()) in flat
    for page in pages:  # the header row is repeated on every page
        assert words["columns"][1] in page and words["columns"][3].split()[0] in page
    assert words["section2"].split(" ", 3)[-1][:30] in flat
    assert words["direction"].strip() in flat
    assert words["event1"] in flat
    assert words["signer"] in flat and words["hint"] in flat
    if lang == "kk":
        assert all(letter in text for letter in KAZAKH_LETTERS)
    fonts = pdf_fonts(data)
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("DejaVu" in name for name, _ in fonts)


def test_pdf_renders_to_png(plan, tmp_path):
    png = pdf_first_page_png(render(form1_document(plan, "kk"), "pdf"), tmp_path / "form1.png")
    if png is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    assert png.stat().st_size > 5000


def test_cancelled_events_are_struck_through(plan):
    EventRevision.objects.filter(version=plan, name_ru="Мероприятие 2").update(is_cancelled=True)
    doc = form1_document(plan, "ru")
    assert [line.cancelled for line in doc.events()][:3] == [False, True, False]
    ws = xlsx_sheet(render(doc, "xlsx"))
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "Мероприятие 2")
    assert cell.font.strike is True
