"""Development plan (the anchors) and operational plan (versions, events)."""
from .devplan import (
    DevelopmentPlan,
    Goal,
    IndicatorValue,
    Macroindicator,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)
from .operational import (
    ApprovedVersionError,
    CompletionForm,
    Event,
    EventExecutor,
    EventRevision,
    OperationalPlan,
    PlanVersion,
)

__all__ = [
    "ApprovedVersionError",
    "CompletionForm",
    "DevelopmentPlan",
    "Event",
    "EventExecutor",
    "EventRevision",
    "Goal",
    "IndicatorValue",
    "Macroindicator",
    "OperationalPlan",
    "PlanVersion",
    "RegulationTask",
    "StrategicDirection",
    "TargetIndicator",
]
