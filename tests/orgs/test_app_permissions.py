"""Each app decides its own permissions, in one place: `jospar/<app>/permissions.py` registers the rules
named `<app>.*` when the app starts (its AppConfig.ready); orgs holds only who the user is and the generic
predicates, and keeps a superuser from short-circuiting any app's workflow rule."""
import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import PermissionsMixin
from rules.permissions import permissions as registry

ROOT = Path(__file__).resolve().parents[2] / "jospar"


def add_perm_calls(path: Path) -> list[str]:
    """The permission names a module registers (`rules.add_perm("name", ...)`)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "add_perm":
            names.append(node.args[0].value)
    return names


def test_each_app_registers_its_own_permissions_and_nothing_else_registers_any():
    by_module = {path.relative_to(ROOT).as_posix(): add_perm_calls(path) for path in ROOT.rglob("*.py")}
    by_module = {module: names for module, names in by_module.items() if names}
    assert set(by_module) == {"orgs/permissions.py", "rulebook/permissions.py", "planning/permissions.py",
                              "monitoring/permissions.py", "national/permissions.py",
                              "signatures/permissions.py"}
    for module, names in by_module.items():
        app = module.split("/")[0]
        assert {name.partition(".")[0] for name in names} == {app}, module
    every = [name for names in by_module.values() for name in names]
    assert len(every) == len(set(every))  # one place decides each permission
    assert set(every) == set(registry)  # and every one of them is registered at start-up


@pytest.mark.django_db
def test_a_superuser_short_circuits_no_apps_workflow_rule():
    from tests.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    assert getattr(PermissionsMixin.has_perm, "jospar_workflow", False)
    for perm in ("planning.approve_plan", "planning.edit_draft", "monitoring.record_decision",
                 "monitoring.submit_report", "orgs.edit_unit_items", "national.view", "signatures.see_signature"):
        assert not admin.has_perm(perm), perm
    assert admin.has_perm("planning.view_event") and admin.has_perm("monitoring.view_decision")  # Django's meaning
