"""Issue 13 §2 on the units' side: an entry's texts in Kazakh and Russian; one is enough to save, both to submit."""
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from jospar.monitoring import selectors, services
from jospar.monitoring.models import ExecutionEntry, UnitSubmission
from tests.monitoring.world import at, fill, report_all, submit

pytestmark = pytest.mark.django_db


def save(world, event="a_march", status="executed", **texts):
    with time_machine.travel(at("2026-04-06"), tick=False):
        return services.save_entry(user=world.users["staff_a"], period=world.period(1), event_id=world.events[event],
                                   occurrence=1, status=status, **texts)


def test_one_language_is_enough_to_save(world):
    entry = save(world, actual_kk="Бұйрық қабылданды")
    assert (entry.actual_kk, entry.actual_ru) == ("Бұйрық қабылданды", "")
    entry = save(world, status="not_executed", reasons_ru="Нет согласования")
    assert (entry.reasons_kk, entry.reasons_ru) == ("", "Нет согласования")


def test_reasons_are_needed_in_at_least_one_language(world):
    with pytest.raises(ValidationError) as refused:
        save(world, status="partial", actual_ru="Частично", reasons_kk=" ", reasons_ru="")
    assert list(refused.value.message_dict) == ["reasons"]
    assert "in Kazakh or in Russian" in refused.value.message_dict["reasons"][0]
    assert not ExecutionEntry.objects.exists()


def test_a_too_long_text_is_named_by_its_language(world):
    with pytest.raises(ValidationError) as refused:
        save(world, actual_kk="ы" * 10_001, actual_ru="Сделано")
    assert list(refused.value.message_dict) == ["actual_kk"]


def test_the_head_cannot_submit_while_a_text_lacks_a_language(world):
    fill(world, 1, "a")
    save(world, actual_kk="", actual_ru="Приказ принят")  # the Kazakh text taken back
    with pytest.raises(services.TextsMissing) as refused:
        submit(world, 1, "a", "2026-04-08")
    [missing] = refused.value.missing
    unit_url = reverse("monitoring:unit", args=[2026, 1, world.units["a"].id])
    assert missing.what == "1. Event a_march — Actual execution" and missing.langs == ("kk",)
    assert missing.url == f"{unit_url}#item-{world.events['a_march']}-1"
    assert "1. Event a_march — Actual execution (in Kazakh)" in refused.value.messages[0]
    assert not UnitSubmission.objects.exists()
    assert selectors.entry_texts_missing(world.period(1), world.units["a"], "en") == [missing]
    save(world, actual_kk="Бұйрық қабылданды", actual_ru="Приказ принят")
    assert submit(world, 1, "a", "2026-04-08").status == "submitted"


@pytest.mark.parametrize(("lang", "words"), [("kk", "қазақша"), ("ru", "на казахском"), ("en", "in Kazakh")])
def test_the_refusal_lists_what_is_missing_with_links(world, client, lang, words):
    fill(world, 1, "a")
    save(world, status="partial", actual_kk="Жартылай", actual_ru="Частично", reasons_ru="Нет средств")
    client.force_login(world.users["head_a"])
    client.cookies["django_language"] = lang
    url = reverse("monitoring:submit", args=[2026, 1, world.units["a"].id])
    with time_machine.travel(at("2026-04-08"), tick=False):
        page = client.post(url, {"attest": "1"}, follow=True).content.decode()
    anchor = f'#item-{world.events["a_march"]}-1"'
    assert page.count(anchor) >= 2  # in the refusal and in the submit box's list
    assert words in page
    assert not UnitSubmission.objects.exists()


def test_the_report_side_finds_what_the_report_would_carry_in_one_language(world):
    report_all(world, 1, "2026-04-08")
    period = world.period(1)
    assert selectors.entry_texts_missing(period, lang="en") == []
    entry = ExecutionEntry.objects.get(event_id=world.events["c_feb"])
    ExecutionEntry.objects.filter(pk=entry.pk).update(actual_ru="")  # as a text migrated from one language
    [missing] = selectors.entry_texts_missing(period, lang="en")
    assert missing.langs == ("ru",) and missing.what.endswith("Event c_feb — Actual execution")
    assert missing.url.endswith(f"/units/{world.units['c'].id}/#item-{world.events['c_feb']}-1")


@pytest.mark.parametrize(("lang", "shown", "note"), [("kk", "Сделано 1", "орысша көрсетілген"),
                                                     ("ru", "Сделано 1", None)])
def test_a_reader_sees_their_language_or_the_other_marked(world, client, lang, shown, note):
    report_all(world, 1, "2026-04-08")
    ExecutionEntry.objects.filter(event_id=world.events["a_march"]).update(actual_kk="")
    client.force_login(world.users["planner"])
    client.cookies["django_language"] = lang
    page = client.get(reverse("monitoring:unit", args=[2026, 1, world.units["a"].id])).content.decode()
    assert shown in page
    assert (note in page) if note else ("from-lang" not in page)
