import pytest
from django.utils import translation

# The helpers live in tests.monitoring.world; re-exported here for tests that imported them from this module.
from tests.monitoring.world import (  # noqa: F401
    World,
    approve,
    at,
    big_plan,
    build_world,
    fill,
    report_all,
    submit,
)


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture(autouse=True)
def english():
    """Service messages are read in English here (pages set their language per request)."""
    with translation.override("en"):
        yield
