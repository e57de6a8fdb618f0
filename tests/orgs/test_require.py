"""The one permission check services make before they act (orgs.permissions.require)."""
import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.utils import translation

from jospar.orgs.models import Role
from jospar.orgs.permissions import require
from tests.factories import member


def test_a_user_with_the_permission_passes_and_one_without_is_refused_with_a_reason(small_plan, planner):
    plan = small_plan.plan
    require(planner, "planning.edit_draft", plan)
    viewer = member(plan.body, Role.VIEWER, username="viewer")
    with translation.override("en"), pytest.raises(PermissionDenied, match="You are not allowed to do this"):
        require(viewer, "planning.edit_draft", plan)


def test_in_body_refuses_an_account_that_belongs_to_no_body(db):
    account = User.objects.create_user("nobody", "nobody@example.kz", "pw-strong-123")
    account.has_perm = lambda perm, obj=None: True  # whatever the permission says …
    require(account, "planning.manage_development_plan")
    with pytest.raises(PermissionDenied):  # … an account of no body does not act on a body's data
        require(account, "planning.manage_development_plan", in_body=True)
