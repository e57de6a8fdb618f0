"""The actual values of macroindicators and target indicators, reported by their responsible units with the
quarterly information (rules §9–§10, §13–§14).

The responsible unit's people (and the planner, when the planning unit is the responsible one) save a value
per indicator and period, with its source and a comment in Kazakh and Russian; on the fourth quarter's
information also the year's final value. The head's submission locks them with the rest of the unit's
information (`services.submit_unit_info` refuses while an indicator has no value); the planner's return
opens them again. `save_actuals` saves many at once, all or nothing (the work-list workbook).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jospar import text_limits as limits
from jospar.orgs.permissions import require
from jospar.planning.devplan.selectors import indicator_by_key
from jospar.rules.indicators import parse_value

from .models import IndicatorActual, ReportingPeriod, SubmissionStatus, UnitSubmission
from .services import clean_text, now_or


def devplan_id_of(period: ReportingPeriod) -> int:
    """The development plan (edition) whose indicators the period reports on: the version in force's."""
    from .selectors import version_in_force

    version = version_in_force(period.plan, period.end) if period.pk else None
    return (getattr(version, "development_plan_id", None) if version else None) or period.plan.development_plan_id


@dataclass
class ActualInput:
    """One value as typed: ``value`` blank withdraws it."""

    key: str  # "m:<id>" | "t:<id>"
    value: str = ""
    source_kk: str = ""
    source_ru: str = ""
    comment_kk: str = ""
    comment_ru: str = ""
    final: bool = False


def _clean(period: ReportingPeriod, typed: ActualInput) -> dict:
    """The typed value and texts, checked; ValidationError with every problem by its field."""
    errors: dict[str, list[str]] = {}
    cleaned: dict = {}
    try:
        cleaned["value"] = parse_value(typed.value)
    except ValueError:
        errors["value"] = [_("«%(value)s» is not a number.") % {"value": typed.value}]
    labels = {"source": _("Source"), "comment": _("Comment")}
    for name, limit in (("source", limits.INDICATOR_SOURCE), ("comment", limits.EXECUTION_TEXT)):
        for lang in ("kk", "ru"):
            try:
                cleaned[f"{name}_{lang}"] = clean_text(getattr(typed, f"{name}_{lang}"), labels[name], limit=limit)
            except ValidationError as error:
                errors[f"{name}_{lang}"] = error.messages
    if typed.final and period.quarter != 4:
        errors.setdefault("value", []).append(_("The year's final value is given with the fourth quarter's "
                                                "information."))
    if errors:
        raise ValidationError(errors)
    return cleaned


def _indicator(period: ReportingPeriod, key: str, devplan_id: int | None = None):
    indicator = indicator_by_key(devplan_id or devplan_id_of(period), key)
    if indicator is None:
        raise ValidationError(_("This indicator is not in the development plan of this year."))
    if indicator.responsible_unit_id is None:
        raise ValidationError(_("No unit is responsible for this indicator yet: the planner names it in the "
                                "development plan."))
    return indicator


def _locked(period: ReportingPeriod, unit_id: int) -> bool:
    return UnitSubmission.objects.filter(period=period, unit_id=unit_id, status=SubmissionStatus.SUBMITTED).exists()


def _store(user, period: ReportingPeriod, indicator, cleaned: dict, final: bool, now) -> IndicatorActual | None:
    field = "macroindicator" if indicator._meta.model_name == "macroindicator" else "target_indicator"
    existing = IndicatorActual.objects.select_for_update().filter(
        period=period, is_final=final, **{field: indicator}).first()
    if cleaned["value"] is None:
        if existing is not None:
            existing.delete()
        return None
    actual = existing or IndicatorActual(period=period, is_final=final, **{field: indicator})
    for name, value in cleaned.items():
        setattr(actual, name, value)
    actual.unit_id = indicator.responsible_unit_id
    actual.updated_at, actual.updated_by = now, user
    actual.save()
    return actual


@transaction.atomic
def save_actual(*, user, period: ReportingPeriod, key: str, value: str, source_kk: str = "", source_ru: str = "",
                comment_kk: str = "", comment_ru: str = "", final: bool = False,
                at: datetime | None = None) -> IndicatorActual | None:
    """The responsible unit records an indicator's value of the period (``final``: the year's final value, on
    the fourth quarter's information); a blank value withdraws it. Refused once the head has submitted."""
    if period.pk is None:
        raise ValidationError(_("Monitoring starts once the plan is approved."))
    indicator = _indicator(period, key)
    require(user, "monitoring.edit_indicator", indicator.responsible_unit)
    typed = ActualInput(key, value, source_kk, source_ru, comment_kk, comment_ru, final)
    cleaned = _clean(period, typed)
    if _locked(period, indicator.responsible_unit_id):
        raise ValidationError(_("Your unit's information has been submitted and is locked."))
    return _store(user, period, indicator, cleaned, final, now_or(at))


class RowsRefused(ValidationError):
    """`save_actuals` refused: ``problems`` is [(row label, message)] — nothing was saved."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__([f"{where}: {message}" for where, message in problems])


@transaction.atomic
def save_actuals(*, user, period: ReportingPeriod, unit, rows: Iterable[tuple[str, ActualInput]],
                 at: datetime | None = None) -> int:
    """Many values of ``unit`` at once (the work-list workbook), all or nothing: every row is checked first
    (an indicator of the plan the unit answers for, a number, texts within their limits), and any problem
    refuses the lot (`RowsRefused`, each problem with its row). ``rows``: (row label, typed). Returns how many
    values were saved or withdrawn."""
    require(user, "monitoring.edit_indicator", unit)
    if period.pk is None:
        raise ValidationError(_("Monitoring starts once the plan is approved."))
    devplan_id = devplan_id_of(period)
    problems: list[tuple[str, str]] = []
    checked = []
    seen: set[tuple[str, bool]] = set()
    for where, typed in rows:
        try:
            indicator = _indicator(period, typed.key, devplan_id)
            if indicator.responsible_unit_id != unit.pk:
                raise ValidationError(_("Another unit answers for this indicator."))
            if (typed.key, typed.final) in seen:
                raise ValidationError(_("This indicator is given twice."))
            seen.add((typed.key, typed.final))
            checked.append((indicator, _clean(period, typed), typed.final))
        except ValidationError as error:
            problems.extend((where, message) for message in error.messages)
    if problems:
        raise RowsRefused(problems)
    if _locked(period, unit.pk):
        raise ValidationError(_("Your unit's information has been submitted and is locked."))
    now = now_or(at)
    for indicator, cleaned, final in checked:
        _store(user, period, indicator, cleaned, final, now)
    return len(checked)
