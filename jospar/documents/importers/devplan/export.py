"""A development plan as a workbook in the template's layout: to edit it offline and import it
back as the next edition, or to fill in an empty plan."""
from jospar.documents.importers.devplan import layout
from jospar.documents.importers.devplan.template import build_workbook
from jospar.planning.devplan.selectors import devplan_tree


def _names(obj) -> dict:
    return {"name_kk": obj.name_kk, "name_ru": obj.name_ru, "name_en": obj.name_en}


def _indicator(obj, number: str, values: dict, extra=None, codes=None) -> dict:
    row = {"number": number, **(extra or {}), **_names(obj), "code": obj.code, "unit_kk": obj.unit_kk,
           "unit_ru": obj.unit_ru, "unit_en": obj.unit_en, "baseline": obj.baseline,
           "responsible": (codes or {}).get(obj.responsible_unit_id, ""), "polarity": obj.polarity_label(),
           "accumulation": obj.accumulation_label()}
    row.update({layout.year_key(year): value for year, value in values.items()})
    return row


def plan_header(plan) -> dict:
    return {key: getattr(plan, key) for key in (c.key for c in layout.PLAN_FIELDS)}


def plan_rows(plan) -> dict:
    from jospar.orgs.models import OrgUnit

    tree = devplan_tree(plan)
    codes = dict(OrgUnit.objects.filter(body_id=plan.body_id).values_list("id", "code"))
    rows: dict[str, list[dict]] = {kind: [] for kind in layout.DATA_SHEETS}
    for d in tree.directions:
        rows["directions"].append({"number": d.number, **_names(d.obj)})
        for m in d.macros:
            rows["macroindicators"].append(_indicator(m.obj, m.number, m.values, {"direction": d.number}, codes))
        for g in d.goals:
            rows["goals"].append({"number": g.number, **_names(g.obj), "code": g.obj.code})
            for t in g.indicators:
                rows["indicators"].append(_indicator(t.obj, t.number, t.values, {"goal": g.number}, codes))
    for t in tree.tasks:
        rows["tasks"].append({"number": t.number, **_names(t.obj), "code": t.obj.code})
    return rows


def export_plan(plan) -> bytes:
    return build_workbook(plan_header(plan), range(plan.year_from, plan.year_to + 1), plan_rows(plan))


def blank_template(year_from: int, year_to: int) -> bytes:
    header = {"year_from": year_from, "year_to": year_to, "edition": 1}
    return build_workbook(header, range(year_from, year_to + 1))
