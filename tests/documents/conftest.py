"""Fixtures for official documents: a small plan with a planning-unit head, synthetic Form 2 rows."""
import pytest

from jospar.monitoring.report_data import Row2
from jospar.orgs.models import Membership, Role
from tests.factories import UserFactory, member

# The Form 2 writers are tested with synthetic rows of monitoring's own row type.
FakeRow2 = Row2


@pytest.fixture
def head(small_plan):
    """The head of the planning unit: the one who signs."""
    body = small_plan.plan.body
    unit = body.units.get(is_planning=True)
    user = UserFactory(username="spa-head", first_name="Динара", last_name="Жақсылықова")
    user.person.patronymic = "Серікқызы"
    user.person.save()
    Membership.objects.create(user=user, body=body, role=Role.UNIT_HEAD, unit=unit)
    return user


@pytest.fixture
def viewer(small_plan):
    return member(small_plan.plan.body, Role.VIEWER, username="viewer")


def synthetic_form2_rows(n_events: int = 6, lang: str = "ru") -> list[FakeRow2]:
    """Form 2 rows in the order of the form: Section I with a direction, goal, indicator; Section II."""
    ru = lang == "ru"
    rows = [
        FakeRow2("section", "I. Мероприятия по достижению целей" if ru else "I. Мақсаттарға қол жеткізу"),
        FakeRow2("direction", "Водная безопасность" if ru else "Су қауіпсіздігі", "Стратегическое направление 1"
                 if ru else "1-стратегиялық бағыт"),
        FakeRow2("macroindicator", "Доля орошаемых земель" if ru else "Суармалы жер үлесі",
                 "Макроиндикатор 1" if ru else "1-макроиндикатор"),
    ]
    for i in range(1, n_events + 1):
        rows.append(FakeRow2(
            "event", f"Мероприятие {i}: реконструкция каналов" if ru else f"Іс-шара {i}: арналарды қайта жаңарту",
            str(i), "Отдел 1" if ru else "1-бөлім", "IV квартал" if ru else "IV тоқсан",
            "Приказ" if ru else "Бұйрық", f"Исполнено {i}" if ru else f"Орындалды {i}",
            "" if i % 2 else ("Нет средств" if ru else "Қаражат жоқ"),
            "Ускорить" if ru else "Жеделдету", "executed",
        ))
    rows.append(FakeRow2("section", "II. Иные задачи" if ru else "II. Өзге де міндеттер"))
    return rows
