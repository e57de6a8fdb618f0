import pytest

from jospar.orgs.models import Role
from tests.factories import StateBodyFactory, member, plan_with_events


@pytest.fixture
def body(db):
    return StateBodyFactory(code="mwri")


@pytest.fixture
def small_plan(db, body):
    return plan_with_events(12, n_units=4, body=body)


@pytest.fixture
def planner(small_plan):
    unit = small_plan.plan.body.units.get(is_planning=True)
    return member(small_plan.plan.body, Role.PLANNER, unit, username="planner")


@pytest.fixture
def executive(small_plan):
    return member(small_plan.plan.body, Role.EXECUTIVE, username="executive")
