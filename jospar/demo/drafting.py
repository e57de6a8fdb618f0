"""The drafting story of the demo plans, told through the real services where they apply.

The current year's plan: units proposed its events in December, the planner accepted them (one
returned and corrected, one merged with a duplicate), sent the draft for approval and the
executive approved it on time. Next year's draft: the proposal round is open, some proposals are
accepted, some wait for review, some are being prepared, some were returned with a comment.
"""
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from jospar import rules
from jospar.notifications.models import Notification
from jospar.orgs.models import Membership, Role
from jospar.planning import services
from jospar.planning.approval import services as approval
from jospar.planning.content import EventData
from jospar.planning.drafting.draft import create_revision
from jospar.planning.models import (
    Event,
    EventExecutor,
    EventRevision,
    OperationalPlan,
    Proposal,
    ProposalRound,
    StateChange,
)

ALMATY = ZoneInfo("Asia/Almaty")


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ALMATY)


class DraftingStory:
    def __init__(self, loader, units, forms):
        self.loader = loader
        self.story = loader.story
        self.units = units
        self.forms = forms
        self.planner = User.objects.get(username=loader.content.person(Role.PLANNER))
        self.executive = User.objects.get(username=loader.content.person(Role.EXECUTIVE))
        # Unit people author and submit their unit's proposals (§5), never the planner: the unit's
        # staff member writes (its head where the unit has no staff login), the head submits.
        self.heads, staff = {}, {}
        people = Membership.objects.filter(body=loader.body, role__in=(Role.UNIT_HEAD, Role.UNIT_STAFF))
        for m in people.select_related("user", "unit").order_by("pk"):
            (self.heads if m.role == Role.UNIT_HEAD else staff).setdefault(m.unit.code, m.user)
        self.authors = {**self.heads, **staff}
        self.staffed = list(staff)  # the demo units (head1/staff1, head2/staff2)

    def data(self, item: dict, devplan, year: int) -> EventData:
        codes = rules.parse_budget_codes(item["budget"]) if item["budget"] else ()
        units = [self.units[c] for c in item["executors"]]
        return EventData(
            anchor_key=self.anchors(devplan)[item["anchor"]], name_kk=item["name_kk"], name_ru=item["name_ru"],
            name_en=item.get("name_en", ""), deadline=self.loader.deadline(item["deadline"], year),
            no_funding=not codes, budget_codes=rules.format_budget_codes(codes, "ru") if codes else "",
            completion_form=self.forms.get(item.get("form") or ""),
            completion_kk="" if item.get("form") else item.get("form_kk", ""),
            completion_ru="" if item.get("form") else item.get("form_ru", ""),
            lead_unit=units[0], co_executors=units[1:],
        )

    def anchors(self, devplan) -> dict[str, str]:
        if getattr(self, "_anchors_for", None) != devplan.pk:
            found = self.loader.anchors(devplan)
            self._anchors = {code: f"{'m' if 'macroindicator' in a else 't' if 'target_indicator' in a else 'r'}:"
                             f"{next(iter(a.values())).pk}" for code, a in found.items()}
            self._anchors_for = devplan.pk
        return self._anchors

    def proposal(self, plan, data: EventData, status: str, at: datetime, comment: str = "") -> Proposal:
        unit = data.lead_unit
        assert unit is not None  # every demo event has its lead unit
        author = self.authors[unit.code]
        proposal = Proposal(plan=plan, unit=unit, author=author, status=status, comment=comment)
        data.apply(proposal)
        proposal.created_at = at
        proposal._history_user = author  # type: ignore[attr-defined]  # the audit trail names the author
        proposal.save()
        proposal.co_executors.set(data.co_executors)
        self.change(plan, author, "proposal_created", at, proposal=proposal, unit=unit, new="draft")
        if status != "draft":
            self.change(plan, self.heads[unit.code], "proposal_submitted", at + timedelta(hours=3),
                        proposal=proposal, unit=unit, old="draft", new="submitted")
        return proposal

    def change(self, plan, actor, action, at, old="", new="", **fields):
        StateChange.objects.create(plan=plan, actor=actor, action=action, from_status=old, to_status=new, at=at,
                                   **fields)

    def accept(self, plan, version, proposal, data, at):
        revision = create_revision(version, data, author=proposal.author)
        for model, rows in ((EventRevision, {"id": revision.pk}), (EventExecutor, {"revision_id": revision.pk})):
            model.history.filter(**rows).update(history_user=self.planner, history_date=at)  # the planner accepted it
        Proposal.objects.filter(pk=proposal.pk).update(status="accepted", event=revision.event)
        self.change(plan, self.planner, "proposal_accepted", at, proposal=proposal, old="submitted", new="accepted")
        return revision

    def approved_plan(self, devplan, year: int, events: list[dict]) -> OperationalPlan:
        """In bulk (a few dozen queries for the whole plan): the demo loads in tests many times."""
        plan = OperationalPlan.objects.filter(body=devplan.body, year=year).first()
        if plan:
            return plan
        plan = services.open_operational_plan(development_plan=devplan, year=year)
        version = plan.versions.get(number=1)
        story, day_of = self.story, self.loader.content_date
        opened, review_day = day_of(story.round_opened), day_of(story.reviewed)
        ProposalRound.objects.create(plan=plan, deadline=day_of(story.proposals_due), opened_by=self.planner,
                                     closed_at=_at(day_of(story.round_closed)))
        datas = [self.data(item, devplan, year) for item in events]
        merged, returned = events[story.merged_duplicate], story.returned_proposal
        duplicate = self.data({**merged, "executors": merged["executors"][::-1]}, devplan, year)
        proposals = []
        for i, data in enumerate([*datas, duplicate]):
            unit = data.lead_unit
            assert unit is not None  # every demo event has its lead unit
            day = opened + timedelta(days=3 + (i if i < len(datas) else story.merged_duplicate) % 8)
            proposal = Proposal(plan=plan, unit=unit, author=self.authors[unit.code],
                                status="merged" if i == len(datas) else "accepted", created_at=_at(day))
            proposal._history_user, proposal._history_date = proposal.author, proposal.created_at  # type: ignore[attr-defined]  # the audit trail (django-simple-history)
            data.apply(proposal)
            proposals.append(proposal)
        proposals = bulk_create_with_history(proposals, Proposal)
        Through = Proposal.co_executors.through
        Through.objects.bulk_create(Through(proposal_id=p.pk, orgunit_id=u.pk)
                                    for p, d in zip(proposals, [*datas, duplicate], strict=True)
                                    for u in d.co_executors)
        identities = Event.objects.bulk_create(Event(plan=plan, created_by=p.author) for p in proposals[:-1])
        positions: dict[str, int] = {}
        revisions = []
        for identity, data in zip(identities, datas, strict=True):
            revision = EventRevision(version=version, event=identity)
            data.apply(revision)
            positions[data.anchor_key] = revision.position = positions.get(data.anchor_key, 0) + 1
            revisions.append(revision)
        accepted = {"default_user": self.planner, "default_date": _at(review_day, 12)}  # the planner accepted them
        revisions = bulk_create_with_history(revisions, EventRevision, **accepted)
        bulk_create_with_history([
            EventExecutor(revision=r, unit=u, is_lead=(k == 0), position=k)
            for r, d in zip(revisions, datas, strict=True) for k, u in enumerate([d.lead_unit, *d.co_executors])
        ], EventExecutor, **accepted)
        for proposal, identity in zip(proposals, [*identities, identities[story.merged_duplicate]], strict=True):
            proposal.event = identity
        Proposal.objects.bulk_update(proposals, ["event"])
        changes = [StateChange(plan=plan, actor=self.planner, action="round_opened", to_status="open", at=_at(opened))]
        for i, proposal in enumerate(proposals):
            at = proposal.created_at
            changes += [
                StateChange(plan=plan, proposal=proposal, unit=proposal.unit, actor=proposal.author,
                            action="proposal_created", to_status="draft", at=at),
                StateChange(plan=plan, proposal=proposal, unit=proposal.unit, actor=self.heads[proposal.unit.code],
                            action="proposal_submitted", from_status="draft", to_status="submitted",
                            at=at + timedelta(hours=3)),
            ]
            if i == returned:  # returned with a comment, corrected and submitted again
                changes += [
                    StateChange(plan=plan, proposal=proposal, unit=proposal.unit, actor=self.planner,
                                action="proposal_returned", from_status="submitted", to_status="returned",
                                comment="Уточните форму завершения и код бюджетной программы.",
                                at=at + timedelta(days=2)),
                    StateChange(plan=plan, proposal=proposal, unit=proposal.unit,
                                actor=self.heads[proposal.unit.code], action="proposal_submitted",
                                from_status="returned", to_status="submitted",
                                at=at + timedelta(days=4)),
                ]
            is_merged = proposal.status == "merged"
            changes.append(StateChange(
                plan=plan, proposal=proposal, unit=proposal.unit, actor=self.planner,
                action="proposal_merged" if is_merged else "proposal_accepted", from_status="submitted",
                to_status=proposal.status, comment=merged["name_ru"] if is_merged else "",
                at=_at(review_day, 9 + i % 8)))
        StateChange.objects.bulk_create(changes)
        # §6: on time when approved within 10 days of the development plan's signing (a body's story may be late;
        # a demo loaded before the story's approval day approves today)
        sent = min(day_of(story.sent_for_approval), self.loader.today)
        approved_on = min(day_of(story.approved), self.loader.today)
        approval.send_for_approval(user=self.planner, version=version)
        approval.approve_version(version=version, user=self.executive, on=approved_on)
        self.retime(plan, {"sent_for_approval": _at(sent, 16), "approved": _at(approved_on, 11)})
        late = " (late)" if approved_on > plan.approval_due else ""
        self.loader.log(f"operational plan {year}: {len(events)} events, approved {approved_on}{late}")
        return plan

    def retime(self, plan, moments: dict) -> None:
        for action, at in moments.items():
            StateChange.objects.filter(plan=plan, action=action).update(at=at)
        Notification.objects.filter(recipient__memberships__body=plan.body_id, params__year=str(plan.year)).update(
            created_at=max(moments.values()), read_at=timezone.now())

    def draft_plan(self, devplan, year: int, events: list[dict], today: date) -> OperationalPlan:
        plan = OperationalPlan.objects.filter(body=devplan.body, year=year).first()
        if plan:
            return plan
        plan = services.open_operational_plan(development_plan=devplan, year=year)
        version = plan.versions.get(number=1)
        opened = today - timedelta(days=10)
        ProposalRound.objects.create(plan=plan, deadline=today + timedelta(days=2), opened_by=self.planner)
        self.change(plan, self.planner, "round_opened", _at(opened), new="open")
        demo_units = [self.units[c] for c in self.staffed if c in self.units][:2]
        for i, item in enumerate(events):
            data = self.data(item, devplan, year)
            day = opened + timedelta(days=1 + i % 7)
            kind = i % 6
            if kind in (4, 5) and demo_units:  # prepared by the demo units' staff
                data.lead_unit = demo_units[i % 2]
                data.co_executors = [u for u in data.co_executors if u.pk != data.lead_unit.pk]
            if kind in (0, 1, 2):
                if i == 1:
                    data.name_kk = ""  # accepted without its Kazakh name: the draft shows it as incomplete
                p = self.proposal(plan, data, "submitted", _at(day))
                self.accept(plan, version, p, data, _at(day + timedelta(days=1), 12))
            elif kind == 3:
                self.proposal(plan, data, "submitted", _at(day))
            elif kind == 4:
                self.proposal(plan, data, "draft", _at(day))
            else:
                p = self.proposal(plan, data, "submitted", _at(day))
                Proposal.objects.filter(pk=p.pk).update(
                    status="returned", comment="Мероприятие дублирует задачу раздела II; уточните привязку.")
                self.change(plan, self.planner, "proposal_returned", _at(day + timedelta(days=1)), proposal=p,
                            old="submitted", new="returned",
                            comment="Мероприятие дублирует задачу раздела II; уточните привязку.")
        self.loader.log(f"operational plan {year}: draft with {len(events)} proposals, round open")
        return plan
