"""Issue 10 §10: Form 2 of a period in which nothing fell due says so, in every format and both languages,
and always carries the §16 headings (a dash under an empty one)."""
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from jospar.documents.assembly.form2 import form2_document
from jospar.documents.writers.render import render
from jospar.monitoring.services import open_periods
from jospar.orgs.models import OrgUnit, Role
from tests.documents.readback import docx_paragraphs, docx_rows, pdf_pages, xlsx_sheet
from tests.factories import (
    DevelopmentPlanFactory,
    DirectionFactory,
    MacroindicatorFactory,
    OperationalPlanFactory,
    PlanVersionFactory,
    StateBodyFactory,
    member,
    revision,
)
from tests.monitoring.world import approve

pytestmark = pytest.mark.django_db

NOTHING = {"kk": "Осы кезеңде орындалу мерзімі келген іс-шаралар жоқ.",
           "ru": "В этом периоде не наступил срок исполнения ни одного мероприятия."}


@pytest.fixture
def quiet(db):
    """An approved plan whose only event falls due in the IV quarter: the I quarter has nothing due."""
    body = StateBodyFactory(code="quiet")
    unit = OrgUnit.objects.create(body=body, code="a", name_kk="А бөлімі", name_ru="Отдел А", is_planning=True)
    devplan = DevelopmentPlanFactory(body=body, year_from=2025, year_to=2029)
    macro = MacroindicatorFactory(direction=DirectionFactory(plan=devplan, position=1), position=1)
    plan = OperationalPlanFactory(development_plan=devplan, body=body, year=2026)
    version = PlanVersionFactory(plan=plan)
    revision(version, unit, {"macroindicator": macro}, position=1, deadline_kind="quarter", deadline_quarter=4)
    planner = member(body, Role.PLANNER, unit, username="quiet-planner")
    approve(version, planner, date(2025, 12, 30))
    return open_periods(plan)[0], planner


def _headings(lang):
    with translation.override(lang):
        return gettext("Recommendations to the officials"), gettext("Proposals to amend and supplement the plan")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_format_says_nothing_fell_due_and_carries_the_section_16_headings(quiet, lang):
    period, _planner = quiet
    doc = form2_document(period, lang)
    general, proposals = _headings(lang)
    _document, rows = docx_rows(render(doc, "docx"))
    assert NOTHING[lang] in [texts[0] for texts, _, span in rows if span == 8]
    paragraphs = docx_paragraphs(_document)
    assert general in paragraphs and proposals in paragraphs and paragraphs.count("—") == 2
    cells = [c.value for row in xlsx_sheet(render(doc, "xlsx")).iter_rows() for c in row if c.value]
    assert NOTHING[lang] in cells and general in cells and proposals in cells and cells.count("—") == 2
    text = " ".join(" ".join(pdf_pages(render(doc, "pdf"))).split())
    assert NOTHING[lang] in text and general in text and proposals in text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_report_page_says_so_too(quiet, client, lang):
    period, planner = quiet
    client.force_login(planner)
    client.cookies["django_language"] = lang
    html = client.get(reverse("monitoring:report", args=[2026, 1])).content.decode()
    assert NOTHING[lang] in html
