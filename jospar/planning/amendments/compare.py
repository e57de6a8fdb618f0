"""Comparing two versions of a plan: added, cancelled and changed events, field by field.

A fixed number of queries whatever the plan's size: both versions' events in one, their
executors in one, and the anchor labels (five per edition of the development plan involved).
"""
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from jospar import rules
from jospar.i18n import current_lang, pick
from jospar.planning.models import EventRevision, PlanVersion
from jospar.planning.selectors import _executors_by_revision, anchor_choices

FIELDS = (
    "version_id", "event_id", "macroindicator_id", "target_indicator_id", "regulation_task_id", "name_kk", "name_ru",
    "name_en", "no_funding", "budget_codes", "deadline_kind", "deadline_date", "deadline_month", "deadline_quarter",
    "deadline_day", "completion_form__name_kk", "completion_form__name_ru", "completion_form__name_en",
    "completion_kk", "completion_ru", "is_cancelled", "cancel_reason_kk", "cancel_reason_ru", "id",
)


@dataclass
class Difference:
    kind: str  # added | cancelled | restored | changed | removed
    event_id: int
    name: str
    changes: list = field(default_factory=list)  # (field label, old, new)
    note: str = ""


def _snapshot(values, executors: dict, anchors: dict, lang: str) -> dict:
    v = values
    anchor = f"m:{v[2]}" if v[2] else f"t:{v[3]}" if v[3] else f"r:{v[4]}"
    deadline = rules.Deadline(rules.DeadlineKind(v[10]), v[11], v[12], v[13], v[14]).wording(lang)
    return {
        "anchor": anchors.get(anchor, anchor),
        "name_kk": v[5], "name_ru": v[6],
        "code": rules.NO_FUNDING[lang] if v[8] else v[9],
        "executors": executors.get(v[23], ""),
        "deadline": deadline,
        "completion": pick(v[15:18], lang) if v[16] else pick(v[18:20], lang),
        "cancelled": v[20], "reason": pick(v[21:23], lang), "name": pick(v[5:8], lang),
    }


def compare_versions(old: PlanVersion, new: PlanVersion, lang: str | None = None) -> list[Difference]:
    lang = lang or current_lang()
    with translation.override(lang):
        labels = {
            "anchor": _("Anchor"), "name_kk": _("Name (Kazakh)"), "name_ru": _("Name (Russian)"),
            "code": _("Budget program code"), "executors": _("Responsible executor"), "deadline": _("Deadline"),
            "completion": _("Completion form"),
        }
    anchors: dict[str, str] = {}
    for edition in dict.fromkeys([old.development_plan_id, new.development_plan_id]):
        anchors.update((key, label) for _group, options in anchor_choices(new.plan, lang, edition)
                       for key, label in options)
    rows = list(EventRevision.objects.filter(version__in=[old, new]).order_by("position", "id").values_list(*FIELDS))
    executors = _executors_by_revision([old, new], lang)
    before: dict[int, dict] = {}
    after: dict[int, dict] = {}
    for values in rows:
        (before if values[0] == old.pk else after)[values[1]] = _snapshot(values, executors, anchors, lang)
    result = []
    for event_id, now in after.items():
        was = before.get(event_id)
        if was is None:
            result.append(Difference("added", event_id, now["name"]))
            continue
        if now["cancelled"] and not was["cancelled"]:
            result.append(Difference("cancelled", event_id, now["name"], note=now["reason"]))
            continue
        if was["cancelled"] and not now["cancelled"]:
            result.append(Difference("restored", event_id, now["name"]))
        changes = [(labels[k], was[k], now[k]) for k in labels if was[k] != now[k]]
        if changes:
            result.append(Difference("changed", event_id, now["name"], changes))
    result.extend(Difference("removed", e, was["name"]) for e, was in before.items() if e not in after)
    return result
