"""What is waiting for each role on the home page."""
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jospar import rules
from jospar.i18n import current_lang
from jospar.monitoring.cards import day
from jospar.orgs.models import Role
from jospar.orgs.permissions import Access
from jospar.planning.models import EventRevision, OperationalPlan, PlanVersion, Proposal, ProposalRound


@dataclass
class Card:
    title: str
    text: str = ""
    url: str = ""
    due: date | None = None
    days_left: int | None = None
    tone: str = "info"  # info | ok | warn | late
    items: list = field(default_factory=list)

    @property
    def overdue_days(self) -> int:
        return -self.days_left if self.days_left and self.days_left < 0 else 0


def _due_tone(days_left: int | None) -> str:
    if days_left is None:
        return "info"
    if days_left < 0:
        return "late"
    return "warn" if days_left <= 3 else "info"


def _plan_card(plan: OperationalPlan, versions: list[PlanVersion], today: date, access: Access) -> Card:
    url = reverse("planning:plan_detail", args=[plan.year])
    latest = versions[-1] if versions else None
    approved = [v for v in versions if v.is_approved]
    due = plan.approval_due
    if approved and latest is not None and latest.is_approved:
        v = approved[-1]
        assert v.approved_on is not None  # an approved version has its date
        late = v.approved_late
        text = _("Version %(n)s approved on %(d)s.") % {"n": v.number, "d": v.approved_on.strftime("%d.%m.%Y")}
        if late:
            text += " " + _("Approved after the due date %(due)s.") % {"due": day(due)}
        return Card(_("Operational plan for %(year)s") % {"year": plan.year}, text, url, tone="late" if late else "ok")
    title = _("Operational plan for %(year)s") % {"year": plan.year}
    if latest and latest.number > 1:  # an amendment: the rules set no approval deadline for it
        if latest.status != PlanVersion.Status.ON_APPROVAL:
            text = _("Version %(n)s (an amendment) is being prepared.")
        elif access.has(Role.EXECUTIVE):
            text = _("Version %(n)s (an amendment) is sent to you for approval.")
        else:
            text = _("Version %(n)s (an amendment) is sent for approval.")
        return Card(title, text % {"n": latest.number}, url)
    days = rules.days_left(due, today)
    if latest and latest.status == PlanVersion.Status.ON_APPROVAL:
        if access.has(Role.EXECUTIVE):
            text = _("Sent to you for approval. Approve it by %(due)s.") % {"due": day(due)}
        else:
            text = _("Sent for approval; the executive approves it by %(due)s.") % {"due": day(due)}
    else:
        text = _("Draft. It must be approved by %(due)s (10 calendar days after the development plan was signed).") % {
            "due": day(due)
        }
    return Card(_("Operational plan for %(year)s") % {"year": plan.year}, text, url, due, days, _due_tone(days))


def _unit_card(access: Access, version: PlanVersion, today: date) -> Card:
    """Events of the user's units that fall due in the current quarter of the approved plan."""
    period = rules.ReportingPeriod.containing(today)
    lang = current_lang()
    revisions = (
        EventRevision.objects.filter(version=version, is_cancelled=False, executors__unit_id__in=access.unit_ids)
        .distinct()
        .order_by("position", "id")
    )
    due_now = [r for r in revisions if r.deadline.reportable_in(period)]
    card = Card(
        _("Your unit's events in %(period)s") % {"period": period.label(lang)},
        _("%(n)s events of your unit fall due or are under way this quarter.") % {"n": len(due_now)},
        reverse("planning:plan_detail", args=[version.plan.year]),
        period.info_due,
        rules.days_left(period.info_due, today),
    )
    card.items = [(r.name, r.deadline.wording(lang)) for r in due_now[:8]]
    card.tone = _due_tone(card.days_left)
    card.text += " " + _("Information on execution is due on %(d)s.") % {"d": day(period.info_due)}
    return card


def _proposals_card(access: Access, plan: OperationalPlan, round_: ProposalRound, today: date) -> Card:
    """Units' proposals for a plan being drafted: what is due, by when, and where the unit stands (§3)."""
    counts = dict(Proposal.objects.filter(plan=plan, unit_id__in=access.unit_ids).values_list("status")
                  .annotate(n=Count("id")).order_by())
    S = Proposal.Status
    text = _("Your unit's proposals for the %(year)s plan are due on %(due)s: %(draft)s being prepared, "
             "%(returned)s returned for correction, %(submitted)s submitted, %(accepted)s accepted.") % {
        "year": plan.year, "due": day(round_.deadline), "draft": counts.get(S.DRAFT, 0),
        "returned": counts.get(S.RETURNED, 0), "submitted": counts.get(S.SUBMITTED, 0),
        "accepted": counts.get(S.ACCEPTED, 0) + counts.get(S.MERGED, 0)}
    days = rules.days_left(round_.deadline, today)
    return Card(_("Proposals for the %(year)s plan") % {"year": plan.year}, text,
                reverse("planning:proposals", args=[plan.year]), round_.deadline, days, _due_tone(days))


def _decisions_card(access: Access, plan: OperationalPlan, today: date) -> Card | None:
    """Decisions on the reports still to carry out: the unit's own, or all of them for the planner and
    the executive (§17 follow-up). One query."""
    from jospar.monitoring.models import Decision

    open_ = Decision.objects.filter(report__period__plan=plan, done_on__isnull=True)
    if not access.has(Role.PLANNER, Role.EXECUTIVE):
        open_ = open_.assigned_to(access.user_id, access.unit_ids)
    counts = open_.aggregate(n=Count("id"), late=Count("id", filter=Q(due_on__lt=today)))
    if not counts["n"]:
        return None
    text = ngettext("%(n)s decision on the reports is to be carried out; overdue: %(late)s.",
                    "%(n)s decisions on the reports are to be carried out; overdue: %(late)s.", counts["n"]) % counts
    return Card(_("Decisions on the reports"), text, reverse("monitoring:decisions", args=[plan.year]),
                tone="late" if counts["late"] else "info")


def _national_card(today: date) -> Card:
    """The state planning authority's way in: every body's plan side by side (jospar.national)."""
    return Card(_("National view"),
                _("Every state body's operational plan for %(year)s: approval on time (§6), units' information "
                  "(§13), reports (§15), execution and decisions, with trends and an Excel export.")
                % {"year": today.year},
                reverse("national:bodies") + f"?year={today.year}")


def home_cards(access: Access, today: date) -> list[Card]:
    national = [_national_card(today)] if access.is_national else []
    if not access.is_member:
        return national
    plans = list(
        OperationalPlan.objects.filter(body_id=access.member_body_id, year__in=[today.year, today.year + 1])
        .select_related("development_plan")
        .order_by("year")
    )
    versions: dict[int, list[PlanVersion]] = {p.id: [] for p in plans}
    for v in PlanVersion.objects.filter(plan__in=plans).order_by("number"):
        versions[v.plan_id].append(v)
    cards = [_plan_card(p, versions[p.id], today, access) for p in plans]
    current = next((p for p in plans if p.year == today.year), None)
    approved = [v for v in versions.get(current.id, []) if v.is_approved] if current else []
    if access.unit_ids and access.has(Role.UNIT_HEAD, Role.UNIT_STAFF):
        rounds = {r.plan_id: r for r in ProposalRound.objects.filter(plan__in=plans, closed_at__isnull=True)}
        cards.extend(_proposals_card(access, p, rounds[p.id], today) for p in plans if p.id in rounds)
        if approved and current is not None:
            approved[-1].plan = current
            cards.append(_unit_card(access, approved[-1], today))
    if access.has(Role.PLANNER) and approved and current is not None:
        period = rules.ReportingPeriod.containing(today)
        counts = EventRevision.objects.filter(version=approved[-1]).aggregate(
            total=Count("id"), cancelled=Count("id", filter=Q(is_cancelled=True))
        )
        cards.append(
            Card(
                _("Monitoring of %(period)s %(year)s") % {"period": period.label(current_lang()), "year": period.year},
                _("%(total)s events in force. Units' information is due on %(info)s, your report on %(report)s.")
                % {
                    "total": counts["total"] - counts["cancelled"],
                    "info": day(period.info_due),
                    "report": day(period.report_due),
                },
                reverse("planning:plan_detail", args=[current.year]),
                period.report_due,
                rules.days_left(period.report_due, today),
                _due_tone(rules.days_left(period.report_due, today)),
            )
        )
    # monitoring: the unit's information, the planner's report, the executive's summary (fixed query count)
    from jospar.monitoring.cards import monitoring_cards

    cards += monitoring_cards(access, today, Card)
    if current and (access.unit_ids or access.has(Role.PLANNER, Role.EXECUTIVE)):
        card = _decisions_card(access, current, today)
        if card:
            cards.append(card)
    if access.has(Role.ADMIN):
        cards.append(Card(_("Body administration"), _("Structural units, subordinate organisations, people and their "
                                                      "roles; import them from Excel."), reverse("orgs:units")))
    return national + cards


def installation_card() -> Card:
    """The installation administrator's card (a superuser): the bodies and their first administrators."""
    return Card(_("State bodies"), _("The bodies of this installation: create a body and its first administrator."),
                reverse("orgs:bodies"))
