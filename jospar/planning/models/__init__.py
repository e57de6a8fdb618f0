"""Development plan (the anchors) and operational plan (versions, events)."""
from .content import CompletionForm, DeadlineKind, EventContent
from .devplan import (
    DevelopmentPlan,
    Goal,
    IndicatorValue,
    Macroindicator,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)
from .drafting import Proposal, ProposalRound, StateChange
from .operational import (
    ApprovedVersionError,
    Event,
    EventExecutor,
    EventRevision,
    OperationalPlan,
    PlanVersion,
)

__all__ = [
    "ApprovedVersionError",
    "CompletionForm",
    "DeadlineKind",
    "DevelopmentPlan",
    "EventContent",
    "Event",
    "EventExecutor",
    "EventRevision",
    "Goal",
    "IndicatorValue",
    "Macroindicator",
    "OperationalPlan",
    "PlanVersion",
    "Proposal",
    "ProposalRound",
    "StateChange",
    "RegulationTask",
    "StrategicDirection",
    "TargetIndicator",
]
