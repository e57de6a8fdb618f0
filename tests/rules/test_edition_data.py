"""An edition as plain data (what the database keeps) and the checks a correction must pass."""

import dataclasses
import json
from datetime import date

import pytest

from jospar.rules import correction_problems, edition_from_dict, edition_to_dict
from jospar.rules.edition_data import Found, Problem, labels_from_dict, placeholders
from jospar.rules.rulebook import EDITIONS

O7, O45, O28 = EDITIONS


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.key)
def test_every_edition_round_trips_through_json(edition):
    data = json.loads(json.dumps(edition_to_dict(edition), ensure_ascii=False))
    back = edition_from_dict(data)
    assert back == edition
    assert back.form1.columns == edition.form1.columns and back.form2.title == edition.form2.title
    assert back.act == edition.act and back.approvers == edition.approvers
    assert data["effective_from"] == edition.effective_from.isoformat()
    assert isinstance(data["form1"]["columns"]["kk"], list)


def test_dates_may_come_as_dates():
    data = edition_to_dict(O45) | {"effective_from": date(2022, 7, 1), "effective_to": None}
    assert edition_from_dict(data).effective_to is None


def test_a_missing_label_is_refused():
    labels = edition_to_dict(O45)["form1"]
    del labels["signature"]
    with pytest.raises(ValueError, match="signature"):
        labels_from_dict(labels)


def test_placeholders():
    assert placeholders("{body} {year} жылға") == {"body", "year"}
    assert placeholders("Цель {n}") == {"n"} and placeholders("no fields") == frozenset()
    assert placeholders("broken {n") is None


def _corrected(edition, form="form1", **labels):
    data = edition_to_dict(edition)
    for name, (lang, text) in labels.items():
        data[form][name][lang] = text
    return edition_from_dict(data)


def test_a_corrected_wording_passes():
    new = _corrected(O28, title=("ru", "Операционный план {body} на {year} год (исправлено)"))
    assert correction_problems(O28, new, EDITIONS) == []


@pytest.mark.parametrize(("label", "lang", "text", "problem"), [
    ("title", "kk", "{body} жылға арналған операциялық жоспары", Problem.PLACEHOLDERS),  # {year} lost
    ("goal", "ru", "Цель {m}", Problem.PLACEHOLDERS),
    ("direction", "en", "Strategic direction {n", Problem.PLACEHOLDERS),
    ("signature", "kk", "  ", Problem.BLANK),
])
def test_a_broken_label_is_found(label, lang, text, problem):
    new = _corrected(O28, **{label: (lang, text)})
    assert correction_problems(O28, new, EDITIONS) == [Found(problem, 1, label, lang)]


def test_form2_keeps_its_period_and_its_eight_columns():
    new = _corrected(O28, "form2", title=("ru", "Отчет {body} за {year} год"))
    assert Found(Problem.PLACEHOLDERS, 2, "title", "ru") in correction_problems(O28, new, EDITIONS)
    data = edition_to_dict(O28)
    data["form2"]["columns"]["ru"] = data["form2"]["columns"]["ru"][:7]
    assert correction_problems(O28, edition_from_dict(data), EDITIONS) == [Found(Problem.COLUMNS, 2, "columns", "ru")]


@pytest.mark.parametrize(("change", "problem", "keys"), [
    ({"effective_from": date(2025, 5, 1)}, Problem.OVERLAP, ("mne-45-2022", "dpm-mne-28-2025")),
    ({"effective_to": date(2025, 1, 1)}, Problem.ENDS_BEFORE_START, ("dpm-mne-28-2025",)),
    ({"report_due_day": 32}, Problem.DAYS, ("dpm-mne-28-2025",)),
    ({"approval_days": 0}, Problem.DAYS, ("dpm-mne-28-2025",)),
    ({"approvers": ("minister",)}, Problem.APPROVERS, ("dpm-mne-28-2025",)),
    ({"approvers": ()}, Problem.APPROVERS, ("dpm-mne-28-2025",)),
])
def test_inconsistent_parameters_are_found(change, problem, keys):
    new = dataclasses.replace(O28, **change)
    assert correction_problems(O28, new, EDITIONS) == [Found(problem, keys=keys)]


def test_a_blank_act_title_is_found():
    new = dataclasses.replace(O28, act=O28.act | {"ru": ""})
    assert correction_problems(O28, new, EDITIONS) == [Found(Problem.BLANK, label="act", lang="ru")]
