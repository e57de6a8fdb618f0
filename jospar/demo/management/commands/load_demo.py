from django.core.management.base import BaseCommand

from jospar.clock import today_in
from jospar.demo.content import BODIES
from jospar.demo.loader import PASSWORD, DemoLoader


class Command(BaseCommand):
    help = "Load the demo state bodies (idempotent: loading twice changes nothing)."

    def handle(self, *args, **options):
        DemoLoader(today_in(), log=lambda msg: self.stdout.write(f"  {msg}")).load()
        self.stdout.write(self.style.SUCCESS(f"Demo state bodies ready. Logins (password: {PASSWORD}):"))
        for spec in BODIES:
            self.stdout.write(f"  {spec.body['name_en']}:")
            for person in spec.people:
                note = person.get("unit") or ("superuser" if person.get("superuser") else "")
                unit = f" ({note})" if note else ""
                self.stdout.write(f"    {person['username']:<10} {person['role']}{unit}")
        self.stdout.write("  Every unit's head without a login above: head-<unit code>.")
