from django.core.management.base import BaseCommand

from jospar.clock import today_in
from jospar.demo.content import PEOPLE
from jospar.demo.loader import PASSWORD, DemoLoader


class Command(BaseCommand):
    help = "Load the demo ministry (idempotent: loading twice changes nothing)."

    def handle(self, *args, **options):
        DemoLoader(today_in(), log=lambda msg: self.stdout.write(f"  {msg}")).load()
        self.stdout.write(self.style.SUCCESS(f"Demo state body ready. Logins (password: {PASSWORD}):"))
        for person in PEOPLE:
            unit = f" ({person['unit']})" if person.get("unit") else ""
            self.stdout.write(f"  {person['username']:<10} {person['role']}{unit}")
