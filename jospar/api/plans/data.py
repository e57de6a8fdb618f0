"""Events of a plan version as data: what Form 1 says, field by field, with codes, ids and both state
languages, never a display string alone. A fixed number of queries whatever the plan's size: the
edition's headings (five), the numbering of the version's events (one), the events themselves (one)
and their executors (one)."""
from dataclasses import dataclass

from jospar.planning.devplan.selectors import Heading, form_tree
from jospar.planning.models import EventExecutor, EventRevision, PlanVersion

ANCHOR_KIND = {"m": "macroindicator", "t": "target_indicator", "r": "task"}


def anchor_of(macroindicator_id, target_indicator_id, regulation_task_id) -> tuple[str, int | None]:
    if macroindicator_id:
        return ("m", macroindicator_id)
    if target_indicator_id:
        return ("t", target_indicator_id)
    return ("r", regulation_task_id)


def budget_codes(no_funding: bool, codes: str) -> list[dict]:
    """"001 100, 005" → [{"program": "001", "subprogram": "100"}, {"program": "005", "subprogram": None}]."""
    if no_funding or not codes:
        return []
    out = []
    for code in codes.split(","):
        program, _sep, subprogram = code.strip().partition(" ")
        out.append({"program": program, "subprogram": subprogram or None})
    return out


def deadline_data(revision: EventRevision, year: int, lang: str) -> tuple[dict, list[dict]]:
    deadline = revision.deadline
    shape = {"kind": revision.deadline_kind, "date": revision.deadline_date, "month": revision.deadline_month,
             "quarter": revision.deadline_quarter, "day": revision.deadline_day, "wording": deadline.wording(lang)}
    due = [{"quarter": o.quarter, "date": o.due} for o in deadline.occurrences(year)]
    return shape, due


@dataclass
class Numbering:
    """Each revision's Form 1 number and its anchor's heading, from the version's order and the edition's tree."""

    numbers: dict[int, int]
    headings: dict[tuple, Heading]


def numbering(version: PlanVersion, lang: str, order: list[tuple]) -> Numbering:
    """`order`: (revision id, macroindicator id, target indicator id, task id) in (position, id) order."""
    tree = form_tree(version.development_plan_id_in_force, version.plan.edition.form1, lang)
    by_anchor: dict[tuple, list[int]] = {}
    for rid, m, t, r in order:
        by_anchor.setdefault(anchor_of(m, t, r), []).append(rid)
    numbers: dict[int, int] = {}
    headings: dict[tuple, Heading] = {}
    for heading in tree.anchors():
        key = heading.anchor
        if key is None:  # anchors() gives only headings events hang on
            continue
        headings[key] = heading
        for rid in by_anchor.get(key, ()):
            numbers[rid] = len(numbers) + 1
    return Numbering(numbers, headings)


def anchor_data(key: tuple, headings: dict) -> dict:
    heading = headings.get(key)
    letter, pk = key
    return {"kind": ANCHOR_KIND[letter], "id": pk, "key": f"{letter}:{pk}",
            "number": heading.number if heading else "", "code": heading.code if heading else "",
            "label": heading.place if heading else ""}


def event_data(revision: EventRevision, number: int | None, headings: dict, executors: list, year: int,
               lang: str) -> dict:
    deadline, due = deadline_data(revision, year, lang)
    form = revision.completion_form
    return {
        "revision_id": revision.pk, "event_id": revision.event_id, "number": number,
        "anchor": anchor_data(anchor_of(revision.macroindicator_id, revision.target_indicator_id,
                                        revision.regulation_task_id), headings),
        "name_kk": revision.name_kk, "name_ru": revision.name_ru, "name_en": revision.name_en,
        "no_funding": revision.no_funding, "budget_codes": budget_codes(revision.no_funding, revision.budget_codes),
        "deadline": deadline, "due_dates": due,
        "completion_form": {"id": form.pk, "code": form.code, "name_kk": form.name_kk, "name_ru": form.name_ru}
        if form else None,
        "completion_kk": revision.completion_kk, "completion_ru": revision.completion_ru,
        "executors": executors,
        "status": "cancelled" if revision.is_cancelled else "active",
        "cancel_reason_kk": revision.cancel_reason_kk, "cancel_reason_ru": revision.cancel_reason_ru,
        "review_note": revision.review_note, "lock_version": revision.lock_version,
    }


def _executors(version: PlanVersion, revision_ids=None) -> dict[int, list[dict]]:
    rows = EventExecutor.objects.filter(version=version)
    if revision_ids is not None:
        rows = rows.filter(revision_id__in=list(revision_ids))
    found: dict[int, list[dict]] = {}
    for rid, unit_id, code, lead in rows.order_by("revision_id", "-is_lead", "position", "id").values_list(
            "revision_id", "unit_id", "unit__code", "is_lead"):
        found.setdefault(rid, []).append({"unit_id": unit_id, "unit_code": code, "lead": lead})
    return found


def version_events(version: PlanVersion, lang: str) -> list[dict]:
    """Every event of the version, in Form 1's order, numbered as Form 1 numbers them."""
    revisions = list(version.revisions.select_related("completion_form").order_by("position", "id"))
    marks = numbering(version, lang, [(r.pk, r.macroindicator_id, r.target_indicator_id, r.regulation_task_id)
                                      for r in revisions])
    executors = _executors(version)
    year = version.plan.year
    unnumbered = len(marks.numbers) + 1  # an event whose anchor the edition lacks comes last
    revisions.sort(key=lambda r: marks.numbers.get(r.pk, unnumbered))
    return [event_data(r, marks.numbers.get(r.pk), marks.headings, executors.get(r.pk, []), year, lang)
            for r in revisions]


def one_event(revision: EventRevision, lang: str) -> dict:
    """One event of its version (`revision.version.plan` set), numbered within the version."""
    version = revision.version
    order = list(version.revisions.order_by("position", "id").values_list(
        "id", "macroindicator_id", "target_indicator_id", "regulation_task_id"))
    marks = numbering(version, lang, order)
    executors = _executors(version, [revision.pk])
    return event_data(revision, marks.numbers.get(revision.pk), marks.headings, executors.get(revision.pk, []),
                      version.plan.year, lang)


# What the comparison tells apart, field by field: (field, the value compared and shown)
COMPARED = (
    ("anchor", lambda e: e["anchor"]),
    ("name_kk", lambda e: e["name_kk"]),
    ("name_ru", lambda e: e["name_ru"]),
    ("no_funding", lambda e: e["no_funding"]),
    ("budget_codes", lambda e: e["budget_codes"]),
    ("deadline", lambda e: e["deadline"]),
    ("completion_form", lambda e: e["completion_form"]),
    ("completion_kk", lambda e: e["completion_kk"]),
    ("completion_ru", lambda e: e["completion_ru"]),
    ("executors", lambda e: e["executors"]),
)
SAME_BY = {"anchor": lambda value: value["key"], "deadline": lambda value: {
    k: v for k, v in value.items() if k != "wording"}}


def compare(old: PlanVersion, new: PlanVersion, lang: str) -> list[dict]:
    """What `new` changes against `old`, event by event, as the page's comparison tells it (added, cancelled,
    restored, changed, removed) with the changed fields' values before and after."""
    before = {e["event_id"]: e for e in version_events(old, lang)}
    after = version_events(new, lang)
    out = []

    def item(kind: str, event: dict, changes=()) -> dict:
        return {"kind": kind, "event_id": event["event_id"],
                "revision_id": event["revision_id"] if kind != "removed" else None,
                "number": event["number"] if kind != "removed" else None,
                "name_kk": event["name_kk"], "name_ru": event["name_ru"],
                "cancel_reason_kk": event["cancel_reason_kk"] if kind == "cancelled" else "",
                "cancel_reason_ru": event["cancel_reason_ru"] if kind == "cancelled" else "",
                "changes": list(changes)}

    for now in after:
        was = before.get(now["event_id"])
        if was is None:
            out.append(item("added", now))
            continue
        cancelled_now, cancelled_before = now["status"] == "cancelled", was["status"] == "cancelled"
        if cancelled_now and not cancelled_before:
            out.append(item("cancelled", now))
            continue
        if cancelled_before and not cancelled_now:
            out.append(item("restored", now))
        changes = []
        for name, value in COMPARED:
            same_by = SAME_BY.get(name, lambda v: v)
            if same_by(value(was)) != same_by(value(now)):
                changes.append({"field": name, "old": value(was), "new": value(now)})
        if changes:
            out.append(item("changed", now, changes))
    seen = {e["event_id"] for e in after}
    out.extend(item("removed", was) for event_id, was in before.items() if event_id not in seen)
    return out
