"""The draft's in-place edit row: every field's refusal shows under that field with what was typed, and
what the page does not edit (the English name) survives a save. Plus the plan page's words (issue 10 §16)."""
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from jospar.planning.models import EventRevision, OperationalPlan, StateChange

from .test_drafting_views import YEAR, demo, draft_revision, form_data, login  # noqa: F401

pytestmark = pytest.mark.django_db


def _post_edit(client, rev, **changes):
    return client.post(reverse("planning:draft_event_edit", args=[YEAR, rev.pk]), form_data(rev, **changes),
                       HTTP_HX_REQUEST="true")


def test_saving_on_the_page_keeps_the_english_name(client, demo):  # noqa: F811
    rev = draft_revision()
    EventRevision.objects.filter(pk=rev.pk).update(name_en="Water saving plan")
    rev.refresh_from_db()
    login(client, "planner")
    _post_edit(client, rev, name_ru="Новое название")
    rev.refresh_from_db()
    assert rev.name_ru == "Новое название" and rev.name_en == "Water saving plan"


@pytest.mark.parametrize("changes, field", [
    ({"deadline_kind": "month", "deadline_month": "13"}, "deadline_month"),
    ({"deadline_kind": "quarter", "deadline_quarter": "7"}, "deadline_quarter"),
    ({"completion_ru": "О" * 301}, "completion_ru"),
])
def test_every_refused_field_shows_its_error_in_place_with_what_was_typed(client, demo, changes, field):  # noqa: F811
    rev = draft_revision()
    before = (rev.deadline_kind, rev.deadline_month, rev.deadline_quarter, rev.completion_ru)
    login(client, "planner", lang="ru")
    response = _post_edit(client, rev, **changes)
    html = response.content.decode()
    assert response["HX-Retarget"] == "#edit-row"
    form = response.context["form"]
    assert form.errors.get(field), form.errors  # refused by that field ...
    for message in form.errors[field]:  # ... and its message is shown in the row
        assert str(message).replace('"', "&quot;").replace("«", "«") in html
    assert 'class="errorlist"' in html and form[field].value() == changes[field]  # what was typed comes back
    rev.refresh_from_db()
    assert (rev.deadline_kind, rev.deadline_month, rev.deadline_quarter, rev.completion_ru) == before


def test_an_overdue_approval_says_by_how_many_days(client, demo):  # noqa: F811
    plan = OperationalPlan.objects.get(year=YEAR)
    with time_machine.travel(date.fromordinal(plan.approval_due.toordinal() + 3), tick=False):
        login(client, "planner", lang="ru")
        html = client.get(reverse("planning:plan_detail", args=[YEAR])).content.decode()
    assert "просрочено на 3 дня" in html


def test_days_left_in_brackets_start_in_lower_case(client, demo):  # noqa: F811
    plan = OperationalPlan.objects.get(year=YEAR)
    with time_machine.travel(date.fromordinal(plan.approval_due.toordinal() - 5), tick=False):
        login(client, "planner", lang="ru")
        html = client.get(reverse("planning:plan_detail", args=[YEAR])).content.decode()
    assert "(осталось 5 дней)" in html and "(Осталось" not in html


def test_the_history_does_not_assume_the_actors_gender(client, demo):  # noqa: F811
    from django.utils import translation

    with translation.override("ru"):
        labels = [str(change.action_label) for change in StateChange.objects.all()[:200]]
    assert labels and not any(word in label for label in labels
                              for word in ("(а)", "направил ", "утвердил ", "вернул ", "открыл "))


def test_a_co_executor_id_no_database_integer_holds_is_refused_not_a_server_error(client, demo):  # noqa: F811
    rev = draft_revision()
    login(client, "planner", lang="ru")
    response = _post_edit(client, rev, co_executors=str(10**30))
    assert response.status_code != 500 and response["HX-Retarget"] == "#edit-row"
    assert response.context["form"].errors.get("co_executors")
