"""The rulebook: editions of the act, their effective dates and the official form labels."""

import ast
import dataclasses
from datetime import date
from pathlib import Path

import pytest

from jospar.rules import rulebook
from jospar.rules.rulebook import (
    EDITIONS,
    Edition,
    FormLabels,
    check_editions,
    edition_by_key,
    edition_for,
    edition_for_year,
)

LANGS = ("kk", "ru", "en")
KEYS = ("mne-7-2020", "mne-45-2022", "dpm-mne-28-2025")


def test_the_three_editions():
    assert tuple(e.key for e in EDITIONS) == KEYS
    o7, o45, o28 = EDITIONS
    assert (o7.effective_from, o7.effective_to) == (date(2020, 2, 15), date(2022, 6, 30))
    assert (o45.effective_from, o45.effective_to) == (date(2022, 7, 1), date(2025, 5, 31))
    assert (o28.effective_from, o28.effective_to) == (date(2025, 6, 1), None)


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.key)
def test_parameters_of_every_edition(edition):
    assert edition.approval_days == 10
    assert edition.info_due_day == 10
    assert edition.report_due_day == 15
    assert edition.shift_to_workday is False
    assert edition.approvers == ("first_head", "chief_of_staff")
    assert all(edition.act[lang] for lang in LANGS)


def test_act_names_carry_order_numbers_and_dates():
    assert "№ 45" in edition_by_key("mne-45-2022").act["ru"] and "14 июня 2022" in EDITIONS[1].act["ru"]
    assert "No. 7" in EDITIONS[0].act["en"] and "3 February 2020" in EDITIONS[0].act["en"]
    assert "№ 28" in EDITIONS[2].act["kk"] and "2025 жылғы 14 мамырдағы" in EDITIONS[2].act["kk"]


@pytest.mark.parametrize(
    ("d", "key"),
    [
        (date(2020, 2, 15), "mne-7-2020"),
        (date(2022, 6, 30), "mne-7-2020"),
        (date(2022, 7, 1), "mne-45-2022"),
        (date(2025, 5, 31), "mne-45-2022"),
        (date(2025, 6, 1), "dpm-mne-28-2025"),
        (date(2100, 1, 1), "dpm-mne-28-2025"),
    ],
)
def test_edition_for_boundaries(d, key):
    assert edition_for(d).key == key


def test_no_edition_before_the_first():
    with pytest.raises(LookupError):
        edition_for(date(2020, 2, 14))


@pytest.mark.parametrize(
    ("year", "key"),
    [
        (2020, "mne-7-2020"),  # nothing in force on 1 Jan 2020: the edition that came into force that year
        (2021, "mne-7-2020"),
        (2022, "mne-7-2020"),  # the 2022 plan began under Order No. 7 although Order No. 45 came mid-year
        (2023, "mne-45-2022"),
        (2025, "mne-45-2022"),
        (2026, "dpm-mne-28-2025"),
    ],
)
def test_edition_for_year(year, key):
    assert edition_for_year(year).key == key


def test_edition_for_year_before_any_edition():
    with pytest.raises(LookupError):
        edition_for_year(2019)


def test_edition_by_key():
    assert edition_by_key("mne-45-2022") is EDITIONS[1]
    with pytest.raises(LookupError):
        edition_by_key("nope")


def test_edition_for_accepts_a_custom_pool():
    custom = (dataclasses.replace(EDITIONS[2], key="local", effective_from=date(2030, 1, 1)),)
    assert edition_for(date(2031, 1, 1), custom).key == "local"
    with pytest.raises(LookupError):
        edition_for(date(2026, 1, 1), custom)
    assert edition_for_year(2030, custom).key == "local"


class TestCheckEditions:
    def test_shipped_editions_are_consistent(self):
        check_editions(EDITIONS)

    def test_overlap_is_rejected(self):
        o7, o45, _ = EDITIONS
        with pytest.raises(ValueError, match="overlap"):
            check_editions((o7, dataclasses.replace(o45, effective_from=date(2022, 6, 30))))

    def test_open_ended_edition_before_another_is_rejected(self):
        o7, o45, _ = EDITIONS
        with pytest.raises(ValueError, match="overlap"):
            check_editions((dataclasses.replace(o7, effective_to=None), o45))

    def test_reversed_range_is_rejected(self):
        with pytest.raises(ValueError, match="ends before"):
            check_editions((dataclasses.replace(EDITIONS[0], effective_to=date(2020, 1, 1)),))

    def test_duplicate_keys_are_rejected(self):
        with pytest.raises(ValueError, match="duplicate"):
            check_editions((EDITIONS[0], dataclasses.replace(EDITIONS[1], key=EDITIONS[0].key)))

    def test_impossible_days_are_rejected(self):
        with pytest.raises(ValueError, match="impossible"):
            check_editions((dataclasses.replace(EDITIONS[0], info_due_day=32),))

    def test_a_gap_is_allowed(self):
        o7, o45, _ = EDITIONS
        check_editions((o7, dataclasses.replace(o45, effective_from=date(2022, 8, 1))))

    def test_runs_at_import(self):
        """A top-level ``check_editions(EDITIONS)`` call: a bad entry fails at start-up, not in a report."""
        tree = ast.parse(Path(rulebook.__file__).read_text(encoding="utf-8"))
        calls = [
            node.value
            for node in tree.body
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
        ]
        assert any(c.func.id == "check_editions" and c.args[0].id == "EDITIONS" for c in calls)


def test_editions_are_hashable_and_replaceable():
    shifted = dataclasses.replace(EDITIONS[1], shift_to_workday=True)
    assert shifted.shift_to_workday and not EDITIONS[1].shift_to_workday
    assert isinstance(hash(shifted), int)
    assert EDITIONS[1].in_force_on(date(2023, 1, 1)) and not EDITIONS[1].in_force_on(date(2025, 6, 1))


class TestFormLabels:
    edition = edition_by_key("mne-45-2022")

    def test_form_accessor(self):
        assert self.edition.form(1) is self.edition.form1 and self.edition.form(2) is self.edition.form2
        with pytest.raises(ValueError):
            self.edition.form(3)

    def test_form1_columns(self):
        f = self.edition.form1
        assert f.columns["kk"] == (
            "Р/с №",
            "Атауы",
            "Бюджеттік бағдарламаның коды",
            "Жауапты орындаушы",
            "Орындалу мерзімі",
            "Аяқталу нысаны",
        )
        assert f.columns["ru"] == (
            "№ п/п",
            "Наименование",
            "Код бюджетной программы",
            "Ответственный исполнитель",
            "Срок исполнения",
            "Форма завершения",
        )
        assert f.columns["en"] == (
            "No.",
            "Name",
            "Budget program code",
            "Responsible executor",
            "Deadline",
            "Completion form",
        )

    def test_form2_columns(self):
        f = self.edition.form2
        assert all(len(f.columns[lang]) == 8 for lang in LANGS)
        assert f.columns["kk"][0] == "№ р/с" and "Код бюджетной программы" not in f.columns["ru"]
        assert f.columns["kk"][5:] == (
            "Іс-шаралардың нақты орындалуы",
            "Орындалмау себептері",
            "Ұсынымдар, оның ішінде операциялық жоспарға өзгерістер енгізу жөніндегі ұсыныстар",
        )
        assert f.columns["ru"][5:] == (
            "Фактическое исполнение мероприятий",
            "Причины неисполнения",
            "Рекомендации, в том числе предложения по внесению изменений в операционный план",
        )
        assert f.columns["en"][5:] == (
            "Actual execution",
            "Reasons for non-execution",
            "Recommendations, incl. proposals to amend the plan",
        )

    def test_titles(self):
        f1, f2 = self.edition.form1, self.edition.form2
        assert (
            f1.get("title", "ru").format(body="Министерства", year=2026)
            == "Операционный план Министерства на 2026 год"
        )
        assert (
            f1.get("title", "kk").format(body="Министрліктің", year=2026)
            == "Министрліктің 2026 жылға арналған операциялық жоспары"
        )
        assert (
            f2.get("title", "kk").format(body="Министрліктің", year=2026, period="жарты жыл")
            == "Министрліктің 2026 жыл бойынша (жарты жыл) операциялық жоспарды іске асыру туралы есебі"
        )
        assert (
            f2.get("title", "ru").format(body="Министерства", year=2026, period="полугодие")
            == "Отчет о реализации операционного плана Министерства за 2026 год (полугодие)"
        )

    def test_sections(self):
        f1, f2 = self.edition.form1, self.edition.form2
        assert f1.section1["kk"].endswith("қол жеткізу жөніндегі іс-шаралар")
        assert f2.section1["kk"].endswith("қол жеткізу бойынша іс-шаралар")
        assert (
            f1.section1["ru"]
            == "I. Мероприятия по достижению целей и целевых индикаторов стратегического плана"
        )
        assert (
            f1.section2["ru"]
            == f2.section2["ru"]
            == ("II. Мероприятия по решению иных задач, определенных положением государственного органа")
        )
        assert f1.section2["kk"] == (
            "II. Мемлекеттік органның ережесінде айқындалған өзге де міндеттерді шешуге арналған іс-шаралар"
        )
        assert f1.subtitle == {
            "kk": "Мемлекеттік органның іс-шаралары",
            "ru": "Мероприятия государственного органа",
            "en": "Events of the state body",
        }

    @pytest.mark.parametrize(
        ("name", "kk", "ru", "en"),
        [
            ("direction", "2-стратегиялық бағыт", "Стратегическое направление 2", "Strategic direction 2"),
            ("macroindicator", "2-макроиндикатор", "Макроиндикатор 2", "Macroindicator 2"),
            ("goal", "2-мақсаты", "Цель 2", "Goal 2"),
            ("target_indicator", "2-нысаналы индикатор", "Целевой индикатор 2", "Target indicator 2"),
        ],
    )
    def test_group_rows(self, name, kk, ru, en):
        for form in (self.edition.form1, self.edition.form2):
            assert [form.get(name, lang).format(n=2) for lang in LANGS] == [kk, ru, en]
        assert self.edition.form1.get("goal", "kk").format(n="1.1") == "1.1-мақсаты"
        assert [self.edition.form1.get("events", lang) for lang in LANGS] == [
            "Іс-шаралар",
            "Мероприятия",
            "Events",
        ]

    def test_signatures(self):
        f1, f2 = self.edition.form1, self.edition.form2
        assert f1.signature["kk"] == "Операциялық жоспарды әзірлеуге жауапты құрылымдық бөлімшенің басшысы"
        assert f1.signature["ru"] == (
            "Руководитель структурного подразделения, ответственного за разработку операционного плана"
        )
        assert f2.signature["kk"] == (
            "Операциялық жоспардың іске асырылуы туралы есепті қалыптастыруға жауапты "
            "құрылымдық бөлімшенің басшысы"
        )
        assert f2.signature["ru"] == (
            "Руководитель структурного подразделения, ответственного за формирование "
            "отчета о реализации операционного плана"
        )
        for form in (f1, f2):
            assert form.signature_hint == {
                "kk": "(Аты, әкесінің аты (болған жағдайда), тегі (қолы))",
                "ru": "(фамилия, имя, отчество (при его наличии), подпись)",
                "en": "(full name, signature)",
            }

    def test_every_label_exists_in_every_language(self):
        for form in (self.edition.form1, self.edition.form2):
            for field in dataclasses.fields(FormLabels):
                assert all(form.get(field.name, lang) for lang in LANGS), field.name

    def test_get_falls_back_to_russian(self):
        form = dataclasses.replace(self.edition.form1, title={"ru": "Операционный план {body} на {year} год"})
        assert form.get("title", "kk") == "Операционный план {body} на {year} год"
        assert form.get("subtitle", "de") == "Мероприятия государственного органа"
        with pytest.raises(AttributeError):
            form.get("nonexistent", "ru")


def test_edition_type():
    assert all(isinstance(e, Edition) for e in EDITIONS)
