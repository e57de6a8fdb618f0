"""Execution entries, co-executors' contributions and supporting files."""
import io
import zipfile

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jospar.monitoring import services
from jospar.monitoring.models import Attachment, Contribution, ExecutionEntry
from tests.monitoring.world import at, fill, submit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def office(kind: str, macro: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml" if kind == "docx" else "xl/workbook.xml", "<x/>")
        if macro:
            z.writestr("word/vbaProject.bin", b"\x00")
    return buf.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def save(world, user="staff_a", event="a_march", quarter=1, occurrence=1, **data):
    data = {"status": "executed", "actual_ru": "Сделано", "reasons_ru": "", **data}
    with time_machine.travel(at("2026-04-06"), tick=False):
        return services.save_entry(user=world.users[user], period=world.period(quarter),
                                   event_id=world.events[event], occurrence=occurrence, **data)


def test_staff_record_an_entry_with_who_and_when(world):
    entry = save(world)
    assert (entry.status, entry.actual_ru, entry.state, entry.unit) == (
        "executed", "Сделано", "draft", world.units["a"])
    assert entry.updated_by == world.users["staff_a"] and entry.updated_at.date().isoformat() == "2026-04-06"
    assert entry.history.count() == 1


@pytest.mark.parametrize("status", ["not_executed", "partial"])
def test_reasons_are_required_when_not_fully_executed(world, status):
    with pytest.raises(ValidationError, match="Reasons for non-execution"):
        save(world, status=status, actual_ru="Частично", reasons_ru="  ")
    assert not ExecutionEntry.objects.exists()
    assert save(world, status=status, actual_ru="Частично", reasons_ru="Нет средств").reasons_ru == "Нет средств"


def test_executed_needs_the_actual_execution_and_drops_reasons(world):
    with pytest.raises(ValidationError, match="Actual execution"):
        save(world, actual_ru="")
    assert save(world, reasons_ru="лишнее").reasons_ru == ""


def test_unknown_status_is_refused(world):
    with pytest.raises(ValidationError):
        save(world, status="done")


def test_an_event_without_anything_due_in_the_period_is_refused(world):
    with pytest.raises(ValidationError, match="nothing to report"):
        save(world, user="staff_b", event="b_q3")


@pytest.mark.parametrize("user", ["staff_b", "head_c", "planner", "executive", "viewer"])
def test_only_the_lead_units_people_edit_its_entry(world, user):
    with pytest.raises(PermissionDenied):
        save(world, user=user)
    assert not ExecutionEntry.objects.exists()


def test_submitted_information_is_locked_until_returned(world):
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    for user in ("staff_a", "head_a"):
        with pytest.raises(ValidationError, match="locked"):
            save(world, user=user, actual_ru="Исправлено")
    entry = ExecutionEntry.objects.get(event_id=world.events["a_march"])
    other = ExecutionEntry.objects.get(event_id=world.events["a_quarterly"], period__quarter=1)
    with time_machine.travel(at("2026-04-09"), tick=False):
        services.return_unit_info(user=world.users["planner"], period=world.period(1), unit=world.units["a"],
                                  comment="Уточните", entry_ids=[entry.pk])
    assert save(world, actual_ru="Исправлено").actual_ru == "Исправлено"
    with pytest.raises(ValidationError, match="locked"):
        save(world, event="a_quarterly", actual_ru="Нельзя")
    other.refresh_from_db()
    assert other.actual_ru != "Нельзя"


def test_co_executors_contribute_until_the_lead_submits(world):
    period = world.period(1)

    def contribute(user, unit, text="Наш вклад"):
        return services.save_contribution(user=world.users[user], period=period, event_id=world.events["a_march"],
                                          occurrence=1, unit=world.units[unit], text=text)

    c = contribute("staff_b", "b")
    assert (c.unit, c.text) == (world.units["b"], "Наш вклад")
    with pytest.raises(ValidationError, match="not a co-executor"):
        contribute("staff_a", "a")
    with pytest.raises(PermissionDenied):
        contribute("staff_c", "b")
    assert contribute("staff_b", "b", "") is None and not Contribution.objects.exists()
    contribute("staff_b", "b")
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    with pytest.raises(ValidationError, match="locked"):
        contribute("staff_b", "b", "Поздно")


@pytest.mark.parametrize(("name", "content"), [
    ("акт.pdf", PDF), ("photo.PNG", PNG), ("scan.jpeg", JPG), ("справка.docx", office("docx")),
    ("table.xlsx", office("xlsx")),
])
def test_allowed_files_are_stored_under_a_random_name(world, media, name, content):
    entry = save(world)
    a = services.add_attachment(user=world.users["staff_a"], entry=entry,
                                upload=SimpleUploadedFile(name, content))
    assert a.original_name == name and a.size == len(content)
    assert a.file.name.startswith("monitoring/") and "." not in a.file.name.split("/")[-1]
    assert (media / a.file.name).read_bytes() == content


@pytest.mark.parametrize(("name", "content", "message"), [
    ("virus.exe", b"MZ\x90\x00", "Only PDF"),
    ("page.html", b"<script>alert(1)</script>", "Only PDF"),
    ("fake.pdf", b"MZ\x90\x00 not a pdf", "not a PDF"),
    ("image.png", PDF, "not a PNG"),
    ("macro.docx", office("docx", macro=True), "not a DOCX"),
    ("empty.pdf", b"", "empty"),
])
def test_other_files_are_refused(world, media, name, content, message):
    entry = save(world)
    with pytest.raises(ValidationError, match=message):
        services.add_attachment(user=world.users["staff_a"], entry=entry, upload=SimpleUploadedFile(name, content))
    assert not Attachment.objects.exists() and not [p for p in media.rglob("*") if p.is_file()]


def test_files_over_10_mb_are_refused(world):
    entry = save(world)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError, match="10 MB"):
        services.add_attachment(user=world.users["staff_a"], entry=entry, upload=big)


def test_file_names_are_data_not_paths(world):
    entry = save(world)
    a = services.add_attachment(user=world.users["staff_a"], entry=entry,
                                upload=SimpleUploadedFile("../../etc/pass<wd>.pdf", PDF))
    assert a.original_name == "pass_wd_.pdf"


def test_download_is_an_attachment_for_those_who_may_read_it(world, client):
    entry = save(world)
    a = services.add_attachment(user=world.users["staff_a"], entry=entry, upload=SimpleUploadedFile("акт.pdf", PDF))
    url = reverse("monitoring:download", args=[a.pk])
    for user in ("staff_a", "head_a", "staff_b", "planner", "executive"):  # b is a co-executor
        client.force_login(world.users[user])
        response = client.get(url)
        assert response.status_code == 200, user
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "sandbox" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == PDF
    for user in ("staff_c", "head_c", "viewer"):
        client.force_login(world.users[user])
        assert client.get(url).status_code == 403, user


def test_another_bodys_people_cannot_even_find_a_file(world, client):
    from tests.monitoring.world import build_world

    entry = save(world)
    a = services.add_attachment(user=world.users["staff_a"], entry=entry, upload=SimpleUploadedFile("a.pdf", PDF))
    other = build_world(2027)
    client.force_login(other.users["planner"])
    assert client.get(reverse("monitoring:download", args=[a.pk])).status_code == 404


def test_files_are_removed_while_editable_and_kept_once_submitted(world, media):
    entry = save(world)
    a = services.add_attachment(user=world.users["staff_a"], entry=entry, upload=SimpleUploadedFile("a.pdf", PDF))
    b = services.add_attachment(user=world.users["staff_a"], entry=entry, upload=SimpleUploadedFile("b.pdf", PDF))
    with pytest.raises(PermissionDenied):
        services.delete_attachment(user=world.users["staff_b"], attachment=a)
    services.delete_attachment(user=world.users["staff_a"], attachment=a)
    assert list(Attachment.objects.values_list("pk", flat=True)) == [b.pk]
    fill(world, 1, "a")
    submit(world, 1, "a", "2026-04-08")
    with pytest.raises(ValidationError, match="locked"):
        services.delete_attachment(user=world.users["staff_a"], attachment=b)
    with pytest.raises(ValidationError, match="locked"):
        services.add_attachment(user=world.users["staff_a"], entry=entry, upload=SimpleUploadedFile("c.pdf", PDF))
