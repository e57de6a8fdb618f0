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

from jospar import rules
from jospar.notifications.models import Notification
from jospar.orgs.models import Membership, Role
from jospar.planning import services
from jospar.planning.content import EventData
from jospar.planning.draft import create_revision
from jospar.planning.models import OperationalPlan, Proposal, ProposalRound, StateChange

ALMATY = ZoneInfo("Asia/Almaty")


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ALMATY)


class DraftingStory:
    def __init__(self, loader, units, forms):
        self.loader = loader
        self.units = units
        self.forms = forms
        self.planner = User.objects.get(username="planner")
        self.executive = User.objects.get(username="executive")
        self.authors = {}
        for m in Membership.objects.filter(role=Role.UNIT_STAFF).select_related("user", "unit"):
            self.authors.setdefault(m.unit.code, m.user)

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
        author = self.authors.get(unit.code, self.planner)
        proposal = Proposal(plan=plan, unit=unit, author=author, status=status, comment=comment)
        data.apply(proposal)
        proposal.save()
        proposal.co_executors.set(data.co_executors)
        Proposal.objects.filter(pk=proposal.pk).update(created_at=at)
        proposal.created_at = at
        self.change(plan, author, "proposal_created", at, proposal=proposal, new="draft")
        if status != "draft":
            self.change(plan, author, "proposal_submitted", at + timedelta(hours=3), proposal=proposal,
                        old="draft", new="submitted")
        return proposal

    def change(self, plan, actor, action, at, **fields):
        change = services.record(plan, actor, action, **{k: v for k, v in fields.items() if k not in ("old", "new")},
                                 old=fields.get("old", ""), new=fields.get("new", ""))
        StateChange.objects.filter(pk=change.pk).update(at=at)

    def accept(self, plan, version, proposal, data, at):
        revision = create_revision(version, data, author=proposal.author)
        Proposal.objects.filter(pk=proposal.pk).update(status="accepted", event=revision.event)
        self.change(plan, self.planner, "proposal_accepted", at, proposal=proposal, old="submitted", new="accepted")
        return revision

    def approved_plan(self, devplan, year: int, events: list[dict]) -> OperationalPlan:
        plan = OperationalPlan.objects.filter(body=devplan.body, year=year).first()
        if plan:
            return plan
        plan = services.open_operational_plan(development_plan=devplan, year=year)
        version = plan.versions.get(number=1)
        opened = date(year - 1, 12, 1)
        ProposalRound.objects.create(plan=plan, deadline=date(year - 1, 12, 12), opened_by=self.planner,
                                     closed_at=_at(date(year - 1, 12, 26)))
        self.change(plan, self.planner, "round_opened", _at(opened), new="open")
        for i, item in enumerate(events):
            data = self.data(item, devplan, year)
            day = opened + timedelta(days=3 + i % 8)
            if i == 5:  # returned with a comment, corrected and accepted
                p = self.proposal(plan, data, "submitted", _at(day))
                self.change(plan, self.planner, "proposal_returned", _at(day + timedelta(days=2)), proposal=p,
                            old="submitted", new="returned",
                            comment="Уточните форму завершения и код бюджетной программы.")
                self.change(plan, p.author, "proposal_submitted", _at(day + timedelta(days=4)), proposal=p,
                            old="returned", new="submitted")
            else:
                p = self.proposal(plan, data, "submitted", _at(day))
            revision = self.accept(plan, version, p, data, _at(date(year - 1, 12, 16), 9 + i % 8))
            if i == 8:  # a duplicate from a co-executor, merged into this event
                dup = self.proposal(plan, self.data({**item, "executors": item["executors"][::-1]}, devplan, year),
                                    "submitted", _at(day, 15))
                Proposal.objects.filter(pk=dup.pk).update(status="merged", event=revision.event)
                self.change(plan, self.planner, "proposal_merged", _at(date(year - 1, 12, 16), 17), proposal=dup,
                            old="submitted", new="merged", comment=item["name_ru"])
        services.send_for_approval(user=self.planner, version=version)
        services.approve_version(version=version, user=self.executive, on=date(year - 1, 12, 30))
        self.retime(plan, {"sent_for_approval": _at(date(year - 1, 12, 26), 16),
                           "approved": _at(date(year - 1, 12, 30), 11)})
        self.loader.log(f"operational plan {year}: {len(events)} events, approved by executive")
        return plan

    def retime(self, plan, moments: dict) -> None:
        for action, at in moments.items():
            StateChange.objects.filter(plan=plan, action=action).update(at=at)
        Notification.objects.filter(params__year=str(plan.year)).update(created_at=max(moments.values()),
                                                                         read_at=timezone.now())

    def draft_plan(self, devplan, year: int, events: list[dict], today: date) -> OperationalPlan:
        plan = OperationalPlan.objects.filter(body=devplan.body, year=year).first()
        if plan:
            return plan
        plan = services.open_operational_plan(development_plan=devplan, year=year)
        version = plan.versions.get(number=1)
        opened = today - timedelta(days=10)
        ProposalRound.objects.create(plan=plan, deadline=today + timedelta(days=2), opened_by=self.planner)
        self.change(plan, self.planner, "round_opened", _at(opened), new="open")
        demo_units = [self.units[c] for c in self.authors if c in self.units][:2]
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
