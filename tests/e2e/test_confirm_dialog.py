"""Issue 10.13: the one confirmation dialog (jospar.js) in the page's language. A plain form with
data-confirm asks; Cancel changes nothing and gives the focus back; Yes submits with the pressed button's
name=value. An htmx element with hx-confirm asks the same way, and so does an htmx form with data-confirm."""
from datetime import date

import pytest
import time_machine
from playwright.sync_api import expect

from jospar.demo.loader import PASSWORD, DemoLoader
from jospar.planning.models import EventRevision

pytestmark = pytest.mark.django_db(transaction=True)
YEAR = 2027  # the demo's draft, whose events the planner deletes with hx-confirm
WORDS = {"kk": {"button": "ҚАЗ", "yes": "Иә, жалғастыру", "no": "Болдырмау"},
         "ru": {"button": "РУС", "yes": "Да, продолжить", "no": "Отмена"}}


@pytest.fixture
def demo(transactional_db):
    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()


def log_in(page, live_url, lang):
    page.goto(live_url("/accounts/login/"))
    page.get_by_role("button", name=WORDS[lang]["button"], exact=True).click()
    page.fill("input[name=username]", "planner")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))


def answer(page, lang, which, question):
    dialog = page.locator("dialog#confirm-dialog[open]")
    dialog.wait_for()
    assert dialog.locator("#confirm-question").inner_text() == question
    assert dialog.locator("button[value=yes]").inner_text() == WORDS[lang]["yes"]
    assert dialog.locator("button[value=no]").inner_text() == WORDS[lang]["no"]
    dialog.locator(f"button[value={which}]").click()
    page.locator("dialog#confirm-dialog[open]").wait_for(state="detached")


def focused_title(page):
    return page.evaluate("document.activeElement && (document.activeElement.value || document.activeElement.title)")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_plain_form_asks_cancel_keeps_yes_submits_the_pressed_button(page, live_url, screenshot, demo, lang):
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=True):
        log_in(page, live_url, lang)
        # the language switch is a plain form whose buttons carry name=language value=<code>
        page.evaluate("document.querySelector('form.langswitch').dataset.confirm = 'Switch to English?'")
        english = page.locator("form.langswitch button[value=en]")
        english.click()
        screenshot(f"confirm-plain-{lang}", full_page=False)
        answer(page, lang, "no", "Switch to English?")
        assert page.locator("html").get_attribute("lang") == lang  # nothing sent
        assert focused_title(page) == "en"  # the focus is back on the pressed button
        english.click()
        answer(page, lang, "yes", "Switch to English?")
        expect(page.locator("html")).to_have_attribute("lang", "en")  # language=en went with the form


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_htmx_confirm_asks_the_same_way(page, live_url, screenshot, demo, lang):
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=True):
        log_in(page, live_url, lang)
        page.goto(live_url(f"/plans/{YEAR}/"))
        question = page.locator("tr.event button.danger[hx-confirm]").first.get_attribute("hx-confirm")
        events = EventRevision.objects.filter(version__plan__year=YEAR).count()
        rows = page.locator("tr.event").count()

        delete = page.locator("tr.event button.danger[hx-confirm]").first
        title = delete.get_attribute("title")
        delete.click()
        screenshot(f"confirm-htmx-{lang}", full_page=False)
        answer(page, lang, "no", question)
        assert EventRevision.objects.filter(version__plan__year=YEAR).count() == events
        assert focused_title(page) == title

        delete.click()
        answer(page, lang, "yes", question)
        expect(page.locator("tr.event")).to_have_count(rows - 1)
        assert EventRevision.objects.filter(version__plan__year=YEAR).count() == events - 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_htmx_form_with_data_confirm_sends_the_button_once_and_asks_again(page, live_url, demo, lang):
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=True):
        log_in(page, live_url, lang)
        # the language switch made an htmx form: its answer is swapped nowhere, the cookie is what counts
        page.evaluate("""() => {
            const form = document.querySelector('form.langswitch');
            form.dataset.confirm = 'Switch?';
            form.setAttribute('hx-post', form.action);
            form.setAttribute('hx-swap', 'none');
            htmx.process(form);
        }""")
        with page.expect_response(lambda r: "/i18n/setlang/" in r.url and r.request.method == "POST") as sent:
            page.locator("form.langswitch button[value=en]").click()
            answer(page, lang, "yes", "Switch?")
        assert sent.value.request.post_data.count("language=") == 1
        assert "language=en" in sent.value.request.post_data
        assert page.locator("form.langswitch input[type=hidden][name=language]").count() == 0  # nothing left over
        page.locator("form.langswitch button[value=ru]").click()  # the next press asks again
        answer(page, lang, "no", "Switch?")
