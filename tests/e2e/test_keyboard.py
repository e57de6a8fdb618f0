"""Keyboard alone, in Kazakh and Russian (issue 19).

A unit's staff member fills in the work list and the head submits it with Tab, typing, Space and Enter only:
no click after signing in. The focus goes where it is designed to: the skip link first, into <main>; back to
the item's «Save» after htmx replaces the item; into the confirmation dialog (kept there), and the message
is announced in the polite live region. On the planner's Form 1 draft: the in-place editor takes the focus
and gives it back to its ✎ button (Escape cancels), the delete confirmation gives it back to ✕, months are
chosen by name, the co-executor picker filters the units as one types and picks with Enter.
"""
from datetime import date

import pytest
import time_machine

from jospar.demo.loader import PASSWORD, DemoLoader
from tests.monitoring.world import at, build_world

pytestmark = pytest.mark.django_db(transaction=True)

LANG_BUTTON = {"kk": "ҚАЗ", "ru": "РУС"}
WORDS = {
    "kk": {"skip": "Негізгі мазмұнға өту", "executed": "орындалды", "saved": "Сақталды", "january": "Қаңтар",
           "december": "Желтоқсан", "chosen": "Таңдалғаны"},
    "ru": {"skip": "Перейти к основному содержанию", "executed": "исполнено", "saved": "Сохранено",
           "january": "Январь", "december": "Декабрь", "chosen": "Выбрано"},
}


def login(page, live_url, username, password, lang):
    """Signing in is the one place a test may click (the language button, then the form)."""
    page.context.clear_cookies()
    page.goto(live_url("/accounts/login/"))
    page.get_by_role("button", name=LANG_BUTTON[lang], exact=True).click()
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))


def focused(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector: str, limit: int = 80, back: bool = False) -> None:
    """Presses Tab (Shift+Tab) until the focus is on `selector`; fails if it never gets there."""
    for _ in range(limit):
        if focused(page, selector):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    assert focused(page, selector), f"Tab never reached {selector}"


def active_outline(page) -> str:
    return page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")


def fill_item_by_keyboard(page, key: str, status_word: str, actual_ru: str, actual_kk: str) -> None:
    item = f"#item-{key}"
    tab_to(page, f"{item} select[name=status]")
    assert active_outline(page) != "none"  # visible focus
    for _ in range(8):  # a closed <select> steps through its options with ↓ (Cyrillic type-ahead is not
        # synthesised as key presses by Playwright)
        if page.evaluate("() => document.activeElement.selectedOptions[0].textContent.trim()") == status_word:
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.selectedOptions[0].textContent.trim()") == status_word
    tab_to(page, f"{item} textarea[name=actual_kk]")
    page.keyboard.type(actual_kk)
    tab_to(page, f"{item} textarea[name=actual_ru]")
    page.keyboard.type(actual_ru)
    tab_to(page, f"{item} form.entry button[type=submit]")
    page.keyboard.press("Enter")
    page.locator(f"{item} .saved").wait_for()
    # htmx replaced the whole item: the focus is back on the new item's «Save», not lost on <body>
    page.wait_for_function("s => document.activeElement && document.activeElement.matches(s)",
                           arg=f"{item} form.entry button[type=submit]")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_unit_fills_in_and_submits_its_information_by_keyboard_alone(page, live_url, screenshot, lang):
    w = build_world()
    words = WORDS[lang]
    ev = w.events
    unit_url = live_url("monitoring:unit", 2026, 1, w.units["c"].id)
    with time_machine.travel(at("2026-04-06", 10), tick=True):
        login(page, live_url, w.users["staff_c"].username, "secret-pass-1", lang)
        page.goto(unit_url)

        # the skip link is the first stop, shown when focused, and leads into <main>
        page.keyboard.press("Tab")
        assert focused(page, "a.skip-link")
        assert page.locator("a.skip-link").inner_text() == words["skip"]
        assert page.locator("a.skip-link").bounding_box()["y"] >= 0  # on screen once focused
        screenshot(f"keyboard-skip-link-{lang}", page=page, full_page=False)
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main'")

        fill_item_by_keyboard(page, f"{ev['c_feb']}-1", words["executed"], "Информация направлена в Правительство",
                              "Ақпарат Үкіметке жолданды")
        live = page.locator("#live-region")
        assert words["saved"] in live.inner_text() or page.wait_for_function(
            "t => document.getElementById('live-region').textContent.includes(t)", arg=words["saved"])
        screenshot(f"keyboard-item-saved-focus-{lang}", page=page, full_page=False)
        from jospar.monitoring.models import ExecutionEntry
        assert set(ExecutionEntry.objects.filter(unit=w.units["c"]).values_list("status", flat=True)) == {"executed"}

        # the head submits: the checkbox with Space, the button with Enter, the dialog answered by keyboard
        login(page, live_url, w.users["head_c"].username, "secret-pass-1", lang)
        page.goto(unit_url)
        tab_to(page, "form.submit-box input[name=attest]")
        page.keyboard.press("Space")
        assert page.locator("form.submit-box input[name=attest]").is_checked()
        page.keyboard.press("Tab")
        assert focused(page, "form.submit-box button[type=submit]:not([data-sign])")
        page.keyboard.press("Enter")
        dialog = page.locator("#confirm-dialog")
        dialog.wait_for(state="visible")
        assert focused(page, "#confirm-dialog button[value=no]")  # the safe answer first
        for _ in range(3):  # Tab stays inside the dialog
            page.keyboard.press("Tab")
            assert focused(page, "#confirm-dialog button")
        tab_to(page, "#confirm-dialog button[value=yes]")
        screenshot(f"keyboard-confirm-dialog-{lang}", page=page, full_page=False)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.locator(".msg-success").wait_for()
        page.wait_for_function("t => document.getElementById('live-region').textContent.trim().length > 0")
        assert page.locator("#live-region").inner_text().strip() == page.locator(".msg-success").inner_text().strip()
        assert page.locator("form.entry").count() == 0  # locked
    from jospar.monitoring.models import UnitSubmission
    assert UnitSubmission.objects.filter(unit=w.units["c"]).count() == 1


@pytest.fixture
def demo(transactional_db):
    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_draft_editor_the_dialog_months_and_the_picker_by_keyboard(page, live_url, screenshot, demo, lang):
    words = WORDS[lang]
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=True):
        login(page, live_url, "planner", PASSWORD, lang)
        page.goto(live_url("/plans/2027/"))
        row_id = page.locator("table.form1 tr[id^=ev-]:has(button.icon)").first.get_attribute("id")
        edit = f"#{row_id} button[hx-get$='/edit/']"

        # the editor opens on Enter and takes the focus; Escape cancels and gives it back to ✎
        page.locator(edit).focus()  # (a shortcut for a long Tab walk; pressing keys only from here)
        assert active_outline(page) != "none"
        screenshot(f"keyboard-focus-icon-button-{lang}", page=page, full_page=False)
        page.keyboard.press("Enter")
        page.locator("#edit-row").wait_for()
        page.wait_for_function("() => document.activeElement.closest('#edit-row') !== null")
        assert focused(page, "#edit-row select[name=anchor], #edit-row textarea, #edit-row input")

        # months by name, in the language of the page
        month = page.locator("#edit-row select[name=deadline_month] option")
        assert month.nth(1).inner_text() == words["january"] and month.nth(12).inner_text() == words["december"]

        # the co-executor picker: the search filters the units, ↓ and Enter choose one, the chip removes it
        units = page.locator("#edit-row .picker-list [role=option]")
        total = units.count()
        assert total > 5 and page.locator("#edit-row select[name=co_executors]").is_hidden()
        tab_to(page, "#edit-row .picker-search")
        first_name = units.nth(total - 1).inner_text()
        query = first_name.split()[-1][:5]
        page.keyboard.type(query)
        shown = page.locator("#edit-row .picker-list [role=option]:not([hidden])")
        assert 1 <= shown.count() < total
        assert all(query.lower() in t.lower() for t in shown.all_inner_texts())
        page.keyboard.press("Enter")
        chosen_value = page.evaluate(
            "() => Array.from(document.querySelector('#edit-row select[name=co_executors]').selectedOptions)"
            ".map(o => o.textContent)")
        assert shown.first.inner_text() in chosen_value
        assert words["chosen"] in page.locator("#edit-row .picker-count").inner_text()
        assert page.locator("#edit-row .picker-search").get_attribute("aria-activedescendant")
        screenshot(f"keyboard-picker-{lang}", page=page, full_page=False)
        page.keyboard.press("Escape")  # first Escape clears the search ...
        assert page.locator("#edit-row .picker-search").input_value() == ""
        assert shown.count() == total
        page.keyboard.press("Escape")  # ... the next one cancels the editor
        page.locator("#edit-row").wait_for(state="detached")
        page.wait_for_function("s => document.activeElement && document.activeElement.matches(s)", arg=edit)

        # Enter again, Save with nothing changed: the focus comes back to ✎ of the same row
        page.keyboard.press("Enter")
        page.locator("#edit-row").wait_for()
        tab_to(page, "#edit-row button.primary")
        page.keyboard.press("Enter")
        page.locator("#edit-row").wait_for(state="detached")
        page.wait_for_function("s => document.activeElement && document.activeElement.matches(s)", arg=edit)

        # a confirmation: focus into the dialog, Escape closes it, the focus returns to ✕, nothing deleted
        delete = page.locator("table.form1 button.icon.danger[hx-post$='/delete/']").first
        if delete.count():
            rows = page.locator("table.form1 tr[id^=ev-]").count()
            delete.focus()
            page.keyboard.press("Enter")
            page.locator("#confirm-dialog").wait_for(state="visible")
            assert focused(page, "#confirm-dialog button[value=no]")
            page.keyboard.press("Escape")
            page.locator("#confirm-dialog").wait_for(state="hidden")
            assert page.evaluate("() => document.activeElement.matches(\"button[hx-post$='/delete/']\")")
            assert page.locator("table.form1 tr[id^=ev-]").count() == rows


PRINT_CHECK = """() => {
  const shown = s => Array.from(document.querySelectorAll(s)).some(e => getComputedStyle(e).display !== 'none'
                                                                       && e.getClientRects().length);
  const table = document.querySelector('table.form1, table.form2');
  const head = table.querySelector('thead');
  const row = table.querySelector('tbody tr');
  return {
    nav: shown('.topbar, .mainnav, .skip-link, .footer'),
    forms: shown('main form, main button'),
    thead: getComputedStyle(head).display,
    sticky: getComputedStyle(head.querySelector('th')).position,
    rowBreak: getComputedStyle(row).breakInside,
    wrapOverflow: getComputedStyle(table.closest('.table-wrap') || table).overflowX,
  };
}"""


@pytest.mark.parametrize("lang", ["ru"])
def test_form1_and_form2_print_cleanly(page, live_url, screenshot, demo, lang):
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=True):
        login(page, live_url, "planner", PASSWORD, lang)
        for name, url in (("form1", "/plans/2026/"), ("form2", "/monitoring/2026/3/report/")):
            page.goto(live_url(url))
            assert page.locator("table.form1, table.form2").count() == 1, name
            page.emulate_media(media="print")
            got = page.evaluate(PRINT_CHECK)
            assert got == {"nav": False, "forms": False, "thead": "table-header-group", "sticky": "static",
                           "rowBreak": "avoid", "wrapOverflow": "visible"}, (name, got)
            screenshot(f"keyboard-print-{name}-{lang}", page=page)
            pdf = page.pdf(prefer_css_page_size=True, print_background=False)
            assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 1
            (screenshot(f"keyboard-print-{name}-{lang}", page=page).with_suffix(".pdf")).write_bytes(pdf)
            page.emulate_media(media="screen")
            assert page.locator(".topbar").is_visible()
