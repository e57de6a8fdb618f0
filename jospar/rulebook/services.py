"""Correcting an edition of the Rules: the administrator's one action on the rulebook.

A correction is checked whole (`rules.correction_problems`) and kept whole, or refused with every
reason and nothing changed. It is refused too when the edition was corrected since the form was read
(`revision`): the later save never overwrites the earlier one. History records who changed what.
A correction governs the documents made after it; documents already stored are not made again.
"""
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jospar import rules
from jospar.orgs.permissions import require

from . import editions
from .data import row_values
from .labels import describe
from .models import Edition

PERM = "rulebook.correct_edition"


class StaleEdition(ValidationError):
    """The edition was corrected since the form was read."""


@transaction.atomic
def correct_edition(*, user, key: str, data: Mapping, revision: int) -> bool:
    """Keep the corrected edition ``key`` (``data`` as `rules.edition_to_dict` gives it). True when something
    changed, False when the form held the same values. ValidationError (nothing changed) when a check fails
    or `StaleEdition` when the edition is no longer at ``revision``."""
    require(user, PERM)
    row = Edition.objects.select_for_update().get(key=key)
    if row.revision != revision:
        raise StaleEdition(_("Someone corrected this edition after you opened it, so nothing was saved: "
                                "reload the page to see their correction, then make yours again."))
    old = row.as_rules()
    new = rules.edition_from_dict({**data, "key": row.key})
    others = [other.as_rules() for other in Edition.objects.exclude(pk=row.pk)]
    problems = rules.correction_problems(old, new, others)
    if problems:
        raise ValidationError([describe(found, old) for found in problems])
    changed = {name: value for name, value in row_values(new).items() if getattr(row, name) != value}
    if not changed:
        return False
    for name, value in changed.items():
        setattr(row, name, value)
    row.revision += 1
    row._history_user = user  # type: ignore[attr-defined]  # read by django-simple-history (no stubs)
    row.save()
    editions.forget()
    return True
