"""Issue 11.7: the main pages run under the Content-Security-Policy with no violation — for the planner,
a unit head and the data administrator in the Django admin."""
from datetime import date

import pytest
import time_machine
from playwright.sync_api import expect

from jospar.demo.loader import PASSWORD, DemoLoader
from jospar.orgs.models import Membership
from jospar.planning.models import DevelopmentPlan

pytestmark = pytest.mark.django_db(transaction=True)
LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber);
});
"""


@pytest.fixture
def demo(transactional_db):
    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()


@pytest.fixture
def watched(page):
    """The page, and the CSP violations it reports (events in the page and console messages)."""
    seen = []
    page.add_init_script(LISTENER)
    page.on("console", lambda msg: "Content Security Policy" in msg.text and seen.append(msg.text))
    return page, seen


def visit(page, seen, url, name, screenshot, after=None):
    page.goto(url)
    if "/admin/" not in url:
        assert page.evaluate("typeof htmx") == "object"  # htmx loaded and configured under the policy
    if after:
        after(page)
    page.wait_for_load_state("networkidle")
    seen.extend(f"{name}: {v}" for v in page.evaluate("window.__csp"))
    screenshot(f"csp-{name}", full_page=False)


def log_in(page, live_url, username):
    page.goto(live_url("/accounts/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))


def open_edit_row(page):
    page.locator("tr.event button.icon[hx-get$='/edit/']").first.click()
    page.wait_for_selector("#edit-row")


@pytest.mark.parametrize("username", ["planner", "head1"])
def test_main_pages_raise_no_csp_violation(watched, live_url, screenshot, demo, username):
    page, seen = watched
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=True):
        log_in(page, live_url, username)
        unit = Membership.objects.get(user__username=username).unit_id
        pages = {"home": ("/", None), "monitoring": ("/monitoring/2026/3/", None),
                 "worklist": (f"/monitoring/2026/3/units/{unit}/", None)}
        if username == "planner":
            pages |= {"plan-edit": ("/plans/2027/", open_edit_row), "report": ("/monitoring/2026/3/report/", None),
                      "devplan": (f"/development-plans/{DevelopmentPlan.objects.get(edition=2).pk}/", None)}
        else:
            pages |= {"plan": ("/plans/2027/", None)}
        for name, (url, after) in pages.items():
            visit(page, seen, live_url(url), f"{username}-{name}", screenshot, after)
    assert not seen, "\n".join(seen)


def test_admin_works_under_the_policy(watched, live_url, screenshot, demo):
    page, seen = watched
    log_in(page, live_url, "admin")
    for name, url in {"index": "/admin/", "users": "/admin/auth/user/", "user": "/admin/auth/user/1/change/",
                      "unit-history": "/admin/orgs/orgunit/1/history/"}.items():
        visit(page, seen, live_url(url), f"admin-{name}", screenshot)
    page.goto(live_url("/admin/auth/user/"))
    page.locator("#changelist-search input[name=q]").fill("planner2")  # the Ministry of Agriculture's planner
    page.locator("#changelist-search input[type=submit]").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)  # the admin's forms work
    assert not seen, "\n".join(seen)
