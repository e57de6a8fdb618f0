"""The unit's information as the unit head signs it: one canonical rendering, defined here only.

UTF-8 JSON, keys sorted, no spaces: the period (plan, year, quarter), the unit (id, names kk/ru) and each event
on the unit's work list (as lead executor) with its number, occurrence, status and texts in kk and ru (actual
execution, reasons for non-execution), then each indicator value the unit reports for the period (the indicator
as «m:<id>» or «t:<id>», whether it is the year's final value, the value as written, its source and comment in
kk and ru). The signatures app renders it for signing (prepare, before the
submission) and again inside the submission's transaction to verify the signature over it: the same data gives
the same bytes, and a change in between refuses the submission («the document changed since you signed it»).
"""
import json

from .models import IndicatorActual, ReportingPeriod
from .selectors import WorkList, work_list


def unit_info_filename(period: ReportingPeriod, unit_id: int) -> str:
    return f"unit-information-{period.year}-q{period.quarter}-unit-{unit_id}.json"


def _indicator_values(period: ReportingPeriod, unit_id: int) -> list[dict]:
    actuals = (IndicatorActual.objects.filter(period=period, unit_id=unit_id)
               .order_by("macroindicator_id", "target_indicator_id", "is_final"))
    return [{
        "indicator": f"m:{a.macroindicator_id}" if a.macroindicator_id else f"t:{a.target_indicator_id}",
        "final": a.is_final,
        "value": format(a.value.normalize(), "f"),
        "source": {"kk": a.source_kk, "ru": a.source_ru},
        "comment": {"kk": a.comment_kk, "ru": a.comment_ru},
    } for a in actuals]


def unit_info_data(listing: WorkList) -> dict:
    period, unit = listing.period, listing.unit
    items = []
    for w in listing.items:
        entry = w.entry
        items.append({
            "event": str(w.info.number),
            "occurrence": w.item.occurrence,
            "status": entry.status if entry else None,
            "actual": {"kk": entry.actual_kk if entry else "", "ru": entry.actual_ru if entry else ""},
            "reasons": {"kk": entry.reasons_kk if entry else "", "ru": entry.reasons_ru if entry else ""},
        })
    return {
        "document": "jospar.unit-information/1",
        "period": {"plan": period.plan_id, "year": period.year, "quarter": period.quarter},
        "unit": {"id": unit.id, "name": {"kk": unit.name_kk, "ru": unit.name_ru}},
        "items": items,
        "indicators": _indicator_values(period, unit.id),
    }


def unit_info_render(listing: WorkList) -> bytes:
    return json.dumps(unit_info_data(listing), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def unit_info_bytes(period: ReportingPeriod, unit) -> bytes:
    """The canonical rendering of ``unit``'s information for ``period`` as it stands in the database."""
    return unit_info_render(work_list(period, unit, "ru"))
