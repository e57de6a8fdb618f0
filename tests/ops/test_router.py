"""The replica router: read-only pages read from the replica, writes and writers use the primary,
a replica that is down costs nothing but a log line."""
import logging
import socket
from datetime import date

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.ops import router
from jospar.ops.health import REPLICA_ALIAS
from jospar.orgs.models import Role
from jospar.planning.models import PlanVersion
from tests.factories import member

ROUTER = router.ROUTER


def test_the_router_reads_from_the_replica_only_inside_a_read_only_request():
    decide = router.ReplicaRouter()
    assert decide.db_for_read(PlanVersion) == DEFAULT_DB_ALIAS
    token = router._replica_reads.set(True)
    try:
        assert decide.db_for_read(PlanVersion) == REPLICA_ALIAS
        assert decide.db_for_write(PlanVersion) == DEFAULT_DB_ALIAS
        assert decide.db_for_read(PlanVersion) == DEFAULT_DB_ALIAS  # after a write, the request reads its writes
    finally:
        router._replica_reads.reset(token)
    assert decide.allow_migrate(REPLICA_ALIAS, "planning") is False
    assert decide.allow_migrate(DEFAULT_DB_ALIAS, "planning") is None
    assert decide.allow_relation(object(), object()) is True


def test_views_are_marked_and_only_the_marked_ones():
    from jospar.dashboard.views import home
    from jospar.documents.views.plan import form1
    from jospar.monitoring import views, views_report
    from jospar.planning.views import event_detail, plan_detail

    for view in (home, form1, plan_detail, views.periods, views.period, views_report.report):
        assert view.replica_reads is True
    for view in (event_detail, views.unit, views.save_entry, views_report.save_texts):
        assert not getattr(view, "replica_reads", False)


def add_replica(**changes):
    """A `replica` connection to the test database itself (what TEST MIRROR does), with `changes`.

    Set on `connections` directly, not in its settings, so that Django's test case lets it connect."""
    primary = connections[DEFAULT_DB_ALIAS]
    config = {**primary.settings_dict, "OPTIONS": dict(primary.settings_dict["OPTIONS"]), **changes}
    connections[REPLICA_ALIAS] = type(primary)(config, REPLICA_ALIAS)
    return connections[REPLICA_ALIAS]


def drop_replica():
    connections[REPLICA_ALIAS].close()
    del connections[REPLICA_ALIAS]


@pytest.fixture
def replica(transactional_db, settings, monkeypatch):
    monkeypatch.setattr(router, "_replica_down_until", 0.0)
    settings.DATABASE_ROUTERS = [ROUTER]
    yield add_replica()
    drop_replica()


@pytest.fixture
def broken_replica(transactional_db, settings, monkeypatch, tmp_path):
    monkeypatch.setattr(router, "_replica_down_until", 0.0)
    settings.DATABASE_ROUTERS = [ROUTER]
    if connections[DEFAULT_DB_ALIAS].vendor == "postgresql":
        with socket.socket() as s:  # a port nobody listens on
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        yield add_replica(HOST="127.0.0.1", PORT=port)
    else:
        yield add_replica(NAME=str(tmp_path / "missing" / "replica.sqlite3"))
    drop_replica()


@pytest.fixture
def viewer(small_plan):
    return member(small_plan.plan.body, Role.VIEWER, username="viewer")


def approve(version, by):
    """Approve directly, and open the periods as approval does (monitoring.receivers)."""
    from jospar.monitoring.services import open_periods

    PlanVersion.objects.filter(pk=version.pk).update(status=PlanVersion.Status.APPROVED, approved_on=date(2026, 1, 5),
                                                     approved_by=by)
    open_periods(version.plan)


def get(client, url, method="get"):
    with CaptureQueriesContext(connections[REPLICA_ALIAS]) as on_replica, \
            CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary:
        response = getattr(client, method)(url)
    return response, on_replica, on_primary


def tables(queries) -> str:
    return " ".join(q["sql"] for q in queries)


READ_ONLY = [("home", []), ("planning:plan_detail", [2026]), ("monitoring:periods", [2026]),
             ("monitoring:period", [2026, 1]), ("monitoring:report", [2026, 1])]


@pytest.mark.parametrize(("name", "args"), READ_ONLY)
def test_a_read_only_page_reads_from_the_replica(client, replica, small_plan, executive, name, args):
    approve(small_plan, executive)
    client.force_login(executive)
    # Approval opened the periods; pages only read them (a first visit warms up what the process caches).
    assert client.get(reverse(name, args=args)).status_code == 200
    response, on_replica, on_primary = get(client, reverse(name, args=args))
    assert response.status_code == 200
    assert on_replica, "nothing was read from the replica"
    assert "planning_" not in tables(on_primary) and "monitoring_" not in tables(on_primary)
    assert router.STICKY_COOKIE not in response.cookies


def test_approved_form1_from_the_replica_a_draft_from_the_primary(client, replica, small_plan, viewer, executive):
    client.force_login(viewer)
    url = reverse("documents:form1", args=[2026, 1, "ru", "docx"])
    response, on_replica, on_primary = get(client, url)
    assert response.status_code == 200 and "planning_eventrevision" not in tables(on_replica)
    assert "planning_eventrevision" in tables(on_primary)
    approve(small_plan, executive)
    response, on_replica, on_primary = get(client, url)
    assert response.status_code == 200 and "planning_eventrevision" in tables(on_replica)
    assert "planning_" not in tables(on_primary)


def test_unmarked_pages_and_writes_use_the_primary(client, replica, small_plan, viewer, executive):
    approve(small_plan, executive)
    client.force_login(viewer)
    event = small_plan.revisions.first().event_id
    response, on_replica, _ = get(client, reverse("planning:event_detail", args=[2026, event]))
    assert response.status_code == 200 and not on_replica
    response, on_replica, on_primary = get(client, reverse("notifications:read_all"), method="post")
    assert response.status_code == 302 and not on_replica and "UPDATE" in tables(on_primary)


def test_a_user_who_has_just_written_reads_from_the_primary(client, replica, small_plan, viewer, executive, settings):
    approve(small_plan, executive)
    client.force_login(viewer)
    response = client.post(reverse("notifications:read_all"))
    cookie = response.cookies[router.STICKY_COOKIE]
    assert cookie["max-age"] == settings.REPLICA_STICKY_SECONDS == 5 and cookie["httponly"]
    url = reverse("planning:plan_detail", args=[2026])
    response, on_replica, _ = get(client, url)
    assert response.status_code == 200 and not on_replica  # still within the sticky seconds
    client.cookies[router.STICKY_COOKIE] = "1"  # an unsigned (forged or mangled) cookie does not count
    response, on_replica, _ = get(client, url)
    assert response.status_code == 200 and on_replica
    del client.cookies[router.STICKY_COOKIE]
    response, on_replica, _ = get(client, url)
    assert response.status_code == 200 and on_replica


def test_a_refused_write_does_not_stick(client, replica, small_plan, viewer):
    client.force_login(viewer)
    response = client.post(reverse("planning:approve", args=[2026]))
    assert response.status_code == 403 and router.STICKY_COOKIE not in response.cookies


def test_without_a_replica_nobody_gets_the_cookie(client, small_plan, viewer):
    client.force_login(viewer)
    assert router.STICKY_COOKIE not in client.post(reverse("notifications:read_all")).cookies


def test_a_replica_that_is_down_falls_back_to_the_primary(client, broken_replica, small_plan, viewer, executive,
                                                          caplog):
    approve(small_plan, executive)
    client.force_login(viewer)
    url = reverse("planning:plan_detail", args=[2026])
    with caplog.at_level(logging.WARNING, logger="jospar.ops.router"):
        first = client.get(url)
        second = client.get(url)  # backing off: the replica is not even tried
    assert first.status_code == 200 and second.status_code == 200
    assert b"2026" in second.content
    warnings = [r.getMessage() for r in caplog.records if r.name == "jospar.ops.router"]
    assert len(warnings) == 1 and "replica unreachable" in warnings[0]
    assert router.replica_backing_off()
