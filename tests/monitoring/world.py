"""A small approved plan with three reporting units and their people, and helpers to act in a quarter
(shared by the monitoring tests and the browser journey)."""
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from jospar.orgs.models import OrgUnit, Role
from jospar.planning.models import EventExecutor, PlanVersion
from tests.factories import (
    DevelopmentPlanFactory,
    DirectionFactory,
    GoalFactory,
    MacroindicatorFactory,
    OperationalPlanFactory,
    PlanVersionFactory,
    RegulationTaskFactory,
    StateBodyFactory,
    TargetIndicatorFactory,
    member,
    plan_with_events,
    revision,
)

ALMATY = ZoneInfo("Asia/Almaty")


def at(day: str, hour: int = 10) -> datetime:
    """A moment in Almaty: at("2026-04-08")."""
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=ALMATY)


def approve(version, user, on: date) -> None:
    """Approve a version directly (the approval workflow is the planning app's; here it is a given), and open
    its reporting periods as approval does."""
    from jospar.monitoring.services import open_periods

    PlanVersion.objects.filter(pk=version.pk).update(status="approved", approved_on=on, approved_by=user)
    version.refresh_from_db()
    open_periods(version.plan)


@dataclass
class World:
    body: object
    plan: object
    version: object
    units: dict
    users: dict
    events: dict

    def period(self, quarter: int):
        from jospar.monitoring.services import open_periods

        return open_periods(self.plan)[quarter - 1]


def build_world(year: int = 2026, approved_on: date | None = None, *, approved: bool = True) -> World:
    """``approved=False``: version 1 stays a draft (to approve through the services)."""
    body = StateBodyFactory(code=f"mon{year}")
    units = {
        code: OrgUnit.objects.create(body=body, code=code, name_kk=f"{code}-бөлім", name_ru=f"Отдел {code}",
                                     name_en=f"Unit {code}", position=i, is_planning=(code == "plan"))
        for i, code in enumerate(["plan", "a", "b", "c"])
    }
    devplan = DevelopmentPlanFactory(body=body, year_from=year - 1, year_to=year + 3)
    direction = DirectionFactory(plan=devplan, position=1)
    macro = MacroindicatorFactory(direction=direction, position=1)
    goal = GoalFactory(direction=direction, position=1)
    t1 = TargetIndicatorFactory(goal=goal, position=1)
    t2 = TargetIndicatorFactory(goal=goal, position=2)
    task = RegulationTaskFactory(plan=devplan, position=1)
    plan = OperationalPlanFactory(development_plan=devplan, body=body, year=year)
    version = PlanVersionFactory(plan=plan)
    spec = {
        # name: (lead, anchor, deadline fields, co-executors)
        "a_march": ("a", {"macroindicator": macro}, {"deadline_kind": "date", "deadline_date": date(year, 3, 20)},
                    ["b"]),
        "a_quarterly": ("a", {"target_indicator": t1}, {"deadline_kind": "quarterly", "deadline_day": 5}, []),
        "a_year": ("a", {"target_indicator": t1}, {"deadline_kind": "within_year"}, []),
        "b_q1": ("b", {"target_indicator": t2}, {"deadline_kind": "quarter", "deadline_quarter": 1}, ["c"]),
        "b_q3": ("b", {"target_indicator": t2}, {"deadline_kind": "quarter", "deadline_quarter": 3}, []),
        "c_feb": ("c", {"regulation_task": task}, {"deadline_kind": "month", "deadline_month": 2}, []),
        "c_half": ("c", {"regulation_task": task}, {"deadline_kind": "half_yearly"}, []),
    }
    events = {}
    for pos, (name, (lead, anchor, deadline, co)) in enumerate(spec.items(), start=1):
        rev = revision(version, units[lead], anchor, position=pos, name_kk=f"Іс-шара {name}",
                       name_ru=f"Мероприятие {name}", name_en=f"Event {name}",
                       **{"deadline_quarter": None, **deadline})
        for k, code in enumerate(co, start=1):
            EventExecutor.objects.create(revision=rev, unit=units[code], position=k)
        events[name] = rev.event_id
    users = {
        "planner": member(body, Role.PLANNER, units["plan"], username=f"planner{year}"),
        "executive": member(body, Role.EXECUTIVE, username=f"executive{year}"),
        "viewer": member(body, Role.VIEWER, username=f"viewer{year}"),
    }
    for code in ("a", "b", "c"):
        users[f"head_{code}"] = member(body, Role.UNIT_HEAD, units[code], username=f"head_{code}{year}")
        users[f"staff_{code}"] = member(body, Role.UNIT_STAFF, units[code], username=f"staff_{code}{year}")
    for user in users.values():
        user.email = f"{user.username}@example.kz"
        user.save()
    if approved:
        approve(version, users["executive"], approved_on or date(year - 1, 12, 30))
    return World(body, plan, version, units, users, events)



def texts(status: str, number) -> dict:
    """An entry's texts in both state languages, as the unit writes them before its head submits."""
    done = status != "not_executed"
    why = status in ("not_executed", "partial")
    return {"actual_kk": f"Орындалды {number}" if done else "", "actual_ru": f"Сделано {number}" if done else "",
            "reasons_kk": "Себебі" if why else "", "reasons_ru": "Причина" if why else ""}


def fill(world: World, quarter: int, code: str, status: str = "executed", when: str | None = None) -> list:
    """The unit's staff fill in every item of its work list (not-yet-due ones as in progress)."""
    import time_machine

    from jospar.monitoring import selectors, services

    period = world.period(quarter)
    staff = world.users[f"staff_{code}"]
    listing = selectors.work_list(period, world.units[code], "ru")
    with time_machine.travel(at(when or period.info_due.isoformat(), 9), tick=False):
        for w in listing.items:
            s = "in_progress" if w.is_in_progress else status
            services.save_entry(user=staff, period=period, event_id=w.info.event_id, occurrence=w.item.occurrence,
                                status=s, **texts(s, w.info.number))
    return listing.items


def submit(world: World, quarter: int, code: str, when: str, hour: int = 12):
    import time_machine

    from jospar.monitoring import services

    with time_machine.travel(at(when, hour), tick=False):
        return services.submit_unit_info(user=world.users[f"head_{code}"], period=world.period(quarter),
                                         unit=world.units[code], attest=True)


def report_all(world: World, quarter: int, when: str, status: str = "executed") -> None:
    """Every unit with items fills in and submits on ``when``."""
    from jospar.monitoring import selectors

    period = world.period(quarter)
    lines = selectors.period_units(period, world.version, list(world.units.values()), "ru")
    for line in lines:
        if line.items:
            fill(world, quarter, line.unit.code, status, when)
            submit(world, quarter, line.unit.code, when)


def big_plan(n_events: int, year: int):
    """An approved plan of ``n_events`` (tests.factories.plan_with_events) with the II quarter's information."""
    from jospar.monitoring import selectors, services, services_report
    from jospar.monitoring.models import ExecutionEntry

    body = StateBodyFactory(code=f"big{n_events}")
    version = plan_with_events(n_events, n_units=8, body=body, year=year)
    planner = member(body, Role.PLANNER, body.units.get(is_planning=True), username=f"pl{n_events}")
    approve(version, planner, date(year - 1, 12, 30))
    period = services.open_periods(version.plan)[1]
    pairs = selectors.period_items(period, version, "ru")
    ExecutionEntry.objects.bulk_create(
        ExecutionEntry(period=period, event_id=info.event_id, occurrence=item.occurrence, unit_id=info.lead_unit_id,
                       status="executed", actual_kk="x", actual_ru="x", state="submitted",
                       submitted_at=at(f"{year}-07-05"),
                       updated_at=at(f"{year}-07-05"), updated_by=planner)
        for info, item in pairs)
    services_report.save_event_recommendation(user=planner, period=period, event_id=pairs[0][0].event_id, text_kk="ұ",
                                              text_ru="r")
    return period
