from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from jospar.ops.commands import already_running
from jospar.ops.locks import advisory_lock


class Command(BaseCommand):
    help = (
        "Run another management command (e.g. send_reminders, clearsessions) under a PostgreSQL advisory lock "
        "named after it: when the same command already runs anywhere, exit at once saying so."
    )

    def add_arguments(self, parser):
        parser.add_argument("command_name")
        parser.add_argument("args", nargs="*")

    def handle(self, command_name, *args, **options):
        if command_name not in get_commands():
            raise CommandError(f"unknown command {command_name!r}")
        with advisory_lock(command_name) as held:
            if not held:
                self.stderr.write(already_running(command_name))
                return
            call_command(command_name, *args, stdout=self.stdout, stderr=self.stderr)
