"""Factories of the kept figures (monitoring.summary_models): the national view's tests make the rows directly,
as the services that keep them (jospar.monitoring.summaries) would."""
from datetime import date

import factory

from jospar.monitoring.summary_models import PlanState, QuarterSummary, YearSummary
from jospar.orgs.models import Role
from tests.factories import StateBodyFactory, member

YEAR = 2026
INFO_DUE = {1: date(YEAR, 4, 10), 2: date(YEAR, 7, 10), 3: date(YEAR, 10, 10), 4: date(YEAR + 1, 1, 10)}
REPORT_DUE = {1: date(YEAR, 4, 15), 2: date(YEAR, 7, 15), 3: date(YEAR, 10, 15), 4: date(YEAR + 1, 1, 15)}


class YearSummaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YearSummary

    body = factory.SubFactory(StateBodyFactory)
    year = YEAR
    state = PlanState.APPROVED
    version_in_force = 1
    approval_due_on = date(YEAR - 1, 12, 31)
    approved_on = date(YEAR - 1, 12, 30)


class QuarterSummaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuarterSummary

    body = factory.SubFactory(StateBodyFactory)
    year = YEAR
    quarter = 1
    info_due_on = factory.LazyAttribute(lambda o: date(o.year, 3 * o.quarter + 1, 10) if o.quarter < 4
                                        else date(o.year + 1, 1, 10))
    report_due_on = factory.LazyAttribute(lambda o: date(o.year, 3 * o.quarter + 1, 15) if o.quarter < 4
                                          else date(o.year + 1, 1, 15))


def kept_body(code: str, *, year: int = YEAR, quarters: int = 2, report_late: bool = False, **body) -> object:
    """A body with an approved plan and ``quarters`` quarters of kept figures (8 units due, 6 on time, 1 late)."""
    b = StateBodyFactory(code=code, **body)
    YearSummaryFactory(body=b, year=year)
    for q in range(1, quarters + 1):
        due = date(year, 3 * q + 1, 15) if q < 4 else date(year + 1, 1, 15)
        submitted = date(due.year, due.month, 20 if report_late else 14)
        QuarterSummaryFactory(body=b, year=year, quarter=q, units_due=8, units_on_time=6, units_late=1,
                              report_state=QuarterSummary.ReportState.SUBMITTED, report_submitted_on=submitted,
                              report_late=report_late, items_due=20, executed=14, partial=3, not_executed=2,
                              in_progress=1)
    return b


def national_user(username: str = "national"):
    authority = StateBodyFactory(code="mne", name_ru="Министерство национальной экономики",
                                 name_kk="Ұлттық экономика министрлігі", name_en="Ministry of National Economy")
    return member(authority, Role.NATIONAL, username=username)
