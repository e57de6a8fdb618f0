"""What the loader needs of one demo body: its content, and the turns of its year's story.

Dates are written in the content year (plans for 2026, drafted in December 2025); the loader moves them
to the current year.
"""
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Story:
    """How the body's year went: when its plan was drafted and approved, and what went wrong in monitoring."""

    round_opened: str = "2025-12-01"
    proposals_due: str = "2025-12-12"
    reviewed: str = "2025-12-16"  # the planner accepted the proposals
    round_closed: str = "2025-12-26"
    sent_for_approval: str = "2025-12-26"
    approved: str = "2025-12-30"  # §6: on time when on or before the development plan's signing + 10 days
    returned_proposal: int = 5  # this proposal was returned with a comment, corrected and submitted again
    merged_duplicate: int = 8  # a second unit proposed this event too; the planner merged the two
    late_unit: tuple[str, int, int] | None = None  # (unit, quarter, days after the 10th) §13
    returned_unit: tuple[str, int] | None = None  # (unit, quarter): one entry returned and corrected
    missing_unit: tuple[str, int] | None = None  # (unit, quarter): its information never came §13
    late_report: tuple[int, int] | None = None  # (quarter, days after the 15th) §15
    amendment: bool = False  # the Q2 decision asks to amend the plan: version 2 (jospar.demo.amendment)
    open_units: tuple[str, ...] = ()  # the units that have started the running quarter
    next_year_draft: bool = False  # a new development plan edition and next year's draft with its proposals


@dataclass(frozen=True)
class BodyContent:
    """One demo body. ``body`` has the StateBody fields (code, names, kind, region, parent's code);
    ``people`` the demo users (username, role, unit code or None, names, e-mail, position, office,
    ``superuser``); unit heads without a login of their own get ``head-<unit code>`` (unit codes are
    distinct across the demo's bodies). No ``devplan``: the body keeps no plan in the demo."""

    body: dict[str, Any]
    units: list[dict[str, Any]]
    people: list[dict[str, Any]]
    email_domain: str
    completion_forms: list[dict[str, Any]] = field(default_factory=list)
    devplan: dict[str, Any] | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    next_year_events: list[dict[str, Any]] = field(default_factory=list)
    story: Story = Story()

    @property
    def code(self) -> str:
        return self.body["code"]

    def person(self, role: str) -> str:
        """The username of the body's first demo person in ``role``."""
        return next(p["username"] for p in self.people if p["role"] == role)
