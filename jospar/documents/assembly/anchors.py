"""The anchors an imported event can hang on, with codes built from their official numbers.

Codes follow Form 1's numbering: «M3» is macroindicator 3 (numbered through the plan), «T1.2.1» is
target indicator 1.2.1 and «II.4» is the fourth Section II task. They are what the planner types or
picks in the import workbook; Cyrillic look-alike letters (М, Т, І) are read as the Latin ones.
"""
from dataclasses import dataclass

from jospar import rules
from jospar.i18n import localized
from jospar.planning.models import Goal, Macroindicator, RegulationTask, StrategicDirection, TargetIndicator

_LOOKALIKES = str.maketrans({"М": "M", "м": "M", "Т": "T", "т": "T", "І": "I", "і": "I", "Ӏ": "I", ",": "."})


@dataclass(frozen=True, slots=True)
class Anchor:
    code: str
    kind: str  # macroindicator | target_indicator | task
    label: str  # the official heading: «Целевой индикатор 1.1.1»
    name: str
    field: str  # the EventRevision foreign key it fills
    pk: int


def normalize_code(text) -> str:
    return "".join(str(text or "").split()).translate(_LOOKALIKES).upper().rstrip(".")


def plan_anchors(plan, lang: str) -> list[Anchor]:
    """Every anchor of the plan's development plan in the order of Form 1 (five queries)."""
    labels = rules.edition_by_key(plan.rule_edition).form1
    devplan_id = plan.development_plan_id
    directions = list(StrategicDirection.objects.filter(plan_id=devplan_id).order_by("position", "id"))
    macros, goals, indicators = {}, {}, {}
    for m in Macroindicator.objects.filter(direction__plan_id=devplan_id).order_by("position", "id"):
        macros.setdefault(m.direction_id, []).append(m)
    for g in Goal.objects.filter(direction__plan_id=devplan_id).order_by("position", "id"):
        goals.setdefault(g.direction_id, []).append(g)
    for t in TargetIndicator.objects.filter(goal__direction__plan_id=devplan_id).order_by("position", "id"):
        indicators.setdefault(t.goal_id, []).append(t)
    out: list[Anchor] = []
    macro_no = 0
    for d_pos, direction in enumerate(directions, start=1):
        for macro in macros.get(direction.id, ()):
            macro_no += 1
            out.append(Anchor(f"M{macro_no}", "macroindicator", labels.get("macroindicator", lang).format(n=macro_no),
                              localized(macro, "name", lang), "macroindicator_id", macro.pk))
        for g_pos, goal in enumerate(goals.get(direction.id, ()), start=1):
            for t_pos, indicator in enumerate(indicators.get(goal.id, ()), start=1):
                number = rules.target_indicator_number(d_pos, g_pos, t_pos)
                out.append(Anchor(f"T{number}", "target_indicator",
                                  labels.get("target_indicator", lang).format(n=number),
                                  localized(indicator, "name", lang), "target_indicator_id", indicator.pk))
    for t_pos, task in enumerate(RegulationTask.objects.filter(plan_id=devplan_id).order_by("position", "id"), 1):
        out.append(Anchor(f"II.{t_pos}", "task", f"II.{t_pos}", localized(task, "name", lang),
                          "regulation_task_id", task.pk))
    return out
