"""Reads never write (issue 12.2, issue 15.4): every GET address of the URL configuration, asked by every
role of the demo, runs no INSERT, UPDATE or DELETE. On SQLite and on PostgreSQL.

The addresses come from the URL configuration itself, so a new page is walked without being listed here:
each pattern is asked with sample values from the demo for its parameters (each value of each parameter
at least once), and the test fails when a pattern was never asked. The administrator also walks the
admin (every model's list, one record, its history). Views that answer only POST answer 405 to a GET,
which writes nothing either.
"""
import re

import pytest
import time_machine
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from jospar.demo.content import PEOPLE
from jospar.documents.models import StoredDocument
from jospar.monitoring.models import Attachment, Decision, ExecutionEntry
from jospar.notifications.models import Notification
from jospar.orgs.models import OrgUnit, StateBody
from jospar.planning.models import (
    DevelopmentPlan,
    Event,
    EventRevision,
    Goal,
    Macroindicator,
    OperationalPlan,
    Proposal,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)
from jospar.rulebook.models import Edition

pytestmark = pytest.mark.django_db
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE|TRUNCATE|CREATE|DROP|ALTER)\b", re.IGNORECASE)
EXTRA = ("?view=quarter",)  # the query strings pages link with, asked of every monitoring and document page


def patterns(resolvers=None, prefix="", namespace=""):
    """(url name with namespace, parameter names) of every named pattern, the admin's left to `admin_urls`."""
    for entry in (resolvers if resolvers is not None else get_resolver().url_patterns):
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from patterns(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            route = prefix + str(entry.pattern)
            names = re.findall(r"<(?:\w+:)?(\w+)>", route)
            yield f"{namespace}{entry.name}", [n for n in names if n not in (entry.default_args or {})]


def samples(user) -> dict:
    """Values for every parameter name, from the demo (each list walked in step with the others)."""
    devplan = DevelopmentPlan.objects.order_by("id").first()
    direction = StrategicDirection.objects.filter(plan=devplan).order_by("position").first()
    years = list(OperationalPlan.objects.order_by("year").values_list("year", flat=True))
    return {
        "year": years,
        "number": [1, 2],
        "quarter": [1, 2, 3, 4],
        "unit_id": list(OrgUnit.objects.filter(memberships__role__in=["unit_head", "planner"])
                        .order_by("id").values_list("id", flat=True).distinct()[:3]),
        "event_id": [*Event.objects.filter(plan__year=years[0]).order_by("id").values_list("id", flat=True)[:2],
                     *Event.objects.filter(plan__year=years[-1]).order_by("id").values_list("id", flat=True)[:1]],
        "revision_id": [*EventRevision.objects.filter(version__plan__year=years[0]).order_by("-version__number", "id")
                        .values_list("id", flat=True)[:2],
                        *EventRevision.objects.filter(version__plan__year=years[-1]).values_list("id", flat=True)[:1]],
        "occurrence": [1],
        "entry_id": list(ExecutionEntry.objects.order_by("id").values_list("id", flat=True)[:2]) or [1],
        "attachment_id": list(Attachment.objects.order_by("id").values_list("id", flat=True)[:2]) or [1],
        "lang": ["ru", "kk"],
        "fmt": ["docx", "xlsx", "pdf"],
        "kind": ["direction", "macroindicator", "goal", "indicator", "task"],
        "node": [direction.id, Macroindicator.objects.filter(direction=direction).first().id,
                 Goal.objects.filter(direction=direction).first().id,
                 TargetIndicator.objects.filter(goal__direction=direction).first().id,
                 RegulationTask.objects.filter(plan=devplan).first().id],
        "parent": [direction.id],
        "part": ["directions", "tasks", "header", f"direction-{direction.id}"],
        "pk": [devplan.id],
        "key": list(Edition.objects.order_by("effective_from").values_list("key", flat=True)),
        ("planning", "pk"): list(Proposal.objects.order_by("status", "id").values_list("id", flat=True)[:3]),
        ("notifications", "pk"): list(Notification.objects.filter(recipient=user).values_list("id", flat=True)[:2])
        or [1],
        ("monitoring", "pk"): list(Decision.objects.order_by("id").values_list("id", flat=True)[:2]) or [1],
        # the administration pages: a unit, a person, a body (each page finds its own kind or answers 404)
        ("orgs", "pk"): [OrgUnit.objects.order_by("id").first().id, user.pk, OrgUnit.objects.order_by("id").first()
                         .body_id],
        "membership_id": list(user.memberships.values_list("id", flat=True)[:1]) or [1],
        "code": list(StateBody.objects.order_by("id").values_list("code", flat=True)[:2]),  # the national view
        ("national", "pk"): list(StoredDocument.objects.order_by("id").values_list("id", flat=True)[:2]) or [1],
    }


def addresses(user) -> tuple[list[str], set[str]]:
    """Every GET address to ask, and the url names they cover."""
    values, urls, names = samples(user), [], set()
    for name, params in patterns():
        app = name.split(":", 1)[0]
        lists = [values.get((app, p)) or values[p] for p in params]
        combos = max((len(v) for v in lists), default=1)
        for i in range(combos):
            url = reverse(name, kwargs={p: v[i % len(v)] for p, v in zip(params, lists, strict=True)})
            urls.append(url)
            if app in ("monitoring", "documents"):
                urls += [url + extra for extra in EXTRA]
        names.add(name)
    return list(dict.fromkeys(urls)), names


def admin_urls() -> list[str]:
    urls = [reverse("admin:index")]
    for model, _model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        urls += [reverse("admin:{}_{}_changelist".format(*info)), reverse("admin:{}_{}_add".format(*info))]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls += [reverse("admin:{}_{}_change".format(*info), args=[first.pk]),
                     reverse("admin:{}_{}_history".format(*info), args=[first.pk])]
    return urls


class Writes:
    """Every statement that writes, with the address that ran it."""

    def __init__(self):
        self.seen, self.url = [], ""

    def __call__(self, execute, sql, params, many, context):
        if WRITE.match(sql):
            self.seen.append(f"{self.url}: {sql[:160]}")
        return execute(sql, params, many, context)


@pytest.fixture
def demo(settings):
    settings.DEMO_SIGNATURES = True  # the signatures' pages are walked too
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=False):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield


def test_no_get_address_writes_for_any_role(client, demo):
    writes, asked, covered = Writes(), 0, set()
    for person in PEOPLE:
        user = User.objects.get(username=person["username"])
        client.force_login(user)  # signing in writes (the session, the last login): before the walk
        client.cookies["django_language"] = "ru"
        urls, names = addresses(user)
        if user.is_superuser:
            urls += admin_urls()
        covered |= names
        with connection.execute_wrapper(writes):
            for url in urls:
                writes.url = f"{person['username']} GET {url}"
                response = client.get(url)
                assert response.status_code < 500, writes.url
                asked += 1
    all_names = {name for name, _params in patterns()}
    assert covered == all_names and asked > 8 * len(all_names)
    assert not writes.seen, f"{len(writes.seen)} writes on GET:\n" + "\n".join(writes.seen[:40])


def test_the_guard_sees_writes(django_user_model):
    """The guard is not blind: an UPDATE, an INSERT and a DELETE are each caught."""
    writes = Writes()
    with connection.execute_wrapper(writes):
        user = django_user_model.objects.create(username="someone")
        django_user_model.objects.filter(pk=user.pk).update(first_name="x")
        django_user_model.objects.filter(pk=user.pk).delete()
        django_user_model.objects.count()
    assert {w.split()[1] for w in writes.seen} == {"INSERT", "UPDATE", "DELETE"}


def test_a_notification_is_marked_read_by_its_button_not_by_a_link(client, django_user_model):
    user = django_user_model.objects.create(username="reader")
    note = Notification.objects.create(recipient=user, kind="plan_approved", url="/plans/",
                                       params={"year": 2026, "version": 1, "date": "30.12.2025"})
    client.force_login(user)
    inbox = client.get(reverse("notifications:inbox")).content.decode()
    assert f'<form method="post" action="{reverse("notifications:open", args=[note.pk])}">' in inbox
    assert client.get(reverse("notifications:open", args=[note.pk]))["Location"] == "/plans/"
    note.refresh_from_db()
    assert note.read_at is None
    assert client.post(reverse("notifications:open", args=[note.pk]))["Location"] == "/plans/"
    note.refresh_from_db()
    assert note.read_at is not None
