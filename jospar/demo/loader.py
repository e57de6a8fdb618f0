"""Load the demo: its state bodies (jospar.demo.content.BODIES). Idempotent: every stage looks for what it
would create and skips it.

The content (names, indicators, events) is written for the plan year 2026; the loader moves it to
the current year so that every screen has believable, current content on the day it is opened.
"""
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from jospar import rules
from jospar.monitoring import summaries
from jospar.notifications.models import Notification, OutboundEmail
from jospar.orgs.models import Membership, OrgUnit, Person, Role, StateBody
from jospar.planning.models import (
    CompletionForm,
    DevelopmentPlan,
    Goal,
    IndicatorValue,
    Macroindicator,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)

from . import content
from .amendment import load_amendment
from .drafting import DraftingStory
from .indicators import load_indicator_values
from .monitoring import load_monitoring
from .signing import sign_demo

PASSWORD = "jospar-demo"
CONTENT_YEAR = 2026


def shift_year(d: date, delta: int) -> date:
    try:
        return d.replace(year=d.year + delta)
    except ValueError:  # 29 February into a common year
        return d.replace(year=d.year + delta, day=28)


class DemoLoader:
    """The whole demo: every body of ``content.BODIES`` (or those given), each by its own ``BodyLoader``."""

    def __init__(self, today: date, log=print, amend: bool = True, bodies=None, sign: bool | None = None):
        self.today = today
        self.amend = amend
        # Sign the demo's acts (settings.DEMO_SIGNATURES unless told): the test settings leave it off, as a
        # third of a load's time, for the tests that do not look at signatures.
        self.sign = settings.DEMO_SIGNATURES if sign is None else sign
        self.log = log
        self.bodies = content.BODIES if bodies is None else tuple(bodies)
        self._password = ""

    @property
    def password(self) -> str:
        """The demo password, hashed once per load: every demo login shares it (and hashing it for each of
        some fifty users took most of `make run`'s loading time)."""
        if not self._password:
            self._password = make_password(PASSWORD)
        return self._password

    @transaction.atomic
    def load(self) -> StateBody:
        """Loads every body; returns the first (the water ministry)."""
        loaded = [BodyLoader(self, spec).load() for spec in self.bodies]
        # The loader writes some history around the services (backdated entries, submissions in bulk): the
        # national view's kept figures are computed once from what is there (no change on a second load).
        summaries.rebuild()
        # Issue 17: the approvals, reports and units' submissions signed with the demo (test) authority.
        if self.sign:
            sign_demo(self.log)
        # The demo's people have made-up addresses: its notifications stay in the app, never e-mailed.
        Notification.objects.filter(emailed_at__isnull=True).update(emailed_at=timezone.now())
        OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).delete()
        return loaded[0]


class BodyLoader:
    """One body: its units and people, its development plan, the current year's plan and its monitoring,
    told as ``spec.story`` says. The content's dates are moved from the content year to the current one."""

    def __init__(self, demo: DemoLoader, spec: content.BodyContent):
        self.today = demo.today
        self.amend = demo.amend
        self.log = demo.log
        self.year = demo.today.year
        self.delta = self.year - CONTENT_YEAR
        self.content = spec
        self.story = spec.story
        self.demo = demo

    def content_date(self, text: str) -> date:
        """A date of the content year, moved to the current one."""
        return shift_year(date.fromisoformat(text), self.delta)

    def load(self) -> StateBody:
        spec = self.content
        body = self.body = self.state_body()
        units = self.units(body)
        self.people(body, units)
        self.unit_heads(body, units)
        if spec.devplan is None:
            return body
        forms = self.completion_forms(body)
        edition1 = self.development_plan(body, edition=1, signed_on=self.content_date(spec.devplan["signed_on"]))
        edition2 = (self.development_plan(body, edition=2, signed_on=self.today - timedelta(days=5))
                    if self.story.next_year_draft else None)
        story = DraftingStory(self, units, forms)
        current = story.approved_plan(edition1, self.year, spec.events)
        if edition2 is not None:
            story.draft_plan(edition2, self.year + 1, spec.next_year_events, self.today)
        load_monitoring(self, current, through_quarter=2)  # information, Form 2 reports, decisions (idempotent)
        if self.amend and self.story.amendment:
            load_amendment(self, current, story.planner, story.executive)  # version 2 from the Q2 decision
        load_monitoring(self, current)  # the later quarters, read from the version in force at their end
        load_indicator_values(self, current)  # last year's final values, this year's quarters (issue 18)
        return body

    def state_body(self) -> StateBody:
        data = self.content.body
        fields = ("name_kk", "name_ru", "name_en", "title_name_kk", "title_name_ru", "kind", "region")
        defaults = {k: data[k] for k in fields if k in data}
        if data.get("parent"):
            defaults["parent"] = StateBody.objects.get(code=data["parent"])
        body, created = StateBody.objects.get_or_create(code=data["code"], defaults=defaults)
        if created:
            self.log(f"state body: {body.name_ru}")
        return body

    def units(self, body) -> dict[str, OrgUnit]:
        units = {}
        for pos, data in enumerate(self.content.units, start=1):
            units[data["code"]], _ = OrgUnit.objects.get_or_create(
                body=body,
                code=data["code"],
                defaults={
                    "kind": data["kind"],
                    "name_kk": data["name_kk"],
                    "name_ru": data["name_ru"],
                    "name_en": data.get("name_en", ""),
                    "is_planning": data.get("is_planning", False),
                    "position": pos,
                },
            )
        return units

    def people(self, body, units) -> None:
        for data in self.content.people:
            superuser = data.get("superuser", False)  # the installation's administrator, not the body's
            user, created = User.objects.get_or_create(
                username=data["username"],
                defaults={
                    "first_name": data["first_name"],
                    "last_name": data["last_name"],
                    "email": data["email"],
                    "is_staff": superuser,
                    "is_superuser": superuser,
                },
            )
            if created:
                user.password = self.demo.password
                user.save(update_fields=["password"])
            Person.objects.get_or_create(
                user=user,
                defaults={
                    "patronymic": data.get("patronymic", ""),
                    "position_kk": data.get("position_kk", ""),
                    "position_ru": data.get("position_ru", ""),
                },
            )
            unit = units[data["unit"]] if data.get("unit") else None
            membership, _ = Membership.objects.get_or_create(
                user=user, body=body, role=data["role"], unit=unit, defaults={"office": data.get("office", "")})
            if membership.office != data.get("office", ""):  # a demo loaded before offices were recorded
                membership.office = data.get("office", "")
                membership.save(update_fields=["office"])

    def unit_heads(self, body, units) -> None:
        """Every unit proposes, submits and answers for its information through its head (§5, §14):
        the heads the demo's people lack get a login of their own (`head-<unit code>`)."""
        headed = set(Membership.objects.filter(body=body, role=Role.UNIT_HEAD).values_list("unit__code", flat=True))
        for data in self.content.units:
            code = data["code"]
            if code in headed or code not in units:
                continue
            user, created = User.objects.get_or_create(
                username=f"head-{code}",
                defaults={"first_name": data["head"]["first_name"], "last_name": data["head"]["last_name"],
                          "email": f"head.{code}@{self.content.email_domain}"},
            )
            if created:
                user.password = self.demo.password
                user.save(update_fields=["password"])
            Person.objects.get_or_create(user=user, defaults={"patronymic": data["head"].get("patronymic", "")})
            Membership.objects.get_or_create(user=user, body=body, role=Role.UNIT_HEAD, unit=units[code])

    def completion_forms(self, body) -> dict[str, CompletionForm]:
        forms = {}
        for pos, data in enumerate(self.content.completion_forms, start=1):
            forms[data["code"]], _ = CompletionForm.objects.get_or_create(
                body=body,
                code=data["code"],
                defaults={
                    "name_kk": data["name_kk"],
                    "name_ru": data["name_ru"],
                    "name_en": data.get("name_en", ""),
                    "position": pos,
                },
            )
        return forms

    def development_plan(self, body, edition: int, signed_on: date) -> DevelopmentPlan:
        data = self.content.devplan
        assert data is not None  # only a body with a development plan gets here
        year_from = data["year_from"] + self.delta
        existing = DevelopmentPlan.objects.filter(body=body, year_from=year_from, edition=edition).first()
        if existing:
            return existing
        plan = DevelopmentPlan.objects.create(
            body=body,
            title_kk=data["title_kk"],
            title_ru=data["title_ru"],
            title_en=data.get("title_en", ""),
            year_from=year_from,
            year_to=data["year_to"] + self.delta,
            edition=edition,
            signed_on=signed_on,
        )
        for d_pos, d in enumerate(data["directions"], start=1):
            direction = StrategicDirection.objects.create(plan=plan, position=d_pos, **_names(d))
            for m_pos, m in enumerate(d["macroindicators"], start=1):
                macro = Macroindicator.objects.create(direction=direction, position=m_pos, **_indicator(m))
                self.values(m, macroindicator=macro)
            for g_pos, g in enumerate(d["goals"], start=1):
                goal = Goal.objects.create(direction=direction, position=g_pos, code=g["code"], **_names(g))
                for t_pos, t in enumerate(g["indicators"], start=1):
                    indicator = TargetIndicator.objects.create(goal=goal, position=t_pos, **_indicator(t))
                    self.values(t, target_indicator=indicator)
        for r_pos, r in enumerate(data["regulation_tasks"], start=1):
            RegulationTask.objects.create(plan=plan, position=r_pos, code=r["code"], **_names(r))
        self.log(f"development plan {year_from}–{plan.year_to}, edition {edition}, signed {signed_on}")
        return plan

    def values(self, data, **indicator) -> None:
        IndicatorValue.objects.bulk_create(
            IndicatorValue(year=int(year) + self.delta, value=Decimal(value), **indicator)
            for year, value in data["values"].items()
        )

    def anchors(self, devplan) -> dict[str, dict]:
        found: dict[str, dict] = {}
        for m in Macroindicator.objects.filter(direction__plan=devplan):
            found[m.code] = {"macroindicator": m}
        for t in TargetIndicator.objects.filter(goal__direction__plan=devplan):
            found[t.code] = {"target_indicator": t}
        for r in RegulationTask.objects.filter(plan=devplan):
            found[r.code] = {"regulation_task": r}
        return found

    def deadline(self, data: dict, year: int) -> "rules.Deadline":
        data = dict(data)
        if data.get("date"):
            content_date = date.fromisoformat(data["date"])
            data["date"] = shift_year(content_date, year - content_date.year).isoformat()
        return rules.Deadline.parse_dict(data)


def _names(data) -> dict:
    return {"name_kk": data["name_kk"], "name_ru": data["name_ru"], "name_en": data.get("name_en", "")}


def _indicator(data) -> dict:
    return {
        **_names(data),
        "code": data["code"],
        "unit_kk": data.get("unit_kk", ""),
        "unit_ru": data.get("unit_ru", ""),
        "unit_en": data.get("unit_en", ""),
        "baseline": Decimal(data["baseline"]) if data.get("baseline") not in (None, "") else None,
    }
