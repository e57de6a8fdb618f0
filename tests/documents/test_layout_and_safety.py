"""The neutral document model, the signer, and user text that must stay data in every format."""
from io import BytesIO
from zipfile import ZipFile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jospar.documents.assembly.form1 import form1_document, signatory
from jospar.documents.writers.cells import put_text
from jospar.documents.writers.layout import Line, OfficialDocument, clean, group_text, lines_from_rows, person_name
from jospar.documents.writers.render import render
from jospar.orgs.models import Membership, Role
from jospar.planning.models import EventRevision
from tests.documents.conftest import FakeRow2
from tests.documents.readback import docx_rows, pdf_pages, xlsx_sheet
from tests.factories import UserFactory


def test_group_text_and_events_heading():
    assert group_text("goal", "Вода", "Цель 1.1") == "Цель 1.1. Вода"
    assert group_text("section", "I. Мероприятия", "") == "I. Мероприятия"
    rows = [FakeRow2("target_indicator", "Доля", "Целевой индикатор 1"),
            FakeRow2("event", "Мероприятие", "1", "Отдел")]
    lines = lines_from_rows(rows, ("number", "label", "executors"), "Мероприятия")
    assert [line.kind for line in lines] == ["target_indicator", "events", "event"]
    assert lines[2].cells == ("1", "Мероприятие", "Отдел")


def test_person_name_follows_the_hint_of_each_language():
    assert person_name("Ахметов", "Ерлан", "Сәкенұлы", "kk") == "Ерлан Сәкенұлы Ахметов"
    assert person_name("Ахметов", "Ерлан", "Сәкенұлы", "ru") == "Ахметов Ерлан Сәкенұлы"
    assert person_name("Ахметов", "Ерлан", "", "ru") == "Ахметов Ерлан"


def test_clean_drops_characters_xml_forbids():
    assert clean("a\x00b\x0bc\td\n") == "abc\td\n"
    assert clean(None) == ""


@pytest.mark.django_db
def test_signatory_is_the_planning_units_head(small_plan, planner, head):
    with CaptureQueriesContext(connection) as ctx:
        who = signatory(small_plan.plan.body_id)
    assert len(ctx.captured_queries) == 1
    assert who.name("ru") == "Жақсылықова Динара Серікқызы"


@pytest.mark.django_db
def test_without_a_head_the_line_is_left_blank_not_signed_by_the_planner(small_plan, planner):
    assert signatory(small_plan.plan.body_id) is None
    assert form1_document(small_plan, "ru").signer == ""


@pytest.mark.django_db
def test_a_head_of_another_unit_does_not_sign(small_plan):
    other = small_plan.plan.body.units.filter(is_planning=False).first()
    Membership.objects.create(user=UserFactory(), body=small_plan.plan.body, role=Role.UNIT_HEAD, unit=other)
    assert signatory(small_plan.plan.body_id) is None


FORMULA = "=SUM(1)"


@pytest.mark.django_db
def test_a_name_starting_with_a_formula_stays_literal_everywhere(small_plan, head):
    EventRevision.objects.filter(version=small_plan, name_ru="Мероприятие 1").update(name_ru=FORMULA)
    UserFactory._meta.model.objects.filter(username="spa-head").update(last_name="@cmd|' /C calc'!A0")
    doc = form1_document(small_plan, "ru")

    data = render(doc, "xlsx")
    ws = xlsx_sheet(data)
    cell = next(c for row in ws.iter_rows() for c in row if c.value == FORMULA)
    assert cell.data_type == "s" and cell.quotePrefix is True
    sheet_xml = ZipFile(BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<is><t>=SUM(1)</t></is>" in sheet_xml  # a string, not a formula

    _, rows = docx_rows(render(doc, "docx"))
    assert any(len(texts) > 1 and texts[1] == FORMULA for texts, _, _ in rows)
    assert FORMULA in "\n".join(pdf_pages(render(doc, "pdf")))


def test_put_text_quotes_every_formula_start():
    from openpyxl import Workbook

    ws = Workbook().active
    for i, text in enumerate(["=1+1", "+7", "-3", "@x", "plain"], start=1):
        put_text(ws.cell(row=i, column=1), text)
    assert [ws.cell(row=i, column=1).data_type for i in range(1, 6)] == ["s"] * 5
    assert [ws.cell(row=i, column=1).quotePrefix for i in range(1, 6)] == [True, True, True, True, False]


def test_markup_and_pdf_operators_in_user_text_are_printed_as_typed():
    typed = ["<b>x</b>", "<script>alert(1)</script>", ") Tj ET BT (owned", "\\(back\\slash)"]
    doc = OfficialDocument(1, "ru", "T", "S", ("1", "2"), (1, 1),
                           [Line("direction", typed[0]), Line("event", cells=("1", " ".join(typed[1:])))],
                           "sig", "hint")
    text = " ".join(" ".join(pdf_pages(render(doc, "pdf"))).split())
    for piece in typed:
        assert piece in text


def test_pdf_survives_text_outside_the_font_and_words_longer_than_a_column():
    long_word = "Су" * 400
    typed = f"emoji 💧 漢字 𝔘 әғқ\u2028next\ttab {long_word}"
    doc = OfficialDocument(1, "kk", "T", "S", ("1", "2"), (1, 30), [Line("event", cells=("1", typed))], "sig", "hint")
    text = "".join(" ".join(pdf_pages(render(doc, "pdf"))).split())
    assert long_word in text and "emoji" in text and "әғқ" in text and "next" in text and "tab" in text
    assert text.count("\ufffd") == 4  # what the font cannot draw is marked, never silently dropped
