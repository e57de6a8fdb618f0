"""Model-level rules of the organisation: who may hold which role where."""
import pytest


@pytest.mark.django_db
def test_a_planner_belongs_to_the_planning_unit():
    from django.core.exceptions import ValidationError

    from jospar.orgs.models import Membership, Role
    from tests.factories import OrgUnitFactory, StateBodyFactory, UserFactory

    body = StateBodyFactory()
    planning, other = OrgUnitFactory(body=body, is_planning=True), OrgUnitFactory(body=body)
    Membership(user=UserFactory(), body=body, role=Role.PLANNER, unit=planning).full_clean()
    with pytest.raises(ValidationError) as refused:
        Membership(user=UserFactory(), body=body, role=Role.PLANNER, unit=other).full_clean()
    assert "unit" in refused.value.message_dict
