"""Backup and restore drill on PostgreSQL: every table's rows and every uploaded file come back."""
import json
import tarfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from jospar.ops.backup import MANIFEST
from tests.factories import plan_with_events

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump backs up PostgreSQL"),
    pytest.mark.django_db(transaction=True),  # pg_dump sees only committed rows
]


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "attachments/2026").mkdir(parents=True)
    (settings.MEDIA_ROOT / "attachments/2026/акт.pdf").write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 50)
    (settings.MEDIA_ROOT / "note.txt").write_text("Есеп")
    return settings.MEDIA_ROOT


def drill(archive, **kwargs) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    name = f"{connection.settings_dict['NAME']}_drill"
    call_command("restore_drill", *([str(archive)] if archive else []), database=name,
                 stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()


def test_backup_then_restore_drill_reproduces_every_row_and_file(tmp_path, media, settings):
    plan_with_events(6, n_units=4)
    settings.BACKUP_DIR = tmp_path / "backups"
    call_command("backup", stdout=StringIO())
    [archive] = (tmp_path / "backups").glob("jospar-*.tar")
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile(MANIFEST))
        names = tar.getnames()
    assert "database.dump" in names and "media/attachments/2026/акт.pdf" in names
    assert manifest["tables"]["planning_eventrevision"] >= 5 and set(manifest["files"]) == {
        "attachments/2026/акт.pdf", "note.txt"}
    ok, errors = drill(None)  # the newest archive in BACKUP_DIR
    assert f"restore drill OK: every table and file of {archive} restored identically" in ok and errors == ""


def test_the_drill_names_every_mismatch_and_fails(tmp_path, media):
    plan_with_events(4, n_units=4)
    call_command("backup", dir=tmp_path, stdout=StringIO())
    [archive] = tmp_path.glob("jospar-*.tar")
    with tarfile.open(archive) as tar:  # a damaged archive: one count and one file hash are off
        tar.extractall(tmp_path / "x", filter="data")
    manifest = json.loads((tmp_path / "x" / MANIFEST).read_text())
    manifest["tables"]["orgs_orgunit"] += 1
    manifest["files"]["note.txt"] = "0" * 64
    (tmp_path / "x" / MANIFEST).write_text(json.dumps(manifest))
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(damaged, "w") as tar:
        for name in ("manifest.json", "database.dump", "media"):
            tar.add(tmp_path / "x" / name, arcname=name)
    with pytest.raises(CommandError, match="2 mismatch"):
        drill(damaged)


def test_backup_keeps_the_newest_archives(tmp_path, media):
    for name in ("jospar-20260101-010000.tar", "jospar-20260102-010000.tar"):
        (tmp_path / name).write_bytes(b"old")
    call_command("backup", dir=tmp_path, keep=2, stdout=StringIO())
    kept = sorted(p.name for p in tmp_path.glob("jospar-*.tar"))
    assert len(kept) == 2 and kept[0] == "jospar-20260102-010000.tar"
