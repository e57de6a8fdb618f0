"""The drafting pages over HTTP: htmx editing, proposals, hand-overs, and refusals for each role."""
from datetime import date

import pytest
from django.urls import reverse

from jospar.demo.loader import DemoLoader
from jospar.planning.models import EventRevision, PlanVersion, Proposal

pytestmark = pytest.mark.django_db

YEAR = 2027


@pytest.fixture
def demo():
    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()


def login(client, username, lang="en"):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username=username))
    client.cookies["django_language"] = lang
    return client


def draft_revision():
    return EventRevision.objects.filter(version__plan__year=YEAR).order_by("id").first()


def form_data(revision, **changes):
    data = {
        "anchor": revision.anchor_key, "name_kk": revision.name_kk or "Атауы", "name_ru": revision.name_ru,
        "budget": "001 100", "deadline_kind": "quarter", "deadline_quarter": "3", "completion_ru": "Отчет",
        "completion_kk": "Есеп", "lock_version": str(revision.lock_version),
        "lead_unit": str(revision.executors.get(is_lead=True).unit_id),
    }
    data.update(changes)
    return data


def test_planner_sees_edit_controls_in_the_draft_only(client, demo):
    login(client, "planner")
    draft_html = client.get(reverse("planning:plan_detail", args=[YEAR])).content.decode()
    assert 'id="form1-body"' in draft_html and "hx-get" in draft_html and "Add event" in draft_html
    approved_html = client.get(reverse("planning:plan_detail", args=[2026])).content.decode()
    assert "hx-get" not in approved_html


@pytest.mark.parametrize("username", ["executive", "viewer", "head1", "staff1"])
def test_others_see_the_draft_read_only_and_are_refused_edits(client, demo, username):
    login(client, username)
    assert "hx-post" not in client.get(reverse("planning:plan_detail", args=[YEAR])).content.decode()
    rev = draft_revision()
    for name in ("planning:draft_event_edit", "planning:draft_event_move", "planning:draft_event_delete"):
        assert client.post(reverse(name, args=[YEAR, rev.pk]), form_data(rev)).status_code == 403
    assert client.post(reverse("planning:draft_event_new", args=[YEAR]), form_data(rev)).status_code == 403
    assert client.post(reverse("planning:send_for_approval", args=[YEAR])).status_code in (302, 403)
    assert PlanVersion.objects.get(plan__year=YEAR).status == "draft"


def test_htmx_edit_returns_the_refreshed_table(client, demo):
    login(client, "planner", lang="ru")  # the English page shows the English name, which the page does not edit
    rev = draft_revision()
    url = reverse("planning:draft_event_edit", args=[YEAR, rev.pk])
    row = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="edit-row"' in row and rev.name_ru in row
    response = client.post(url, form_data(rev, name_ru="Новое название"), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith("\n<tbody id=\"form1-body\">") or '<tbody id="form1-body">' in html
    assert "Новое название" in html and 'hx-swap-oob="true"' in html
    assert EventRevision.objects.get(pk=rev.pk).name_ru == "Новое название"


def test_bad_input_is_explained_and_changes_nothing(client, demo):
    login(client, "ru" and "planner", lang="ru")
    rev = draft_revision()
    before = EventRevision.objects.get(pk=rev.pk).name_ru
    response = client.post(reverse("planning:draft_event_edit", args=[YEAR, rev.pk]),
                           form_data(rev, budget="12A", name_ru="Изменено"), HTTP_HX_REQUEST="true")
    assert response["HX-Retarget"] == "#edit-row"
    assert "12A" in response.content.decode()
    assert EventRevision.objects.get(pk=rev.pk).name_ru == before


def test_stale_edit_is_refused_with_current_values(client, demo):
    login(client, "planner")
    rev = draft_revision()
    url = reverse("planning:draft_event_edit", args=[YEAR, rev.pk])
    client.post(url, form_data(rev, name_ru="Правка первого"))
    response = client.post(url, form_data(rev, name_ru="Правка второго"))  # same (old) lock_version
    html = response.content.decode()
    assert "Someone else saved this event" in html and "Правка первого" in html
    assert EventRevision.objects.get(pk=rev.pk).name_ru == "Правка первого"


def test_add_and_delete_through_htmx(client, demo):
    login(client, "planner")
    rev = draft_revision()
    count = EventRevision.objects.filter(version__plan__year=YEAR).count()
    client.post(reverse("planning:draft_event_new", args=[YEAR]), form_data(rev, name_ru="Новое мероприятие"))
    assert EventRevision.objects.filter(version__plan__year=YEAR).count() == count + 1
    new = EventRevision.objects.get(name_ru="Новое мероприятие")
    client.post(reverse("planning:draft_event_delete", args=[YEAR, new.pk]))
    assert EventRevision.objects.filter(version__plan__year=YEAR).count() == count


def test_unit_staff_sees_only_their_units_proposals(client, demo):
    login(client, "staff1")
    html = client.get(reverse("planning:proposals", args=[YEAR])).content.decode()
    own = Proposal.objects.filter(plan__year=YEAR, unit__code="wrm")
    other = Proposal.objects.filter(plan__year=YEAR).exclude(unit__code="wrm").first()
    assert all(p.name_ru in html for p in own)
    assert other.name_ru not in html
    foreign = Proposal.objects.filter(plan__year=YEAR, unit__code="win", status__in=["draft", "returned"]).first()
    assert client.get(reverse("planning:proposal_edit", args=[YEAR, foreign.pk])).status_code == 403
    assert client.post(reverse("planning:proposal_delete", args=[YEAR, foreign.pk])).status_code == 403


def test_only_those_who_may_edit_a_proposal_see_edit_and_delete(client, demo):
    editable = Proposal.objects.filter(plan__year=YEAR, unit__code="wrm", status__in=["draft", "returned"]).first()
    edit_url = reverse("planning:proposal_edit", args=[YEAR, editable.pk])
    html = login(client, "staff1").get(reverse("planning:proposals", args=[YEAR])).content.decode()
    assert edit_url in html and "Delete this proposal?" in html  # and deleting asks first
    html = login(client, "executive").get(reverse("planning:proposals", args=[YEAR])).content.decode()
    assert edit_url not in html
    response = login(client, "executive", "ru").get(edit_url)
    assert response.status_code == 403
    refusal = response.content.decode()
    assert "Нет доступа" in refusal and 'href="/"' in refusal  # the app's page, in the reader's language


def test_an_unknown_page_is_explained_in_the_readers_language(client, demo):
    response = login(client, "planner", "kk").get("/plans/1999/")
    assert response.status_code == 404 and "Табылмады" in response.content.decode()


def test_head_submits_from_the_page(client, demo):
    login(client, "head1")
    pending = Proposal.objects.filter(plan__year=YEAR, unit__code="wrm", status__in=["draft", "returned"]).count()
    assert pending
    client.post(reverse("planning:proposals_submit", args=[YEAR]))
    assert not Proposal.objects.filter(plan__year=YEAR, unit__code="wrm", status__in=["draft", "returned"]).exists()


def test_planner_side_by_side_and_accept(client, demo):
    login(client, "planner")
    html = client.get(reverse("planning:proposals", args=[YEAR])).content.decode()
    waiting = Proposal.objects.filter(plan__year=YEAR, status="submitted").first()
    assert waiting.name_ru in html and "Accept" in html
    url = reverse("planning:proposal_accept", args=[YEAR, waiting.pk])
    page = client.get(url).content.decode()
    assert waiting.name_ru in page
    initial = {
        "anchor": waiting.anchor_key, "name_kk": waiting.name_kk, "name_ru": waiting.name_ru + " (ред.)",
        "budget": waiting.budget_codes, "no_funding": "on" if waiting.no_funding else "",
        "deadline_kind": waiting.deadline_kind, "deadline_date": waiting.deadline_date or "",
        "deadline_month": waiting.deadline_month or "", "deadline_quarter": waiting.deadline_quarter or "",
        "deadline_day": waiting.deadline_day or "", "completion_form": waiting.completion_form_id or "",
        "completion_kk": waiting.completion_kk, "completion_ru": waiting.completion_ru,
        "lead_unit": waiting.unit_id,
    }
    assert client.post(url, initial).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "accepted" and waiting.event.revisions.get().name_ru.endswith("(ред.)")


def test_executive_approves_from_the_page(client, demo):
    from django.contrib.auth.models import User

    version = PlanVersion.objects.get(plan__year=YEAR)
    EventRevision.objects.filter(version=version, name_kk="").update(name_kk="Толтырылды")
    from jospar.planning.approval import services as approval

    pending = Proposal.objects.filter(plan=version.plan, status__in=Proposal.PENDING).values_list("pk", flat=True)
    approval.send_for_approval(user=User.objects.get(username="planner"), version=version, leave_out=pending)
    login(client, "executive")
    html = client.get(reverse("planning:plan_detail", args=[YEAR])).content.decode()
    assert "Approve the plan" in html and "Return for rework" in html
    client.post(reverse("planning:approve", args=[YEAR]))
    version.refresh_from_db()
    assert version.status == "approved" and version.approved_by.username == "executive"


def test_draft_page_query_count_is_fixed(client, demo, django_assert_max_num_queries):
    login(client, "planner")
    client.get(reverse("planning:plan_detail", args=[YEAR]))
    with django_assert_max_num_queries(20):  # one: the proposals the send panel lists; one: the rulebook
        client.get(reverse("planning:plan_detail", args=[YEAR]))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_proposal_names_lead_with_the_readers_language(client, demo, lang):
    proposal = Proposal.objects.filter(plan__year=YEAR).exclude(name_kk="").exclude(name_ru="").first()
    html = login(client, "planner", lang).get(reverse("planning:proposals", args=[YEAR])).content.decode()
    first, second = (proposal.name_kk, proposal.name_ru) if lang == "kk" else (proposal.name_ru, proposal.name_kk)
    assert html.index(f'<span lang="{lang}">{first}') < html.index(second)
