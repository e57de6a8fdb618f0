"""Read queries shaped for pages and documents.

`form1_rows` walks a plan version in the order of Form 1 and returns flat rows, with a fixed
number of SQL queries whatever the plan's size (pinned by tests): one per level of the
development plan, one for the events and one for their executors.
"""
from collections import defaultdict
from dataclasses import dataclass

from django.db import connections, router
from django.db.models import Min

from jospar import rules
from jospar.i18n import LANGS, current_lang, fallback_order, localized, pick
from jospar.rules.languages import missing_languages

from .devplan.selectors import form_tree
from .models import (
    CompletionForm,
    Event,
    EventExecutor,
    EventRevision,
    OperationalPlan,
    PlanVersion,
    Proposal,
    ProposalRound,
)


@dataclass(slots=True)
class Row:
    """One line of the Form 1 table: a group heading (spans the table) or an event."""

    kind: str  # section | direction | macroindicator | goal | target_indicator | task | event
    label: str
    number: str = ""
    code: str = ""
    executors: str = ""
    deadline: str = ""
    completion: str = ""
    revision_id: int | None = None
    event_id: int | None = None
    cancelled: bool = False
    anchor_key: str = ""
    note: str = ""  # why it was cancelled, or why an amendment marks it for review


EVENT_FIELDS = (
    "id", "event_id", "macroindicator_id", "target_indicator_id", "regulation_task_id",
    "name_kk", "name_ru", "name_en", "no_funding", "budget_codes", "deadline_kind", "deadline_date",
    "deadline_month", "deadline_quarter", "deadline_day", "completion_form__name_kk",
    "completion_form__name_ru", "completion_form__name_en", "completion_kk", "completion_ru", "is_cancelled",
    "cancel_reason_kk", "cancel_reason_ru", "review_note",
)


def plan_versions(plan: OperationalPlan) -> list[PlanVersion]:
    """All versions of a plan, oldest first, each pointing at the given plan object (no re-query)."""
    versions = list(plan.versions.select_related("approved_by__person").order_by("number"))
    for version in versions:
        version.plan = plan
    return versions


def pick_version(versions: list[PlanVersion], number: int | None) -> PlanVersion | None:
    """The version a page shows: the asked one, else the latest approved, else the latest draft."""
    if number is not None:
        return next((v for v in versions if v.number == number), None)
    approved = [v for v in versions if v.is_approved]
    return approved[-1] if approved else versions[-1] if versions else None


def _executors_by_revision(versions, lang: str) -> dict[int, str]:
    """Column 4 per revision ("lead, co-executor, …") for one version or several, in one query."""
    if isinstance(versions, PlanVersion):
        versions = [versions]
    names: dict[int, list[str]] = defaultdict(list)
    rows = (
        EventExecutor.objects.filter(version__in=versions)
        .order_by("revision_id", "-is_lead", "position", "id")
        .values_list("revision_id", "unit__name_kk", "unit__name_ru", "unit__name_en")
    )
    for rid, *texts in rows:
        names[rid].append(pick(texts, lang))
    return {rid: ", ".join(units) for rid, units in names.items()}


def _event_rows(version: PlanVersion, lang: str) -> dict[tuple | None, list[Row]]:
    """Event rows grouped by anchor key ("m"|"t"|"r", id), in their order under the anchor."""
    executors = _executors_by_revision(version, lang)
    working = not version.is_approved  # review notes guide the amendment's work; the approved text has none
    wordings: dict[tuple, str] = {}  # the same deadline recurs across a plan: word it once
    no_funding = rules.NO_FUNDING[lang]
    by_anchor: dict[tuple | None, list[Row]] = defaultdict(list)
    for v in version.revisions.order_by("position", "id").values_list(*EVENT_FIELDS):
        deadline_key = v[10:15]
        wording = wordings.get(deadline_key)
        if wording is None:
            deadline = rules.Deadline(rules.DeadlineKind(v[10]), v[11], v[12], v[13], v[14])
            wording = wordings[deadline_key] = deadline.wording(lang)
        completion = pick(v[15:18], lang) if v[16] else pick(v[18:20], lang)
        key = ("m", v[2]) if v[2] else ("t", v[3]) if v[3] else ("r", v[4])
        by_anchor[key].append(
            Row("event", pick(v[5:8], lang), "", no_funding if v[8] else v[9], executors.get(v[0], ""),
                wording, completion, v[0], v[1], v[20],
                note=pick(v[21:23], lang) if v[20] else (v[23] if working else ""))
        )
    return by_anchor


def form1_rows(version: PlanVersion, lang: str | None = None) -> list[Row]:
    """Form 1 of a version as flat rows: Section I by direction, Section II by task."""
    lang = lang or current_lang()
    plan = version.plan
    tree = form_tree(version.development_plan_id_in_force, plan.edition.form1, lang)
    by_anchor = _event_rows(version, lang)

    rows: list[Row] = []
    counter = 0
    for section, headings in tree.sections():
        rows.append(Row("section", section))
        for heading in headings:
            rows.append(Row(heading.kind, heading.name, heading.label, anchor_key=heading.anchor_key))
            for row in by_anchor.get(heading.anchor, ()):
                counter += 1
                row.number = str(counter)
                rows.append(row)
    return rows




PROBLEM_FIELDS = ("id", "name_kk", "name_ru", "no_funding", "budget_codes", "completion_form_id", "completion_kk",
                  "completion_ru", "is_cancelled", "cancel_reason_kk", "cancel_reason_ru")


def version_problems(version: PlanVersion) -> dict:
    """What keeps a draft from approval, per event: missing translation, missing budget code,
    missing completion form, no executor; for an event the amendment cancels, its reason in one state
    language only. Two queries whatever the size."""
    with_executors = set(
        EventExecutor.objects.filter(version=version).order_by().values_list("revision_id", flat=True).distinct()
    )
    by_revision: dict[int, list[str]] = {}
    total = 0
    for rid, kk, ru, no_funding, codes, form_id, comp_kk, comp_ru, cancelled, why_kk, why_ru in (
            version.revisions.values_list(*PROBLEM_FIELDS)):
        if cancelled:
            found = [f"cancel_reason_{lang}" for lang in missing_languages({"kk": why_kk, "ru": why_ru})]
            if found:
                by_revision[rid] = found
            continue
        total += 1
        found = []
        if not kk.strip():
            found.append("name_kk")
        if not ru.strip():
            found.append("name_ru")
        if not no_funding and not codes:
            found.append("budget")
        if not (form_id or comp_kk or comp_ru):
            found.append("completion")
        if rid not in with_executors:
            found.append("executor")
        if found:
            by_revision[rid] = found
    return {"by_revision": by_revision, "count": len(by_revision), "total": total, "empty": total == 0}


def anchor_choices(plan: OperationalPlan, lang: str, development_plan_id: int | None = None) -> list:
    """Grouped choices for an event's anchor, numbered as in Form 1 (five queries). The edition of
    the development plan defaults to the plan's current one. A macroindicator or target indicator is
    named with its direction or goal («Цель 1.2 · Целевой индикатор 1»): its own number repeats."""
    tree = form_tree(development_plan_id or plan.development_plan_id,
                     plan.edition.form1, lang)
    groups = [
        (f"{direction.label}. {direction.name}",
         [(heading.anchor_key, f"{heading.place}. {heading.name}")
          for heading in direction.anchors()])
        for direction in tree.directions
    ]
    groups.append((tree.section2, [(task.anchor_key, f"{task.label}. {task.name}") for task in tree.tasks]))
    return groups


HEADING_LEVEL = {"section": 0, "direction": 1, "task": 1, "macroindicator": 2, "goal": 2, "target_indicator": 3}


def only_units_events(rows: list[Row], version, unit_ids) -> list[Row]:
    """Form 1 rows cut down to the events the units execute (lead or co-executor) and the headings
    above them: what a unit's people look for in a plan of hundreds of events. One query."""
    mine = set(EventExecutor.objects.filter(version=version, unit_id__in=unit_ids).order_by()
               .values_list("revision_id", flat=True))
    out: list[Row] = []
    pending: list[Row] = []  # headings not shown yet: shown once an event of the units comes under them
    for row in rows:
        if row.kind != "event":
            level = HEADING_LEVEL.get(row.kind, 4)
            pending = [h for h in pending if HEADING_LEVEL.get(h.kind, 4) < level] + [row]
        elif row.revision_id in mine:
            out.extend(pending)
            pending = []
            out.append(row)
    return out


# ---- the plan as the layers above read it (monitoring's pages, reports and reminders) --------------------
# Monitoring reads planning's tables only through these: what a query asks of the plan is planning's to say.

def plan_of_year(body_id: int | None, year: int) -> OperationalPlan | None:
    """The body's operational plan for the year, with its body and development plan (one query)."""
    return (OperationalPlan.objects.select_related("body", "development_plan")
            .filter(body_id=body_id, year=year).first())


def plan_years(body_id: int | None) -> list[int]:
    """The years the body has an operational plan for, latest first."""
    return list(OperationalPlan.objects.filter(body_id=body_id).order_by("-year").values_list("year", flat=True))


def plans_with_an_approved_version():
    """Every body's plans that have an approved version, with their body (for the scheduled reminders)."""
    return (OperationalPlan.objects.filter(versions__status=PlanVersion.Status.APPROVED)
            .select_related("body").distinct().order_by("id"))


def plans_of(body_id: int | None = None, year: int | None = None):
    """Every body's operational plans (or one body's, or one year's), with their body, in a stable order."""
    plans = OperationalPlan.objects.select_related("body").order_by("body_id", "year")
    if body_id is not None:
        plans = plans.filter(body_id=body_id)
    if year is not None:
        plans = plans.filter(year=year)
    return plans


def versions_by_plan(plan_ids) -> dict[int, list[PlanVersion]]:
    """Plan id → its versions, oldest first (one query for any number of plans)."""
    found: dict[int, list[PlanVersion]] = {}
    for version in PlanVersion.objects.filter(plan_id__in=list(plan_ids)).order_by("plan_id", "number"):
        found.setdefault(version.plan_id, []).append(version)
    return found


def approved_versions(plan: OperationalPlan) -> list[PlanVersion]:
    """The plan's approved versions in the order they came into force, each pointing at `plan` (no re-query)."""
    versions = list(
        PlanVersion.objects.filter(plan=plan, status=PlanVersion.Status.APPROVED).order_by("approved_on", "number")
    )
    for version in versions:
        version.plan = plan
    return versions


def version_of_plan(plan: OperationalPlan, version_id: int) -> PlanVersion:
    """One version of the plan by its id, pointing at `plan`."""
    version = PlanVersion.objects.get(pk=version_id)
    version.plan = plan
    return version


def first_versions_awaiting_approval():
    """Every body's first versions not approved yet (drafts and those sent for approval), with plan and body."""
    return (PlanVersion.objects.filter(number=1).exclude(status=PlanVersion.Status.APPROVED)
            .select_related("plan__body", "plan__development_plan"))


def event_revision(version: PlanVersion | None, event_id: int) -> EventRevision | None:
    """What the version says about the event (None when the event is not in it)."""
    return EventRevision.objects.filter(version=version, event_id=event_id).first() if version else None


def executor_unit_ids(revision: EventRevision) -> tuple[int, ...]:
    """The revision's executor units, the lead first, then the co-executors in their order."""
    return tuple(EventExecutor.objects.filter(revision=revision).order_by("-is_lead", "position", "id")
                 .values_list("unit_id", flat=True))


def event_executor_unit_ids(version: PlanVersion | None, event_id: int) -> set[int]:
    """The units the version names as executors of the event (lead or co-executor): one query."""
    return set(EventExecutor.objects.filter(revision__version=version, revision__event_id=event_id).order_by()
               .values_list("unit_id", flat=True))


def event_in_plan(plan_id: int, event_id: int) -> bool:
    return Event.objects.filter(pk=event_id, plan_id=plan_id).exists()


def events_of_plan(plan_id: int, event_ids) -> list[Event]:
    """Those of the events (identities across versions) that belong to the plan."""
    return list(Event.objects.filter(pk__in=list(event_ids or ()), plan_id=plan_id))


def open_proposal_rounds():
    """Every body's proposal rounds still open, with plan and body (for the scheduled reminders)."""
    return ProposalRound.objects.filter(closed_at__isnull=True).select_related("plan__body")


def proposal_statuses_by_unit(plan: OperationalPlan) -> dict[int, set]:
    """Unit id → the statuses of its proposals to the plan (one query)."""
    by_unit: dict[int, set] = {}
    for unit_id, status in Proposal.objects.filter(plan=plan).values_list("unit_id", "status"):
        by_unit.setdefault(unit_id, set()).add(status)
    return by_unit


# The version's revisions and their executors, read without the ORM's per-row conversions (the walk converts
# dates once per distinct deadline): on 2,000 events that halves monitoring's walk's reading time.
EXECUTORS_SQL = """
SELECT e.revision_id, e.unit_id FROM planning_eventexecutor e
WHERE e.version_id = %s ORDER BY e.revision_id, e.is_lead DESC, e.position, e.id
"""


def _in_lang_sql(field: str, lang: str, langs=LANGS) -> str:
    """`field` in `lang` with the one fallback (rules.fallback_order; blank counts as missing), as SQL."""
    return "COALESCE(" + ", ".join(f"NULLIF(r.{field}_{code}, '')" for code in fallback_order(lang, langs)) + ", '')"


REVISION_COLUMNS = {
    lang: "r.id, r.event_id, r.macroindicator_id, r.target_indicator_id, r.regulation_task_id, "
    f"{_in_lang_sql('name', lang)}, r.deadline_kind, r.deadline_date, r.deadline_month, r.deadline_quarter, "
    f"r.deadline_day, r.completion_form_id, {_in_lang_sql('completion', lang, ('kk', 'ru'))}, r.is_cancelled"
    for lang in LANGS
}  # column names come from the fixed tuples above, never from input
REVISIONS_SQL = {
    lang: f"SELECT {columns} FROM planning_eventrevision r WHERE r.version_id = %s ORDER BY r.position, r.id"  # noqa: S608
    for lang, columns in REVISION_COLUMNS.items()
}


def version_event_rows(version: PlanVersion, lang: str) -> tuple[list[tuple], list[tuple]]:
    """The version's revisions in Form 1 order as plain rows — (id, event_id, macroindicator_id,
    target_indicator_id, regulation_task_id, name in `lang`, deadline_kind, deadline_date, deadline_month,
    deadline_quarter, deadline_day, completion_form_id, completion in `lang`, is_cancelled) — and the
    (revision_id, unit_id) of their executors, each revision's lead first. Two queries, on the replica on
    read-only pages, whatever the plan's size (monitoring's plan walk)."""
    with connections[router.db_for_read(EventRevision)].cursor() as cursor:
        cursor.execute(REVISIONS_SQL[lang], [version.pk])
        revisions = cursor.fetchall()
        cursor.execute(EXECUTORS_SQL, [version.pk])
        executors = cursor.fetchall()
    return revisions, executors


# An event's place under the headings (as `monitoring.walk` anchors it): its macroindicator, else its target
# indicator, else its Section II task; integers (a text key would be sorted by collation: several times slower).
ANCHOR_SQL = ("r.macroindicator_id, CASE WHEN r.macroindicator_id IS NULL THEN r.target_indicator_id END, "
              "CASE WHEN r.macroindicator_id IS NULL AND r.target_indicator_id IS NULL THEN r.regulation_task_id END")
UNITS_REVISIONS_SQL = {
    lang: f"SELECT {columns}, w.rank FROM planning_eventrevision r JOIN ("  # noqa: S608
    f"SELECT r.id, ROW_NUMBER() OVER (PARTITION BY {ANCHOR_SQL} ORDER BY r.position, r.id) AS rank "
    "FROM planning_eventrevision r WHERE r.version_id = %s) w ON w.id = r.id "
    "WHERE r.id IN (SELECT e.revision_id FROM planning_eventexecutor e WHERE e.version_id = %s "
    "AND e.unit_id IN ({units})) ORDER BY r.id"
    for lang, columns in REVISION_COLUMNS.items()
}
ANCHOR_COUNTS_SQL = (f"SELECT {ANCHOR_SQL}, COUNT(*) FROM planning_eventrevision r WHERE r.version_id = %s "  # noqa: S608
                     f"GROUP BY {ANCHOR_SQL}")
UNITS_EXECUTORS_SQL = """
SELECT e.revision_id, e.unit_id FROM planning_eventexecutor e
WHERE e.version_id = %s AND e.revision_id IN (
    SELECT u.revision_id FROM planning_eventexecutor u WHERE u.version_id = %s AND u.unit_id IN ({units}))
ORDER BY e.revision_id, e.is_lead DESC, e.position, e.id
"""


def units_event_rows(version: PlanVersion, lang: str, unit_ids) -> tuple[list[tuple], list[tuple], dict]:
    """`version_event_rows` of only the revisions that ``unit_ids`` execute (lead or co-executor), each row
    followed by its rank under its anchor (1, 2, …); and how many revisions (cancelled ones included) each
    anchor has in the whole version, by anchor ("m" | "t" | "r", id), for numbering. Three queries
    whose rows grow with the units' share of the plan, not with the plan (a unit's work list, its cards)."""
    units = ", ".join(str(int(u)) for u in unit_ids) or "NULL"  # ints only
    with connections[router.db_for_read(EventRevision)].cursor() as cursor:
        cursor.execute(UNITS_REVISIONS_SQL[lang].format(units=units), [version.pk, version.pk])
        revisions = cursor.fetchall()
        cursor.execute(UNITS_EXECUTORS_SQL.format(units=units), [version.pk, version.pk])
        executors = cursor.fetchall()
        cursor.execute(ANCHOR_COUNTS_SQL, [version.pk])
        counts = {("m", m) if m else ("t", t) if t else ("r", r): n for m, t, r, n in cursor.fetchall()}
    return revisions, executors, counts


def completion_form_names(body_id: int, lang: str) -> dict[int, str]:
    """The body's forms of completion, each named in `lang`."""
    return {f.id: localized(f, "name", lang) for f in CompletionForm.objects.filter(body_id=body_id)}


def first_cancelled_on(plan: OperationalPlan, event_ids: list[int]) -> dict:
    """Event id → the approval date of the plan's first approved version that cancelled it (one query)."""
    return dict(
        EventRevision.objects.filter(event_id__in=event_ids, is_cancelled=True, version__plan_id=plan.pk,
                                     version__status=PlanVersion.Status.APPROVED)
        .values_list("event_id").annotate(on=Min("version__approved_on"))
    )
