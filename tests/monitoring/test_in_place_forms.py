"""Issue 10 §7: an in-place form that is refused comes back in place, every value kept, each error next to
its field (work-list entries, co-executors' contributions, recommendations, decisions, report texts)."""
import re

import pytest
import time_machine
from django.urls import reverse

from jospar.monitoring.models import Contribution, EventRecommendation, ExecutionEntry
from tests.monitoring.world import at

pytestmark = pytest.mark.django_db


def _post(client, user, url, data, htmx=True, lang="ru", when="2026-04-06"):
    client.force_login(user)
    client.cookies["django_language"] = lang
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    with time_machine.travel(at(when), tick=False):
        return client.post(url, data, **headers)


def _entry_url(world, event="a_march"):
    return reverse("monitoring:save_entry", args=[2026, 1, world.units["a"].id, world.events[event], 1])


def _group_error(html, name):
    """The error of a text kept in both languages, under its two halves (inside the same fieldset)."""
    match = re.search(rf'name="{name}_ru"[^>]*>.*?</textarea>(?:<span class="error">[^<]*</span>)*</label>\s*'
                      rf'(?:<span class="error">([^<]+)</span>)?', html, re.S)
    return match.group(1) if match else None


def _error_after(html, name):
    """The error text right after the field ``name`` (inside the same label)."""
    match = re.search(rf'name="{name}"[^>]*>.*?</(?:textarea|select)>\s*(?:<span class="error">([^<]+)</span>)?',
                      html, re.S)
    return match.group(1) if match else None


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_rejected_entry_comes_back_in_place_with_what_was_typed(world, client, lang):
    response = _post(client, world.users["staff_a"], _entry_url(world),
                     {"status": "not_executed", "actual_ru": "Подготовлен проект <b>приказа</b>", "reasons_ru": ""},
                     lang=lang)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<li class="item') and f'id="item-{world.events["a_march"]}-1"' in html
    assert '<option value="not_executed" selected>' in html
    assert "Подготовлен проект &lt;b&gt;приказа&lt;/b&gt;" in html
    assert _group_error(html, "reasons")  # the reasons' error, under the reasons
    assert _group_error(html, "actual") is None
    assert not ExecutionEntry.objects.exists()


def test_a_rejected_entry_without_script_gives_the_page_back_with_the_values(world, client):
    response = _post(client, world.users["staff_a"], _entry_url(world), {"status": "", "actual_ru": "Текст"},
                     htmx=False)
    html = response.content.decode()
    assert response.status_code == 422
    assert "<html" in html and "Текст" in html and _error_after(html, "status")


def test_a_saved_entry_says_so_in_place(world, client):
    response = _post(client, world.users["staff_a"], _entry_url(world), {"status": "executed", "actual_ru": "Сделано"})
    html = response.content.decode()
    assert response.status_code == 200 and 'class="saved"' in html and "Сделано" in html
    assert ExecutionEntry.objects.get().actual_ru == "Сделано"


def test_a_rejected_contribution_keeps_its_text(world, client):
    url = reverse("monitoring:save_contribution", args=[2026, 1, world.units["b"].id, world.events["a_march"], 1])
    long_text = "ы" * 10_001
    html = _post(client, world.users["staff_b"], url, {"text": long_text}).content.decode()
    assert long_text in html and '<span class="error">' in html and html.lstrip().startswith('<li class="item')
    assert not Contribution.objects.exists()


def test_a_rejected_recommendation_keeps_its_text(world, client):
    url = reverse("monitoring:recommendation", args=[2026, 1, world.events["a_march"]])
    long_text = "ж" * 10_001
    html = _post(client, world.users["planner"], url, {"text_kk": long_text, "text_ru": "Тоже"}).content.decode()
    assert "<form" in html and long_text in html and '<span class="error">' in html
    assert not EventRecommendation.objects.exists()


def test_rejected_report_texts_come_back_on_the_page(world, client):
    url = reverse("monitoring:report_texts", args=[2026, 1])
    response = _post(client, world.users["planner"], url, {"general_ru": "Общие", "proposals_kk": "п" * 10_001},
                     htmx=False)
    html = response.content.decode()
    assert response.status_code == 422 and "Общие" in html and 'class="error"' in html


def test_a_saved_entry_updates_the_count_of_what_is_missing(world, client):
    """The submit box's «N events have no information yet» follows the in-place saves (htmx out-of-band)."""
    html = _post(client, world.users["head_a"], _entry_url(world), {"status": "executed", "actual_ru": "Сделано"},
                 lang="en").content.decode()
    assert 'id="missing-note"' in html and 'hx-swap-oob="true"' in html and "2 events have no information" in html
