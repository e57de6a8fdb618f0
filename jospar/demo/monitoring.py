"""The monitoring story of the demo plan, with the moments it happened.

The turns of the story (a return and its correction, the reports, the decisions) go through the real
services; the routine filling-in of some 200 entries is written in bulk (with history), which keeps
loading the demo fast.

Quarters whose report is already due are fully reported: every unit filled in and submitted its
information (a few events not executed or partially executed, with reasons), the planner submitted the
Form 2 report with recommendations, and the executive took decisions. The body's story (content.Story)
adds its turns: a unit that submitted late, an entry returned by the planner and corrected, a unit whose
information never came, a report submitted after the 15th, a decision that asks to amend the plan. The
running quarter is open: two units have started filling in. Idempotent: a period that already has
information is left as it is.
"""
import hashlib
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from jospar import rules
from jospar.monitoring import selectors, services, services_report
from jospar.monitoring.models import Contribution, ExecutionEntry, UnitSubmission
from jospar.notifications.models import Notification
from jospar.orgs.models import Membership, OrgUnit, Role

from .content import execution

ALMATY = ZoneInfo("Asia/Almaty")
KINDS = ("info_submitted", "info_submitted_late", "info_returned", "report_submitted", "report_submitted_late",
         "decision_recorded")

KEYS = {"executed": "done", "partial": "partial", "in_progress": "progress"}

# The planner's recommendations on events executed in part or not at all, and the proposals (Form 2, §16).
RECOMMENDATIONS = (
    {"text_kk": "Орындауды жеделдету; мүмкін болмаған жағдайда операциялық жоспарға мерзімге қатысты өзгерістер "
                "енгізу.",
     "text_ru": "Ускорить исполнение; при невозможности — внести изменения в операционный план в части срока."},
    {"text_kk": "Жетекшілік ететін басшының бақылауын күшейту; келесі тоқсанның соңына дейін баяндау.",
     "text_ru": "Усилить контроль со стороны курирующего руководителя; доложить до конца следующего квартала."},
)
PROPOSALS = {
    "proposals_kk": "Объективті себептермен орындалмаған іс-шаралардың мерзімдерін келесі тоқсанға ауыстыру "
                    "(операциялық жоспарға өзгерістер енгізу).",
    "proposals_ru": "Перенести сроки мероприятий, не исполненных по независящим причинам, на следующий квартал "
                    "(внесение изменений в операционный план).",
}


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ALMATY)


def _pick(*parts) -> int:
    """A stable pseudo-random number from the parts (the same on every machine and every load)."""
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:8], 16)


class MonitoringStory:
    def __init__(self, loader, plan):
        self.loader = loader
        self.plan = plan
        self.today = loader.today
        self.story = loader.story
        self.planner = User.objects.get(username=loader.content.person(Role.PLANNER))
        self.executive = User.objects.get(username=loader.content.person(Role.EXECUTIVE))
        # The completion forms by their Russian names, as the walk (in Russian) names them: the texts fit the form.
        self.form_codes = {form["name_ru"]: form["code"] for form in loader.content.completion_forms}
        self.units = {u.code: u for u in OrgUnit.objects.filter(body=plan.body)}
        self.monitoring_unit = next(u for u in self.units.values() if u.is_planning)
        self.heads, self.staff = {}, {}
        for m in Membership.objects.filter(body=plan.body, role__in=[Role.UNIT_HEAD, Role.UNIT_STAFF]) \
                .select_related("user", "unit").order_by("id"):
            (self.heads if m.role == Role.UNIT_HEAD else self.staff).setdefault(m.unit.code, m.user)

    def load(self, through_quarter: int = 4) -> None:
        if selectors.version_in_force(self.plan, date(self.plan.year, 12, 31)) is None:
            return
        for period in services.open_periods(self.plan)[:through_quarter]:
            if period.start > self.today or self._touched(period):
                continue
            if period.report_due < self.today:
                self.reported(period)
            else:
                self.open(period)

    def _touched(self, period) -> bool:
        return ExecutionEntry.objects.filter(period=period).exists()

    # ---- filling in ------------------------------------------------------------------------------

    def status_of(self, period, info, item) -> str:
        if item.kind == "in_progress":
            return "in_progress"
        roll = _pick(self.plan.year, period.quarter, info.number, item.occurrence) % 20
        if item.kind == "carried":
            return "not_executed" if roll < 4 else "executed"
        return "not_executed" if roll < 2 else "partial" if roll < 4 else "executed"

    def texts(self, period, info, status: str) -> dict[str, str]:
        """The entry's actual execution and reasons, in Kazakh and Russian, fitting what the event produces."""
        n = _pick(info.number, period.quarter)
        texts = execution.EXECUTION.get(self.form_codes.get(info.completion, ""), execution.OTHER)
        day = min(period.end, self.today) - timedelta(days=n % 20)
        fmt = {"n": f"{10 + n % 80}-{period.quarter}/{self.plan.year % 100}", "date": day.strftime("%d.%m.%Y"),
               "k": 2 + n % 9, "p": 40 + n % 50}
        out = {f"{name}_{lang}": "" for name in ("actual", "reasons") for lang in ("kk", "ru")}
        if status in KEYS:
            out["actual_kk"], out["actual_ru"] = (text.format(**fmt) for text in texts[KEYS[status]])
        if rules.reasons_required(status):
            out["reasons_kk"], out["reasons_ru"] = texts["reasons"]
        return out

    def author(self, unit):
        return self.staff.get(unit.code) or self.heads[unit.code]

    def items_by_unit(self, period) -> tuple[dict, list, list]:
        """The period's work items per lead unit (units in their order), from one plan walk."""
        version = selectors.version_in_force(self.plan, period.end)
        assert version is not None  # the demo plan is approved before its periods are reported
        pairs = selectors.period_items(period, version, "ru")
        by_unit: dict = {}
        for info, item in pairs:
            by_unit.setdefault(info.lead_unit_id, []).append((info, item))
        by_id = {u.id: u for u in self.units.values()}
        units = sorted((by_id[u] for u in by_unit), key=lambda u: (u.position, u.id))
        return by_unit, units, pairs

    def entries(self, period, unit, pairs, day: date, *, state: str, submitted_at=None) -> list:
        """What the unit's staff typed (routine steps are written in bulk; the story's turns use the services)."""
        out = []
        for i, (info, item) in enumerate(pairs):
            status = self.status_of(period, info, item)
            out.append(ExecutionEntry(
                period=period, event_id=info.event_id, occurrence=item.occurrence, due_on=item.due, unit=unit,
                status=status, **self.texts(period, info, status), state=state, submitted_at=submitted_at,
                updated_at=_at(day, 9 + i % 8, 5 * (i % 12)), updated_by=self.author(unit),
            ))
        return out

    def contributions(self, period, pairs, day: date, only=None) -> list:
        """Co-executors send their part to the lead executor before it reports (every third shared event)."""
        out = []
        for i, (info, item) in enumerate(p for p in pairs if len(p[0].unit_ids) > 1):
            unit = next(u for u in self.units.values() if u.id == info.unit_ids[1])
            if i % 3 or (only and unit.code not in only):
                continue
            out.append(Contribution(
                period=period, event_id=info.event_id, occurrence=item.occurrence, unit=unit,
                text="Со своей стороны подготовлены и направлены ведущему исполнителю необходимые материалы.",
                updated_at=_at(day, 15), updated_by=self.author(unit)))
        return out

    def reported(self, period) -> None:
        due = period.info_due
        by_unit, units, pairs = self.items_by_unit(period)
        bulk_create_with_history(self.contributions(period, pairs, period.end), Contribution,
                                 default_date=_at(period.end, 15))
        entries, submissions = [], []
        late_unit, missing = self.story.late_unit, self.story.missing_unit
        for i, unit in enumerate(units):
            if missing == (unit.code, period.quarter):  # §13: its information never came
                continue
            late = late_unit is not None and late_unit[:2] == (unit.code, period.quarter)
            day = due + timedelta(days=late_unit[2]) if late else due - timedelta(days=1 + (i * 3) % 8)
            moment = _at(day, 17, i % 50)
            entries += self.entries(period, unit, by_unit[unit.id], day - timedelta(days=1), state="submitted",
                                    submitted_at=moment)
            delay = rules.delay_days(due, day)
            submissions.append(UnitSubmission(
                period=period, unit=unit, status="submitted", first_submitted_at=moment, submitted_at=moment,
                submitted_on=day, submitted_by=self.heads[unit.code], is_late=delay > 0, delay_days=delay))
        bulk_create_with_history(entries, ExecutionEntry, default_date=_at(due))
        bulk_create_with_history(submissions, UnitSubmission, default_date=_at(due))
        returned = self.story.returned_unit
        if returned and returned[1] == period.quarter and returned[0] in self.units:
            day = next((s.submitted_on for s in submissions if s.unit.code == returned[0]), None)
            if day:
                self.return_and_correct(period, self.units[returned[0]], day)
        self.report(period)
        self.retime(period)

    def return_and_correct(self, period, unit, day: date) -> None:
        entry = ExecutionEntry.objects.filter(period=period, unit=unit, status="executed").order_by("id").first()
        if entry is None:
            return
        services.return_unit_info(
            user=self.planner, period=period, unit=unit, entry_ids=[entry.pk], at=_at(day + timedelta(days=1), 11),
            comment="Укажите реквизиты исходящего документа и дату его направления адресату.")
        sent = period.end.strftime("%d.%m.%Y")
        services.save_entry(user=self.staff.get(unit.code) or self.heads[unit.code], period=period,
                            event_id=entry.event_id, occurrence=entry.occurrence, status="executed",
                            actual_kk=f"{entry.actual_kk} Деректемелері: шығ. {sent} № 04-12/1187.",
                            actual_ru=f"{entry.actual_ru} Реквизиты: исх. № 04-12/1187 от {sent}.",
                            at=_at(day + timedelta(days=1), 16))
        services.submit_unit_info(user=self.heads[unit.code], period=period, unit=unit, attest=True,
                                  at=_at(day + timedelta(days=2), 10))

    def report(self, period) -> None:
        planner, q, year = self.planner, period.quarter, self.plan.year
        late = self.story.late_report
        # §15: by the 15th; a late report comes the story's days after it
        base = _at(period.report_due + timedelta(days=late[1]) if late and late[0] == q
                   else period.report_due - timedelta(days=1), 11)
        rows = selectors.form2_rows(period, "ru", view=selectors.QUARTER)
        weak = [r for r in rows if r.kind == "event" and r.status in ("not_executed", "partial")]
        for i, row in enumerate(weak):
            assert row.event_id is not None  # an event row
            services_report.save_event_recommendation(user=planner, period=period, event_id=row.event_id,
                                                      at=base - timedelta(hours=2), **RECOMMENDATIONS[i % 2])
        services_report.save_report_texts(
            user=planner, period=period, at=base - timedelta(hours=1),
            general_kk=f"{year} жылғы {q}-тоқсанның қорытындысы бойынша: 1) құрылымдық бөлімшелердің басшыларына "
                       "іс-шаралардың уақтылы орындалуын қамтамасыз ету; 2) орындалмау тәуекелдері туралы алдын ала "
                       "хабарлау ұсынылады.",
            general_ru=f"По итогам {q} квартала {year} года рекомендуется: 1) руководителям структурных "
                       "подразделений обеспечить своевременное исполнение мероприятий; 2) заблаговременно "
                       "информировать о рисках неисполнения.",
            **(PROPOSALS if weak else {}),
        )
        services_report.submit_report(user=planner, period=period, at=base)
        decided = max(_at(period.report_due + timedelta(days=4), 15), base + timedelta(days=1))
        noted = services_report.record_decision(
            user=self.executive, period=period, at=decided, responsible_unit_id=self.monitoring_unit.id,
            due_on=(period.end + timedelta(days=60)),
            text_kk="Есеп назарға алынсын. Бөлімше басшылары есепті кезеңде орындалмаған іс-шаралардың "
                    "орындалуын қамтамасыз етсін.",
            text_ru="Принять к сведению отчет. Руководителям подразделений обеспечить исполнение мероприятий, "
                    "не исполненных в отчетном периоде.")
        done = _at(period.end + timedelta(days=50), 11)
        if q < 3 and done.date() < self.today:  # the earlier quarters' decisions were carried out (follow-up)
            services_report.complete_decision(
                user=self.planner, decision=noted, at=done,
                note="Руководители подразделений проинформированы письмом; исполнение взято на контроль, "
                     "итоги рассмотрены на аппаратном совещании.")
        if q == 2 and weak and self.story.amendment:
            services_report.record_decision(
                user=self.executive, period=period, at=decided + timedelta(minutes=30),
                responsible_unit_id=self.monitoring_unit.id, responsible_person_id=self.planner.id,
                due_on=period.end + timedelta(days=45), event_ids=[r.event_id for r in weak[:3]],
                requests_amendment=True,
                text_kk="Стратегиялық жоспарлау және талдау департаменті орындалмаған іс-шаралардың мерзімдеріне "
                        "қатысты операциялық жоспарға өзгерістер дайындасын.",
                text_ru="Департаменту стратегического планирования и анализа подготовить изменения в "
                        "операционный план в части сроков не исполненных мероприятий.")
        self.loader.log(f"monitoring {year} Q{q}: information submitted, report and decisions recorded")

    def open(self, period) -> None:
        """The running quarter (or one whose information is being collected): two units have started."""
        day = min(max(period.start, self.today - timedelta(days=10)) + timedelta(days=3), self.today)
        by_unit, units, pairs = self.items_by_unit(period)
        started = self.story.open_units
        bulk_create_with_history(self.contributions(period, pairs, day, only=started), Contribution,
                                 default_date=_at(day, 15))
        entries = []
        for unit in units:
            if unit.code in started:
                entries += self.entries(period, unit, by_unit[unit.id][:3], day, state="draft")
        bulk_create_with_history(entries, ExecutionEntry, default_date=_at(day, 12))
        self.loader.log(f"monitoring {self.plan.year} Q{period.quarter}: open, partial information")

    def retime(self, period) -> None:
        """Notifications of past steps carry their moment and are read."""
        Notification.objects.filter(
            recipient__memberships__body=self.plan.body_id, kind__in=KINDS, params__year=str(self.plan.year),
            params__quarter=rules.ROMAN[period.quarter],
        ).update(created_at=_at(period.report_due), read_at=timezone.now())


def load_monitoring(loader, plan, through_quarter: int = 4) -> None:
    """The story up to ``through_quarter`` (an amendment can come in between; each quarter reads the version in
    force at its end). Quarters already told are left as they are."""
    MonitoringStory(loader, plan).load(through_quarter)
