"""Who is who in a body: the people to notify or to show for a role."""
from django.contrib.auth.models import User

from .models import Role


def people(body_id: int, roles, unit_ids=None):
    """Active users holding any of `roles` in the body (in the given units, when given)."""
    qs = User.objects.filter(is_active=True, memberships__body_id=body_id, memberships__role__in=list(roles))
    if unit_ids is not None:
        qs = qs.filter(memberships__unit_id__in=list(unit_ids))
    return list(qs.select_related("person").distinct())


def planners(body_id: int):
    return people(body_id, [Role.PLANNER])


def executives(body_id: int):
    return people(body_id, [Role.EXECUTIVE])


def unit_people(body_id: int, unit_ids=None):
    return people(body_id, [Role.UNIT_HEAD, Role.UNIT_STAFF], unit_ids)


def unit_heads(body_id: int, unit_ids=None):
    return people(body_id, [Role.UNIT_HEAD], unit_ids)
