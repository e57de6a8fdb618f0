"""Save a checked workbook's tree under a development plan, in bulk, with its audit trail."""
from simple_history.utils import bulk_create_with_history

from jospar.planning.models import (
    Goal,
    IndicatorValue,
    Macroindicator,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)

REASON = "Excel import"
NAME_KEYS = ("name_kk", "name_ru", "name_en")
INDICATOR_KEYS = ("code", "unit_kk", "unit_ru", "unit_en", "baseline", "polarity", "accumulation",
                  "responsible_unit_id")
DEFAULTS = {"polarity": "higher", "accumulation": "period"}  # the models' defaults, for a blank cell


def _fields(item, keys) -> dict:
    out = {}
    for key in keys:
        value = item.fields.get(key)
        if key in DEFAULTS:
            out[key] = value or DEFAULTS[key]
        else:
            out[key] = value if value is not None or key in ("baseline", "responsible_unit_id") else ""
    return out


def _bulk(model, objs, user):
    return bulk_create_with_history(objs, model, default_user=user, default_change_reason=REASON)


def save_tree(plan, parsed, user) -> None:
    items = parsed.items
    directions = _bulk(StrategicDirection, [
        StrategicDirection(plan=plan, position=item.number[0], **_fields(item, NAME_KEYS))
        for item in items["directions"]
    ], user)
    direction_by_number = {d.position: d for d in directions}
    macro_positions: dict = {}
    macros = []
    for item in items["macroindicators"]:  # sorted by direction and number
        d = item.parent[0]
        macro_positions[d] = macro_positions.get(d, 0) + 1
        macros.append(Macroindicator(direction=direction_by_number[d], position=macro_positions[d],
                                     **_fields(item, NAME_KEYS + INDICATOR_KEYS)))
    macros = _bulk(Macroindicator, macros, user)
    goals = _bulk(Goal, [
        Goal(direction=direction_by_number[item.number[0]], position=item.number[1],
             **_fields(item, (*NAME_KEYS, "code")))
        for item in items["goals"]
    ], user)
    goal_by_number = {(g.direction.position, g.position): g for g in goals}
    indicators = _bulk(TargetIndicator, [
        TargetIndicator(goal=goal_by_number[item.number[:2]], position=item.number[2],
                        **_fields(item, NAME_KEYS + INDICATOR_KEYS))
        for item in items["indicators"]
    ], user)
    values = [
        IndicatorValue(macroindicator=obj, year=year, value=value)
        for obj, item in zip(macros, items["macroindicators"], strict=True)
        for year, value in sorted(item.values.items())
    ] + [
        IndicatorValue(target_indicator=obj, year=year, value=value)
        for obj, item in zip(indicators, items["indicators"], strict=True)
        for year, value in sorted(item.values.items())
    ]
    _bulk(IndicatorValue, values, user)
    _bulk(RegulationTask, [
        RegulationTask(plan=plan, position=item.number[0], **_fields(item, (*NAME_KEYS, "code")))
        for item in items["tasks"]
    ], user)
