import pytest

from jospar.orgs.models import Role
from tests.factories import StateBodyFactory, member, plan_with_events


@pytest.fixture
def api_plan(db):
    """A draft of 2026 with six events, a planner, an executive and a unit staff member."""
    version = plan_with_events(6, n_units=3, body=StateBodyFactory())
    body = version.plan.body
    return {
        "version": version,
        "planner": member(body, Role.PLANNER, body.units.get(is_planning=True)),
        "executive": member(body, Role.EXECUTIVE),
        "staff": member(body, Role.UNIT_STAFF, body.units.exclude(is_planning=True).first()),
    }


@pytest.fixture
def revision(api_plan):
    return api_plan["version"].revisions.order_by("id").first()
