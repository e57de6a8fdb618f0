"""Issue 13.5: what was approved is kept as approved. Approval stores Form 1 (kk, ru × PDF, DOCX, XLSX) with its
SHA-256, submission stores Form 2; downloads serve those bytes whatever the code renders later; a report taken back
stops serving its files; the data migration's function stores them for what was approved or submitted before."""
import hashlib
from dataclasses import replace
from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from jospar.documents import stored
from jospar.documents.assembly import form1 as form1_assembly
from jospar.documents.models import StoredDocument
from jospar.monitoring import services_report
from jospar.monitoring.models import ReportStatus
from jospar.planning.approval import services as approval
from jospar.planning.models import PlanVersion
from tests.documents.readback import pdf_pages
from tests.monitoring.world import at, build_world, report_all

pytestmark = pytest.mark.django_db

TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf"}
SIX = {(lang, fmt) for lang in ("kk", "ru") for fmt in TYPES}


def approve(version, planner, executive):
    approval.send_for_approval(user=planner, version=version)
    return approval.approve_version(version=version, user=executive, on=date(2025, 12, 30))


def relabelled(monkeypatch):
    """A later change of the code: every heading and event of Form 1 renders with another label."""
    real = form1_assembly.form1_rows
    monkeypatch.setattr(form1_assembly, "form1_rows", lambda version, lang: [
        replace(row, label=f"{row.label} (новая редакция)") for row in real(version, lang)])


def test_approval_stores_six_files_with_their_sha256(small_plan, planner, executive):
    approve(small_plan, planner, executive)
    files = list(StoredDocument.objects.filter(version=small_plan))
    assert {(f.lang, f.fmt) for f in files} == SIX
    for f in files:
        data = bytes(f.data)
        assert f.sha256 == hashlib.sha256(data).hexdigest() and f.size == len(data) > 1000
        assert (f.form, f.content_type, f.report_id, f.withdrawn_at) == (1, TYPES[f.fmt], None, None)
        assert f.filename == f"operational-plan-2026-v1-{f.lang}.{f.fmt}" and f.created_at is not None


def test_a_failure_to_store_leaves_the_version_unapproved(small_plan, planner, executive, monkeypatch):
    approval.send_for_approval(user=planner, version=small_plan)

    def broken(version):
        raise RuntimeError("disk full")

    monkeypatch.setattr(stored, "store_form1", broken)
    with pytest.raises(RuntimeError):
        approval.approve_version(version=small_plan, user=executive, on=date(2025, 12, 30))
    assert PlanVersion.objects.get(pk=small_plan.pk).status == "on_approval"  # all or nothing
    assert not StoredDocument.objects.exists()


@pytest.mark.parametrize("fmt", list(TYPES))
def test_an_approved_version_downloads_as_stored_after_a_label_change(client, small_plan, planner, executive,
                                                                      monkeypatch, fmt):
    approve(small_plan, planner, executive)
    kept = StoredDocument.objects.get(version=small_plan, lang="ru", fmt=fmt)
    relabelled(monkeypatch)
    client.force_login(planner)
    response = client.get(reverse("documents:form1", args=[2026, 1, "ru", fmt]))
    assert response.content == bytes(kept.data)
    assert response["ETag"] == f'"{kept.sha256}"' and response["Content-Type"] == TYPES[fmt]
    assert response["Content-Disposition"] == f'attachment; filename="operational-plan-2026-v1-ru.{fmt}"'
    if fmt == "pdf":
        assert "(новая редакция)" not in "".join(pdf_pages(response.content))


def test_a_draft_is_rendered_on_request(client, small_plan, planner, monkeypatch):
    relabelled(monkeypatch)
    client.force_login(planner)
    response = client.get(reverse("documents:form1", args=[2026, 1, "ru", "pdf"]))
    assert "(новая редакция)" in "".join(pdf_pages(response.content)) and not response.has_header("ETag")
    assert not StoredDocument.objects.exists()  # a download stores nothing


def test_a_stored_file_cannot_be_changed_or_deleted(small_plan, planner, executive):
    approve(small_plan, planner, executive)
    kept = StoredDocument.objects.filter(version=small_plan).first()
    kept.data = b"forged"
    with pytest.raises(ValidationError):
        kept.save()
    with pytest.raises(ValidationError):
        kept.delete()
    assert bytes(StoredDocument.objects.get(pk=kept.pk).data) != b"forged"


def submit(world, day: str):
    with time_machine.travel(at(day), tick=False):
        return services_report.submit_report(user=world.users["planner"], period=world.period(1))


def form2(client, world, fmt="pdf", **query):
    client.force_login(world.users["planner"])
    return client.get(reverse("documents:form2", args=[2026, 1, "ru", fmt]), query)


def test_submission_stores_form2_and_taking_it_back_stops_serving_it(client):
    world = build_world()
    report_all(world, 1, "2026-04-08")
    report = submit(world, "2026-04-15")
    files = list(StoredDocument.objects.filter(report=report))
    assert {(f.lang, f.fmt) for f in files} == SIX
    assert all(f.form == 2 and f.sha256 == hashlib.sha256(bytes(f.data)).hexdigest() for f in files)
    kept = StoredDocument.objects.get(report=report, lang="ru", fmt="pdf")
    assert form2(client, world).content == bytes(kept.data)
    # the quarter view is not the report (rendered on request; in the I quarter its pages say the same as the
    # report's, and the PDF writer is deterministic — issue 17 — so only its name tells them apart)
    assert "report-2026-q1-quarter-ru.pdf" in form2(client, world, view="quarter")["Content-Disposition"]

    with time_machine.travel(at("2026-04-16"), tick=False):
        services_report.recall_report(user=world.users["planner"], period=world.period(1), comment="Опечатка")
    response = form2(client, world)
    assert response.content != bytes(kept.data) and "ПРОЕКТ" in pdf_pages(response.content)[0]
    assert StoredDocument.objects.filter(report=report, withdrawn_at__isnull=False).count() == 6  # kept as history

    submit(world, "2026-04-17")
    assert StoredDocument.objects.filter(report=report).count() == 12
    served = StoredDocument.objects.get(report=report, lang="ru", fmt="pdf", withdrawn_at__isnull=True)
    assert form2(client, world).content == bytes(served.data)
    assert "17.04.2026" in pdf_pages(bytes(served.data))[-1]


def test_the_data_migration_stores_what_was_approved_and_submitted_before(small_plan):
    world = build_world(year=2027)  # approved by an update, as before this change: nothing stored
    report_all(world, 1, "2027-04-08")
    with time_machine.travel(at("2027-04-15"), tick=False):
        report = services_report.submit_report(user=world.users["planner"], period=world.period(1))
    StoredDocument.objects.all().delete()  # as if submitted before documents were stored
    draft = small_plan  # a draft stores nothing
    assert stored.store_missing() == (1, 1)
    assert {(f.lang, f.fmt) for f in StoredDocument.objects.filter(version=world.version)} == SIX
    assert {(f.lang, f.fmt) for f in StoredDocument.objects.filter(report=report)} == SIX
    assert not StoredDocument.objects.filter(version=draft).exists()
    assert stored.store_missing() == (0, 0)  # idempotent
    assert report.status == ReportStatus.SUBMITTED
