"""Reads of the administration pages, each a fixed number of queries whatever the body's size."""
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from oauth2_provider.models import get_application_model

from jospar.orgs.models import Membership, OrgUnit, Role, StateBody

from .services import unit_version


def units_page(body_id: int) -> list[Any]:
    """The body's units and subordinate organisations, active and inactive, with how many roles each holds and
    the ``version`` their row's buttons are sent with: 1 query."""
    units: list[Any] = list(OrgUnit.objects.filter(body_id=body_id).annotate(roles=Count("memberships"))
                 .order_by("-kind", "position", "id"))
    for unit in units:
        unit.version = unit_version(unit)
    return units


def people_page(body_id: int, query: str = "") -> list[Any]:
    """The body's people (an account with a role in it), each with ``body_roles`` and ``manageable``: 2 queries."""
    elsewhere = Membership.objects.filter(user=OuterRef("pk")).exclude(body_id=body_id)
    roles = Membership.objects.filter(body_id=body_id).select_related("unit").order_by("role", "unit__position", "id")
    people = (User.objects.filter(Exists(Membership.objects.filter(user=OuterRef("pk"), body_id=body_id)))
              .annotate(elsewhere=Exists(elsewhere), system=Exists(get_application_model().objects.filter(
                  user=OuterRef("pk")))).select_related("person")
              .prefetch_related(Prefetch("memberships", queryset=roles, to_attr="body_roles"))
              .order_by("last_name", "first_name", "username"))
    if query:
        people = people.filter(Q(username__icontains=query) | Q(last_name__icontains=query)
                               | Q(first_name__icontains=query) | Q(person__patronymic__icontains=query))
    found: list[Any] = list(people)
    for account in found:
        account.manageable = not (account.is_superuser or account.is_staff or account.elsewhere or account.system)
    return found


def person_roles(account: User, body_id: int) -> list[Membership]:
    return list(Membership.objects.filter(user=account, body_id=body_id).select_related("unit")
                .order_by("role", "unit__position", "id"))


def bodies_page() -> list[StateBody]:
    """Every body of the installation with its units, people and administrators counted: 2 queries."""
    admins = Membership.objects.filter(role=Role.ADMIN).select_related("user").order_by("user__username")
    return list(StateBody.objects.select_related("parent")
                .annotate(units_n=Count("units", distinct=True), people_n=Count("memberships__user", distinct=True))
                .prefetch_related(Prefetch("memberships", queryset=admins, to_attr="admins"))
                .order_by("code"))
