"""Stored documents are revalidated: ETag (their SHA-256), Cache-Control private, 304 on If-None-Match without
reading the file; the permission is still checked; a report taken back or submitted again is not the old file."""
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.documents.models import StoredDocument
from jospar.monitoring import services_report
from jospar.orgs.models import Role
from jospar.planning.approval import services as approval
from tests.factories import StateBodyFactory, member
from tests.monitoring.world import at, build_world, report_all

pytestmark = pytest.mark.django_db

FORM1 = reverse("documents:form1", args=[2026, 1, "ru", "pdf"])


def get(client, url, etag=None, **query):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, query, headers={"If-None-Match": etag} if etag else {})
    return response, [q["sql"] for q in ctx.captured_queries]


def test_an_approved_form1_revalidates_without_reading_the_file(client, small_plan, planner, executive):
    approval.send_for_approval(user=planner, version=small_plan)
    approval.approve_version(version=small_plan, user=executive, on=date(2025, 12, 30))
    kept = StoredDocument.objects.get(version=small_plan, lang="ru", fmt="pdf")
    client.force_login(planner)
    first, _ = get(client, FORM1)
    assert first["ETag"] == f'"{kept.sha256}"' and first.content == bytes(kept.data)
    assert "private" in first["Cache-Control"] and "no-cache" in first["Cache-Control"]
    again, queries = get(client, FORM1, etag=first["ETag"])
    assert again.status_code == 304 and not again.content and again["ETag"] == first["ETag"]
    assert not any("documents_storeddocument" in sql for sql in queries)
    assert get(client, FORM1, etag='"other"')[0].content == bytes(kept.data)

    client.force_login(member(StateBodyFactory(), Role.VIEWER))  # another body's reader, with the ETag
    assert get(client, FORM1, etag=first["ETag"])[0].status_code == 404


def test_a_draft_form1_has_no_etag(client, small_plan, planner):
    client.force_login(planner)
    response, _ = get(client, FORM1)
    assert response.status_code == 200 and not response.has_header("ETag")
    assert "no-store" in response["Cache-Control"]


def submit(world, day: str):
    with time_machine.travel(at(day), tick=False):
        return services_report.submit_report(user=world.users["planner"], period=world.period(1))


def test_a_form2_taken_back_or_submitted_again_is_not_the_old_file(client):
    world = build_world()
    report_all(world, 1, "2026-04-08")
    submit(world, "2026-04-15")
    url = reverse("documents:form2", args=[2026, 1, "ru", "pdf"])
    client.force_login(world.users["planner"])
    first, _ = get(client, url)
    assert get(client, url, etag=first["ETag"])[0].status_code == 304

    with time_machine.travel(at("2026-04-16"), tick=False):
        services_report.recall_report(user=world.users["planner"], period=world.period(1), comment="Опечатка")
    draft, _ = get(client, url, etag=first["ETag"])
    assert draft.status_code == 200 and not draft.has_header("ETag")

    submit(world, "2026-04-17")
    again, _ = get(client, url, etag=first["ETag"])
    assert again.status_code == 200 and again["ETag"] not in ("", first["ETag"])
    assert get(client, url, etag=again["ETag"])[0].status_code == 304
