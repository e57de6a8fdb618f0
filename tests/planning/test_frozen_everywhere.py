"""An approved version is frozen through every channel: the Django admin's change forms, a model's save and
delete, and a queryset's update, delete, bulk_create and bulk_update (issue 11, point 4)."""
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from jospar.planning.amendments import services as amendments
from jospar.planning.approval import services as approval
from jospar.planning.models import (
    ApprovedVersionError,
    Event,
    EventExecutor,
    EventRevision,
    OperationalPlan,
    PlanVersion,
)
from tests.factories import DevelopmentPlanFactory, OperationalPlanFactory, StateBodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(small_plan, planner, executive):
    """Version 1 approved through the services, an amendment (version 2) open as a draft, another plan."""
    approval.send_for_approval(user=planner, version=small_plan)
    approval.approve_version(version=small_plan, user=executive, on=date(2025, 12, 30))
    v1 = PlanVersion.objects.get(pk=small_plan.pk)
    v2 = amendments.open_amendment(user=planner, plan=v1.plan, basis="development_plan", document_number="12",
                                   document_date=date(2026, 5, 4), basis_kk="Өзгерістер", basis_ru="Изменения")
    plan = v1.plan
    later = DevelopmentPlanFactory(body=plan.body, edition=2, signed_on=date(2026, 4, 1))
    other = OperationalPlanFactory(body=plan.body, development_plan=plan.development_plan, year=2027)
    rev = v1.revisions.order_by("id").first()
    return {
        "v1": v1, "v2": v2, "plan": plan, "later": later, "other": other, "rev": rev,
        "executor": rev.executors.first(), "draft_rev": v2.revisions.get(event=rev.event),
        "body": StateBodyFactory(code="other"), "planner": planner,
    }


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "root-pass-12345"))
    return client


def form_data(obj, **changes) -> dict:
    """What the admin's change form would post for `obj`, with `changes` applied."""
    data = {}
    for field in obj._meta.concrete_fields:
        if not field.editable or field.primary_key:
            continue
        value = field.value_from_object(obj)
        if isinstance(value, bool):
            if value:
                data[field.name] = "on"
            continue
        data[field.name] = "" if value is None else value.isoformat() if hasattr(value, "isoformat") else value
    for prefix in ("executors", "revisions"):  # inline management forms, whichever the admin shows
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0",
                     f"{prefix}-MAX_NUM_FORMS": "1000"})
    for name, value in changes.items():
        if value is False:
            data.pop(name, None)
        else:
            data[name] = "on" if value is True else value
    return data


def stored(obj) -> dict:
    return type(obj)._base_manager.filter(pk=obj.pk).values().get()


# (what, field, new value as posted, new value as set on the model): every field Form 1 or its record reads.
CASES = [
    ("plan", "year", "2030", 2030),
    ("plan", "body", "@body", "@body"),
    ("plan", "development_plan", "@later", "@later"),
    ("plan", "approval_due_on", "2026-03-01", date(2026, 3, 1)),
    ("plan", "rule_edition", "mne-45-2022", "mne-45-2022"),
    ("v1", "number", "7", 7),
    ("v1", "status", "draft", "draft"),
    ("v1", "approved_on", "2026-02-01", date(2026, 2, 1)),
    ("v1", "approved_by", "@planner", "@planner"),
    ("v1", "approved_as_ru", "Кто-то другой", "Кто-то другой"),
    ("v1", "approved_as_kk", "Басқа біреу", "Басқа біреу"),
    ("v1", "development_plan", "@later", "@later"),
    ("v1", "basis_document_number", "99", "99"),
    ("v1", "plan", "@other", "@other"),
    ("rev", "name_kk", "Басқа", "Басқа"),
    ("rev", "name_ru", "Другое", "Другое"),
    ("rev", "budget_codes", "002", "002"),
    ("rev", "position", "99", 99),
    ("rev", "is_cancelled", True, True),
    ("rev", "completion_ru", "Приказ", "Приказ"),
    ("rev", "version", "@v2", "@v2"),
    ("executor", "is_lead", False, False),
    ("executor", "position", "9", 9),
    ("executor", "revision", "@draft_rev", "@draft_rev"),
    ("event", "plan", "@other", "@other"),
]
ADMIN_URL = {"plan": "operationalplan", "v1": "planversion", "rev": "eventrevision", "executor": "eventexecutor",
             "event": "event"}


def target(world, what):
    return world["rev"].event if what == "event" else world[what]


def resolve(world, value, as_pk):
    if isinstance(value, str) and value.startswith("@"):
        obj = world[value[1:]]
        return str(obj.pk) if as_pk else obj
    return value


@pytest.mark.parametrize(("what", "field", "posted", "_value"), CASES)
def test_admin_change_form_refuses(admin_client, world, what, field, posted, _value):
    obj = target(world, what)
    before = stored(obj)
    url = reverse(f"admin:planning_{ADMIN_URL[what]}_change", args=[obj.pk])
    response = admin_client.post(url, form_data(obj, **{field: resolve(world, posted, as_pk=True)}))
    assert response.status_code == 403
    assert stored(obj) == before


@pytest.mark.parametrize(("what", "field", "_posted", "value"), CASES)
def test_model_save_refuses(world, what, field, _posted, value):
    obj = target(world, what)
    before = stored(obj)
    setattr(obj, field, resolve(world, value, as_pk=False))
    with pytest.raises(ApprovedVersionError):
        obj.save()
    assert stored(obj) == before


@pytest.mark.parametrize(("what", "field", "_posted", "value"), CASES)
def test_queryset_update_refuses(world, what, field, _posted, value):
    obj = target(world, what)
    before = stored(obj)
    with pytest.raises(ApprovedVersionError):
        type(obj).objects.filter(pk=obj.pk).update(**{field: resolve(world, value, as_pk=False)})
    assert stored(obj) == before


@pytest.mark.parametrize("what", ["plan", "v1", "rev", "executor", "event"])
def test_nothing_approved_is_deleted(world, what):
    obj = target(world, what)
    counts = [m.objects.count() for m in (OperationalPlan, PlanVersion, Event, EventRevision, EventExecutor)]
    with pytest.raises(ApprovedVersionError):
        obj.delete()
    with pytest.raises(ApprovedVersionError):
        type(obj).objects.filter(pk=obj.pk).delete()
    assert [m.objects.count() for m in (OperationalPlan, PlanVersion, Event, EventRevision, EventExecutor)] == counts


def test_nothing_is_added_to_an_approved_version_in_bulk(world):
    v1, draft_rev = world["v1"], world["draft_rev"]
    count = v1.revisions.count()
    draft_rev.pk = None
    draft_rev.version = v1
    draft_rev.event = Event.objects.create(plan=v1.plan)
    with pytest.raises(ApprovedVersionError):
        EventRevision.objects.bulk_create([draft_rev])
    with pytest.raises(ApprovedVersionError):
        EventExecutor.objects.bulk_create([EventExecutor(revision=world["rev"], unit=world["executor"].unit,
                                                         position=5)])
    rev = world["rev"]
    rev.name_ru = "Другое"
    with pytest.raises(ApprovedVersionError):
        EventRevision.objects.bulk_update([rev], ["name_ru"])
    assert v1.revisions.count() == count and EventRevision.objects.get(pk=rev.pk).name_ru != "Другое"


def test_a_draft_revision_cannot_be_moved_into_an_approved_version(world):
    draft_rev = world["draft_rev"]
    draft_rev.version = world["v1"]
    with pytest.raises(ApprovedVersionError):
        draft_rev.save()


def test_the_draft_and_the_approval_still_work(world, executive):
    """The guards leave the services' own paths open: editing the amendment, approving it onto a new edition."""
    v2, draft_rev = world["v2"], world["draft_rev"]
    draft_rev.name_ru = "Исправлено"
    draft_rev.save()
    EventRevision.objects.filter(pk=draft_rev.pk).update(name_kk="Түзетілді")
    PlanVersion.objects.filter(pk=v2.pk).update(development_plan=world["later"])
    v2.refresh_from_db()
    approval.send_for_approval(user=world["planner"], version=v2)
    approval.approve_version(version=v2, user=executive, on=date(2026, 5, 10))
    plan = OperationalPlan.objects.get(pk=world["plan"].pk)
    assert plan.development_plan_id == world["later"].pk and plan.year == 2026


def test_a_draft_only_plan_can_still_be_deleted(body):
    from tests.factories import plan_with_events

    version = plan_with_events(3, n_units=4, body=body, year=2031)
    version.plan.delete()
    assert not OperationalPlan.objects.filter(year=2031).exists()


def test_a_completion_form_an_approved_version_prints_is_read_only_in_admin(admin_client, world):
    form = world["v1"].revisions.exclude(completion_form=None).first().completion_form
    url = reverse("admin:planning_completionform_change", args=[form.pk])
    assert admin_client.post(url, form_data(form, name_ru="Другая форма")).status_code == 403
    assert admin_client.post(reverse("admin:planning_completionform_delete", args=[form.pk]),
                             {"post": "yes"}).status_code == 403
    form.refresh_from_db()
    assert form.name_ru != "Другая форма"


def test_an_empty_approved_version_elsewhere_does_not_block_a_draft(world):
    """A new row has no id: the guard must not read that as "a version with no events"."""
    other = world["other"]
    PlanVersion.objects.create(plan=other, number=1, status="approved", approved_on=date(2026, 12, 30),
                               approved_by=world["planner"], development_plan=other.development_plan)
    new = world["draft_rev"]
    unit = world["executor"].unit
    new.pk = None
    new.event = Event.objects.create(plan=world["plan"])
    new.save()
    EventExecutor(revision=new, unit=unit, is_lead=True).save()
    assert new.executors.count() == 1
