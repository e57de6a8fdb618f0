"""factory-boy factories for the whole model, and `plan_with_events` for plans of any size."""
import itertools
from datetime import date

import factory
from django.contrib.auth.models import User

from jospar.orgs.models import Membership, Office, OrgUnit, Person, Role, StateBody
from jospar.planning.models import (
    CompletionForm,
    DevelopmentPlan,
    Event,
    EventExecutor,
    EventRevision,
    Goal,
    Macroindicator,
    OperationalPlan,
    PlanVersion,
    RegulationTask,
    StrategicDirection,
    TargetIndicator,
)


class StateBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StateBody
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"body{n}")
    name_kk = factory.Sequence(lambda n: f"Министрлік {n}")
    name_ru = factory.Sequence(lambda n: f"Министерство {n}")
    name_en = factory.Sequence(lambda n: f"Ministry {n}")


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    body = factory.SubFactory(StateBodyFactory)
    code = factory.Sequence(lambda n: f"u{n}")
    name_kk = factory.Sequence(lambda n: f"{n}-департамент")
    name_ru = factory.Sequence(lambda n: f"Департамент {n}")
    name_en = factory.Sequence(lambda n: f"Department {n}")
    position = factory.Sequence(int)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Ерлан"
    last_name = factory.Sequence(lambda n: f"Ахметов{n}")
    password = factory.django.Password("secret-pass-1")
    person = factory.RelatedFactory("tests.factories.PersonFactory", factory_related_name="user")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    patronymic = "Сәкенұлы"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    body = factory.SubFactory(StateBodyFactory)
    role = Role.VIEWER
    unit = None


def member(body, role, unit=None, username=None, office=None, acting=False) -> User:
    """A user with one role in a body (unit roles need the unit). An executive holds the office of
    chief of staff (§6) unless `office` says otherwise ("" for an executive in an ordinary position)."""
    user = UserFactory(username=username) if username else UserFactory()
    if office is None:
        office = Office.CHIEF_OF_STAFF if role == Role.EXECUTIVE else ""
    Membership.objects.create(user=user, body=body, role=role, unit=unit, office=office, acting=acting)
    return user


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentPlan

    body = factory.SubFactory(StateBodyFactory)
    title_kk = "Даму жоспары"
    title_ru = "План развития"
    year_from = 2025
    year_to = 2029
    signed_on = date(2025, 12, 22)


class DirectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategicDirection

    plan = factory.SubFactory(DevelopmentPlanFactory)
    position = factory.Sequence(lambda n: n + 1)
    name_kk = factory.Sequence(lambda n: f"{n}-бағыт")
    name_ru = factory.Sequence(lambda n: f"Направление {n}")


class MacroindicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Macroindicator

    direction = factory.SubFactory(DirectionFactory)
    position = factory.Sequence(lambda n: n + 1)
    name_kk = factory.Sequence(lambda n: f"{n}-макроиндикатор")
    name_ru = factory.Sequence(lambda n: f"Макроиндикатор {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    direction = factory.SubFactory(DirectionFactory)
    position = factory.Sequence(lambda n: n + 1)
    name_kk = factory.Sequence(lambda n: f"{n}-мақсат")
    name_ru = factory.Sequence(lambda n: f"Цель {n}")


class TargetIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetIndicator

    goal = factory.SubFactory(GoalFactory)
    position = factory.Sequence(lambda n: n + 1)
    name_kk = factory.Sequence(lambda n: f"{n}-индикатор")
    name_ru = factory.Sequence(lambda n: f"Индикатор {n}")


class RegulationTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegulationTask

    plan = factory.SubFactory(DevelopmentPlanFactory)
    position = factory.Sequence(lambda n: n + 1)
    name_kk = factory.Sequence(lambda n: f"{n}-міндет")
    name_ru = factory.Sequence(lambda n: f"Задача {n}")


class CompletionFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompletionForm

    body = factory.SubFactory(StateBodyFactory)
    code = factory.Sequence(lambda n: f"cf{n}")
    name_kk = "Министрдің бұйрығы"
    name_ru = "Приказ министра"


class OperationalPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OperationalPlan

    development_plan = factory.SubFactory(DevelopmentPlanFactory)
    body = factory.SelfAttribute("development_plan.body")
    year = 2026
    rule_edition = "dpm-mne-28-2025"


class PlanVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanVersion

    plan = factory.SubFactory(OperationalPlanFactory)
    number = 1
    development_plan = factory.SelfAttribute("plan.development_plan")  # as open_operational_plan does


def revision(version, unit, anchor, **fields) -> EventRevision:
    """One event in a version, with one lead executor."""
    data = {
        "name_kk": "Іс-шара",
        "name_ru": "Мероприятие",
        "budget_codes": "001",
        "deadline_kind": "quarter",
        "deadline_quarter": 2,
        **fields,
    }
    rev = EventRevision.objects.create(version=version, event=Event.objects.create(plan=version.plan), **anchor, **data)
    EventExecutor.objects.create(revision=rev, unit=unit, is_lead=True)
    return rev


DEADLINES = [
    {"deadline_kind": "quarter", "deadline_quarter": 4},
    {"deadline_kind": "date", "deadline_date": date(2026, 7, 1)},
    {"deadline_kind": "month", "deadline_month": 9},
    {"deadline_kind": "yearly", "deadline_month": 12, "deadline_day": 20},
    {"deadline_kind": "half_yearly"},
    {"deadline_kind": "quarterly", "deadline_day": 5},
    {"deadline_kind": "monthly"},
    {"deadline_kind": "within_year"},
]


def plan_with_events(n_events: int, n_units: int = 10, body=None, year: int = 2026) -> PlanVersion:
    """A draft version 1 with `n_events` events spread over every kind of anchor, in bulk."""
    body = body or StateBodyFactory()
    units = OrgUnit.objects.bulk_create(
        OrgUnit(body=body, code=f"su{i}", name_kk=f"{i}-бөлім", name_ru=f"Отдел {i}", position=i,
                is_planning=(i == 0))
        for i in range(n_units)
    )
    devplan = DevelopmentPlanFactory(body=body)
    anchors = []
    for d in range(1, 4):
        direction = DirectionFactory(plan=devplan, position=d)
        for m in range(1, 3):
            anchors.append({"macroindicator": MacroindicatorFactory(direction=direction, position=m)})
        for g in range(1, 3):
            goal = GoalFactory(direction=direction, position=g)
            for t in range(1, 4):
                anchors.append({"target_indicator": TargetIndicatorFactory(goal=goal, position=t)})
    for r in range(1, 6):
        anchors.append({"regulation_task": RegulationTaskFactory(plan=devplan, position=r)})
    form = CompletionFormFactory(body=body)
    plan = OperationalPlanFactory(development_plan=devplan, year=year)
    version = PlanVersionFactory(plan=plan)
    events = Event.objects.bulk_create(Event(plan=plan) for _ in range(n_events))
    cycle_anchor, cycle_deadline = itertools.cycle(anchors), itertools.cycle(DEADLINES)
    revisions = EventRevision.objects.bulk_create(
        EventRevision(
            version=version, event=event, position=i, name_kk=f"Іс-шара {i}", name_ru=f"Мероприятие {i}",
            budget_codes="" if i % 4 == 0 else "001 100", no_funding=(i % 4 == 0),
            completion_form=form if i % 2 else None, completion_kk="Есеп", completion_ru="Отчет",
            **next(cycle_anchor), **next(cycle_deadline),
        )
        for i, event in enumerate(events, start=1)
    )
    EventExecutor.objects.bulk_create(
        EventExecutor(revision=rev, unit=units[(i + k) % n_units], is_lead=(k == 0), position=k)
        for i, rev in enumerate(revisions)
        for k in range(1 + i % 3)
    )
    return version
