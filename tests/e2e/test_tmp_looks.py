from datetime import date

import pytest
import time_machine

from jospar.demo.loader import DemoLoader
from tests.e2e.test_drafting_edges import login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(transactional_db):
    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_looks(page, live_url, screenshot, demo, lang):
    with time_machine.travel("2026-12-08 10:00 +05:00", tick=True):
        login(page, live_url, "planner", lang)
        page.goto(live_url("/plans/2026/compare/?a=2&b=2"))
        screenshot(f"look-compare-same-{lang}", full_page=False)
        page.goto(live_url("/plans/2026/compare/?a=1&b=9"))
        screenshot(f"look-compare-unknown-{lang}", full_page=False)
        page.goto(live_url("/plans/open/"))
        screenshot(f"look-open-year-{lang}", full_page=False)
        page.fill("input[name=proposals_due]", "2026-12-20")
        page.locator("form.stack button[type=submit]").click()
        page.wait_for_load_state()
        screenshot(f"look-open-year-posted-{lang}", full_page=False)
        page.goto(live_url("/plans/2027/proposals/"))
        screenshot(f"look-proposals-{lang}", full_page=True)
        login(page, live_url, "executive", lang)
        page.goto(live_url("/plans/2026/versions/"))
        screenshot(f"look-versions-{lang}", full_page=False)
