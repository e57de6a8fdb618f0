"""Journey: the body administrator downloads the org-structure workbook, uploads it filled with a mistake and
sees the cell's message (nothing changed), fixes it, imports, and finds the new units and people — in Kazakh
and in Russian. Then adds a role in place (htmx) and sets a new person's one-time password."""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from jospar.orgs.models import Membership, OrgUnit, Person, Role
from tests.documents.test_org_import import PEOPLE, UNITS, fill
from tests.factories import OrgUnitFactory, StateBodyFactory, member

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "secret-pass-1"

WORDS = {
    "kk": {"button": "ҚАЗ", "locale": "kk-KZ", "nav": "Ұйым", "sheet": "Қызметкерлер", "wrong": "белгісіз бөлімше",
           "imported": "Кітап импортталды", "planning": "жоспарлау және мониторинг", "shown": "бір рет көрсетіледі"},
    "ru": {"button": "РУС", "locale": "ru-RU", "nav": "Организация", "sheet": "Сотрудники",
           "wrong": "Неизвестное подразделение", "imported": "Книга импортирована",
           "planning": "планирование и мониторинг", "shown": "показан здесь один раз"},
}


@pytest.fixture
def bodyadmin(transactional_db):
    body = StateBodyFactory(code="mwri")
    OrgUnitFactory(body=body, code="old", name_ru="Старый отдел", name_kk="Ескі бөлім")
    return member(body, Role.ADMIN, username="bodyadmin")


def log_in(page, live_url, lang):
    page.goto(live_url("/accounts/login/"))
    page.get_by_role("button", name=WORDS[lang]["button"], exact=True).click()
    page.fill("input[name=username]", "bodyadmin")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_body_administrator_imports_units_and_people(new_context, live_url, screenshot, bodyadmin, tmp_path,
                                                         lang):
    words = WORDS[lang]
    page = new_context(locale=words["locale"]).new_page()
    log_in(page, live_url, lang)
    page.locator("nav.mainnav a", has_text=words["nav"]).click()
    page.wait_for_url("**/organisation/units/")
    screenshot(f"org-units-before-{lang}", page=page)
    page.locator("nav.orgs-nav a[href='/documents/organisation/import/']").click()
    with page.expect_download() as info:
        page.click(f"#template-{lang}")
    template = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename == f"org-structure-mwri-{lang}.xlsx"

    before = (OrgUnit.objects.count(), Membership.objects.count())
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(fill(template, UNITS, [*PEOPLE[:1], {**PEOPLE[1], "unit": "watr"}, *PEOPLE[2:]]))
    page.set_input_files("input[name=file]", str(broken))
    page.click("#upload-org")
    rows = page.locator("table.problems tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("td").nth(0).inner_text() == words["sheet"]
    assert rows.first.locator("td").nth(1).inner_text() == "J5"
    assert words["wrong"] in rows.first.locator("td").nth(2).inner_text()
    screenshot(f"org-import-problem-{lang}", page=page)
    assert (OrgUnit.objects.count(), Membership.objects.count()) == before

    good = tmp_path / "good.xlsx"
    good.write_bytes(fill(template, UNITS, PEOPLE))
    page.set_input_files("input[name=file]", str(good))
    page.click("#upload-org")
    page.wait_for_url("**/organisation/units/")
    assert words["imported"] in page.locator(".messages").inner_text()
    table = page.locator("table.orgs-units").inner_text()
    assert "kazvodkhoz" in table and words["planning"] in table
    screenshot(f"org-units-imported-{lang}", page=page)

    page.locator("nav.orgs-nav a[href='/organisation/people/']").click()
    people = page.locator("table.orgs-people").inner_text()
    assert "a.seitova" in people and "k.abenov" in people and "b.nurlanov" in people
    screenshot(f"org-people-imported-{lang}", page=page)

    seitova = Person.objects.get(user__username="a.seitova").user
    page.goto(live_url(f"/organisation/people/{seitova.pk}/"))
    form = page.locator("#add-role")
    form.locator("select[name=new-role]").select_option("viewer")
    form.locator("button[type=submit]").click()
    expect(page.locator("#roles tr[id^=role-]")).to_have_count(2)  # swapped in place (no eval under the CSP)
    assert seitova.memberships.count() == 2
    screenshot(f"org-person-{lang}", page=page)
    page.locator("form[action$='/password/'] button[type=submit]").click()
    assert words["shown"] in page.content()
    shown = page.locator("#one-time-password").inner_text()
    seitova.refresh_from_db()
    assert seitova.check_password(shown)
    screenshot(f"org-one-time-password-{lang}", page=page)


def test_the_installation_administrator_creates_a_body_and_its_administrator(new_context, live_url, screenshot,
                                                                             transactional_db, django_user_model):
    django_user_model.objects.create_superuser("root", password=PASSWORD)
    page = new_context(locale="ru-RU").new_page()
    page.goto(live_url("/accounts/login/"))
    page.get_by_role("button", name="РУС", exact=True).click()
    page.fill("input[name=username]", "root")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))
    page.locator("nav.mainnav a[href='/installation/bodies/']").click()
    page.locator("a[href='/installation/bodies/new/']").click()
    page.fill("input[name=code]", "akimat-abai")
    page.select_option("select[name=kind]", "regional_akimat")
    page.select_option("select[name=region]", "abai")
    page.fill("input[name=name_kk]", "Абай облысының әкімдігі")
    page.fill("input[name=name_ru]", "Акимат области Абай")
    page.fill("input[name=admin-username]", "abai-admin")
    page.fill("input[name=admin-last_name]", "Серік")
    page.fill("input[name=admin-first_name]", "Ерлан")
    screenshot("org-body-new-ru", page=page)
    page.locator("form.orgs-form button[type=submit]").click()
    shown = page.locator("#one-time-password").inner_text()
    assert django_user_model.objects.get(username="abai-admin").check_password(shown)
    page.locator("a[href='/installation/bodies/']").last.click()
    assert "akimat-abai" in page.locator("table.orgs-bodies").inner_text()
    screenshot("org-bodies-ru", page=page)
