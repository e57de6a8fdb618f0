"""The org-structure workbook (a body's units and people): its sheets, columns and value lists — the contract
shared by the template writer (`org_template`) and the importer (`org_structure`).

Like the development-plan workbook, every data sheet has a hidden row 1 with language-independent column
keys, a header row 2 in the workbook's language (Kazakh or Russian) and data from row 3. Sheet names and
the words of the value lists (yes/no, languages) are fixed tables in the three languages, so a workbook
made in one language imports whatever language its reader uses; kinds, roles and offices are accepted
by their label in any language or by their key.
"""
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from jospar import rules
from jospar.orgs.manage.services import GRANTABLE_ROLES
from jospar.orgs.models import Office, OrgUnit

KEY_ROW, HEADER_ROW, FIRST_DATA_ROW = 1, 2, 3
MAX_ROWS = 3000  # data rows per sheet
MAX_COLUMNS = 30

SHEET_NAMES = {
    "instructions": {"kk": "Нұсқаулық", "ru": "Инструкция", "en": "Instructions"},
    "units": {"kk": "Бөлімшелер", "ru": "Подразделения", "en": "Units"},
    "people": {"kk": "Қызметкерлер", "ru": "Сотрудники", "en": "People"},
    "lists": {"kk": "Тізімдер", "ru": "Списки", "en": "Lists"},
}
DATA_SHEETS = ("units", "people")
SHEET_ORDER = ("instructions", "units", "people", "lists")

YES = {"kk": "иә", "ru": "да", "en": "yes"}
NO = {"kk": "жоқ", "ru": "нет", "en": "no"}
LANGUAGE_NAMES = {
    "kk": {"kk": "қазақ тілі", "ru": "казахский", "en": "Kazakh"},
    "ru": {"kk": "орыс тілі", "ru": "русский", "en": "Russian"},
    "en": {"kk": "ағылшын тілі", "ru": "английский", "en": "English"},
}


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # a lazy translation
    width: int = 18
    required: bool = False


COLUMNS = {
    "units": (
        Column("code", _("Code (Latin letters, digits, - and _)"), 16, True),
        Column("kind", _("Kind"), 26, True),
        Column("name_kk", _("Name in Kazakh"), 45, True),
        Column("name_ru", _("Name in Russian"), 45, True),
        Column("name_en", _("Name in English"), 30),
        Column("is_planning", _("Responsible for planning and monitoring (yes/no)"), 18),
        Column("position", _("Order"), 9),
    ),
    "people": (
        Column("username", _("Login"), 16, True),
        Column("last_name", _("Last name"), 18, True),
        Column("first_name", _("First name"), 16, True),
        Column("patronymic", _("Patronymic"), 18),
        Column("email", _("E-mail"), 24),
        Column("position_kk", _("Position (Kazakh)"), 30),
        Column("position_ru", _("Position (Russian)"), 30),
        Column("language", _("Language of the interface"), 14),
        Column("role", _("Role"), 30, True),
        Column("unit", _("Unit code (for a planner, unit head or unit staff)"), 16),
        Column("office", _("Office (§6), executives only"), 22),
        Column("acting", _("Acting for the holder of the office (yes/no)"), 14),
    ),
}


def sheet_name(kind: str, lang: str) -> str:
    return SHEET_NAMES[kind].get(lang) or SHEET_NAMES[kind]["en"]


def norm(text) -> str:
    return " ".join(str(text).split()).casefold()


def sheet_kind(title: str) -> str | None:
    wanted = norm(title)
    for kind, names in SHEET_NAMES.items():
        if any(wanted == name.casefold() for name in names.values()):
            return kind
    return None


def labels(choices, lang: str) -> list[tuple[str, str]]:
    """(value, label) of ``choices`` in ``lang``."""
    with translation.override(lang):
        return [(value, str(label)) for value, label in choices]


def lookup(choices) -> dict[str, str]:
    """Every accepted spelling of ``choices`` (the key, the label in each language) -> the value."""
    found = {}
    for lang in rules.LANGS:
        for value, label in labels(choices, lang):
            found[norm(label)] = value
    for value, _label in choices:
        found.setdefault(norm(value), value)
    return found


def kind_choices():
    return list(OrgUnit.Kind.choices)


def role_choices():
    return [(role.value, role.label) for role in GRANTABLE_ROLES]


def office_choices():
    return list(Office.choices)


def language_lookup() -> dict[str, str]:
    found = {}
    for code, names in LANGUAGE_NAMES.items():
        found[code] = code
        for name in names.values():
            found[norm(name)] = code
    return found


def yes_no(value) -> bool | None:
    """True, False, or None when the cell is neither a yes nor a no in any language."""
    if value is None or value is False or (isinstance(value, str) and not value.strip()):
        return False
    if value is True:
        return True
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = norm(value)
    if text in {w.casefold() for w in YES.values()} | {"1", "true"}:
        return True
    if text in {w.casefold() for w in NO.values()} | {"0", "false"}:
        return False
    return None
