"""The lock-out page as a person sees it after ten wrong passwords, in Kazakh and in Russian; a colleague
at the same computer still signs in."""
import pytest

from jospar.orgs.models import Role
from tests.factories import StateBodyFactory, member

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {"kk-KZ": "«alice» есептік жазбасымен кіру 15 минутқа бұғатталды",
         "ru-RU": "Вход в учетную запись «alice» заблокирован на 15 минут"}


@pytest.mark.parametrize("locale", ["kk-KZ", "ru-RU"])
def test_lockout_page_names_the_account(new_context, live_url, screenshot, settings, locale):
    settings.AXES_ENABLED = True
    body = StateBodyFactory()
    member(body, Role.EXECUTIVE, username="alice")
    member(body, Role.VIEWER, username="bob")
    page = new_context(locale=locale).new_page()
    for _ in range(11):
        page.goto(live_url("login"))
        page.fill("input[name=username]", "alice")
        page.fill("input[name=password]", "wrong-password")
        with page.expect_navigation():
            page.locator("form.stack button[type=submit]").click()
    assert WORDS[locale] in page.inner_text("main")
    screenshot(f"lockout-{locale[:2]}", page=page)
    page.goto(live_url("login"))
    page.fill("input[name=username]", "bob")
    page.fill("input[name=password]", "secret-pass-1")
    with page.expect_navigation():
        page.locator("form.stack button[type=submit]").click()
    assert "/accounts/login/" not in page.url  # bob is in: the address is not locked
