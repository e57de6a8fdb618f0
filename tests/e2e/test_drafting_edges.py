"""Journeys at the edges of drafting (issue 10), in Kazakh and Russian: the send panel follows in-place
edits; sending with proposals still open lists them, asks, and leaves them «not included in the draft»
for their units to see; an amendment cancels an event with the reason typed in a form, asked first."""
from datetime import date

import pytest
import time_machine

from jospar.demo.loader import PASSWORD, DemoLoader
from jospar.orgs.models import Membership, Role
from jospar.planning.amendments import services as amendments
from jospar.planning.models import EventRevision, PlanVersion, Proposal

pytestmark = pytest.mark.django_db(transaction=True)

LANG_BUTTON = {"kk": "ҚАЗ", "ru": "РУС"}
WORDS = {
    "kk": {"not_included": "жобаға енгізілмеді", "sent": "бекітуге жіберілді", "cancelled": "күші жойылды",
           "required": "міндетті"},
    "ru": {"not_included": "не включено в проект", "sent": "направлена руководству на утверждение",
           "cancelled": "отменено в этом изменении", "required": "Обязательное поле"},
}


@pytest.fixture
def demo(transactional_db):
    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()


@pytest.fixture
def clock():
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=True):
        yield


def login(page, live_url, username, lang):
    page.context.clear_cookies()
    page.goto(live_url("/accounts/login/"))
    page.get_by_role("button", name=LANG_BUTTON[lang], exact=True).click()
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))


def answer(page, yes: bool):
    dialog = page.locator("#confirm-dialog")
    dialog.wait_for(state="visible")
    question = dialog.locator("#confirm-question").inner_text()
    dialog.locator(f"button[value={'yes' if yes else 'no'}]").click()
    return question


def send_button(page):
    return page.locator("#send-panel form[action$='/send/'] button[type=submit]")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_send_with_open_proposals_lists_asks_and_tells_the_units(page, live_url, screenshot, demo, clock, lang):
    year = 2027
    login(page, live_url, "planner", lang)
    page.goto(live_url(f"/plans/{year}/"))
    assert send_button(page).is_disabled()  # the demo draft has an event missing its Kazakh name

    # Completing that event in place enables the button without reloading the page ...
    page.locator("tr.event.incomplete button.icon").first.click()
    page.wait_for_selector("#edit-row")
    page.fill("#edit-row textarea[name=name_kk]", "Толықтырылған атауы")
    page.locator("#edit-row button.primary").click()
    page.wait_for_selector("#edit-row", state="detached")
    page.wait_for_function("() => !document.querySelector('#send-panel button[type=submit]').disabled")
    # ... an incomplete event added in place disables it again, and deleting that event enables it.
    page.locator("tr.g-macroindicator button.add").first.click()
    page.wait_for_selector("#edit-row")
    page.fill("#edit-row textarea[name=name_ru]", "Без казахского названия")
    page.fill("#edit-row input[name=budget]", "001")
    page.locator("#edit-row select[name=deadline_kind]").select_option("quarter")
    page.locator("#edit-row select[name=deadline_quarter]").select_option("4")
    page.locator("#edit-row select[name=completion_form]").select_option(index=1)
    page.locator("#edit-row select[name=lead_unit]").select_option(index=2)
    page.locator("#edit-row button.primary").click()
    page.wait_for_selector("#edit-row", state="detached")
    page.wait_for_function("() => document.querySelector('#send-panel button[type=submit]').disabled")
    page.locator("tr.event.incomplete button.danger").first.click()
    answer(page, yes=True)
    page.wait_for_function("() => !document.querySelector('#send-panel button[type=submit]').disabled")
    assert page.locator("#draft-message").is_visible()

    # The panel lists the proposals that are not reviewed or are back with their units.
    pending = list(Proposal.objects.filter(plan__year=year, status__in=Proposal.PENDING).select_related("unit"))
    assert pending
    assert page.locator(".pending-proposals li").count() == len(pending)
    screenshot(f"edges-1-send-panel-{lang}", full_page=False)

    # Cancelling the question changes nothing; confirming sends and leaves them out.
    send_button(page).click()
    question = answer(page, yes=False)
    assert str(len(pending)) in question
    assert PlanVersion.objects.get(plan__year=year).status == "draft"
    send_button(page).click()
    page.locator("#confirm-dialog").wait_for(state="visible")
    screenshot(f"edges-2-send-confirm-{lang}", full_page=False)
    with page.expect_navigation():
        answer(page, yes=True)
    assert WORDS[lang]["sent"] in page.locator(".messages").inner_text()
    assert PlanVersion.objects.get(plan__year=year).status == "on_approval"
    assert not Proposal.objects.filter(plan__year=year, status__in=Proposal.PENDING).exists()
    screenshot(f"edges-3-sent-{lang}", full_page=False)

    # The unit's head sees the state on the proposals page.
    head = Membership.objects.filter(role=Role.UNIT_HEAD, unit=pending[0].unit).select_related("user").first().user
    login(page, live_url, head.username, lang)
    page.goto(live_url(f"/plans/{year}/proposals/"))
    left_out = page.locator("tr.prop-not_included")
    assert left_out.count() == sum(1 for p in pending if p.unit_id == pending[0].unit_id)
    assert WORDS[lang]["not_included"] in left_out.first.inner_text()
    left_out.first.scroll_into_view_if_needed()
    screenshot(f"edges-4-unit-sees-{lang}", full_page=False)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_cancel_an_event_with_a_reason_in_a_form(page, live_url, screenshot, demo, clock, lang):
    from django.contrib.auth.models import User

    plan = PlanVersion.objects.get(plan__body__code="mwri", plan__year=2026, number=1).plan
    amendment = amendments.open_amendment(user=User.objects.get(username="planner"), plan=plan,
                                          basis="development_plan", document_number="7",
                                          document_date=date(2026, 11, 20), basis_kk="Жаңа редакция",
                                          basis_ru="Новая редакция")
    login(page, live_url, "planner", lang)
    page.goto(live_url("/plans/2026/"))
    row = page.locator("tr.event:not(.cancelled)").first
    event_id = row.get_attribute("id")
    assert row.locator("button[title]").filter(has_text="✕").count() == 0  # no Delete for an approved event
    row.locator("button[title]").filter(has_text="⊘").click()
    form = page.locator("tr.cancelrow form")
    form.wait_for()
    form.locator("textarea[name=reason_kk]").fill("Жергілікті атқарушы органдарға берілді")
    form.locator("textarea[name=reason_ru]").fill("Передано в местные исполнительные органы")
    screenshot(f"edges-5-cancel-form-{lang}", full_page=False)
    form.locator("button[type=submit]").click()
    answer(page, yes=False)  # changing one's mind leaves the event as it was
    assert not EventRevision.objects.get(version=amendment, event_id=int(event_id[3:])).is_cancelled
    form.locator("button[type=submit]").click()
    answer(page, yes=True)
    page.wait_for_selector(f"tr#{event_id}.cancelled")
    assert WORDS[lang]["cancelled"] in page.locator("#draft-message").inner_text()
    screenshot(f"edges-6-cancelled-{lang}", full_page=False)
    revision = EventRevision.objects.get(version=amendment, event_id=int(event_id[3:]))
    assert revision.is_cancelled and revision.cancel_reason_ru == "Передано в местные исполнительные органы"
    assert revision.cancel_reason_kk == "Жергілікті атқарушы органдарға берілді"
