"""The home page tells each role what is waiting for it."""
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.demo.loader import DemoLoader

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()


def _home(client, username, lang="en"):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username=username))
    client.cookies["django_language"] = lang
    with time_machine.travel("2026-11-25 09:00 +05:00", tick=False):
        return client.get(reverse("home")).content.decode()


def test_planner_sees_drafts_due_and_monitoring(client, demo):
    html = _home(client, "planner")
    assert "Operational plan for 2026" in html and "Version 2 approved on 02.08.2026." in html
    assert "Operational plan for 2027" in html and "5 days left" in html
    assert "Monitoring of Q4" in html and "15.01.2027" in html


def test_executive_sees_the_draft_awaiting_approval(client, demo):
    html = _home(client, "executive")
    assert "Operational plan for 2027" in html and "must be approved by 30.11.2026" in html
    assert "Monitoring of" not in html


def test_unit_staff_see_their_units_events_this_quarter(client, demo):
    html = _home(client, "staff1")
    assert "Your unit&#x27;s events in Q4" in html or "Your unit's events in Q4" in html
    assert "Information on execution is due on 10.01.2027 (day off)." in html  # a Sunday


def test_viewer_sees_plans_only(client, demo):
    html = _home(client, "viewer")
    assert "Operational plan for 2026" in html
    assert "Your unit" not in html and "Monitoring of" not in html


def test_admin_is_pointed_to_administration(client, demo):
    html = _home(client, "admin")  # the demo's administrator: the water ministry's, and the installation's
    assert reverse("orgs:units") in html and reverse("orgs:bodies") in html


def test_home_in_kazakh_and_russian(client, demo):
    assert "2026 жылға арналған операциялық жоспар" in _home(client, "planner", "kk")
    assert "Операционный план на 2026 год" in _home(client, "planner", "ru")


def test_user_without_role_is_told_so(client, django_user_model):
    client.force_login(django_user_model.objects.create(username="nobody"))
    client.cookies["django_language"] = "en"
    assert "You have no role in a state body yet" in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize(("username", "lang", "words"), [
    ("head1", "en", ("Proposals for the 2027 plan", "due on 27.11.2026", "2 days left")),
    ("staff1", "ru", ("Предложения к плану на 2027 год", "27.11.2026")),
    ("staff1", "kk", ("2027 жылғы жоспарға ұсыныстар", "27.11.2026")),
])
def test_unit_people_are_told_when_their_proposals_are_due(client, demo, username, lang, words):
    html = _home(client, username, lang)
    for word in words:
        assert word in html, word
    assert "/plans/2027/proposals/" in html


def test_the_planner_gets_no_unit_proposals_card(client, demo):
    assert "Proposals for the 2027 plan" not in _home(client, "planner")


# Issue 12.2: the home page reads kept figures and writes nothing. The executive's summary card reads the
# report's kept figures (it compiled the whole Form 2 before: 29 queries); the numbers are pinned so that a
# card that starts walking or compiling the plan shows here.
# The cards with a due date read the rulebook once (one query per request, issue 13.3).
# The executive's indicators table (issue 18): 13 more, whatever the plan's size, and no plan read.
HOME_QUERIES = {"planner": 16, "executive": 28, "viewer": 7, "admin": 7, "head1": 29, "staff1": 29}


def test_home_page_query_counts(client, demo):
    counts = {}
    for username in HOME_QUERIES:
        _home(client, username)
        with CaptureQueriesContext(connection) as ctx, time_machine.travel("2026-11-25 09:00 +05:00", tick=False):
            assert client.get(reverse("home")).status_code == 200
        counts[username] = len(ctx.captured_queries)
    assert counts == HOME_QUERIES
