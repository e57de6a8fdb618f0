"""Backups: the database (pg_dump custom format) and the uploaded files in one dated tar, with a manifest.

The manifest holds the row count of every table, counted in the very snapshot pg_dump dumps
(`pg_export_snapshot` + `pg_dump --snapshot`), and the SHA-256 of every file under MEDIA_ROOT, hashed
from the bytes written into the archive. So the restore drill can demand exact equality.
"""
import glob
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone
from psycopg import sql

MANIFEST, DUMP, MEDIA = "manifest.json", "database.dump", "media"


def pg_tool(name: str) -> str:
    """A PostgreSQL client program: on PATH, else the newest /usr/lib/postgresql/<version>/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if not candidates:
        raise CommandError(f"{name} not found: apt-get install postgresql-client")
    return candidates[-1]


def _database() -> dict:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise CommandError("backups need PostgreSQL (DATABASE_URL=postgres://...); copy the SQLite file instead")
    return db


def libpq_env(db: dict, name: str | None = None) -> dict:
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[var] = str(db[key])
    env["PGDATABASE"] = name or db["NAME"]
    return env


def connect(db: dict, name: str | None = None, **kwargs) -> psycopg.Connection:
    return psycopg.connect(dbname=name or db["NAME"], host=db.get("HOST") or None, port=db.get("PORT") or None,
                           user=db.get("USER") or None, password=db.get("PASSWORD") or None, **kwargs)


def _scalar(conn: psycopg.Connection, query: sql.Composed | str) -> Any:
    """The one value of a query that returns one row."""
    row = conn.execute(query).fetchone()
    assert row is not None
    return row[0]


def row_counts(conn: psycopg.Connection) -> dict[str, int]:
    tables = [r[0] for r in conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
    return {t: _scalar(conn, sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))) for t in tables}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o600
    tar.addfile(info, io.BytesIO(data))


def create_backup(target_dir: Path, media_root: Path | None = None) -> Path:
    db = _database()
    media_root = Path(media_root or settings.MEDIA_ROOT)
    target_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(tz=timezone.get_current_timezone()).strftime("%Y%m%d-%H%M%S")
    archive = target_dir / f"jospar-{stamp}.tar"
    partial = archive.with_suffix(".tar.partial")
    with tempfile.TemporaryDirectory() as tmp, connect(db) as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot = _scalar(conn, "SELECT pg_export_snapshot()")
        counts = row_counts(conn)
        dump = Path(tmp) / DUMP
        subprocess.run([pg_tool("pg_dump"), "--format=custom", f"--snapshot={snapshot}", f"--file={dump}"],  # noqa: S603
                       env=libpq_env(db), check=True, capture_output=True)
        conn.rollback()
        files = {}
        partial.touch(mode=0o600)  # it holds password hashes and personal data
        with tarfile.open(partial, "w") as tar:
            tar.add(dump, arcname=DUMP)
            for path in sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []:
                rel = path.relative_to(media_root).as_posix()
                data = path.read_bytes()
                files[rel] = sha256(data)
                _add_bytes(tar, f"{MEDIA}/{rel}", data)
            manifest = {"format": 1, "created_at": timezone.now().isoformat(), "database": db["NAME"],
                        "tables": counts, "files": files}
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
    partial.rename(archive)
    return archive


def compare(manifest: dict, counts: dict[str, int], media_dir: Path) -> list[str]:
    """Every difference between the manifest and what was restored, one line each."""
    problems = []
    for table in sorted(set(manifest["tables"]) | set(counts)):
        want, got = manifest["tables"].get(table), counts.get(table)
        if want != got:
            problems.append(f"table {table}: {want} rows in the backup, {got} restored")
    restored = {p.relative_to(media_dir).as_posix(): p for p in media_dir.rglob("*") if p.is_file()} \
        if media_dir.exists() else {}
    for name in sorted(set(manifest["files"]) | set(restored)):
        want_hash = manifest["files"].get(name)
        got_hash = sha256(restored[name].read_bytes()) if name in restored else None
        if want_hash != got_hash:
            problems.append(f"file {name}: sha256 {want_hash} in the backup, {got_hash} restored")
    return problems


def restore_drill(archive: Path, scratch: str | None = None, keep: bool = False) -> tuple[str, list[str]]:
    """Restore `archive` into a new database and compare it with the manifest; returns (database, problems)."""
    db = _database()
    scratch = scratch or f"jospar_drill_{datetime.now(tz=timezone.get_current_timezone()):%Y%m%d%H%M%S}"
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        manifest = json.loads((Path(tmp) / MANIFEST).read_text())
        with connect(db, "postgres", autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(scratch)))
        try:
            done = subprocess.run(  # noqa: S603
                [pg_tool("pg_restore"), "--no-owner", "--no-privileges", f"--dbname={scratch}", str(Path(tmp) / DUMP)],
                env=libpq_env(db, scratch), capture_output=True, text=True)
            problems = [f"pg_restore: {line}" for line in done.stderr.splitlines() if line.strip()]
            if done.returncode and not problems:
                problems.append(f"pg_restore exited with {done.returncode}")
            with connect(db, scratch) as conn:
                counts = row_counts(conn)
            problems += compare(manifest, counts, Path(tmp) / MEDIA)
        finally:
            if not keep:
                with connect(db, "postgres", autocommit=True) as admin:
                    admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(scratch)))
    return scratch, problems
