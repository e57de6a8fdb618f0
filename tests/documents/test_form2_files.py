"""Form 2 writers, exercised with synthetic rows shaped like monitoring's Row2, in both languages."""
import pytest

from jospar.documents.assembly.form1 import form2_document_from_rows
from jospar.documents.writers.render import render
from tests.documents.conftest import synthetic_form2_rows
from tests.documents.readback import KAZAKH_LETTERS, docx_paragraphs, docx_rows, pdf_fonts, pdf_pages, xlsx_sheet

pytestmark = pytest.mark.django_db

EXPECTED = {
    "kk": {
        "period": "9 ай",
        "title": "Министрлік 2026 жыл бойынша (9 ай) операциялық жоспарды іске асыру туралы есебі",
        "columns": ["№ р/с", "Атауы", "Жауапты орындаушы", "Орындалу мерзімі", "Аяқталу нысаны",
                    "Іс-шаралардың нақты орындалуы", "Орындалмау себептері",
                    "Ұсынымдар, оның ішінде операциялық жоспарға өзгерістер енгізу жөніндегі ұсыныстар"],
        "events": "Іс-шаралар",
        "signature": "Операциялық жоспардың іске асырылуы туралы есепті қалыптастыруға жауапты құрылымдық "
                     "бөлімшенің басшысы",
        "signer": "Динара Серікқызы Жақсылықова",
        "actual": "Орындалды 2",
        "reasons": "Қаражат жоқ",
    },
    "ru": {
        "period": "9 месяцев",
        "title": "Отчет о реализации операционного плана Министерства за 2026 год (9 месяцев)",
        "columns": ["№ п/п", "Наименование", "Ответственный исполнитель", "Срок исполнения", "Форма завершения",
                    "Фактическое исполнение мероприятий", "Причины неисполнения",
                    "Рекомендации, в том числе предложения по внесению изменений в операционный план"],
        "events": "Мероприятия",
        "signature": "Руководитель структурного подразделения, ответственного за формирование отчета о реализации "
                     "операционного плана",
        "signer": "Жақсылықова Динара Серікқызы",
        "actual": "Исполнено 2",
        "reasons": "Нет средств",
    },
}


def document(small_plan, lang, n=6):
    body = small_plan.plan.body
    body.title_name_kk, body.title_name_ru = "Министрлік", "Министерства"
    body.save()
    words = EXPECTED[lang]
    return form2_document_from_rows(plan=small_plan.plan, rows=synthetic_form2_rows(n, lang),
                                    period_label=words["period"], lang=lang, filename=f"report-2026-q3-{lang}")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_form2_docx(small_plan, head, lang):
    words = EXPECTED[lang]
    document_, rows = docx_rows(render(document(small_plan, lang), "docx"))
    paragraphs = docx_paragraphs(document_)
    assert paragraphs[0] == words["title"]
    assert rows[0][0] == words["columns"] and rows[0][1] and rows[1][1]
    assert rows[1][0] == [str(i) for i in range(1, 9)]
    groups = [texts[0] for texts, _, span in rows[2:] if span == 8]
    assert words["events"] in groups
    events = [texts for texts, _, span in rows[2:] if span == 1]
    assert [e[0] for e in events] == ["1", "2", "3", "4", "5", "6"]
    assert events[1][5] == words["actual"] and events[1][6] == words["reasons"]
    assert words["signature"] in paragraphs
    assert any(p.endswith(words["signer"]) for p in paragraphs)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_form2_xlsx(small_plan, head, lang):
    words = EXPECTED[lang]
    ws = xlsx_sheet(render(document(small_plan, lang), "xlsx"))
    assert ws["A1"].value == words["title"]
    assert [c.value for c in ws[4]] == words["columns"]
    assert [c.value for c in ws[5]] == list(range(1, 9))
    assert "A6:H6" in {str(r) for r in ws.merged_cells.ranges}
    events = [row for row in ws.iter_rows(min_row=6, values_only=True) if isinstance(row[0], int)]
    assert [e[0] for e in events] == [1, 2, 3, 4, 5, 6]
    assert events[1][5] == words["actual"] and events[1][6] == words["reasons"]
    assert ws.print_title_rows == "$4:$5" and ws.freeze_panes == "A6"
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert words["signature"] in texts


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_form2_pdf_repeats_the_header_on_every_page(small_plan, head, lang):
    words = EXPECTED[lang]
    data = render(document(small_plan, lang, n=120), "pdf")
    pages = pdf_pages(data)
    assert len(pages) > 2
    for page in pages:
        assert words["columns"][1] in page
    flat = " ".join(" ".join(pages).split())
    assert words["title"] in flat and words["signer"] in flat
    assert words["actual"] in flat
    if lang == "kk":
        assert all(letter in flat for letter in KAZAKH_LETTERS.replace("һ", "").replace("ә", ""))
    assert all(embedded for _, embedded in pdf_fonts(data))
