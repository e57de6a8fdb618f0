"""Pages cost what they show: every role's home page and a unit's work list run as many queries at 16 events as
at 64, and none of them walks the plan (reads every event of the version) or compiles Form 2."""
from collections import Counter

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.monitoring import report_data, services_report, summaries
from jospar.monitoring.models import UnitSubmission
from jospar.orgs.models import Role
from jospar.planning import selectors as plan_selectors
from tests.factories import member
from tests.monitoring.world import at, big_plan

pytestmark = pytest.mark.django_db
YEAR = 2026
ROLES = ("executive", "planner", "head", "staff", "viewer", "admin")


def _plan(n_events: int) -> dict:
    """An approved plan of ``n_events`` whose II quarter every lead unit reported on; its report submitted."""
    period = big_plan(n_events, YEAR)
    plan = period.plan
    body = plan.body
    leads = set(period.entries.values_list("unit_id", flat=True))
    moment = at(f"{YEAR}-07-08")
    planner = body.memberships.get(role=Role.PLANNER).user
    UnitSubmission.objects.bulk_create(
        UnitSubmission(period=period, unit_id=u, status="submitted", first_submitted_at=moment, submitted_at=moment,
                       submitted_on=moment.date(), submitted_by=planner) for u in leads)
    with time_machine.travel(at(f"{YEAR}-07-12"), tick=False):
        services_report.submit_report(user=planner, period=period)
    summaries.rebuild(body)  # the unit's submissions above were written around the services
    unit = body.units.get(pk=Counter(period.entries.values_list("unit_id", flat=True)).most_common(1)[0][0])
    return {
        "executive": member(body, Role.EXECUTIVE, username=f"x{n_events}"),
        "planner": planner,
        "head": member(body, Role.UNIT_HEAD, unit, username=f"h{n_events}"),
        "staff": member(body, Role.UNIT_STAFF, unit, username=f"s{n_events}"),
        "viewer": member(body, Role.VIEWER, username=f"v{n_events}"),
        "admin": member(body, Role.ADMIN, username=f"a{n_events}"),
        "worklist": reverse("monitoring:unit", args=[YEAR, 2, unit.pk]),
    }


def _queries(client, user, url: str) -> int:
    client.force_login(user)
    with time_machine.travel(at(f"{YEAR}-07-14"), tick=False):
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _no_walk(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the page read the whole plan")

    monkeypatch.setattr(plan_selectors, "version_event_rows", refuse)
    monkeypatch.setattr(report_data, "compile_report", refuse)
    monkeypatch.setattr("jospar.monitoring.cards.compile_report", refuse)


def test_home_pages_and_the_work_list_cost_the_same_at_16_and_64_events_and_walk_no_plan(client, monkeypatch):
    small, large = _plan(16), _plan(64)
    _no_walk(monkeypatch)
    counts = {}
    for name, users in (("small", small), ("large", large)):
        counts[name] = {role: _queries(client, users[role], reverse("home")) for role in ROLES}
        counts[name]["worklist"] = _queries(client, users["head"], users["worklist"])
    assert counts["small"] == counts["large"]
    assert counts["large"] == {"executive": 29, "planner": 17, "head": 29, "staff": 29, "viewer": 8, "admin": 8,
                               "worklist": 27}  # 27: the submitted information's signatures (one query)


def test_every_monitoring_card_is_shown_from_kept_figures(client, monkeypatch):
    users = _plan(12)
    _no_walk(monkeypatch)
    client.cookies["django_language"] = "en"
    pages = {}
    with time_machine.travel(at(f"{YEAR}-07-14"), tick=False):  # the II quarter is in focus
        for role in ("planner", "executive", "head"):
            client.force_login(users[role])
            pages[role] = client.get(reverse("home")).content.decode()
    planner, executive, head = pages["planner"], pages["executive"], pages["head"]
    assert "The report was submitted on 12.07.2026." in planner
    assert f"Execution of the {YEAR} plan" in executive
    assert "Submitted on 08.07.2026." in head
