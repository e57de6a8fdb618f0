from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from jospar.ops.backup import restore_drill


class Command(BaseCommand):
    help = (
        "Restore a backup archive into a new, scratch database and compare every table's row count and every "
        "file's SHA-256 with the archive's manifest. Prints each mismatch; exits non-zero on any."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, nargs="?", help="default: the newest archive in BACKUP_DIR")
        parser.add_argument("--database", default=None, help="name of the scratch database (default dated)")
        parser.add_argument("--keep", action="store_true", help="keep the restored database")

    def handle(self, *args, archive, database, keep, **options):
        if archive is None:
            archives = sorted(Path(settings.BACKUP_DIR).glob("jospar-*.tar"))
            if not archives:
                raise CommandError(f"no backup archive in {settings.BACKUP_DIR}")
            archive = archives[-1]
        if not archive.is_file():
            raise CommandError(f"no such archive: {archive}")
        name, problems = restore_drill(archive, database, keep)
        for line in problems:
            self.stderr.write(line)
        if problems:
            raise CommandError(f"restore drill FAILED: {len(problems)} mismatch(es) restoring {archive} into {name}")
        self.stdout.write(f"restore drill OK: every table and file of {archive} restored identically ({name}"
                          f"{', kept' if keep else ', dropped'})")
