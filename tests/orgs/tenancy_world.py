"""Bodies of the same shape for the tenancy walk (tests/orgs/test_tenancy_every_url.py).

`build_body(tag, mark)` makes one state body with everything a body keeps: a development plan, the 2026
operational plan approved (its Form 1 stored) with an amendment open as version 2, reporting periods, the
first quarter's information submitted by every unit (entries, a co-executor's contribution, an attachment),
the first quarter's report submitted (Form 2 stored, figures, hand-overs) with a decision, the second
quarter's work in progress, the 2027 plan open for proposals with a unit's proposal, notifications, e-mails,
reminders, a sign-in attempt and an admin log entry. Every text the body's people would read carries
`mark` (and every user name carries `tag`), so a page that shows another body's data is caught by a plain
substring search.
"""
from dataclasses import dataclass, field
from datetime import date

import time_machine
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from jospar import rules
from jospar.orgs.models import OrgUnit, Role
from jospar.planning.models import EventExecutor, IndicatorValue
from tests.factories import (
    CompletionFormFactory,
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
    revision,
)
from tests.monitoring.world import at

PDF = b"%PDF-1.4\n" + b"0" * 200
YEAR = 2026


@dataclass
class Body:
    tag: str
    mark: str
    body: object
    units: dict
    users: dict
    devplan: object = None
    nodes: dict = field(default_factory=dict)  # devplan kind -> (node, parent or None)
    plans: dict = field(default_factory=dict)  # year -> OperationalPlan
    objects: dict = field(default_factory=dict)  # URL kwarg -> object


def _people(body, units, tag, mark, *, national=False):
    if national:
        specs = {"national": (Role.NATIONAL, None)}
    else:
        specs = {"planner": (Role.PLANNER, units["plan"]), "executive": (Role.EXECUTIVE, None),
                 "viewer": (Role.VIEWER, None), "admin": (Role.ADMIN, None), "superuser": (Role.VIEWER, None)}
        for code in ("a", "b", "c"):
            specs[f"head_{code}"] = (Role.UNIT_HEAD, units[code])
            specs[f"staff_{code}"] = (Role.UNIT_STAFF, units[code])
    users = {}
    for key, (role, unit) in specs.items():
        user = member(body, role, unit, username=f"{tag}_{key}")
        user.first_name, user.last_name, user.email = "Ерлан", f"{mark}ов", f"{tag}_{key}@example.kz"
        if national:  # the national reader's own name is on every page they read: not their body's data
            user.username, user.last_name, user.email = "national", "Ахметов", "national@example.kz"
        user.is_staff = key in ("admin", "superuser")
        user.is_superuser = key == "superuser"
        user.save()
        user.person.position_ru = user.person.position_kk = f"Должность {mark}"
        user.person.save()
        users[key] = user
    if "admin" in users:
        from django.contrib.auth.models import Permission

        users["admin"].user_permissions.set(Permission.objects.all())  # every model permission: scope must hold
    return users


def _light_plan(world: Body) -> None:
    """The national user's own body keeps a plan too (the planning authority plans as any body): an approved
    2026 plan with its periods and a unit's entry in progress, none of which its national reader may see on a
    body's pages."""
    from jospar.monitoring import selectors, services
    from jospar.planning.models import PlanVersion

    mark, body, units = world.mark, world.body, world.units
    devplan = DevelopmentPlanFactory(body=body, year_from=2025, year_to=2029, title_kk=f"Даму жоспары {mark}",
                                     title_ru=f"План развития {mark}")
    direction = DirectionFactory(plan=devplan, position=1, name_kk=f"Бағыт {mark}", name_ru=f"Направление {mark}")
    macro = MacroindicatorFactory(direction=direction, position=1, name_kk=f"Макро {mark}", name_ru=f"Макро {mark}")
    plan = OperationalPlanFactory(development_plan=devplan, body=body, year=YEAR)
    version = PlanVersionFactory(plan=plan)
    revision(version, units["a"], {"macroindicator": macro}, position=1, name_kk=f"Іс-шара {mark}",
             name_ru=f"Мероприятие {mark}", name_en=f"Event {mark}", deadline_kind="quarter", deadline_quarter=1)
    staff = member(body, Role.UNIT_STAFF, units["a"], username=f"{world.tag}_staff_a")
    executive = member(body, Role.EXECUTIVE, username=f"{world.tag}_executive")
    PlanVersion.objects.filter(pk=version.pk).update(status="approved", approved_on=date(2025, 12, 30),
                                                     approved_by=executive)
    q1 = services.open_periods(plan)[0]
    with time_machine.travel(at("2026-04-06", 9), tick=False):
        for w in selectors.work_list(q1, units["a"], "ru").items:
            services.save_entry(user=staff, period=q1, event_id=w.info.event_id, occurrence=w.item.occurrence,
                                status="in_progress", actual_kk=f"Жұмыс {mark}", actual_ru=f"В работе {mark}")
    world.devplan, world.plans = devplan, {YEAR: plan}


def build_body(tag: str, mark: str, *, extra_year: int | None = None, national: bool = False) -> Body:
    from jospar.documents import stored
    from jospar.monitoring import selectors, services, services_report
    from jospar.monitoring.basis_models import AmendmentBasis
    from jospar.monitoring.models import ExecutionEntry, IndicatorActual, Reminder
    from jospar.notifications.services import notify
    from jospar.planning import services as planning
    from jospar.planning.amendments import services as amendments
    from jospar.planning.content import EventData
    from jospar.planning.drafting import proposals
    from jospar.planning.models import PlanVersion

    body = StateBodyFactory(code=tag, name_kk=f"Министрлік {mark}", name_ru=f"Министерство {mark}",
                            name_en=f"Ministry {mark}")
    units = {code: OrgUnit.objects.create(body=body, code=f"{tag}-{code}", name_kk=f"{code}-бөлім {mark}",
                                          name_ru=f"Отдел {code} {mark}", name_en=f"Unit {code} {mark}", position=i,
                                          is_planning=(code == "plan"))
             for i, code in enumerate(["plan", "a", "b", "c"])}
    users = _people(body, units, tag, mark, national=national)
    world = Body(tag, mark, body, units, users)
    if national:
        _light_plan(world)
        return world
    devplan = DevelopmentPlanFactory(body=body, year_from=2025, year_to=2029, title_kk=f"Даму жоспары {mark}",
                                     title_ru=f"План развития {mark}")
    direction = DirectionFactory(plan=devplan, position=1, name_kk=f"Бағыт {mark}", name_ru=f"Направление {mark}")
    macro = MacroindicatorFactory(direction=direction, position=1, name_kk=f"Макро {mark}", name_ru=f"Макро {mark}")
    IndicatorValue.objects.create(macroindicator=macro, year=YEAR, value=5)
    goal = GoalFactory(direction=direction, position=1, name_kk=f"Мақсат {mark}", name_ru=f"Цель {mark}")
    t1 = TargetIndicatorFactory(goal=goal, position=1, name_kk=f"Индикатор {mark}", name_ru=f"Индикатор {mark}")
    task = RegulationTaskFactory(plan=devplan, position=1, name_kk=f"Міндет {mark}", name_ru=f"Задача {mark}")
    form = CompletionFormFactory(body=body, name_kk=f"Бұйрық {mark}", name_ru=f"Приказ {mark}")
    world.devplan = devplan
    world.nodes = {"direction": (direction, None), "macroindicator": (macro, direction), "goal": (goal, direction),
                   "indicator": (t1, goal), "task": (task, None)}

    plan = OperationalPlanFactory(development_plan=devplan, body=body, year=YEAR)
    version = PlanVersionFactory(plan=plan)
    spec = {"a_march": ("a", {"macroindicator": macro}, {"deadline_kind": "date", "deadline_date": date(YEAR, 3, 20)},
                        ["b"]),
            "a_year": ("a", {"target_indicator": t1}, {"deadline_kind": "within_year"}, []),
            "b_q1": ("b", {"target_indicator": t1}, {"deadline_kind": "quarter", "deadline_quarter": 1}, []),
            "c_q1": ("c", {"regulation_task": task}, {"deadline_kind": "quarter", "deadline_quarter": 1}, [])}
    events = {}
    for pos, (name, (lead, anchor, deadline, co)) in enumerate(spec.items(), start=1):
        rev = revision(version, units[lead], anchor, position=pos, name_kk=f"Іс-шара {name} {mark}",
                       name_ru=f"Мероприятие {name} {mark}", name_en=f"Event {name} {mark}",
                       completion_form=form, completion_kk=f"Есеп {mark}", completion_ru=f"Отчет {mark}",
                       **{"deadline_quarter": None, **deadline})
        for k, code in enumerate(co, start=1):
            EventExecutor.objects.create(revision=rev, unit=units[code], position=k)
        events[name] = rev
    PlanVersion.objects.filter(pk=version.pk).update(status="approved", approved_on=date(2025, 12, 30),
                                                     approved_by=users["executive"])
    version.refresh_from_db()
    periods = services.open_periods(plan)
    stored.store_form1(version)
    signature_of_approval(body, version, users["executive"], mark)  # issue 17: signed, and verified again

    q1 = periods[0]
    texts = {"actual_kk": f"Орындалды {mark}", "actual_ru": f"Сделано {mark}", "reasons_kk": "", "reasons_ru": ""}
    with time_machine.travel(at("2026-04-06", 9), tick=False):
        for code in ("a", "b", "c"):
            for w in selectors.work_list(q1, units[code], "ru").items:
                services.save_entry(user=users[f"staff_{code}"], period=q1, event_id=w.info.event_id,
                                    occurrence=w.item.occurrence, status="executed", **texts)
        services.save_contribution(user=users["staff_b"], period=q1, event_id=events["a_march"].event_id,
                                   occurrence=1, unit=units["b"], text=f"Вклад {mark}")
        entry = ExecutionEntry.objects.filter(period=q1, unit=units["a"]).first()
        attachment = services.add_attachment(user=users["staff_a"], entry=entry,
                                             upload=SimpleUploadedFile(f"акт-{mark}.pdf", PDF))
    with time_machine.travel(at("2026-04-08", 12), tick=False):
        for code in ("a", "b", "c"):
            services.submit_unit_info(user=users[f"head_{code}"], period=q1, unit=units[code], attest=True)
    with time_machine.travel(at("2026-04-12", 12), tick=False):
        services_report.save_report_texts(user=users["planner"], period=q1, general_kk=f"Жалпы {mark}",
                                          general_ru=f"Общее {mark}", proposals_kk=f"Ұсыныс {mark}",
                                          proposals_ru=f"Предложения {mark}")
        services_report.save_event_recommendation(user=users["planner"], period=q1,
                                                  event_id=events["a_march"].event_id, text_kk=f"Ұсыным {mark}",
                                                  text_ru=f"Рекомендация {mark}")
        report = services_report.submit_report(user=users["planner"], period=q1)
    with time_machine.travel(at("2026-04-20", 12), tick=False):
        decision = services_report.record_decision(
            user=users["executive"], period=q1, text_kk=f"Шешім {mark}", text_ru=f"Решение {mark}",
            responsible_unit_id=units["a"].id, responsible_person_id=users["head_a"].id, due_on=date(2026, 6, 1),
            requests_amendment=True)
        q2 = periods[1]
        for w in selectors.work_list(q2, units["a"], "ru").items[:1]:
            services.save_entry(user=users["staff_a"], period=q2, event_id=w.info.event_id,
                                occurrence=w.item.occurrence, status="in_progress", actual_kk=f"Жұмыс {mark}",
                                actual_ru=f"В работе {mark}")
        amendment = amendments.open_amendment(user=users["planner"], plan=plan, basis="monitoring",
                                              decision=decision, basis_kk=f"Негіз {mark}", basis_ru=f"Основание {mark}")
    IndicatorActual.objects.create(period=q1, unit=units["a"], macroindicator=macro, value=4,
                                   source_ru=f"Источник {mark}", updated_at=at("2026-04-06", 9),
                                   updated_by=users["staff_a"])
    AmendmentBasis.objects.create(report=report, macroindicator=macro, created_by=users["planner"])
    Reminder.objects.create(key=f"{tag}-reminder", period=q1, kind="info", stage="soon", unit=units["a"],
                            recipient=users["head_a"], sent_at=at("2026-04-01"))
    draft_revision = amendment.revisions.order_by("position").first()

    with time_machine.travel(at("2026-11-20", 10), tick=False):
        plan_2027 = planning.open_year(user=users["planner"], development_plan=devplan, year=YEAR + 1,
                                       proposals_due=date(2026, 11, 25), late_ok=True)
        proposal = proposals.create_proposal(
            user=users["staff_a"], plan=plan_2027, unit=units["a"],
            data=EventData(anchor_key=f"m:{macro.id}", name_kk=f"Ұсыныс {mark}", name_ru=f"Предложение {mark}",
                           deadline=rules.Deadline(rules.DeadlineKind.QUARTER, quarter=2), budget_codes="001",
                           completion_kk="Бұйрық", completion_ru="Приказ"))
    world.plans = {YEAR: plan, YEAR + 1: plan_2027}
    if extra_year:
        world.plans[extra_year] = planning.open_operational_plan(development_plan=devplan, year=extra_year)
    notify([users["planner"], users["head_a"]], "decision_recorded", actor=users["executive"],
           params={"year": YEAR, "quarter": 1, "text": f"Заметка {mark}", "due": "—"}, url="/")

    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    sign_in = {"username": f"{tag}_planner", "ip_address": "10.0.0.1", "user_agent": f"agent {mark}"}
    AccessAttempt.objects.create(**sign_in, failures_since_start=1, get_data="", post_data="")
    AccessLog.objects.create(**sign_in, path_info="/accounts/login/")
    AccessFailureLog.objects.create(**sign_in, path_info="/accounts/login/")
    LogEntry.objects.create(user=users["admin"], content_type=ContentType.objects.get_for_model(OrgUnit),
                            object_id=str(units["a"].pk), object_repr=f"Отдел a {mark}", action_flag=CHANGE,
                            change_message="[]")
    world.objects = {"report": report, "decision": decision, "attachment": attachment, "entry": entry,
                     "events": events, "version": version, "amendment": amendment, "draft_revision": draft_revision,
                     "proposal": proposal, "period": q1}
    return world


def signature_of_approval(body, version, executive, mark: str):
    """A signature of the approval (as the signatures app records it), marked, with one «verify again»."""
    from django.utils import timezone

    from jospar.documents.models import StoredDocument
    from jospar.signatures.models import Signature, SignatureCheck

    doc = StoredDocument.objects.get(version=version, lang="ru", fmt="pdf")
    signature = Signature.objects.create(
        body=body, act="approval", version=version, document=doc, field="cms_ru", filename=doc.filename,
        content_sha256=doc.sha256, cms=b"0", act_at=timezone.now(), signed_by=executive,
        common_name=f"EXECUTIVE {mark}", iin="700101300015", status="valid",
        checks=[{"code": "format", "ok": True, "detail": mark}])
    SignatureCheck.objects.create(signature=signature, checked_at=timezone.now(), checked_by=executive,
                                  status="valid")
    return signature
