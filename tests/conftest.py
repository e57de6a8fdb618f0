import pytest
from django.core.cache import cache
from hypothesis import settings

from jospar.orgs.models import Role
from tests.factories import StateBodyFactory, member, plan_with_events

# No timings in tests: Hypothesis's per-example deadline fails a correct property on a busy machine.
settings.register_profile("jospar", deadline=None)
settings.load_profile("jospar")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: ids and stamps repeat from one test's rolled-back rows to the next."""
    cache.clear()


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
