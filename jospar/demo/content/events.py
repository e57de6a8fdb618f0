"""The operational plan content: completion forms, budget programs and the events of 2026 and of
the 2027 draft."""

from typing import Any

from .events_2027 import NEXT_YEAR_EVENTS
from .events_direction1 import EVENTS_DIRECTION_1
from .events_direction2 import EVENTS_DIRECTION_2
from .events_direction3 import EVENTS_DIRECTION_3
from .events_section2 import EVENTS_SECTION_2

# The managed list of completion forms (domain.md §6); events refer to them by code.
COMPLETION_FORMS: list[dict[str, Any]] = [
    {"code": "gov_info", "name_kk": "Үкіметке ақпарат", "name_ru": "Информация в Правительство",
     "name_en": "Information to the Government"},
    {"code": "ap_info", "name_kk": "Президент Әкімшілігіне ақпарат",
     "name_ru": "Информация в Администрацию Президента",
     "name_en": "Information to the Administration of the President"},
    {"code": "lead_info", "name_kk": "Басшылыққа ақпарат", "name_ru": "Информация руководству",
     "name_en": "Information to the leadership"},
    {"code": "order", "name_kk": "Министрдің бұйрығы", "name_ru": "Приказ министра",
     "name_en": "Order of the Minister"},
    {"code": "joint_order", "name_kk": "Бірлескен бұйрық", "name_ru": "Совместный приказ",
     "name_en": "Joint order"},
    {"code": "gov_decree", "name_kk": "Үкімет қаулысы", "name_ru": "Постановление Правительства",
     "name_en": "Government decree"},
    {"code": "draft_law", "name_kk": "Заң жобасы", "name_ru": "Проект закона", "name_en": "Draft law"},
    {"code": "report", "name_kk": "Есеп", "name_ru": "Отчет", "name_en": "Report"},
    {"code": "analytical_note", "name_kk": "Талдамалық анықтама", "name_ru": "Аналитическая справка",
     "name_en": "Analytical note"},
    {"code": "minutes", "name_kk": "Хаттама", "name_ru": "Протокол", "name_en": "Minutes"},
    {"code": "method", "name_kk": "Әдістемелік ұсынымдар", "name_ru": "Методические рекомендации",
     "name_en": "Methodological recommendations"},
    {"code": "press", "name_kk": "Баспасөз релизі", "name_ru": "Пресс-релиз", "name_en": "Press release"},
    {"code": "act_comm", "name_kk": "Пайдалануға беру актісі", "name_ru": "Акт ввода в эксплуатацию",
     "name_en": "Act of commissioning"},
    {"code": "contracts", "name_kk": "Шарттар", "name_ru": "Договоры", "name_en": "Contracts"},
    {"code": "intl_agreement", "name_kk": "Қол қойылған халықаралық құжат",
     "name_ru": "Подписанный международный документ", "name_en": "Signed international document"},
]

# Budget programs (and subprograms) of the ministry used by the events' "budget" field.
BUDGET_PROGRAMS: list[dict[str, Any]] = [
    {"code": "001", "subprogram": "",
     "name_kk": "Су ресурстарын басқару және ирригация саласындағы мемлекеттік саясатты қалыптастыру "
     "және іске асыру жөніндегі қызметтер",
     "name_ru": "Услуги по формированию и реализации государственной политики в области управления "
     "водными ресурсами и ирригации",
     "name_en": "Services for shaping and implementing state policy on water resources and irrigation"},
    {"code": "005", "subprogram": "",
     "name_kk": "Су шаруашылығы инфрақұрылымын дамыту",
     "name_ru": "Развитие водохозяйственной инфраструктуры",
     "name_en": "Development of water infrastructure"},
    {"code": "005", "subprogram": "100",
     "name_kk": "Ирригациялық және мелиоративтік жүйелерді реконструкциялау",
     "name_ru": "Реконструкция ирригационных и мелиоративных систем",
     "name_en": "Reconstruction of irrigation and drainage systems"},
    {"code": "005", "subprogram": "101",
     "name_kk": "Су қоймалары мен гидротехникалық құрылыстарды салу және реконструкциялау",
     "name_ru": "Строительство и реконструкция водохранилищ и гидротехнических сооружений",
     "name_en": "Construction and reconstruction of reservoirs and hydrotechnical structures"},
    {"code": "005", "subprogram": "102",
     "name_kk": "Су шаруашылығы объектілерін күтіп-ұстау және пайдалану",
     "name_ru": "Содержание и эксплуатация водохозяйственных объектов",
     "name_en": "Maintenance and operation of water facilities"},
    {"code": "007", "subprogram": "",
     "name_kk": "Су шаруашылығын цифрландыру",
     "name_ru": "Цифровизация водного хозяйства",
     "name_en": "Digitalisation of water management"},
    {"code": "007", "subprogram": "101",
     "name_kk": "Су ресурстарын басқарудың ақпараттық жүйелерін құру және дамыту",
     "name_ru": "Создание и развитие информационных систем управления водными ресурсами",
     "name_en": "Building and developing water management information systems"},
    {"code": "010", "subprogram": "",
     "name_kk": "Су шаруашылығы саласындағы қолданбалы ғылыми зерттеулер",
     "name_ru": "Прикладные научные исследования в области водного хозяйства",
     "name_en": "Applied research in water management"},
    {"code": "014", "subprogram": "",
     "name_kk": "Су тасқынына қарсы іс-шаралар және елді мекендерді су басудан қорғау",
     "name_ru": "Противопаводковые мероприятия и защита населенных пунктов от затопления",
     "name_en": "Flood control and protection of settlements from inundation"},
]

# Operational plan 2026 in Form 1 order: Section I by direction, then Section II.
EVENTS = [*EVENTS_DIRECTION_1, *EVENTS_DIRECTION_2, *EVENTS_DIRECTION_3, *EVENTS_SECTION_2]

__all__ = ["BUDGET_PROGRAMS", "COMPLETION_FORMS", "EVENTS", "NEXT_YEAR_EVENTS"]
