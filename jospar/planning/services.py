"""The plan's life cycle: open a year, send the draft for approval, approve or return it.

Each function is one user action: it checks the permission (jospar.orgs.permissions), the state,
changes the data in one transaction, records the state change (who, when, comment) and notifies
the people who must act next.
"""
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from jospar import rules
from jospar.clock import today_in
from jospar.notifications.services import notify
from jospar.orgs import selectors as people
from jospar.orgs.models import Role
from jospar.orgs.permissions import access_of, require
from jospar.rulebook import editions as rulebook
from jospar.rules import plan_dates

from .models import DevelopmentPlan, OperationalPlan, PlanVersion, ProposalRound, StateChange
from .signals import plan_changed


def require_official(user, perm: str, obj) -> None:
    """§6: the executive role alone does not approve; the office (or acting for it) does."""
    access = access_of(user)
    if access.has(Role.EXECUTIVE) and not access.is_official:
        raise PermissionDenied(_("Only the first head or the chief of staff, or the person acting for them, "
                                 "approves the plan. Your account names no such office: ask the administrator."))
    require(user, perm, obj)


def record(plan, actor, action: str, *, version=None, proposal=None, unit=None, old="", new="", comment=""):
    return StateChange.objects.create(
        plan=plan, version=version, proposal=proposal, unit=unit, action=action, from_status=old, to_status=new,
        actor=actor, comment=comment,
    )


def plan_url(plan) -> str:
    return reverse("planning:plan_detail", args=[plan.year])


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
    plan = OperationalPlan.objects.create(  # save() fixes the §6 approval due date from the edition's signing
        body=development_plan.body,
        year=year,
        development_plan=development_plan,
        rule_edition=rulebook.edition_for_year(year).key,
    )
    PlanVersion.objects.create(plan=plan, number=1, development_plan=development_plan)
    plan_changed.send(sender=OperationalPlan, plan=plan)  # the national view counts the plan from today
    return plan


def approval_due_for(development_plan: DevelopmentPlan, year: int) -> date:
    """§6 for a year not yet opened: the edition's signing + the days of the Rules in force for that year."""
    return rules.approval_due(development_plan.signed_on, rulebook.edition_for_year(year))


@transaction.atomic
def open_year(*, user, development_plan: DevelopmentPlan, year: int, proposals_due: date,
              late_ok: bool = False) -> OperationalPlan:
    """The planner opens a year's plan: its skeleton is the development plan in force; the proposal
    round opens with the deadline the planner sets, and every unit's people are told. A year whose
    approval due date has already passed opens only when the planner says so (`late_ok`): the plan is
    late from its first day and shows it."""
    require(user, "planning.open_plan", development_plan)
    today = today_in(development_plan.body.time_zone)
    approval = approval_due_for(development_plan, year)
    problem = plan_dates.proposals_due_problem(proposals_due, approval, today)
    if problem == plan_dates.DateProblem.PROPOSALS_IN_THE_PAST:
        raise ValidationError({"proposals_due": _("The proposal deadline cannot be in the past.")})
    if problem == plan_dates.DateProblem.PROPOSALS_AFTER_APPROVAL:
        raise ValidationError({"proposals_due": _(
            "Proposals would be due after the plan must be approved (%(due)s, 10 days after the development plan "
            "was signed): set a date on or before it.") % {"due": approval.strftime("%d.%m.%Y")}})
    if plan_dates.opened_late(approval, today) and not late_ok:
        raise ValidationError(_("The %(year)s plan had to be approved by %(due)s, which has passed: opened now, it "
                                "is flagged as late. Tick the box to open it anyway.")
                              % {"year": year, "due": approval.strftime("%d.%m.%Y")}, code="opened_late")
    plan = open_operational_plan(development_plan=development_plan, year=year)
    ProposalRound.objects.create(plan=plan, deadline=proposals_due, opened_by=user)
    record(plan, user, "round_opened", new="open")
    notify(
        people.unit_people(plan.body_id), "round_opened", actor=user,
        params={"year": year, "deadline": proposals_due.strftime("%d.%m.%Y")},
        url=reverse("planning:proposals", args=[year]),
    )
    return plan


