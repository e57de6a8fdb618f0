"""The admin shows an approved plan read-only, in Kazakh and in Russian: no save, no delete, no bulk action."""
from datetime import date

import pytest
from django.contrib.auth.models import User

from jospar.planning.models import PlanVersion
from tests.factories import plan_with_events

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("locale", ["kk-KZ", "ru-RU"])
def test_an_approved_version_is_read_only_in_admin(new_context, live_url, screenshot, locale):
    version = plan_with_events(6, n_units=4)
    root = User.objects.create_superuser("root", "root@example.org", "root-pass-12345")
    PlanVersion.objects.filter(pk=version.pk).update(status="approved", approved_on=date(2025, 12, 30),
                                                     approved_by=root)
    page = new_context(locale=locale).new_page()
    page.goto(live_url("admin:login"))
    page.fill("input[name=username]", "root")
    page.fill("input[name=password]", "root-pass-12345")
    with page.expect_navigation():
        page.locator("#login-form [type=submit]").click()
    page.goto(live_url(f"/admin/planning/planversion/{version.pk}/change/"))
    assert page.locator("input[name=_save]").count() == 0 and page.locator("a.deletelink").count() == 0
    screenshot(f"admin-approved-version-{locale[:2]}", page=page)
    page.goto(live_url("/admin/planning/operationalplan/"))
    assert page.locator("select[name=action]").count() == 0 and page.locator(".object-tools a.addlink").count() == 0
    screenshot(f"admin-plans-{locale[:2]}", page=page)
