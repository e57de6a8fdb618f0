"""Issue 10 §16–§18: the words monitoring shows — no period codes, capitals, days overdue, neutral verbs,
the §14 attestation, days off on the home cards."""
import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from jospar.notifications.messages import render
from tests.monitoring.test_report import _submit_report
from tests.monitoring.world import at, report_all

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "text"), [("ru", "II квартал 2026"), ("kk", "II тоқсан 2026"), ("en", "Q2 2026")])
def test_a_period_reads_as_words_not_a_code(world, lang, text):
    with translation.override(lang):
        assert str(world.period(2)) == text
        assert "2026-Q" not in str(world.period(2))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_heads_attestation_names_timeliness(world, client, lang):
    client.force_login(world.users["head_a"])
    client.cookies["django_language"] = lang
    with time_machine.travel(at("2026-04-06"), tick=False):
        html = client.get(reverse("monitoring:unit", args=[2026, 1, world.units["a"].id])).content.decode()
    assert {"kk": "уақтылы ұсынылуын растаймын", "ru": "своевременность представления"}[lang] in html


@pytest.mark.parametrize(("lang", "marked"), [("ru", "10.10.2026 (выходной день)"),
                                              ("kk", "10.10.2026 (демалыс күні)")])
def test_the_planners_home_cards_mark_a_due_date_on_a_day_off(world, client, lang, marked):
    client.force_login(world.users["planner"])
    client.cookies["django_language"] = lang
    with time_machine.travel(at("2026-10-05"), tick=False):  # III quarter's information: Saturday 10 October
        html = client.get(reverse("home")).content.decode()
    assert marked in html


def test_the_executives_summary_sentences_start_with_a_capital(world, client):
    report_all(world, 1, "2026-04-08")
    _submit_report(world, 1, "2026-04-14")
    client.force_login(world.users["executive"])
    client.cookies["django_language"] = "ru"
    with time_machine.travel(at("2026-04-20"), tick=False):
        html = client.get(reverse("home")).content.decode()
    assert ". I квартал:" in html or "% не исполнено. I квартал" in html
    assert ". i квартал" not in html


def test_the_annual_summary_on_the_home_page_starts_with_a_capital(world, client):
    report_all(world, 4, "2027-01-08")
    _submit_report(world, 4, "2027-01-14")
    client.cookies["django_language"] = "ru"
    with time_machine.travel(at("2027-01-15"), tick=False):
        client.force_login(world.users["executive"])
        html = client.get(reverse("home")).content.decode()
    assert ". Год:" in html and ". год:" not in html


@pytest.mark.parametrize("kind", ["round_opened", "proposal_returned", "plan_returned", "info_returned",
                                  "decision_recorded", "report_returned", "report_recalled"])
def test_notices_do_not_assume_the_actors_gender(kind):
    params = {"year": 2026, "quarter": "I", "deadline": "01.12.2026", "name": "x", "comment": "c", "count": 1,
              "text": "t", "due": "01.06.2026"}
    with translation.override("ru"):
        subject, text = render(kind, params)
    for verb in ("открыл ", "вернул ", "принял ", "отозвал ", "направил "):
        assert verb not in f"{subject} {text} ", (kind, text)


def test_the_annual_report_page_title_names_the_year_alone(world, client):
    client.cookies["django_language"] = "ru"
    with time_machine.travel(at("2027-01-12"), tick=False):
        client.force_login(world.users["planner"])
        html = client.get(reverse("monitoring:report", args=[2026, 4])).content.decode()
    assert "за 2026 год</h1>" in html and "(год)" not in html.split("</h1>")[0]
