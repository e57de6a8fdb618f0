"""The stamp of a submitted report's page: what it shows beside the report's own submission.

A submitted report's Form 2 reads the units' submitted entries, their submissions, the report's
recommendations and the executive's decisions; each is kept with history, so the newest history id of each
(with the names of `jospar.planning.stamps`) moves on any change. One query.
"""
from jospar.planning.models import OperationalPlan
from jospar.planning.stamps import stamps_of

from .models import (
    Attachment,
    Contribution,
    Decision,
    EventRecommendation,
    ExecutionEntry,
    IndicatorActual,
    Report,
    UnitSubmission,
)

MONITORING = (ExecutionEntry, Attachment, Contribution, UnitSubmission, Report, EventRecommendation, Decision,
              IndicatorActual)


def report_stamp(plan: OperationalPlan) -> tuple:
    return stamps_of(plan, MONITORING)
