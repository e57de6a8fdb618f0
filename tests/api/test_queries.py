"""Reads and a change through the API take a fixed number of queries, whatever the plan's size."""
import pytest
from django.urls import reverse

from jospar.orgs.models import Role
from tests.factories import StateBodyFactory, member, plan_with_events

from .calls import client_for, event_url, patch

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("n_events", [6, 60])
def test_query_counts_do_not_grow_with_the_plan(n_events, django_assert_max_num_queries):
    version = plan_with_events(n_events, n_units=5, body=StateBodyFactory())
    body = version.plan.body
    client = client_for(member(body, Role.PLANNER, body.units.get(is_planning=True)))
    revision = version.revisions.order_by("id").first()
    # version_events and the event 10 (the edition's tree five, the rulebook one), the PATCH 41 (its
    # answer is the event as its GET gives it, numbered in Form 1: the tree again)
    for limit, call in ((3, lambda: client.get(reverse("api:plans"))),
                        (10, lambda: client.get(reverse("api:version_events", args=[2026, 1]))),
                        (10, lambda: client.get(event_url(revision))),
                        (41, lambda: patch(client, revision, name_ru="Изменено"))):  # incl. the freeze guards
        with django_assert_max_num_queries(limit):
            assert call().status_code == 200
