"""The Django admin covers every model, in both languages, and keeps approved versions frozen."""
import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from jospar.demo.loader import DemoLoader
from jospar.planning.models import EventRevision

pytestmark = pytest.mark.django_db

OWN_APPS = ("orgs", "rulebook", "planning", "monitoring", "notifications", "documents", "signatures")


@pytest.fixture
def admin_client_demo(client):
    from datetime import date

    from django.contrib.auth.models import User

    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()
    client.force_login(User.objects.get(username="admin"))
    return client


def test_every_model_is_registered():
    models = [m for m in apps.get_models() if m._meta.app_label in OWN_APPS and not m.__name__.startswith("Historical")]
    missing = [m.__name__ for m in models if not admin.site.is_registered(m)]
    assert missing == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_changelist_opens(admin_client_demo, lang):
    admin_client_demo.cookies["django_language"] = lang
    for model in admin.site._registry:
        if model._meta.app_label not in OWN_APPS:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert admin_client_demo.get(url).status_code == 200, url


def test_admin_index_is_translated(admin_client_demo):
    admin_client_demo.cookies["django_language"] = "ru"
    html = admin_client_demo.get(reverse("admin:index")).content.decode()
    assert "Операционные планы" in html
    admin_client_demo.cookies["django_language"] = "kk"
    html = admin_client_demo.get(reverse("admin:index")).content.decode()
    assert "Операциялық жоспарлар" in html


def test_approved_event_is_read_only_in_admin(admin_client_demo):
    rev = EventRevision.objects.filter(version__status="approved").first()
    url = reverse("admin:planning_eventrevision_change", args=[rev.pk])
    response = admin_client_demo.post(url, {"name_kk": "x", "name_ru": "x"})
    assert response.status_code in (200, 403)
    rev.refresh_from_db()
    assert rev.name_ru != "x"
    delete = reverse("admin:planning_eventrevision_delete", args=[rev.pk])
    assert admin_client_demo.post(delete, {"post": "yes"}).status_code == 403
    assert EventRevision.objects.filter(pk=rev.pk).exists()


# Issue 11, point 5: the admin is for reference data; workflow records change only through the services.
WORKFLOW = ["planning.OperationalPlan", "planning.PlanVersion", "planning.Event", "planning.EventRevision",
            "planning.EventExecutor", "planning.ProposalRound", "planning.Proposal", "planning.StateChange",
            "monitoring.ReportingPeriod", "monitoring.ExecutionEntry", "monitoring.UnitSubmission",
            "monitoring.Report", "monitoring.Decision", "monitoring.EventRecommendation", "monitoring.Contribution",
            "monitoring.Reminder", "monitoring.IndicatorActual", "monitoring.AmendmentBasis",
            "notifications.Notification", "documents.StoredDocument"]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_workflow_records_cannot_be_added_changed_or_deleted_in_admin(admin_client_demo):
    from tests.planning.test_frozen_everywhere import form_data

    tried = 0
    for label in WORKFLOW:
        model = apps.get_model(label)
        obj = model.objects.order_by("pk").first()
        if obj is None:  # the demo sends no reminders and names no indicator as a proposal's basis
            assert admin_client_demo.get(admin_url(model, "add")).status_code == 403, label
            continue
        tried += 1
        before = model.objects.filter(pk=obj.pk).values().get()
        assert admin_client_demo.get(admin_url(model, "add")).status_code == 403, label
        assert admin_client_demo.post(admin_url(model, "change", obj.pk), form_data(obj)).status_code == 403, label
        assert admin_client_demo.post(admin_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403, label
        changelist = admin_client_demo.post(admin_url(model, "changelist"), {
            "action": "delete_selected", "_selected_action": [obj.pk], "post": "yes", "index": 0})
        assert changelist.status_code == 200, label
        assert 'name="_selected_action"' not in changelist.content.decode(), label  # no bulk actions offered
        assert model.objects.filter(pk=obj.pk).values().get() == before, label
    assert tried == len(WORKFLOW) - 2


@pytest.mark.parametrize(("label", "field", "value"), [
    ("planning.PlanVersion", "status", "approved"),  # approve
    ("planning.PlanVersion", "status", "on_approval"),  # send for approval
    ("planning.Proposal", "status", "accepted"),
    ("monitoring.ExecutionEntry", "state", "submitted"),  # submit a unit's information
    ("monitoring.UnitSubmission", "status", "submitted"),
    ("monitoring.Report", "status", "submitted"),
])
def test_superuser_cannot_approve_submit_or_decide_in_admin(admin_client_demo, label, field, value):
    from tests.planning.test_frozen_everywhere import form_data

    model = apps.get_model(label)
    obj = model.objects.exclude(**{field: value}).exclude(**{field: "approved"}).order_by("pk").first()
    if obj is None:  # everything in the demo is already submitted: try taking it back instead
        obj = model.objects.order_by("pk").first()
        value = next(code for code, _label in model._meta.get_field(field).choices if code != value)
    response = admin_client_demo.post(admin_url(model, "change", obj.pk), form_data(obj, **{field: value}))
    assert response.status_code == 403
    assert getattr(model.objects.get(pk=obj.pk), field) == getattr(obj, field)


def test_superuser_cannot_record_a_decision_in_admin(admin_client_demo):
    from jospar.monitoring.models import Decision

    count = Decision.objects.count()
    assert admin_client_demo.get(admin_url(Decision, "add")).status_code == 403
    assert admin_client_demo.post(admin_url(Decision, "add"), {"text_ru": "x"}).status_code == 403
    assert Decision.objects.count() == count


def test_history_revert_cannot_rewrite_a_frozen_edition(admin_client_demo):
    """simple-history's revert form saved on POST for anyone allowed to view; a signed edition stays signed."""
    from jospar.planning.devplan.selectors import frozen_edition_ids
    from jospar.planning.models import StrategicDirection

    direction = StrategicDirection.objects.filter(plan_id__in=frozen_edition_ids()).order_by("pk").first()
    old = direction.history.earliest()
    StrategicDirection.objects.filter(pk=direction.pk).update(name_ru="Переименовано до отзыва")
    url = reverse("admin:planning_strategicdirection_simple_history", args=[direction.pk, old.history_id])
    assert admin_client_demo.post(url, {}).status_code == 403
    assert StrategicDirection.objects.get(pk=direction.pk).name_ru == "Переименовано до отзыва"
