"""The anchors an imported event can hang on, with codes built from their official numbers.

Codes follow Form 1's numbering (`rules.anchor_code` on the numbers of planning's form tree) with the
parent's number that makes them unique: «M1.2» is strategic direction 1's «2-макроиндикатор», «T1.2.1»
is goal 1.2's «1-нысаналы индикатор» and «II.4» is the fourth Section II task. They are what the planner
types or picks in the import workbook; Cyrillic look-alike letters (М, Т, І) are read as the Latin ones.
"""
from dataclasses import dataclass

from jospar.planning.devplan.selectors import form_tree

_LOOKALIKES = str.maketrans({"М": "M", "м": "M", "Т": "T", "т": "T", "І": "I", "і": "I", "Ӏ": "I", ",": "."})


@dataclass(frozen=True, slots=True)
class Anchor:
    code: str
    kind: str  # macroindicator | target_indicator | task
    label: str  # the official heading with its parent's: «Цель 1.1 · Целевой индикатор 1»
    name: str
    field: str  # the EventRevision foreign key it fills
    pk: int


def normalize_code(text) -> str:
    return "".join(str(text or "").split()).translate(_LOOKALIKES).upper().rstrip(".")


def plan_anchors(plan, lang: str) -> list[Anchor]:
    """Every anchor of the plan's development plan in the order of Form 1 (five queries)."""
    tree = form_tree(plan.development_plan_id, plan.edition.form1, lang)
    return [Anchor(heading.code, heading.kind, heading.code if heading.kind == "task" else heading.place,
                   heading.name, heading.anchor_field, heading.obj.pk) for heading in tree.anchors()]
