"""When a unit's information and the report can be submitted (no database)."""
from datetime import date

import pytest
import time_machine

from jospar.clock import today_in
from jospar.rules import ReportingPeriod, collation_key, opens_on, report_submittable, unit_info_submittable

Q4 = ReportingPeriod(2026, 4)


def test_a_period_opens_for_submission_the_day_after_it_ends():
    assert opens_on(Q4) == date(2027, 1, 1)
    assert opens_on(ReportingPeriod(2026, 1)) == date(2026, 4, 1)


@pytest.mark.parametrize(("today", "allowed"), [
    (date(2026, 12, 2), False), (date(2026, 12, 31), False), (date(2027, 1, 1), True), (date(2027, 2, 1), True),
])
def test_the_report_waits_for_the_end_of_its_period(today, allowed):
    assert report_submittable(Q4, today) is allowed


def test_the_report_rule_follows_the_clock():
    with time_machine.travel(date(2026, 12, 2), tick=False):
        assert not report_submittable(Q4, today_in())
    with time_machine.travel(date(2027, 1, 1), tick=False):
        assert report_submittable(Q4, today_in())


@pytest.mark.parametrize(("statuses", "allowed"), [
    (["executed", "executed"], True),
    (["executed", "in_progress"], False),
    (["executed", "partial"], False),
    (["executed", None], False),
    ([], False),
])
def test_a_units_information_goes_early_only_when_everything_is_executed(statuses, allowed):
    assert unit_info_submittable(Q4, date(2026, 12, 2), statuses) is allowed


def test_after_the_quarter_any_information_can_be_submitted():
    assert unit_info_submittable(Q4, date(2027, 1, 1), ["not_executed", "in_progress"])


def _sorted(names, lang):
    return sorted(names, key=lambda n: collation_key(n, lang))


def test_kazakh_letters_stand_in_their_places():
    names = ["Ысқақов", "Әбенов", "Ахметов", "Үсенов", "Ұлықбеков", "Уәлиев", "Ғалымов", "Дәулетов", "Іслямов",
             "Қасымов", "Кенжебаев", "Нұрланов", "Ңа", "Өмірзақов", "Оразов", "Һасанов", "Хамитов", "Яковлев"]
    assert _sorted(names, "kk") == ["Ахметов", "Әбенов", "Ғалымов", "Дәулетов", "Кенжебаев", "Қасымов",
                                    "Нұрланов", "Ңа", "Оразов", "Өмірзақов", "Уәлиев", "Ұлықбеков", "Үсенов",
                                    "Хамитов", "Һасанов", "Ысқақов", "Іслямов", "Яковлев"]


def test_russian_yo_follows_ye_and_case_does_not_matter():
    assert _sorted(["Ёлкин", "Жуков", "Егоров", "ежов", "Ясин", "Абаев"], "ru") == [
        "Абаев", "Егоров", "ежов", "Ёлкин", "Жуков", "Ясин"]
    assert _sorted(["Ёлкин", "Ежов"], "kk") == ["Ежов", "Ёлкин"]


def test_kazakh_names_in_a_russian_list_follow_their_base_letter():
    assert _sorted(["Бекова", "Әлиев", "Алиев", "Қасымов", "Лаптев", "Кузнецов"], "ru") == [
        "Алиев", "Әлиев", "Бекова", "Кузнецов", "Қасымов", "Лаптев"]


def test_shorter_words_come_first_and_latin_after_cyrillic():
    assert _sorted(["Ан Бек", "Ана", "Smith", "Ан"], "kk") == ["Ан", "Ан Бек", "Ана", "Smith"]


def test_the_annual_report_names_the_year_alone():
    """Issue 10 §16: «за 2026 год», not «за 2026 год (год)»; other periods keep theirs in brackets."""
    from jospar.rules import edition_for_year

    form2 = edition_for_year(2026).form2

    def title(q, lang, cumulative=True):
        label = ReportingPeriod(2026, q).report_period_label(lang, cumulative=cumulative)
        return form2.report_title(lang, body="Министерства", year=2026, period=label)

    assert title(4, "ru") == "Отчет о реализации операционного плана Министерства за 2026 год"
    assert title(4, "kk") == "Министерства 2026 жыл бойынша операциялық жоспарды іске асыру туралы есебі"
    assert title(3, "ru").endswith("за 2026 год (9 месяцев)")
    assert title(4, "ru", cumulative=False).endswith("за 2026 год (IV квартал)")
