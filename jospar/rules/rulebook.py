"""The rulebook: one entry per edition of the Rules on the operational plan.

The law changes (Order No. 7 of 2020, restated by Order No. 45 of 2022, repealed and
replaced by Order No. 28 of 2025), so the parameters the product enforces - who
approves, how many days, the due days of information and report, the official form
labels - live here as data with effective dates instead of being scattered through
the code. A new edition is a new entry. A plan is governed by the edition in force
when its year began (``edition_for_year``).

Label dicts are plain dicts so that ``dataclasses.asdict``/``replace`` work and a body
can override a label from the database; treat them as read-only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, overload

from jospar.rules.indicators import Thresholds
from jospar.rules.languages import pick_from


@dataclass(frozen=True)
class FormLabels:
    """Official texts of one annex form, per language (kk, ru, en).

    ``title`` is a format string: Form 1 uses ``{body}`` and ``{year}``, Form 2 also
    ``{period}``. Group row formats (``direction`` ...) take ``{n}``.
    """

    title: dict[str, str] = field(hash=False)
    subtitle: dict[str, str] = field(hash=False)
    columns: dict[str, tuple[str, ...]] = field(hash=False)
    section1: dict[str, str] = field(hash=False)
    section2: dict[str, str] = field(hash=False)
    direction: dict[str, str] = field(hash=False)
    macroindicator: dict[str, str] = field(hash=False)
    goal: dict[str, str] = field(hash=False)
    target_indicator: dict[str, str] = field(hash=False)
    events: dict[str, str] = field(hash=False)
    signature: dict[str, str] = field(hash=False)
    signature_hint: dict[str, str] = field(hash=False)
    # Form 2 for the whole year: the reporting period is the year alone («за 2026 год», not «за 2026 год (год)»).
    title_year: dict[str, str] = field(default_factory=dict, hash=False)

    def report_title(self, lang: str, *, body: str, year: int, period: str | None = None) -> str:
        """The title with the reporting period in brackets, or the year's title when ``period`` is None."""
        if period is None and self.title_year:
            return self.get("title_year", lang).format(body=body, year=year)
        return self.get("title", lang).format(body=body, year=year, period=period or "")

    # The literal "columns" is also a str: mypy flags the overlap, but the first overload wins.
    @overload
    def get(self, name: Literal["columns"], lang: str) -> tuple[str, ...]: ...  # type: ignore[overload-overlap]
    @overload
    def get(self, name: str, lang: str) -> str: ...

    def get(self, name: str, lang: str) -> str | tuple[str, ...]:
        """The label ``name`` in ``lang``; Russian when that language is missing (never blank)."""
        found: str | tuple[str, ...] = pick_from(getattr(self, name), lang)
        return found


@dataclass(frozen=True)
class Edition:
    """One edition of the Rules and the parameters it sets (defaults: the 2022 text)."""

    key: str
    act: dict[str, str] = field(hash=False)
    effective_from: date
    effective_to: date | None
    form1: FormLabels = field(hash=False)
    form2: FormLabels = field(hash=False)
    approval_days: int = 10  # §6: approved within 10 calendar days of the development plan's signing
    info_due_day: int = 10  # §13: units' information by the 10th of the month after the quarter
    report_due_day: int = 15  # §15: the monitoring unit's report by the 15th
    shift_to_workday: bool = False  # the act counts calendar days; moving off weekends is an option
    approvers: tuple[str, ...] = ("first_head", "chief_of_staff")  # §6
    text_checked: bool = True  # False: labels and parameters carried over until the act's own text is checked
    # Indicators' achievement (jospar.rules.indicators): not the act's, the practice's; a body's planning
    # authority tunes them in the rulebook.
    indicator_achieved: int = 100
    indicator_on_track: int = 90
    indicator_tolerance: int = 5

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(self.indicator_achieved, self.indicator_on_track, self.indicator_tolerance)

    def in_force_on(self, d: date) -> bool:
        return self.effective_from <= d and (self.effective_to is None or d <= self.effective_to)

    def form(self, number: int) -> FormLabels:
        """Labels of Annex ``number`` (1: the plan, 2: the report)."""
        if number == 1:
            return self.form1
        if number == 2:
            return self.form2
        raise ValueError(f"no form {number!r}; the Rules have forms 1 and 2")


_SIGNATURE_HINT = {
    "kk": "(Аты, әкесінің аты (болған жағдайда), тегі (қолы))",
    "ru": "(фамилия, имя, отчество (при его наличии), подпись)",
    "en": "(full name, signature)",
}
_SUBTITLE = {
    "kk": "Мемлекеттік органның іс-шаралары",
    "ru": "Мероприятия государственного органа",
    "en": "Events of the state body",
}
_SECTION2 = {
    "kk": "II. Мемлекеттік органның ережесінде айқындалған өзге де міндеттерді шешуге арналған іс-шаралар",
    "ru": "II. Мероприятия по решению иных задач, определенных положением государственного органа",
    "en": "II. Events to solve other tasks defined by the regulation of the state body",
}
_RU_SECTION1 = "I. Мероприятия по достижению целей и целевых индикаторов стратегического плана"
_EN_SECTION1 = "I. Events to achieve the goals and target indicators of the strategic plan"
_GROUPS = {
    "direction": {
        "kk": "{n}-стратегиялық бағыт",
        "ru": "Стратегическое направление {n}",
        "en": "Strategic direction {n}",
    },
    "macroindicator": {"kk": "{n}-макроиндикатор", "ru": "Макроиндикатор {n}", "en": "Macroindicator {n}"},
    "goal": {"kk": "{n}-мақсаты", "ru": "Цель {n}", "en": "Goal {n}"},
    "target_indicator": {
        "kk": "{n}-нысаналы индикатор",
        "ru": "Целевой индикатор {n}",
        "en": "Target indicator {n}",
    },
    "events": {"kk": "Іс-шаралар", "ru": "Мероприятия", "en": "Events"},
}


def _groups() -> dict[str, dict[str, str]]:
    return {name: dict(texts) for name, texts in _GROUPS.items()}


# Annex 1 (Form 1), texts from the 2022 Kazakh seed; Russian not yet checked word for word.
_FORM1_TITLE = {
    "kk": "{body} {year} жылға арналған операциялық жоспары",
    "ru": "Операционный план {body} на {year} год",
    "en": "Operational plan of {body} for {year}",
}
FORM1_2022 = FormLabels(
    title=dict(_FORM1_TITLE),
    title_year=dict(_FORM1_TITLE),  # the plan is always for a whole year
    subtitle=dict(_SUBTITLE),
    columns={
        "kk": (
            "Р/с №",
            "Атауы",
            "Бюджеттік бағдарламаның коды",
            "Жауапты орындаушы",
            "Орындалу мерзімі",
            "Аяқталу нысаны",
        ),
        "ru": (
            "№ п/п",
            "Наименование",
            "Код бюджетной программы",
            "Ответственный исполнитель",
            "Срок исполнения",
            "Форма завершения",
        ),
        "en": ("No.", "Name", "Budget program code", "Responsible executor", "Deadline", "Completion form"),
    },
    section1={
        "kk": "I. Стратегиялық жоспардың мақсаттары мен нысаналы индикаторларына қол жеткізу жөніндегі "
        "іс-шаралар",
        "ru": _RU_SECTION1,
        "en": _EN_SECTION1,
    },
    section2=dict(_SECTION2),
    signature={
        "kk": "Операциялық жоспарды әзірлеуге жауапты құрылымдық бөлімшенің басшысы",
        "ru": "Руководитель структурного подразделения, ответственного за разработку операционного плана",
        "en": "Head of the structural unit responsible for drafting the operational plan",
    },
    signature_hint=dict(_SIGNATURE_HINT),
    **_groups(),
)

# Annex 2 (Form 2): no budget code column; three report columns; «... қол жеткізу бойынша іс-шаралар».
FORM2_2022 = FormLabels(
    title={
        "kk": "{body} {year} жыл бойынша ({period}) операциялық жоспарды іске асыру туралы есебі",
        "ru": "Отчет о реализации операционного плана {body} за {year} год ({period})",
        "en": "Report on the implementation of the operational plan of {body} for {year} ({period})",
    },
    title_year={
        "kk": "{body} {year} жыл бойынша операциялық жоспарды іске асыру туралы есебі",
        "ru": "Отчет о реализации операционного плана {body} за {year} год",
        "en": "Report on the implementation of the operational plan of {body} for {year}",
    },
    subtitle=dict(_SUBTITLE),
    columns={
        "kk": (
            "№ р/с",
            "Атауы",
            "Жауапты орындаушы",
            "Орындалу мерзімі",
            "Аяқталу нысаны",
            "Іс-шаралардың нақты орындалуы",
            "Орындалмау себептері",
            "Ұсынымдар, оның ішінде операциялық жоспарға өзгерістер енгізу жөніндегі ұсыныстар",
        ),
        "ru": (
            "№ п/п",
            "Наименование",
            "Ответственный исполнитель",
            "Срок исполнения",
            "Форма завершения",
            "Фактическое исполнение мероприятий",
            "Причины неисполнения",
            "Рекомендации, в том числе предложения по внесению изменений в операционный план",
        ),
        "en": (
            "No.",
            "Name",
            "Responsible executor",
            "Deadline",
            "Completion form",
            "Actual execution",
            "Reasons for non-execution",
            "Recommendations, incl. proposals to amend the plan",
        ),
    },
    section1={
        "kk": "I. Стратегиялық жоспардың мақсаттары мен нысаналы индикаторларына қол жеткізу бойынша "
        "іс-шаралар",
        "ru": _RU_SECTION1,
        "en": _EN_SECTION1,
    },
    section2=dict(_SECTION2),
    signature={
        "kk": "Операциялық жоспардың іске асырылуы туралы есепті қалыптастыруға жауапты құрылымдық "
        "бөлімшенің басшысы",
        "ru": "Руководитель структурного подразделения, ответственного за формирование отчета о реализации "
        "операционного плана",
        "en": "Head of the structural unit responsible for compiling the report on the implementation "
        "of the operational plan",
    },
    signature_hint=dict(_SIGNATURE_HINT),
    **_groups(),
)

EDITIONS: tuple[Edition, ...] = (
    # The original Rules. Its form texts were not at hand; the 2022 restatement kept the layout,
    # so the 2022 labels are reused (a body can correct them in the database).
    Edition(
        key="mne-7-2020",
        act={
            "kk": "Операциялық жоспарды әзірлеу, іске асыру, мониторингілеу және іске асырылуын бақылау "
            "қағидалары (Қазақстан Республикасы Ұлттық экономика министрінің 2020 жылғы 3 ақпандағы "
            "№ 7 бұйрығымен бекітілген, № 20006 болып тіркелген)",
            "ru": "Правила разработки, реализации, проведения мониторинга и контроля реализации "
            "операционного плана (утверждены приказом Министра национальной экономики Республики "
            "Казахстан от 3 февраля 2020 года № 7, зарегистрирован № 20006)",
            "en": "Rules for developing, implementing, monitoring and controlling the implementation of the "
            "operational plan (approved by Order No. 7 of the Minister of National Economy of the "
            "Republic of Kazakhstan of 3 February 2020, registered No. 20006)",
        },
        effective_from=date(2020, 2, 15),
        effective_to=date(2022, 6, 30),
        form1=FORM1_2022,
        form2=FORM2_2022,
    ),
    # Assumption: in force "ten calendar days after its first official publication"; the
    # publication date is not in the seed. Registered 15 June 2022, so publication about
    # 20 June 2022 is assumed, giving 1 July 2022. Correct both boundaries when known.
    Edition(
        key="mne-45-2022",
        act={
            "kk": "Операциялық жоспарды әзірлеу, іске асыру, іске асырылуы бойынша мониторинг жүргізу "
            "қағидалары (Қазақстан Республикасы Ұлттық экономика министрінің 2020 жылғы 3 ақпандағы "
            "№ 7 бұйрығымен бекітілген, 2022 жылғы 14 маусымдағы № 45 бұйрығының редакциясында)",
            "ru": "Правила разработки, реализации, проведения мониторинга реализации операционного плана "
            "(утверждены приказом Министра национальной экономики Республики Казахстан от 3 февраля "
            "2020 года № 7, в редакции приказа от 14 июня 2022 года № 45)",
            "en": "Rules for developing, implementing and monitoring the implementation of the operational "
            "plan (approved by Order No. 7 of the Minister of National Economy of the Republic of "
            "Kazakhstan of 3 February 2020, as restated by Order No. 45 of 14 June 2022)",
        },
        effective_from=date(2022, 7, 1),
        effective_to=date(2025, 5, 31),
        form1=FORM1_2022,
        form2=FORM2_2022,
    ),
    # Order No. 28 of 14 May 2025 repealed Order No. 45; in force ten calendar days after first
    # publication, assumed 1 June 2025. Its text is not in the seed: all parameters and labels
    # are ASSUMED UNCHANGED from the 2022 edition until the text is checked.
    Edition(
        key="dpm-mne-28-2025",
        act={
            "kk": "Қазақстан Республикасы Премьер-Министрінің орынбасары - Ұлттық экономика министрінің "
            "2025 жылғы 14 мамырдағы № 28 бұйрығы",
            "ru": "Приказ Заместителя Премьер-Министра - Министра национальной экономики Республики "
            "Казахстан от 14 мая 2025 года № 28",
            "en": "Order No. 28 of the Deputy Prime Minister - Minister of National Economy of the Republic "
            "of Kazakhstan of 14 May 2025",
        },
        effective_from=date(2025, 6, 1),
        effective_to=None,
        form1=FORM1_2022,
        form2=FORM2_2022,
        text_checked=False,
    ),
)


def check_editions(editions: Iterable[Edition]) -> None:
    """Raise ValueError unless keys are unique, each range is ordered and no two ranges overlap.

    Overlapping editions would make "the edition in force" ambiguous, so this runs at import.
    """
    items = sorted(editions, key=lambda e: e.effective_from)
    keys = [e.key for e in items]
    if len(set(keys)) != len(keys):
        raise ValueError(f"duplicate edition keys: {keys}")
    for e in items:
        if e.effective_to is not None and e.effective_to < e.effective_from:
            raise ValueError(f"edition {e.key} ends before it starts")
        if not (e.approval_days > 0 and 1 <= e.info_due_day <= 31 and 1 <= e.report_due_day <= 31):
            raise ValueError(f"edition {e.key} has impossible day parameters")
    for prev, nxt in zip(items, items[1:], strict=False):
        if prev.effective_to is None or prev.effective_to >= nxt.effective_from:
            raise ValueError(f"editions {prev.key} and {nxt.key} overlap")


check_editions(EDITIONS)


def edition_for(d: date, editions: Iterable[Edition] | None = None) -> Edition:
    """The edition in force on ``d``; LookupError when none was."""
    for e in EDITIONS if editions is None else editions:
        if e.in_force_on(d):
            return e
    raise LookupError(f"no edition of the Rules in force on {d.isoformat()}")


def edition_for_year(year: int, editions: Iterable[Edition] | None = None) -> Edition:
    """The edition governing the plan for ``year``: the one in force on 1 January.

    When no edition was in force on 1 January (the 2020 plans: Order No. 7 came into force on
    15 February 2020) the first edition that came into force during the year governs, since
    those plans were approved and monitored under it. LookupError when none applies at all.
    """
    pool = tuple(EDITIONS if editions is None else editions)
    try:
        return edition_for(date(year, 1, 1), pool)
    except LookupError:
        later = sorted((e for e in pool if e.effective_from.year == year), key=lambda e: e.effective_from)
        if later:
            return later[0]
        raise


def edition_by_key(key: str) -> Edition:
    """The edition with ``key``; KeyError (a LookupError) when unknown."""
    for e in EDITIONS:
        if e.key == key:
            return e
    raise KeyError(key)
