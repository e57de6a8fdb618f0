from pathlib import Path

from django.conf import settings

from jospar.ops.backup import create_backup
from jospar.ops.commands import LockedCommand


class Command(LockedCommand):
    help = (
        "Write one dated archive (BACKUP_DIR/jospar-YYYYMMDD-HHMMSS.tar) holding the database (pg_dump custom "
        "format), the uploaded files (MEDIA_ROOT) and a manifest: row counts per table, SHA-256 per file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=None, help="folder for the archive (default BACKUP_DIR)")
        parser.add_argument("--keep", type=int, default=0, help="then delete all but the newest N archives")

    def handle(self, *args, dir, keep, **options):  # noqa: A002
        folder = Path(dir or settings.BACKUP_DIR)
        archive = create_backup(folder)
        self.stdout.write(f"backup written: {archive} ({archive.stat().st_size} bytes)")
        if keep > 0:
            for old in sorted(folder.glob("jospar-*.tar"))[:-keep]:
                old.unlink()
                self.stdout.write(f"old backup deleted: {old}")
