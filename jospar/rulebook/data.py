"""Between a database row and the rules' `Edition`, and the seed from `jospar.rules.rulebook.EDITIONS`.

Model-agnostic on purpose: the data migration passes the migration state's models, the seeding after
`flush` the project's. Rows are bulk-created (no history signal either way), and the seed writes their
first history entry itself.
"""
from django.apps import apps as global_apps
from django.db import router
from django.utils import timezone

from jospar import rules
from jospar.rules.edition_data import PARAMETERS

LANGS = rules.LANGS
FIELDS = ("effective_from", "effective_to", *PARAMETERS, "form1", "form2")


def row_values(edition: rules.Edition) -> dict:
    """The column values of a row for ``edition`` (all but the key and the revision)."""
    data = rules.edition_to_dict(edition)
    data.update(effective_from=edition.effective_from, effective_to=edition.effective_to)
    return {**{name: data[name] for name in FIELDS}, **{f"act_{lang}": edition.act.get(lang, "") for lang in LANGS}}


def edition_of(row) -> rules.Edition:
    """The rules' `Edition` of a row."""
    return rules.edition_from_dict({
        "key": row.key, "act": {lang: getattr(row, f"act_{lang}") for lang in LANGS},
        **{name: getattr(row, name, None) for name in FIELDS},
    })


def seed_missing(edition_model, history_model, using: str = "default") -> int:
    """Create every edition of the seed whose key is not in the table (with a first history entry); the
    editions already there are left as they are (corrections are kept). Returns how many were created."""
    present = set(edition_model.objects.using(using).values_list("key", flat=True))
    now, created = timezone.now(), 0
    for edition in rules.EDITIONS:
        if edition.key in present:
            continue
        known = {f.name for f in edition_model._meta.get_fields()}  # an older migration state lacks later columns
        values = {name: value for name, value in {"key": edition.key, "revision": 1, **row_values(edition)}.items()
                  if name in known}
        [row] = edition_model.objects.using(using).bulk_create([edition_model(**values)])  # no history signal
        history_model.objects.using(using).create(id=row.pk, history_date=now, history_type="+", **values)
        created += 1
    return created


def seed_after_migrate(sender, apps=global_apps, using="default", **kwargs) -> None:
    """After `migrate` (the state's models) and after `flush` (no state given: the project's models)."""
    try:
        edition_model = apps.get_model("rulebook", "Edition")
        history_model = apps.get_model("rulebook", "HistoricalEdition")
    except LookupError:  # migrated back before the rulebook existed
        return
    if router.allow_migrate_model(using, edition_model):  # never into a read replica
        seed_missing(edition_model, history_model, using)
