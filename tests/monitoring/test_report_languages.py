"""The report's texts in both state languages (issue 13.2): the planner may save one language, but Form 2 is
made in Kazakh and in Russian, so the report is not submitted while a text it carries lacks one; the refusal
lists each text with the link to where it is typed."""
import pytest
import time_machine
from django.urls import reverse

from jospar.monitoring import selectors, services_report
from jospar.monitoring.models import Report
from tests.monitoring.world import at, build_world, report_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    world = build_world()
    report_all(world, 1, "2026-04-08")
    planner, period = world.users["planner"], world.period(1)
    with time_machine.travel(at("2026-04-09"), tick=False):
        services_report.save_report_texts(user=planner, period=period, general_ru="Рекомендуется ускорить",
                                          proposals_kk="Мерзімді ауыстыру", proposals_ru="Перенести срок")
        services_report.save_event_recommendation(user=planner, period=period, event_id=world.events["a_march"],
                                                  text_ru="Ускорить")
    return world


def _submit(world, client=None):
    with time_machine.travel(at("2026-04-14"), tick=False):
        if client is None:
            return services_report.submit_report(user=world.users["planner"], period=world.period(1))
        client.force_login(world.users["planner"])
        client.cookies["django_language"] = "en"
        return client.post(reverse("monitoring:report_submit", args=[2026, 1]))


def test_the_submission_is_refused_with_each_text_and_where_to_type_it(world):
    with pytest.raises(services_report.TextsMissing) as refused:
        _submit(world)
    page = "/monitoring/2026/1/report/"
    number = next(r.number for r in selectors.form2_rows(world.period(1), "en")
                  if r.event_id == world.events["a_march"])
    assert [(m.what, m.langs, m.url) for m in refused.value.missing] == [
        ("Recommendations to the officials", ("kk",), f"{page}#general-recommendations"),
        (f"Recommendation on event {number}", ("kk",), f"{page}#ev-{world.events['a_march']}"),
    ]  # the proposals are there in both; nothing was submitted
    assert not Report.objects.get().is_submitted


def test_the_page_lists_the_missing_texts_with_links_then_accepts_both(client, world):
    response = _submit(world, client)
    html = response.content.decode()
    assert response.status_code == 422 and 'id="texts-missing"' in html
    assert 'href="/monitoring/2026/1/report/#general-recommendations"' in html and "no text in Kazakh" in html
    assert f'href="/monitoring/2026/1/report/#ev-{world.events["a_march"]}"' in html
    assert 'id="general-recommendations"' in html and 'name="general_kk"' in html  # the anchor is the field
    with time_machine.travel(at("2026-04-13"), tick=False):
        client.post(reverse("monitoring:report_texts", args=[2026, 1]), {
            "general_kk": "Жеделдету ұсынылады", "general_ru": "Рекомендуется ускорить",
            "proposals_kk": "Мерзімді ауыстыру", "proposals_ru": "Перенести срок"})
        client.post(reverse("monitoring:recommendation", args=[2026, 1, world.events["a_march"]]),
                    {"text_kk": "Жеделдету", "text_ru": "Ускорить"})
    assert _submit(world, client).status_code == 302
    assert Report.objects.get().is_submitted


def test_texts_left_empty_in_both_languages_do_not_hold_the_report(world):
    planner, period = world.users["planner"], world.period(1)
    with time_machine.travel(at("2026-04-10"), tick=False):
        services_report.save_report_texts(user=planner, period=period)
        services_report.save_event_recommendation(user=planner, period=period, event_id=world.events["a_march"])
    assert _submit(world).is_submitted


def test_the_recommendation_form_shows_both_languages_side_by_side(client, world):
    client.force_login(world.users["planner"])
    html = client.get(reverse("monitoring:recommendation", args=[2026, 1, world.events["a_march"]]),
                      HTTP_HX_REQUEST="true").content.decode()
    assert 'name="text_kk"' in html and 'lang="kk"' in html and 'name="text_ru"' in html and "Ускорить" in html
