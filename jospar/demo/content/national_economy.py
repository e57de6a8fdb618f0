"""The state planning authority: the Ministry of National Economy of the Republic of Kazakhstan (code ``mne``),
which owns the Rules and reads every body's plan through the national view. The demo gives it no plan of
its own: the national user (`national`) belongs to it."""

from typing import Any

from .agriculture import _unit

BODY: dict[str, Any] = {
    "code": "mne",
    "kind": "central",
    "region": "",
    "name_kk": "Қазақстан Республикасы Ұлттық экономика министрлігі",
    "name_ru": "Министерство национальной экономики Республики Казахстан",
    "name_en": "Ministry of National Economy of the Republic of Kazakhstan",
    "title_name_kk": "Қазақстан Республикасы Ұлттық экономика министрлігінің",
    "title_name_ru": "Министерства национальной экономики Республики Казахстан",
}

UNITS: list[dict[str, Any]] = [
    _unit("mnsp", "Мемлекеттік жоспарлау департаменті", "Департамент государственного планирования",
          "Department of State Planning", "Серікбаев Бауыржан Әскербекұлы", is_planning=True),
]

PEOPLE: list[dict[str, Any]] = [
    {
        "username": "national",
        "role": "national",
        "unit": None,
        "last_name": "Сұлтанбекова",
        "first_name": "Әсел",
        "patronymic": "Нұрланқызы",
        "email": "a.sultanbekova@economy.gov.kz",
        "position_kk": "Мемлекеттік жоспарлау департаментінің бас сарапшысы",
        "position_ru": "Главный эксперт Департамента государственного планирования",
    },
]
