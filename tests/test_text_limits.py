"""Every text people type has one length limit, kept by the database, the forms, the importers and the messages.

Run on SQLite and on PostgreSQL (``DATABASE_URL``): a TextField's limit is a CHECK constraint on both;
a CharField's ``max_length`` is kept by the database on PostgreSQL only (SQLite ignores varchar sizes).
"""
import pytest
import time_machine
from django.apps import apps
from django.db import DataError, IntegrityError, connection, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from jospar import text_limits as limits
from jospar.documents.importers.plan_columns import INDEX as IMPORT_INDEX
from jospar.monitoring import forms as monitoring_forms
from jospar.monitoring.models import Contribution, Decision, EventRecommendation, Report
from jospar.planning import forms as planning_forms
from jospar.planning.models import Event, EventRevision, StateChange
from tests.documents.importing import filled, good_rows
from tests.monitoring.world import at, build_world, report_all

pytestmark = pytest.mark.django_db


def _models():
    for app in ("planning", "monitoring"):
        for model in apps.get_app_config(app).get_models():
            if not model.__name__.startswith("Historical"):
                yield model


def _length_checks(model) -> dict:
    """field name -> the limit of its CHECK constraint ``length(field) <= n``."""
    found = {}
    for constraint in model._meta.constraints:
        condition = getattr(constraint, "condition", None)
        if isinstance(constraint, models.CheckConstraint) and constraint.name.endswith("_length"):
            found[condition.lhs.source_expressions[0].name] = condition.rhs
    return found


def test_every_text_field_has_a_limit_that_the_database_checks():
    unlimited, disagreeing = [], []
    for model in _models():
        checks = _length_checks(model)
        for field in model._meta.fields:
            if isinstance(field, models.TextField):
                if not field.max_length or field.name not in checks:
                    unlimited.append(f"{model.__name__}.{field.name}")
                elif checks[field.name] != field.max_length:
                    disagreeing.append(f"{model.__name__}.{field.name}")
    assert unlimited == [] and disagreeing == []


def test_forms_use_the_same_limits():
    event = planning_forms.EventForm.base_fields
    assert (event["name_kk"].max_length, event["completion_ru"].max_length, event["budget"].max_length) == (
        EventRevision._meta.get_field("name_kk").max_length, EventRevision._meta.get_field("completion_ru").max_length,
        EventRevision._meta.get_field("budget_codes").max_length)
    entry = monitoring_forms.EntryForm.base_fields
    assert {entry[f"{name}_{lang}"].max_length for name in ("actual", "reasons") for lang in ("kk", "ru")} == {
        limits.EXECUTION_TEXT}
    assert monitoring_forms.ReturnForm.base_fields["comment"].max_length == limits.COMMENT
    assert monitoring_forms.DecisionForm.base_fields["text_kk"].max_length == Decision._meta.get_field(
        "text_kk").max_length


@pytest.fixture
def world(db):
    with time_machine.travel(at("2026-04-06"), tick=False):
        world = build_world()
        report_all(world, 1, "2026-04-08")
    period = world.period(1)
    planner = world.users["planner"]
    event = Event.objects.filter(plan=world.plan).first()
    report = Report.objects.create(period=period, version=world.version, updated_by=planner,
                                   updated_at=timezone.now())
    EventRecommendation.objects.create(report=report, event=event, text_ru="x", updated_at=timezone.now(),
                                       updated_by=planner)
    Decision.objects.create(report=report, text_ru="x", created_at=timezone.now(), created_by=planner)
    Contribution.objects.create(period=period, event=event, unit=world.units["b"], text="x",
                                updated_at=timezone.now(), updated_by=planner)
    StateChange.objects.create(plan=world.plan, action="approved", actor=planner)
    return world


def _limited_fields():
    """(model, field name, limit) for every text field with a limit, TextFields and CharFields alike."""
    for model in _models():
        for field in model._meta.fields:
            if isinstance(field, models.TextField | models.CharField) and field.max_length and not field.choices:
                yield model, field.name, field.max_length


def test_the_database_refuses_a_longer_text(world):
    enforced, tried = [], 0
    for model, name, limit in _limited_fields():
        if isinstance(model._meta.get_field(name), models.CharField) and connection.vendor == "sqlite":
            continue  # SQLite keeps no varchar size; PostgreSQL does
        row = model.objects.first()
        if row is None or name == "budget_codes":  # budget codes have a shape of their own (test_constraints)
            continue
        tried += 1
        with transaction.atomic():
            model._base_manager.filter(pk=row.pk).update(**{name: "я" * limit})  # the limit itself is kept
        try:
            with transaction.atomic():
                model._base_manager.filter(pk=row.pk).update(**{name: "я" * (limit + 1)})
        except (IntegrityError, DataError):
            enforced.append(f"{model.__name__}.{name}")
    text_fields = {f"{m.__name__}.{n}" for m, n, _l in _limited_fields() if m.objects.exists()
                   and isinstance(m._meta.get_field(n), models.TextField)}
    assert text_fields <= set(enforced)
    assert len(enforced) == tried
    if connection.vendor == "postgresql":
        assert {"EventRevision.completion_kk", "DevelopmentPlan.document_number", "Macroindicator.unit_ru",
                "StrategicDirection.name_kk"} <= set(enforced)


# ---- an over-long text through a form and a workbook -------------------------------------------------------------


def test_an_over_long_event_name_is_a_cell_problem_with_the_limit(client, small_plan, planner):
    row = {**good_rows()[0], "name_ru": "Мероприятие " * 200}
    client.force_login(planner)
    client.cookies["django_language"] = "ru"
    response = client.post(reverse("documents:import_events", args=[2026, 1]),
                           {"file": filled(small_plan, [good_rows()[1], row])})
    assert response.status_code == 400
    problems = [(p.cell, p.message) for p in response.context["problems"]]
    column = chr(ord("A") + IMPORT_INDEX["name_ru"])
    with override("ru"):
        assert problems == [(f"{column}3", "Наименование длиннее 2000 символов.")]


def test_an_over_long_decision_is_a_field_error():
    form = monitoring_forms.DecisionForm({"text_ru": "я" * (limits.REPORT_TEXT + 1)})
    assert not form.is_valid() and "text_ru" in form.errors
