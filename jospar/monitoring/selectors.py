"""Read queries of monitoring, each with a fixed number of SQL queries whatever the plan's size.

`version_in_force` is the one place that decides which approved version a period reads its events from;
`form2_rows` is the Form 2 table for pages and documents; `decisions_requesting_amendment` is the hook the
amendment workflow reads.
"""
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.contrib.auth.models import User
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

from jospar import rules
from jospar.i18n import current_lang
from jospar.orgs.models import OrgUnit
from jospar.planning import selectors as plan_selectors
from jospar.planning.models import OperationalPlan, PlanVersion
from jospar.rules.languages import OFFICIAL, MissingText, missing_languages

from . import indicators as indicator_tables
from .models import (
    Attachment,
    Contribution,
    Decision,
    EntryState,
    EventRecommendation,
    ExecutionEntry,
    Report,
    ReportingPeriod,
    SubmissionStatus,
    UnitSubmission,
)
from .report_data import CUMULATIVE, QUARTER, Compiled, Row2, compile_report
from .walk import CARRIED, DUE, IN_PROGRESS, EventInfo, Item, Occurrences, PlanWalk, items_in, units_events, walk

__all__ = [
    "CUMULATIVE", "QUARTER", "Row2", "compile_report", "decisions_requesting_amendment", "entry_texts_missing",
    "form2_rows", "period_items", "period_units", "version_in_force", "work_list",
]


def version_in_force(plan: OperationalPlan, on_date: date) -> PlanVersion | None:
    """The approved version in force on ``on_date``: the latest approved on or before it, else the latest
    approved (a plan approved late is still the plan the units carried out); None before any approval."""
    return in_force_among(plan_selectors.approved_versions(plan), on_date)


def in_force_among(approved: list[PlanVersion], on_date: date) -> PlanVersion | None:
    """`version_in_force` over the plan's approved versions already read (in the order they came into force)."""
    before = [v for v in approved if v.approved_on is not None and v.approved_on <= on_date]
    chosen = before or approved
    return chosen[-1] if chosen else None


def report_version(period: ReportingPeriod, report: Report | None) -> PlanVersion | None:
    """A submitted report keeps the version it was compiled from; otherwise the version in force."""
    if report is not None and report.is_submitted and report.version_id:
        return plan_selectors.version_of_plan(period.plan, report.version_id)
    return version_in_force(period.plan, period.end)


def periods_of(plan: OperationalPlan) -> list[ReportingPeriod]:
    """The plan's four quarters, read only (one query). Approval opens them (`services.open_periods`); a plan
    not yet approved has none stored, and gets unsaved ones (``pk`` None) that pages show with their due
    dates and nothing in them."""
    stored = {p.quarter: p for p in plan.reporting_periods.order_by("quarter")}
    periods = [stored.get(q) or ReportingPeriod(plan=plan, quarter=q) for q in (1, 2, 3, 4)]
    for p in periods:
        p.plan = plan
    return periods


def body_units(body_id: int) -> list[OrgUnit]:
    return list(OrgUnit.objects.filter(body_id=body_id).order_by("-kind", "position", "id"))  # units, then subordinates


def report_of(period: ReportingPeriod) -> Report | None:
    if period.pk is None:  # a quarter of a plan not yet approved
        return None
    report = Report.objects.filter(period=period).first()
    if report is not None:
        report.period = period
    return report


def report_texts_missing(report: Report, rows: list[Row2]) -> list[MissingText]:
    """The report's own texts bound for Form 2 that still lack a state language (§16): the recommendations
    to the officials, the proposals to amend the plan, and the recommendation on each event that Form 2
    shows (``rows``, the compiled report: a recommendation on an event that is not in it reaches no
    document). Each with the link to where it is typed on the report page. One query."""
    period = report.period
    page = reverse("monitoring:report", args=[period.plan.year, period.quarter])
    missing = []
    for name, what, anchor in (
        ("general_recommendations", gettext("Recommendations to the officials"), "general-recommendations"),
        ("amendment_proposals", gettext("Proposals to amend and supplement the plan"), "amendment-proposals"),
    ):
        langs = missing_languages({lang: getattr(report, f"{name}_{lang}") for lang in OFFICIAL})
        if langs:
            missing.append(MissingText(what, langs, f"{page}#{anchor}"))
    numbers = {r.event_id: r.number for r in rows if r.kind == "event"}  # in the order of the form
    order = {event_id: i for i, event_id in enumerate(numbers)}
    recommendations = EventRecommendation.objects.filter(report=report, event_id__in=numbers).values_list(
        "event_id", "text_kk", "text_ru")
    for event_id, kk, ru in sorted(recommendations, key=lambda rec: order[rec[0]]):
        langs = missing_languages({"kk": kk, "ru": ru})
        if langs:
            missing.append(MissingText(gettext("Recommendation on event %(number)s") % {"number": numbers[event_id]},
                                       langs, f"{page}#ev-{event_id}"))
    return missing


def form2_rows(report_or_period, lang: str | None = None, *, view: str = CUMULATIVE,
               official: bool = False) -> list[Row2]:
    """Form 2 as flat rows in the order of the form (headings and events), for a report or a period.

    ``view``: "cumulative" (the official report, from 1 January) or "quarter" (the quarter alone).
    ``official``: the texts typed in both state languages in ``lang`` only, as the document carries them.
    Empty list before the plan has an approved version.
    """
    lang = lang or current_lang()
    report: Report | None
    if isinstance(report_or_period, Report):
        report, period = report_or_period, report_or_period.period
    else:
        period, report = report_or_period, report_of(report_or_period)
    version = report_version(period, report)
    if version is None:
        return []
    return compile_report(period, version, lang, view=view, report=report, official=official).rows


def decisions_requesting_amendment(plan: OperationalPlan):
    """Decisions on the plan's reports that ask for an amendment, oldest first (the amendment workflow's input)."""
    return (
        Decision.objects.filter(report__period__plan=plan, requests_amendment=True)
        .select_related("report__period", "responsible_unit", "responsible_person__person")
        .prefetch_related("events")
        .order_by("created_at", "id")
    )


def decisions_of(report: Report) -> list[Decision]:
    return list(
        report.decisions.select_related("responsible_unit", "responsible_person__person", "created_by__person")
        .prefetch_related("events")
        .order_by("created_at", "id")
    )


def decisions_register(plan: OperationalPlan, *, only_for=None) -> list[Decision]:
    """Every decision on the plan's reports, by quarter (§17 follow-up). ``only_for`` = (user, unit ids):
    only those naming that user or those units as responsible. A fixed number of queries."""
    qs = (
        Decision.objects.filter(report__period__plan=plan)
        .select_related("report__period__plan", "responsible_unit", "responsible_person__person",
                        "created_by__person", "done_by__person")
        .order_by("report__period__quarter", "created_at", "id")
    )
    if only_for is not None:
        user, unit_ids = only_for
        qs = qs.assigned_to(user.pk, unit_ids)
    return list(qs)


# ---- the period's units ------------------------------------------------------------------------------

def _closed_before(period: ReportingPeriod, event_ids=None) -> set:
    """(event, occurrence) executed and submitted in an earlier period: they leave the work list (of the
    events ``event_ids`` only, when given)."""
    found = ExecutionEntry.objects.filter(
        period__plan_id=period.plan_id, period__quarter__lt=period.quarter, state=EntryState.SUBMITTED,
        status="executed",
    )
    if event_ids is not None:
        found = found.filter(event_id__in=list(event_ids))
    return set(found.values_list("event_id", "occurrence"))


@dataclass
class UnitLine:
    unit: OrgUnit
    items: int = 0
    filled: int = 0
    co_items: int = 0
    submission: UnitSubmission | None = None

    @property
    def state(self) -> str:
        return self.submission.status if self.submission else ("draft" if self.filled else "empty")


def period_items(period: ReportingPeriod, version: PlanVersion, lang: str, *,
                 walked=None) -> list[tuple[EventInfo, Item]]:
    """Every (event, occurrence) reported on in the period, in Form order: one plan walk (``walked``: the
    caller's walk of ``version``, shared by the periods it shows)."""
    walked = walked or walk(version, lang)
    closed = _closed_before(period)
    occurrences = Occurrences(period.year)
    return [(info, item) for info in walked.events for item in items_in(info, period.quarter, occurrences, closed)]


def period_units(period: ReportingPeriod, version: PlanVersion, units: list[OrgUnit], lang: str, *,
                 walked=None) -> list[UnitLine]:
    """Every unit with something to report in the period: items, entries filled, its submission."""
    return _unit_lines(period, {u.id: UnitLine(u) for u in units}, period_items(period, version, lang, walked=walked))


def own_unit_lines(period: ReportingPeriod, version: PlanVersion, unit_ids, lang: str) -> list[UnitLine]:
    """`period_units` of the body's units among ``unit_ids`` only, read from their own events
    (`walk.units_events`): a unit person's home card costs what the unit has, not what the plan has."""
    units = OrgUnit.objects.filter(body_id=period.plan.body_id, pk__in=list(unit_ids)).order_by("-kind", "position",
                                                                                                 "id")
    lines = {u.id: UnitLine(u) for u in units}
    events = units_events(version, lang, list(lines)) if lines else []
    closed = _closed_before(period, [info.event_id for info in events])
    occurrences = Occurrences(period.year)
    pairs = [(info, item) for info in events for item in items_in(info, period.quarter, occurrences, closed)]
    return _unit_lines(period, lines, pairs, only=True)


def _unit_lines(period: ReportingPeriod, lines: dict[int, UnitLine], pairs, only: bool = False) -> list[UnitLine]:
    """Count ``pairs`` (event, item) into the units' ``lines``, then their entries and submissions (of those
    units only when ``only``)."""
    for info, _item in pairs:
        if info.lead_unit_id in lines:
            lines[info.lead_unit_id].items += 1
        for co in info.unit_ids[1:]:
            if co in lines:
                lines[co].co_items += 1
    if period.pk is None:  # not opened (approval opens the periods): nothing filled in or submitted yet
        return [line for line in lines.values() if line.items or line.co_items]
    entries = ExecutionEntry.objects.filter(period=period)
    submissions = UnitSubmission.objects.filter(period=period)
    if only:
        entries, submissions = entries.filter(unit_id__in=list(lines)), submissions.filter(unit_id__in=list(lines))
    filled = Counter(entries.values_list("unit_id", flat=True))
    for sub in submissions.select_related("submitted_by__person"):
        if sub.unit_id in lines:
            lines[sub.unit_id].submission = sub
    for unit_id, n in filled.items():
        if unit_id in lines:
            lines[unit_id].filled = n
    return [line for line in lines.values() if line.items or line.co_items or line.submission]


# ---- a unit's work list ------------------------------------------------------------------------------

@dataclass
class WorkItem:
    info: EventInfo
    item: Item
    role: str  # lead | co
    lead_name: str = ""
    entry: ExecutionEntry | None = None
    contributions: list = field(default_factory=list)
    mine: Contribution | None = None
    editable: bool = False

    @property
    def key(self) -> str:
        return f"{self.info.event_id}-{self.item.occurrence}"

    @property
    def is_due(self) -> bool:
        return self.item.kind == DUE

    @property
    def is_carried(self) -> bool:
        return self.item.kind == CARRIED

    @property
    def is_in_progress(self) -> bool:
        return self.item.kind == IN_PROGRESS


@dataclass
class WorkList:
    period: ReportingPeriod
    unit: OrgUnit
    version: PlanVersion | None
    items: list
    co_items: list
    submission: UnitSubmission | None

    @property
    def missing(self) -> int:
        return sum(1 for w in self.items if w.entry is None)

    @property
    def is_submitted(self) -> bool:
        return bool(self.submission and self.submission.status == SubmissionStatus.SUBMITTED)

    @cached_property
    def texts_missing(self) -> list[MissingText]:
        """The texts of the unit's entries still lacking Kazakh or Russian (no query: read from the list)."""
        url = _unit_url(self.period, self.unit.id)
        return [m for w in self.items if w.entry is not None
                for m in _entry_missing(w.entry, f"{w.info.number}. {w.info.name}", f"{url}#item-{w.key}")]

    @property
    def is_returned(self) -> bool:
        return bool(self.submission and self.submission.status == SubmissionStatus.RETURNED)


def work_list(period: ReportingPeriod, unit: OrgUnit, lang: str, *, can_edit: bool = False) -> WorkList:
    """The events ``unit`` reports on in ``period`` (as lead executor) and those it contributes to: read
    from the unit's own events (`walk.units_events`), a fixed number of queries whose rows grow with the
    unit's share of the plan."""
    if period.pk is None:  # a quarter of a plan not yet approved: nothing to report on
        return WorkList(period, unit, None, [], [], None)
    version = version_in_force(period.plan, period.end)
    submission = UnitSubmission.objects.filter(period=period, unit=unit).select_related("submitted_by__person",
                                                                                       "returned_by__person").first()
    if version is None:
        return WorkList(period, unit, None, [], [], submission)
    events = units_events(version, lang, [unit.id])  # the unit's own events, not the whole plan
    closed = _closed_before(period, [info.event_id for info in events])
    occurrences = Occurrences(period.year)
    mine: list[WorkItem] = []
    theirs: list[WorkItem] = []
    for info in events:
        role = "lead" if info.lead_unit_id == unit.id else "co"
        for item in items_in(info, period.quarter, occurrences, closed):
            (mine if role == "lead" else theirs).append(WorkItem(info, item, role))
    event_ids = {w.info.event_id for w in mine + theirs}
    entries = {
        (e.event_id, e.occurrence): e
        for e in ExecutionEntry.objects.filter(period=period, event_id__in=event_ids)
        .select_related("updated_by__person", "returned_by__person")
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("uploaded_at", "id")))
    }
    contributions = defaultdict(list)
    for c in (
        Contribution.objects.filter(period=period, event_id__in=event_ids)
        .select_related("unit", "updated_by__person").order_by("unit__position", "id")
    ):
        contributions[(c.event_id, c.occurrence)].append(c)
    for w in mine + theirs:
        key = (w.info.event_id, w.item.occurrence)
        w.entry = entries.get(key)
        w.lead_name = w.info.lead_name
        w.contributions = contributions.get(key, [])
        if w.role == "lead":
            if w.entry is not None:
                w.editable = can_edit and w.entry.state != EntryState.SUBMITTED
            else:
                w.editable = can_edit and (submission is None or submission.status == SubmissionStatus.RETURNED)
        else:
            w.mine = next((c for c in w.contributions if c.unit_id == unit.id), None)
            w.editable = can_edit and (w.entry is None or w.entry.state != EntryState.SUBMITTED)
    return WorkList(period, unit, version, mine, theirs, submission)


# ---- texts that reach Form 2 in one language only -----------------------------------------------------

ENTRY_TEXTS = {"actual": gettext_lazy("Actual execution"), "reasons": gettext_lazy("Reasons for non-execution")}


def _unit_url(period: ReportingPeriod, unit_id: int) -> str:
    return reverse("monitoring:unit", args=[period.plan.year, period.quarter, unit_id])


def _entry_missing(entry, event: str, url: str) -> list[MissingText]:
    """An entry's texts (Form 2 columns 6–7) written in one state language only, named «3. Event — field»."""
    found = []
    for name, label in ENTRY_TEXTS.items():
        langs = missing_languages({lang: getattr(entry, f"{name}_{lang}") for lang in OFFICIAL})
        if langs:
            found.append(MissingText(f"{event} — {label}", langs, url))
    return found


def entry_texts_missing(period: ReportingPeriod, unit: OrgUnit | None = None,
                        lang: str | None = None) -> list[MissingText]:
    """What Form 2 would carry in one state language only, each with a link to the item on its unit's page.

    With ``unit``: the unit's entries of the period, as its head is about to submit them. Without: the
    entries the period's report reads (each occurrence's latest submitted entry of this quarter or an
    earlier one), as the planner is about to submit the report. A fixed number of queries.
    """
    lang = lang or current_lang()
    if unit is not None:
        return work_list(period, unit, lang).texts_missing
    version = version_in_force(period.plan, period.end)
    if version is None:
        return []
    latest: dict[int, dict] = defaultdict(dict)  # event → occurrence → its latest submitted entry
    for entry in (ExecutionEntry.objects.filter(period__plan_id=period.plan_id, period__quarter__lte=period.quarter,
                                                state=EntryState.SUBMITTED)
                  .select_related("period").order_by("period__quarter", "id")):
        latest[entry.event_id][entry.occurrence] = entry
    found = []
    for info in walk(version, lang).events:
        for occurrence, entry in sorted(latest.get(info.event_id, {}).items()):
            entry.period.plan = period.plan
            url = f"{_unit_url(entry.period, entry.unit_id)}#item-{info.event_id}-{occurrence}"
            found.extend(_entry_missing(entry, f"{info.number}. {info.name}", url))
    return found


def report_page(period: ReportingPeriod, lang: str, *, view: str, today: date) -> tuple[Compiled | None, list]:
    """Everything the report page shows: the compiled report (None before approval) and the decisions."""
    report = report_of(period)
    version = report_version(period, report)
    if version is None:
        return None, []
    units = body_units(period.plan.body_id)
    compiled = compile_report(period, version, lang, view=view, report=report, today=today, units=units)
    compiled.indicators = indicators_of(compiled, report, lang, units)
    return compiled, decisions_of(report) if report else []


def indicators_of(compiled: Compiled, report, lang: str, units=None):
    """The goals and their indicators for the report page (`indicators.indicator_table` over the report's walk,
    with the indicators the report names as the basis of an amendment): a fixed number of queries. The walk is
    dropped after, so that a submitted report's cached page keeps only the small table."""
    submitted = bool(report and report.is_submitted)
    walked = compiled.walked
    table = indicator_tables.indicator_table(compiled.period, lang, walked=walked, units=units,
                                             tree=walked.tree if walked else None, executed=compiled.executed,
                                             as_of=report.submitted_at if submitted else None)
    compiled.bases = amendment_bases(report)
    compiled.walked, compiled.executed = None, set()
    return table


def amendment_bases(report) -> frozenset:
    """The indicators ("t:7", "m:3") the report names as the basis of a proposal to amend the plan (§16): one
    query (none without a report)."""
    from .basis_models import AmendmentBasis

    if report is None:
        return frozenset()
    return frozenset(f"m:{m}" if m else f"t:{t}" for m, t in AmendmentBasis.objects.filter(report=report)
                     .values_list("macroindicator_id", "target_indicator_id"))


def unit_people(unit_id: int | None, body_id: int, lang: str) -> list:
    """The active people of a unit, in the alphabetical order of the reader's language (one query)."""
    if not unit_id:
        return []
    users = (User.objects.filter(is_active=True, memberships__body_id=body_id, memberships__unit_id=unit_id)
             .select_related("person").distinct())
    return sorted(users, key=lambda u: rules.collation_key(_person_name(u), lang))


def _person_name(user) -> str:
    person = getattr(user, "person", None) if hasattr(user, "person") else None
    return person.full_name if person else user.get_username()


def home_indicators(plan: OperationalPlan, today: date, lang: str):
    """The executive's home: the goals and their indicators of ``plan`` through the quarter of ``today`` (the
    plan's last quarter once its year is over), from the version in force and the values submitted so far,
    without the events (the page reads no plan). A fixed number of queries."""
    quarter = rules.ReportingPeriod.containing(today).quarter if today.year == plan.year else \
        4 if today.year > plan.year else 1
    period = periods_of(plan)[quarter - 1]
    if period.pk is None:
        return None, period
    version = version_in_force(plan, period.end)
    if version is None:
        return None, period
    # The home page reads no plan (kept figures only, pinned in tests/dashboard): the indicators without
    # their events, whose counts the report page gives.
    eventless = PlanWalk(version=version, sections=[], events=[], by_event={}, direction_names={}, goal_names={},
                         indicator_names={})
    table = indicator_tables.indicator_table(period, lang, walked=eventless, executed=set())
    return (table if table.rows() else None), period
