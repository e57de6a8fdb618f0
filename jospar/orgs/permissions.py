"""Who a user is in their state body, and the predicates every app's permission rules are made of.

Each permission is decided in one place: the `permissions` module of the app that names it
(`planning.*` in jospar/planning/permissions.py, `monitoring.*` in jospar/monitoring/permissions.py,
`orgs.*` here), registered when that app starts (its AppConfig.ready). Views, services and templates
ask through `user.has_perm(name, obj)`. This module knows no app above it: it holds the user's
`Access` (read once per request), the role and unit predicates, and `workflow_permissions_ignore_superuser`.
Object level: unit people see their own unit's items; the planner and the executive see the whole body.
"""
from dataclasses import dataclass, field

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .models import Membership, Role


@dataclass(frozen=True)
class Access:
    """A user's roles in one state body, read once per request."""

    body_id: int | None = None
    roles: frozenset = frozenset()
    unit_ids: frozenset = frozenset()
    head_unit_ids: frozenset = frozenset()
    by_role: dict = field(default_factory=dict)
    user_id: int | None = None
    office: str = ""  # §6: first head or chief of staff (an executive's membership), "" otherwise
    acting: bool = False  # acts for the holder of `office`

    @property
    def is_official(self) -> bool:
        """The first head or the chief of staff, or the person acting for them (§6, §17)."""
        return Role.EXECUTIVE in self.roles and bool(self.office)

    def has(self, *roles) -> bool:
        return any(r in self.roles for r in roles)

    @property
    def is_member(self) -> bool:
        """Works in the body. The national role alone is not membership: it reads every body's submitted
        and approved data through the national view only (jospar.national), never a body's own pages."""
        return bool(self.roles - {Role.NATIONAL})

    @property
    def is_national(self) -> bool:
        return Role.NATIONAL in self.roles

    @property
    def member_body_id(self) -> int | None:
        """The body whose own pages (plans, reports, documents, the API) the user reads: their body if they
        work in it, None for a national-only user or no membership. Every page that finds "the user's body's"
        rows filters by this, so a national reader finds none there (tests/orgs/test_tenancy_every_url.py)."""
        return self.body_id if self.is_member else None


NOBODY = Access()


def access_of(user) -> Access:
    """The user's roles in their state body (the first one; a deployment serves one body per user)."""
    if not getattr(user, "is_authenticated", False):
        return NOBODY
    cached = getattr(user, "_jospar_access", None)
    if cached is not None:
        return cached
    rows = list(Membership.objects.filter(user=user).values_list("body_id", "role", "unit_id", "office", "acting")
                .order_by("body_id", "acting"))  # holding the office itself comes before acting for it
    if not rows:
        access = NOBODY
    else:
        body_id = rows[0][0]
        mine = [(role, unit) for body, role, unit, _office, _acting in rows if body == body_id]
        office = next(((o, a) for body, role, _unit, o, a in rows if body == body_id and o), ("", False))
        by_role: dict = {}
        for role, unit in mine:
            by_role.setdefault(role, set()).add(unit)
        access = Access(
            body_id=body_id,
            roles=frozenset(role for role, _ in mine),
            unit_ids=frozenset(u for r, u in mine if u and r in (Role.UNIT_HEAD, Role.UNIT_STAFF, Role.PLANNER)),
            head_unit_ids=frozenset(u for r, u in mine if u and r == Role.UNIT_HEAD),
            by_role={k: frozenset(v) for k, v in by_role.items()},
            user_id=user.pk,
            office=office[0],
            acting=office[1],
        )
    user._jospar_access = access
    return access


def require(user, perm: str, obj=None, *, in_body: bool = False) -> None:
    """PermissionDenied unless ``user`` has ``perm`` (on ``obj``): the check every service makes before it
    acts. ``in_body``: the user must also work in a state body (an account with no membership, such as a
    bare superuser, or with the national role alone, does not act on a body's data)."""
    if not user.has_perm(perm, obj) or (in_body and not access_of(user).is_member):
        raise PermissionDenied(_("You are not allowed to do this."))


def body_id_of(obj) -> int | None:
    """The state body an object belongs to, following the usual relations without extra queries."""
    for path in ("body_id", "plan.body_id", "version.plan.body_id", "revision.version.plan.body_id",
                 "report.period.plan.body_id"):
        target = obj
        for part in path.split("."):
            target = getattr(target, part, None)
            if target is None:
                break
        if target is not None:
            return target
    return None


@rules.predicate
def is_body_member(user, obj=None):
    access = access_of(user)
    return access.is_member and (obj is None or body_id_of(obj) == access.body_id)


def _role_in_body(*roles):
    @rules.predicate(name=f"has_role_{'_'.join(roles)}")
    def predicate(user, obj=None):
        access = access_of(user)
        if not access.has(*roles):
            return False
        return obj is None or body_id_of(obj) == access.body_id

    return predicate


is_planner = _role_in_body(Role.PLANNER)
is_executive = _role_in_body(Role.EXECUTIVE)
is_admin = _role_in_body(Role.ADMIN)
is_unit_person = _role_in_body(Role.UNIT_HEAD, Role.UNIT_STAFF)
is_unit_head = _role_in_body(Role.UNIT_HEAD)
is_viewer = _role_in_body(Role.VIEWER)


@rules.predicate
def is_national(user, obj=None):
    """The state planning authority's reader: any body's submitted and approved data, read-only."""
    return access_of(user).is_national


@rules.predicate
def is_official(user, obj=None):
    """§6/§17: the first head or the chief of staff (or the person acting for them), not merely the
    executive role (an adviser may read everything an executive reads)."""
    return access_of(user).is_official


@rules.predicate
def is_own_unit(user, unit):
    """The unit (or an item carrying `unit_id`) is one the user works in."""
    unit_id = getattr(unit, "unit_id", None) or getattr(unit, "pk", None)
    return unit_id in access_of(user).unit_ids


@rules.predicate
def is_installation_admin(user, obj=None):
    """The installation's administrator: a superuser (a data administrator, not an official of any body). The
    installation-wide pages (bodies and their first administrators, the rulebook) ask this explicitly; no
    workflow rule of a body lets a superuser through."""
    return bool(getattr(user, "is_superuser", False))


rules.add_perm("orgs.view_unit_items", is_planner | is_executive | (is_unit_person & is_own_unit))
rules.add_perm("orgs.edit_unit_items", is_unit_person & is_own_unit)
rules.add_perm("orgs.submit_unit_items", is_unit_head & is_own_unit)
# The body administrator manages their own body's units, people and roles (jospar/orgs/manage); the object,
# when given, is a unit or a membership of that body. The installation administrator creates bodies.
rules.add_perm("orgs.manage_body", is_admin)
rules.add_perm("orgs.manage_installation", is_installation_admin)


def visible_unit_ids(user, all_unit_ids):
    """Units whose items a user may see: all for the planner, executive and viewer; own ones otherwise."""
    access = access_of(user)
    if access.has(Role.PLANNER, Role.EXECUTIVE, Role.VIEWER, Role.ADMIN):
        return set(all_unit_ids)
    return set(access.unit_ids)


# --- superusers ------------------------------------------------------------------------------------------

def workflow_has_perm(user, perm: str, obj=None) -> bool:
    """`user.has_perm` for a workflow rule, without the superuser short-circuit."""
    return bool(user.is_active) and rules.has_perm(perm, user, obj)


def is_workflow_perm(perm: str) -> bool:
    """A rule registered by an app's permissions module, other than a `view_*` name (see below)."""
    return rules.perm_exists(perm) and not perm.partition(".")[2].startswith("view_")


def workflow_permissions_ignore_superuser() -> None:
    """A superuser never short-circuits a workflow permission. Called once, from OrgsConfig.ready.

    Django answers every `user.has_perm` of an active superuser with True before asking any backend
    (`PermissionsMixin.has_perm`). A superuser is a data administrator (the Django admin, reference
    data), not an official: the workflow permissions (every rule an app's permissions module registers)
    are decided by those rules alone, for everyone. So this routes `User.has_perm` of such a rule —
    from views, services, the API and `{% has_perm %}` alike — through `workflow_has_perm`; Django's
    own model permissions are unchanged, and `view_*` names that are also Django model permissions
    (planning.view_event, planning.view_proposal, monitoring.view_decision) keep Django's meaning so
    that the admin's reading of its tables stays as it was.

    It replaces `PermissionsMixin.has_perm` (the one place every `has_perm` goes through; a user model
    of our own would be the alternative, a migration of every account). Idempotent; tests pin it
    (tests/orgs/test_app_permissions.py, tests/planning/test_officials.py)."""
    from django.contrib.auth.models import PermissionsMixin

    if getattr(PermissionsMixin.has_perm, "jospar_workflow", False):
        return
    django_has_perm = PermissionsMixin.has_perm

    def has_perm(self, perm, obj=None):
        if is_workflow_perm(perm):
            return workflow_has_perm(self, perm, obj)
        return django_has_perm(self, perm, obj)

    has_perm.jospar_workflow = True  # type: ignore[attr-defined]  # a mark: installing twice is a no-op
    PermissionsMixin.has_perm = has_perm  # type: ignore[method-assign]  # the one patch of Django, on purpose
