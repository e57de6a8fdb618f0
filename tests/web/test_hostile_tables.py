"""Hostile text in every field that reaches the tables built in Python comes out as the same text.

The tags (Form 1, Form 2, the summary, the timeliness table, the due-date note) are fed hostile text
directly, and through the pages: the Form 1 page (the planner's draft, with its buttons) and the report
page (Form 2, the summaries), with the names of units, development-plan items, events, completion
forms, notes and the units' and planner's texts all hostile.
"""
from datetime import date
from html.parser import HTMLParser
from types import SimpleNamespace
from unittest import mock

import pytest
import time_machine
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from jospar.monitoring import services, services_report
from jospar.monitoring.templatetags.form2 import form2_body, recommendation_cell, summary_table, timeliness_table
from jospar.orgs.models import OrgUnit
from jospar.planning.models import (
    CompletionForm,
    EventRevision,
    Goal,
    Macroindicator,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)
from jospar.planning.selectors import Row
from jospar.planning.templatetags.form1 import form1_body
from tests.monitoring.world import approve, at, build_world, fill, submit

EVIL = ("\"'><script>alert(1)</script><evil-tag evil-attr=\"x\" onmouseover='alert(2)'>Tom & Jerry &amp; "
        "{{ 7|add:1 }} {% now 'Y' %}</evil-tag> javascript:alert(3)")
EVIL_LINES = EVIL + "\nsecond <evil-tag>line</evil-tag>"


class _Page(HTMLParser):
    """Every tag, attribute and piece of text of a page, as a browser's parser sees them."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def assert_data_stayed_data(markup: str, times: int = 1) -> None:
    """No tag or attribute came from the hostile text, no script runs, no link goes to javascript:,
    and the hostile text is on the page as text, as it was typed (``times`` at least)."""
    page = _Page(markup)
    assert not [t for t, _ in page.tags if t == "evil-tag"]
    assert not [t for t, a in page.tags if t == "script" and not a.get("src")]
    assert not [(t, a) for t, a in page.tags if any(k.startswith("on") or k == "evil-attr" for k in a)]
    assert not [a for _, a in page.tags for k, v in a.items() if k in ("href", "src", "hx-get", "hx-post")
                and (v or "").strip().lower().startswith("javascript:")]
    text = "".join(page.text)
    assert text.count(EVIL) >= times, "the hostile text is not on the page as typed"
    assert "{{ 7|add:1 }}" in text and "{% now 'Y' %}" in text  # never run as a template


# --- the tags, fed directly --------------------------------------------------------------------------

def _form1_rows():
    groups = [Row(kind, EVIL, number=EVIL, anchor_key="m:1")
              for kind in ("section", "direction", "macroindicator", "goal", "target_indicator", "task")]
    events = [Row("event", EVIL, number=str(i), code=EVIL, executors=EVIL, deadline=EVIL, completion=EVIL,
                  revision_id=i, event_id=i, cancelled=cancelled, note=EVIL if note else "")
              for i, (cancelled, note) in enumerate([(False, False), (False, True), (True, True)], start=1)]
    return groups + events


@pytest.mark.parametrize("amendment", [False, True])
@pytest.mark.parametrize("editable", [False, True])
def test_form1_table_keeps_hostile_text_as_text(editable, amendment):
    rows = _form1_rows()
    with translation.override("ru"):
        body = form1_body(rows, editable=editable, year=2026, problems={1: [EVIL]}, amendment=amendment,
                          locked={2})
    # per event: name, code, executors, deadline, completion (and the note); per group: number and name
    assert_data_stayed_data(f"<table>{body}</table>", times=6 * 2 + 3 * 5 + 2)
    assert 'data-missing="&quot;&#x27;&gt;&lt;script&gt;' in body  # an attribute value stays in its quotes


def _form2_rows():
    groups = [SimpleNamespace(kind=kind, label=EVIL, number=EVIL) for kind in ("direction", "goal")]
    events = [SimpleNamespace(kind="event", label=EVIL, number=i, executors=EVIL, deadline=EVIL, completion=EVIL,
                              status=status, status_label=EVIL, recommendation=EVIL_LINES, actual=EVIL_LINES,
                              reasons=EVIL_LINES, cancelled=i == 2, event_id=i)
              for i, status in enumerate(["executed", "", "partial"], start=1)]
    return groups + events


@pytest.mark.parametrize("rec_base", ["", "/monitoring/2026/1/report/rec/"])
def test_form2_table_keeps_hostile_text_as_text(rec_base):
    with translation.override("ru"):
        body = form2_body(_form2_rows(), rec_base)
    assert_data_stayed_data(f"<table>{body}</table>", times=2 * 2 + 3 * 7 + 2)
    assert body.count("<br>") == 9  # the line breaks of the texts are kept, and nothing else is markup


def test_recommendation_cell_keeps_hostile_text_as_text():
    with translation.override("ru"):
        cell = recommendation_cell(EVIL_LINES, "/monitoring/2026/1/report/rec", 7)
    assert_data_stayed_data(cell)
    assert 'hx-get="/monitoring/2026/1/report/rec/7/"' in cell


def test_summary_and_timeliness_tables_keep_hostile_text_as_text():
    line = SimpleNamespace(label=EVIL, name=EVIL, not_yet_due=2, executed_share=50, partial_share=25,
                           not_executed_share=25, due=4, executed=2, partial=1, not_executed=1, in_progress=0, none=0)
    compiled = SimpleNamespace(quarters=[EVIL], timeliness=[SimpleNamespace(name=EVIL, cells=[
        {"state": "on_time", "on": date(2026, 4, 8)}])])
    with translation.override("ru"):
        assert_data_stayed_data(summary_table(EVIL, [line, line]), times=5)
        assert_data_stayed_data(timeliness_table(compiled), times=2)


def test_the_due_date_note_is_escaped_in_every_language():
    template = Template("{% load due_dates %}<p>{{ day|nonworking }}</p>")
    for lang in ("kk", "ru", "en"):
        with translation.override(lang):
            markup = template.render(Context({"day": date(2026, 10, 10)}))
        page = _Page(markup)
        assert [t for t, _ in page.tags] == ["p", "span"] and page.tags[1][1]["class"] == "dayoff"


# --- the pages -----------------------------------------------------------------------------------------

def _make_everything_hostile(body, version) -> None:
    """Every name and text on the plan's Form 1 rows: units, development-plan items, events, forms, notes."""
    OrgUnit.objects.filter(body=body).update(name_ru=EVIL, name_kk=EVIL, name_en=EVIL)
    devplan = version.development_plan
    for model, scope in ((StrategicDirection, {"plan": devplan}), (Macroindicator, {"direction__plan": devplan}),
                         (Goal, {"direction__plan": devplan}), (TargetIndicator, {"goal__direction__plan": devplan}),
                         (RegulationTask, {"plan": devplan})):
        model.objects.filter(**scope).update(name_ru=EVIL, name_kk=EVIL)
    CompletionForm.objects.filter(body=body).update(name_ru=EVIL, name_kk=EVIL)
    revisions = EventRevision.objects.filter(version=version)
    revisions.update(name_ru=EVIL, name_kk=EVIL, name_en=EVIL, completion_ru=EVIL, completion_kk=EVIL)
    first, second = revisions.order_by("position")[:2]
    EventRevision.objects.filter(pk=first.pk).update(review_note=EVIL)
    EventRevision.objects.filter(pk=second.pk).update(is_cancelled=True, cancel_reason_kk=EVIL, cancel_reason_ru=EVIL)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_form1_page_keeps_hostile_text_as_text(client, small_plan, planner, lang):
    _make_everything_hostile(small_plan.plan.body, small_plan)
    client.force_login(planner)
    client.cookies["django_language"] = lang
    response = client.get(reverse("planning:plan_detail", args=[2026]))
    assert response.status_code == 200
    markup = response.content.decode()
    assert 'class="actions noprint"' in markup  # the planner's draft: the buttons are there too
    assert_data_stayed_data(markup, times=12 * 3)  # at least the name, executors and completion of 12 events


@pytest.mark.django_db
def test_the_report_page_keeps_hostile_text_as_text(client):
    with translation.override("en"):
        with mock.patch("tests.monitoring.world.approve"):  # hostile names first: an approved version is frozen
            world = build_world()
        _make_everything_hostile(world.body, world.version)
        approve(world.version, world.users["executive"], date(2025, 12, 30))
        period = world.period(1)
        fill(world, 1, "a")
        with time_machine.travel(at("2026-04-06"), tick=False):
            services.save_entry(user=world.users["staff_a"], period=period, event_id=world.events["a_march"],
                                occurrence=1, status="partial", actual_ru=EVIL_LINES, reasons_ru=EVIL_LINES,
                                actual_kk=EVIL_LINES, reasons_kk=EVIL_LINES)
        submit(world, 1, "a", "2026-04-08")
        with time_machine.travel(at("2026-04-09"), tick=False):
            services_report.save_event_recommendation(user=world.users["planner"], period=period,
                                                      event_id=world.events["a_march"], text_ru=EVIL_LINES)
    client.force_login(world.users["planner"])
    for lang in ("ru", "kk"):
        client.cookies["django_language"] = lang
        with time_machine.travel(at("2026-04-12"), tick=False):
            response = client.get(reverse("monitoring:report", args=[2026, 1]))
        assert response.status_code == 200
        markup = response.content.decode()
        assert 'class="edit-rec"' in markup and 'class="summary timeliness"' in markup
        assert_data_stayed_data(markup, times=7 + 3)  # the events' names, and the texts of a_march
