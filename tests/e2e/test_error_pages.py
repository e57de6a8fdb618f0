"""Issue 11.8: the error pages as a reader sees them (DEBUG off), in Kazakh and Russian."""
import pytest
from django.test import override_settings
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)
BUTTON = {"kk": "ҚАЗ", "ru": "РУС"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@override_settings(DEBUG=False, ROOT_URLCONF="tests.web.urls")
def test_error_pages_in_the_readers_language(page, live_url, screenshot, lang):
    page.goto(live_url("/accounts/login/"))
    page.get_by_role("button", name=BUTTON[lang], exact=True).click()
    for status, url in ((404, "/no-such-page/"), (500, "/boom/")):
        response = page.goto(live_url(url))
        assert response.status == status
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("header.topbar").count() == 1
        screenshot(f"error-{status}-{lang}", full_page=False)
    # a form sent after its security token changed (say, a new log-in in another tab)
    page.goto(live_url("/accounts/login/"))
    page.evaluate("document.querySelector('form.stack input[name=csrfmiddlewaretoken]').value = 'stale'")
    page.context.clear_cookies(name="csrftoken")
    page.fill("input[name=username]", "x")
    page.fill("input[name=password]", "y")
    page.locator("form.stack button[type=submit]").click()
    expect(page.locator("section.error-page")).to_have_count(1)
    assert page.locator("html").get_attribute("lang") == lang
    screenshot(f"error-csrf-{lang}", full_page=False)
