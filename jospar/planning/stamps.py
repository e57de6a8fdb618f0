"""Stamps: what a page of an approved version (or a submitted report) shows that is not the version itself.

The version's rows never change once approved, but the names printed beside them do: units, the body,
people, the development plan's headings, completion forms, the rulebook's labels. Each of those is edited
through a model with history, so the newest history id of each is a stamp that moves on every edit. Read as
subqueries of the query that checks the permission (the plan's), they cost no query of their own.
"""
from functools import cache

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.expressions import RawSQL

from jospar.orgs.models import Membership, OrgUnit, Person, StateBody
from jospar.rulebook.models import Edition

from .models import (
    CompletionForm,
    DevelopmentPlan,
    Goal,
    IndicatorValue,
    Macroindicator,
    OperationalPlan,
    ProposalRound,
    RegulationTask,
    StateChange,
    StrategicDirection,
    TargetIndicator,
)

REFERENCE = (StateBody, OrgUnit, Person, Membership, Edition, CompletionForm, DevelopmentPlan, StrategicDirection,
             Macroindicator, Goal, TargetIndicator, IndicatorValue, RegulationTask)


def _newest(model) -> RawSQL:
    """The newest history id of a model (the maximum of the history table's primary key: read from its index).
    Plain SQL of our own table names, built once: the ORM's subqueries cost more to build than to run."""
    history = model.history.model._meta  # the names are the models' own, never a user's
    return RawSQL(f'SELECT MAX("{history.pk.column}") FROM "{history.db_table}"', ())  # noqa: S608, S611


@cache
def _annotations(models: tuple) -> dict[str, RawSQL]:
    return {f"stamp_{model._meta.label_lower.replace('.', '_')}": _newest(model) for model in models}


def newest(models: tuple) -> dict[str, RawSQL]:
    """Annotations: the newest history id of each model (an edit of any of its rows moves it)."""
    return dict(_annotations(models))


def stamps_of(plan, models: tuple) -> tuple:
    """The names' stamps and the newest history id of each of ``models`` (the layers above pass theirs), read
    in one query on the plan's row."""
    annotations = newest(REFERENCE + models)
    return tuple(OperationalPlan.objects.filter(pk=plan.pk).annotate(**annotations).values_list(*annotations).get())


def stamped(plans: QuerySet) -> QuerySet:
    """Plans with `reference_stamp` (names) and `plan_stamp` (its state changes and proposal round) read along."""
    return plans.annotate(
        **newest(REFERENCE),
        stamp_change=Subquery(StateChange.objects.filter(plan=OuterRef("pk")).order_by("-id").values("id")[:1]),
        **newest((ProposalRound,)),
    )


def reference_stamp(plan) -> tuple:
    """The names the Form 1 table prints: a new value after any edit of a unit, a heading, a label…"""
    return tuple(getattr(plan, f"stamp_{model._meta.label_lower.replace('.', '_')}") for model in REFERENCE)


def plan_stamp(plan) -> tuple:
    """What the plan page shows around the table: its history of state changes and its proposal round."""
    return (*reference_stamp(plan), plan.stamp_change, plan.stamp_planning_proposalround)
