from django.core.management.base import BaseCommand, CommandError

from jospar.monitoring.summaries import rebuild
from jospar.orgs.models import StateBody


class Command(BaseCommand):
    help = (
        "Recompute the national view's kept figures (every plan's year and quarters) from the submitted and "
        "approved data, and remove those of plans that no longer exist. The services keep them as they act; "
        "run this after data was written around them. Idempotent: prints how many rows changed (0 the second "
        "time)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--body", help="only this state body (its code)")
        parser.add_argument("--year", type=int, help="only this plan year")

    def handle(self, *args, body=None, year=None, **options):
        found = None
        if body:
            found = StateBody.objects.filter(code=body).first()
            if found is None:
                raise CommandError(f"no state body with the code {body!r}")
        self.stdout.write(f"kept figures rebuilt: {rebuild(found, year)} rows changed")
