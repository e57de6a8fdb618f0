"""Issue 13 §1: every official document numbers its headings as Annex 1 of the Rules draws them.

Two strategic directions with two macroindicators each, and a goal with two target indicators under each
direction: «1-макроиндикатор» and «2-макроиндикатор» appear under both directions, «1-нысаналы
индикатор» and «2-нысаналы индикатор» under both goals (ru «Макроиндикатор 1», «Целевой индикатор 2»),
in Form 1 and Form 2, as DOCX, XLSX and PDF, in Kazakh and in Russian, read back from the files.
"""
from datetime import date

import pytest

from jospar.documents.assembly.form1 import form1_document
from jospar.documents.assembly.form2 import form2_document
from jospar.documents.writers.render import render
from jospar.orgs.models import OrgUnit, Role
from tests.documents.readback import docx_rows, pdf_pages, xlsx_sheet
from tests.factories import (
    DevelopmentPlanFactory,
    DirectionFactory,
    GoalFactory,
    MacroindicatorFactory,
    OperationalPlanFactory,
    PlanVersionFactory,
    StateBodyFactory,
    TargetIndicatorFactory,
    member,
    revision,
)
from tests.monitoring.world import approve

pytestmark = pytest.mark.django_db

NAMES = {"kk": "Атау", "ru": "Название"}  # a heading's name: «<label>. <name> <direction><item>»
# (official label, the name's mark) of every heading in the form's order
HEADINGS = {
    "kk": [
        ("1-стратегиялық бағыт", "1"), ("1-макроиндикатор", "1m1"), ("2-макроиндикатор", "1m2"),
        ("1.1-мақсаты", "1g1"), ("1-нысаналы индикатор", "1t1"), ("2-нысаналы индикатор", "1t2"),
        ("2-стратегиялық бағыт", "2"), ("1-макроиндикатор", "2m1"), ("2-макроиндикатор", "2m2"),
        ("2.1-мақсаты", "2g1"), ("1-нысаналы индикатор", "2t1"), ("2-нысаналы индикатор", "2t2"),
    ],
    "ru": [
        ("Стратегическое направление 1", "1"), ("Макроиндикатор 1", "1m1"), ("Макроиндикатор 2", "1m2"),
        ("Цель 1.1", "1g1"), ("Целевой индикатор 1", "1t1"), ("Целевой индикатор 2", "1t2"),
        ("Стратегическое направление 2", "2"), ("Макроиндикатор 1", "2m1"), ("Макроиндикатор 2", "2m2"),
        ("Цель 2.1", "2g1"), ("Целевой индикатор 1", "2t1"), ("Целевой индикатор 2", "2t2"),
    ],
}
OLD_NUMBERING = {"kk": ("3-макроиндикатор", "1.1.1-нысаналы", "2.1.2-нысаналы"),
                 "ru": ("Макроиндикатор 3", "Целевой индикатор 1.1.1", "Целевой индикатор 2.1.2")}


def _names(mark: str) -> dict:
    return {f"name_{lang}": f"{word} {mark}" for lang, word in NAMES.items()}


@pytest.fixture
def version(db):
    """An approved plan with one event, due in the I quarter, under every macroindicator and target indicator."""
    body = StateBodyFactory(code="annex")
    unit = OrgUnit.objects.create(body=body, code="a", name_kk="А бөлімі", name_ru="Отдел А", is_planning=True)
    devplan = DevelopmentPlanFactory(body=body, year_from=2025, year_to=2029)
    anchors = []
    for d in (1, 2):
        direction = DirectionFactory(plan=devplan, position=d, **_names(str(d)))
        anchors += [{"macroindicator": MacroindicatorFactory(direction=direction, position=m, **_names(f"{d}m{m}"))}
                    for m in (1, 2)]
        goal = GoalFactory(direction=direction, position=1, **_names(f"{d}g1"))
        anchors += [{"target_indicator": TargetIndicatorFactory(goal=goal, position=t, **_names(f"{d}t{t}"))}
                    for t in (1, 2)]
    plan = OperationalPlanFactory(development_plan=devplan, body=body, year=2026)
    version = PlanVersionFactory(plan=plan)
    for position, anchor in enumerate(anchors, start=1):
        revision(version, unit, anchor, position=position, deadline_kind="quarter", deadline_quarter=1)
    approve(version, member(body, Role.PLANNER, unit, username="annex-planner"), date(2025, 12, 30))
    return version


def _documents(version, lang):
    period = version.plan.reporting_periods.order_by("quarter").first()
    return {"Form 1": form1_document(version, lang), "Form 2": form2_document(period, lang)}


def _texts(doc, fmt: str) -> list[str]:
    """The document's texts in reading order, as read back from the file."""
    data = render(doc, fmt)
    if fmt == "docx":
        return [cell for texts, _header, _span in docx_rows(data)[1] for cell in texts]
    if fmt == "xlsx":
        return [c.value for row in xlsx_sheet(data).iter_rows() for c in row if isinstance(c.value, str)]
    return [" ".join(" ".join(pdf_pages(data)).split())]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_document_numbers_its_headings_as_the_annex(version, lang, fmt):
    for form, doc in _documents(version, lang).items():
        text = "\n".join(_texts(doc, fmt))
        at = 0
        for label, mark in HEADINGS[lang]:
            heading = f"{label}. {NAMES[lang]} {mark}"
            found = text.find(heading, at)
            assert found >= 0, (form, fmt, heading, text[at:at + 300])
            at = found + len(heading)
        for old in OLD_NUMBERING[lang]:
            assert old not in text, (form, fmt, old)
