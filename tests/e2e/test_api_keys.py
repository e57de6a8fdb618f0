"""Issue 16: a user makes an API token on their own page and the body administrator registers a system, in
Kazakh and in Russian, under the app's Content-Security-Policy; the API docs (Swagger UI served by the app)
show the schema with no CSP violation."""
import pytest
from playwright.sync_api import expect

from jospar.orgs.models import Role
from tests.factories import OrgUnitFactory, StateBodyFactory, member

pytestmark = pytest.mark.django_db(transaction=True)

LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber);
});
"""
WORDS = {"kk-KZ": {"tokens": "API токендері", "made": "Сіздің жаңа токеніңіз", "systems": "Тіркелген жүйелер",
                   "secret": "Жүйенің құпиясы", "revoked": "кері қайтарылды"},
         "ru-RU": {"tokens": "API-токены", "made": "Ваш новый токен", "systems": "Зарегистрированные системы",
                   "secret": "Секрет системы", "revoked": "отозван"}}


def watched_page(new_context, locale):
    page = new_context(locale=locale).new_page()
    seen: list = []
    page.add_init_script(LISTENER)
    page.on("console", lambda msg: "Content Security Policy" in msg.text and seen.append(msg.text))
    return page, seen


def sign_in(page, live_url, username, lang):
    page.goto(live_url("login"))
    page.locator(f".langswitch button[value={lang}]").click()
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "secret-pass-1")
    with page.expect_navigation():
        page.locator("form.stack button[type=submit]").click()


@pytest.mark.parametrize("locale", ["kk-KZ", "ru-RU"])
def test_a_user_makes_and_revokes_a_token(new_context, live_url, screenshot, locale):
    body = StateBodyFactory()
    member(body, Role.VIEWER, username="vera")
    words = WORDS[locale]
    page, seen = watched_page(new_context, locale)
    sign_in(page, live_url, "vera", locale[:2])
    page.locator("a.tokenslink").click()
    assert words["tokens"] in page.inner_text("h1")
    page.locator("button.primary").click()  # no name: the form says what is missing
    expect(page.locator(".error")).to_have_count(1)
    screenshot(f"api-tokens-error-{locale[:2]}", page=page)
    page.fill("input[name=name]", "СЭД")
    page.locator("button.primary").click()
    assert words["made"] in page.inner_text("h1")
    raw = page.inner_text("#new-token")
    assert raw.startswith("jsp_")
    screenshot(f"api-token-shown-{locale[:2]}", page=page)
    page.goto(live_url("keys:tokens"))
    assert raw not in page.content() and raw[:12] in page.content()
    page.locator("form[data-confirm] button").click()
    page.locator("#confirm-dialog button[value=yes]").click()
    page.wait_for_load_state("networkidle")
    assert words["revoked"] in page.inner_text("table")
    screenshot(f"api-tokens-{locale[:2]}", page=page)
    assert seen == [] and page.evaluate("window.__csp") == []


@pytest.mark.parametrize("locale", ["kk-KZ", "ru-RU"])
def test_the_administrator_registers_a_system(new_context, live_url, screenshot, locale):
    body = StateBodyFactory()
    OrgUnitFactory(body=body)
    member(body, Role.ADMIN, username="adil")
    words = WORDS[locale]
    page, seen = watched_page(new_context, locale)
    sign_in(page, live_url, "adil", locale[:2])
    page.goto(live_url("keys:systems"))
    assert words["systems"] in page.inner_text("h1")
    page.fill("input[name=name]", "Құжат айналымы")
    page.select_option("select[name=role]", Role.UNIT_STAFF)
    page.locator("button.primary").click()  # no unit for a unit's role: refused with a message
    expect(page.locator(".error")).to_have_count(1)
    page.select_option("select[name=unit]", index=1)
    page.select_option("select[name=scopes]", "read submit")
    page.locator("button.primary").click()
    assert words["secret"] in page.inner_text("h1")
    assert page.inner_text("#client-secret")
    screenshot(f"api-system-shown-{locale[:2]}", page=page)
    page.goto(live_url("keys:systems"))
    screenshot(f"api-systems-{locale[:2]}", page=page)
    assert seen == [] and page.evaluate("window.__csp") == []


def test_the_docs_page_works_under_the_csp(new_context, live_url, screenshot):
    body = StateBodyFactory()
    member(body, Role.VIEWER, username="vera")
    page, seen = watched_page(new_context, "ru-RU")
    sign_in(page, live_url, "vera", "ru")
    page.goto(live_url("api:docs"))
    page.wait_for_selector(".swagger-ui .opblock", timeout=30000)
    page.wait_for_load_state("networkidle")
    assert page.locator(".opblock").count() > 0
    screenshot("api-docs", page=page, full_page=False)
    page.locator(".opblock-summary").first.click()
    page.wait_for_selector(".responses-wrapper")
    screenshot("api-docs-operation", page=page, full_page=False)
    unauthorized = page.locator(".responses-table .response[data-code='401']").first
    unauthorized.scroll_into_view_if_needed()
    assert "API пайдалану үшін жүйеге кіру қажет." in unauthorized.inner_text()  # the error's kk example first
    screenshot("api-docs-error-examples", page=page, full_page=False)
    violations = seen + page.evaluate("window.__csp")
    assert violations == [], "\n".join(violations)
