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


@pytest.mark.django_db
def test_structural_units_come_before_subordinate_organisations():
    from jospar.monitoring.selectors import body_units
    from jospar.orgs.models import OrgUnit
    from tests.factories import OrgUnitFactory, StateBodyFactory

    body = StateBodyFactory()
    agency = OrgUnitFactory(body=body, kind="subordinate", position=1, name_ru="РГП «Агентство»")
    department = OrgUnitFactory(body=body, kind="unit", position=2, name_ru="Департамент")
    assert [u.pk for u in body_units(body.pk)] == [department.pk, agency.pk]
    assert list(OrgUnit.objects.filter(body=body)) == [department, agency]
