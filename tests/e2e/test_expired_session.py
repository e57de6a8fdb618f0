"""Issue 10.14: the session ends while a planner edits in place; the click sends the whole page to the
login (not the login form into the table), and after logging in the planner is back on the plan."""
from datetime import date

import pytest
import time_machine

from jospar.demo.loader import PASSWORD, DemoLoader

pytestmark = pytest.mark.django_db(transaction=True)

YEAR = 2027  # the demo's draft plan, which the planner edits in place
BUTTON = {"kk": "ҚАЗ", "ru": "РУС"}


@pytest.fixture
def demo(transactional_db):
    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()


def log_in(page, username):
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_expired_session_during_in_place_edit_comes_back_to_the_page(page, live_url, screenshot, demo, lang):
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=True):
        page.goto(live_url("/accounts/login/"))
        page.get_by_role("button", name=BUTTON[lang], exact=True).click()
        log_in(page, "planner")
        page.wait_for_url(live_url("/"))
        page.goto(live_url(f"/plans/{YEAR}/?sort=anchor"))

        # the session ends (expired, or deleted on the server): only the session cookie goes
        kept = [c for c in page.context.cookies() if c["name"] != "sessionid"]
        page.context.clear_cookies()
        page.context.add_cookies(kept)

        page.locator("tr.event button.icon[hx-get$='/edit/']").first.click()
        page.wait_for_url(lambda url: "/accounts/login/?next=" in url)
        assert f"next=/plans/{YEAR}/%3Fsort%3Danchor" in page.url.replace("%2F", "/")
        assert page.locator("#form1-body").count() == 0  # the whole page left, not a fragment
        assert page.locator("html").get_attribute("lang") == lang
        screenshot(f"expired-session-1-login-{lang}", full_page=False)

        log_in(page, "planner")
        page.wait_for_url(live_url(f"/plans/{YEAR}/?sort=anchor"))
        assert page.locator("#form1-body").count() == 1
        screenshot(f"expired-session-2-back-{lang}", full_page=False)
