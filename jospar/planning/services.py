"""Actions that change the plan's state: one function per user action, each transactional."""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jospar import rules

from .models import DevelopmentPlan, OperationalPlan, PlanVersion


@transaction.atomic
def open_operational_plan(*, development_plan: DevelopmentPlan, year: int) -> OperationalPlan:
    """A new year's plan, governed by the edition of the Rules in force on 1 January of that year."""
    if not development_plan.covers(year):
        raise ValidationError(
            _("The development plan covers %(a)s–%(b)s, not %(year)s.")
            % {"a": development_plan.year_from, "b": development_plan.year_to, "year": year}
        )
    if OperationalPlan.objects.filter(body=development_plan.body, year=year).exists():
        raise ValidationError(_("An operational plan for %(year)s already exists.") % {"year": year})
    plan = OperationalPlan.objects.create(
        body=development_plan.body,
        year=year,
        development_plan=development_plan,
        rule_edition=rules.edition_for_year(year).key,
    )
    PlanVersion.objects.create(plan=plan, number=1)
    return plan


@transaction.atomic
def approve_version(*, version: PlanVersion, user, on: date) -> PlanVersion:
    """The executive approves a version; from then on its content is frozen."""
    version = PlanVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_approved:
        raise ValidationError(_("This version is already approved."))
    version.status = PlanVersion.Status.APPROVED
    version.approved_on = on
    version.approved_by = user
    version.save()
    return version
