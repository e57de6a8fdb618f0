"""What the rulebook page reads: the editions, and the history of one as a list of changes (one query)."""
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

from jospar import rules
from jospar.orgs.models import Office
from jospar.rules.edition_data import LABEL_NAMES

from .data import FIELDS
from .labels import FIELD_TITLES, LANG_NAMES, column, where
from .models import Edition

SIMPLE = tuple(name for name in FIELDS if name not in ("form1", "form2"))


@dataclass(frozen=True)
class Change:
    when: datetime
    who: str
    what: str
    old: str
    new: str


def _who(record) -> str:
    user = record.history_user
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.short_name if person is not None else user.get_username()


def _shown(value) -> str:
    """A parameter as the reader reads it: 25.11.2026, yes / no, the approvers' offices."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, list):
        return ", ".join(str(Office(code).label) if code in Office.values else str(code) for code in value)
    return str(value)


def _label_changes(form: int, old: dict, new: dict):
    for name in LABEL_NAMES:
        before, after = old.get(name, {}), new.get(name, {})
        for lang in rules.LANGS:
            if name == "columns":
                pairs = list(zip(before.get(lang, []), after.get(lang, []), strict=False))
                for i, (a, b) in enumerate(pairs, start=1):
                    if a != b:
                        yield f"{where(form, name)} · {column(i)} · {LANG_NAMES[lang]}", a, b
            elif before.get(lang, "") != after.get(lang, ""):
                yield f"{where(form, name)} · {LANG_NAMES[lang]}", before.get(lang, ""), after.get(lang, "")


def _diff(old, new):
    for lang in rules.LANGS:
        name = f"act_{lang}"
        if getattr(old, name) != getattr(new, name):
            yield f"{where(0, 'act')} · {LANG_NAMES[lang]}", getattr(old, name), getattr(new, name)
    for name in SIMPLE:
        if getattr(old, name) != getattr(new, name):
            yield str(FIELD_TITLES[name]), _shown(getattr(old, name)), _shown(getattr(new, name))
    for form in (1, 2):
        yield from _label_changes(form, getattr(old, f"form{form}"), getattr(new, f"form{form}"))


def edition_history(edition: Edition) -> list[Change]:
    """Every correction of ``edition``, newest first: who, when, which field, old → new."""
    records = list(edition.history.select_related("history_user__person").order_by("history_date", "history_id"))
    changes = [Change(new.history_date, _who(new), what, a, b)
               for old, new in zip(records, records[1:], strict=False) for what, a, b in _diff(old, new)]
    return changes[::-1]
