"""The proposal round at its edges: sending the draft with proposals still open, merging, undoing a
merge, and the send panel following in-place edits."""
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from jospar.notifications.models import Notification
from jospar.orgs.models import Person
from jospar.planning.approval import services as approval
from jospar.planning.drafting import draft, proposals
from jospar.planning.models import PlanVersion, Proposal, StateChange
from tests.planning import test_drafting as base

pytestmark = pytest.mark.django_db

world, opened = base.world, base.opened  # the drafting journey's fixtures
_submitted, data = base._submitted, base.data


def _send_ready(w):
    draft.add_event(user=w["planner"], version=w["version"], data=data(w, "Готовое", lead_unit=w["units"][0]))


def test_sending_with_open_proposals_asks_first_and_changes_nothing(opened):
    _send_ready(opened)
    waiting = _submitted(opened, 0, "Ждёт рассмотрения")
    with pytest.raises(ValidationError, match="1"):
        approval.send_for_approval(user=opened["planner"], version=opened["version"])
    assert PlanVersion.objects.get(pk=opened["version"].pk).status == "draft"
    assert Proposal.objects.get(pk=waiting.pk).status == "submitted"
    assert opened["plan"].proposal_round.__class__.objects.get(plan=opened["plan"]).is_open


def test_each_open_proposal_ends_not_included_and_its_unit_is_told(opened, django_capture_on_commit_callbacks):
    _send_ready(opened)
    submitted = _submitted(opened, 0, "Ждёт рассмотрения")
    returned = _submitted(opened, 1, "Возвращено")
    proposals.return_proposal(user=opened["planner"], proposal=returned, comment="Уточните срок")
    in_preparation = proposals.create_proposal(user=opened["staff1"], plan=opened["plan"], unit=opened["units"][0],
                                               data=data(opened, "Готовится"))
    Person.objects.filter(user=opened["staff2"]).update(language="ru")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approval.send_for_approval(user=opened["planner"], version=opened["version"],
                                   leave_out=[submitted.pk, returned.pk, in_preparation.pk])
    assert set(Proposal.objects.values_list("status", flat=True)) == {"not_included"}
    assert StateChange.objects.filter(action="proposal_not_included").count() == 3
    told = Notification.objects.filter(kind="proposals_not_included")
    assert set(told.values_list("recipient__username", flat=True)) == {
        opened[k].username for k in ("staff1", "head1", "staff2", "head2")}
    unit2_mail = next(m for m in mail.outbox if m.to == ["staff2@example.kz"])
    assert "не включены" in unit2_mail.subject and "не включено в проект" in unit2_mail.body


def test_a_proposal_submitted_after_the_planner_looked_refuses_the_send(opened):
    _send_ready(opened)
    seen = _submitted(opened, 0, "Увиденное")
    _submitted(opened, 1, "Пришло позже")
    with pytest.raises(ValidationError):
        approval.send_for_approval(user=opened["planner"], version=opened["version"], leave_out=[seen.pk])
    assert Proposal.objects.filter(status="submitted").count() == 2


def test_the_plan_page_lists_open_proposals_and_the_proposals_page_shows_not_included(client, opened):
    _send_ready(opened)
    waiting = _submitted(opened, 0, "Ждёт рассмотрения")
    client.force_login(opened["planner"])
    client.cookies["django_language"] = "ru"
    page = client.get(reverse("planning:plan_detail", args=[2027])).content.decode()
    assert "Ждёт рассмотрения" in page and f'name="leave_out" value="{waiting.pk}"' in page
    assert "будут отмечены «не включено в проект»" in page
    response = client.post(reverse("planning:send_for_approval", args=[2027]), {"leave_out": [waiting.pk]},
                           follow=True)
    assert "1 предложение отмечено «не включено в проект»" in response.content.decode()
    client.force_login(opened["staff1"])
    listing = client.get(reverse("planning:proposals", args=[2027])).content.decode()
    assert "не включено в проект" in listing and "Ждёт рассмотрения" in listing


def test_deleting_an_event_after_the_round_closed_leaves_no_proposal_hanging(opened):
    accepted = _submitted(opened, 0, "Принятое")
    revision = proposals.accept_proposal(user=opened["planner"], proposal=accepted)
    approval.send_for_approval(user=opened["planner"], version=opened["version"])
    approval.return_version(version=opened["version"], user=opened["executive"], comment="Уберите")
    draft.delete_event(user=opened["planner"], revision=revision)
    assert Proposal.objects.get(pk=accepted.pk).status == "not_included"


# --- merging ----------------------------------------------------------------------------------------------

def test_proposals_under_different_anchors_are_not_merged(opened):
    a = _submitted(opened, 0, "Под макропоказателем")
    b = _submitted(opened, 1, "Под задачей")
    Proposal.objects.filter(pk=b.pk).update(macroindicator=None, regulation_task=opened["task"])
    with pytest.raises(ValidationError, match="одним направлением"):
        proposals.merge_proposals(user=opened["planner"], proposals=[a, b])
    assert set(Proposal.objects.values_list("status", flat=True)) == {"submitted"}
    assert not opened["version"].revisions.exists()


def test_each_merged_proposal_keeps_its_own_text_on_the_event_page(client, opened):
    a = _submitted(opened, 0, "Проведение аудита водного хозяйства")
    b = _submitted(opened, 1, "Аудит водохозяйственных объектов")
    revision = proposals.merge_proposals(user=opened["planner"], proposals=[a, b])
    client.force_login(opened["planner"])
    page = client.get(reverse("planning:event_detail", args=[2027, revision.event_id])).content.decode()
    assert "Проведение аудита водного хозяйства" in page and "Аудит водохозяйственных объектов" in page


def test_the_planner_undoes_a_merge_until_the_draft_is_sent(opened):
    a = _submitted(opened, 0, "Проведение аудита")
    b = _submitted(opened, 1, "Аудит объектов")
    revision = proposals.merge_proposals(user=opened["planner"], proposals=[a, b])
    proposals.unmerge_proposal(user=opened["planner"], proposal=b)
    b.refresh_from_db()
    assert (b.status, b.event_id) == ("submitted", None)
    assert [e.unit for e in revision.executors.all()] == [opened["units"][0]]  # its unit no longer co-executes
    assert StateChange.objects.filter(action="proposal_unmerged", proposal=b).exists()
    proposals.merge_proposals(user=opened["planner"],
                              proposals=[_submitted(opened, 0, "Ещё"), b])
    approval.send_for_approval(user=opened["planner"], version=opened["version"])
    with pytest.raises(ValidationError):
        proposals.unmerge_proposal(user=opened["planner"], proposal=b)


def test_the_proposals_page_merges_within_one_heading_and_asks_first(client, opened):
    _submitted(opened, 0, "Первое")
    _submitted(opened, 1, "Второе")
    client.force_login(opened["planner"])
    page = client.get(reverse("planning:proposals", args=[2027])).content.decode()
    assert 'form="merge-1"' in page and 'id="merge-1"' in page and "data-confirm=" in page
    assert 'id="merge-form"' not in page  # no merge across headings


# --- the send panel follows the draft --------------------------------------------------------------------

def test_the_send_panel_is_swapped_with_every_table_swap(client, opened):
    client.force_login(opened["planner"])
    client.cookies["django_language"] = "en"
    w = opened
    form = {"anchor": f"m:{w['macro'].id}", "name_kk": "Толық", "name_ru": "Полное", "budget": "001 100",
            "deadline_kind": "quarter", "deadline_quarter": "3", "completion_ru": "Отчет", "completion_kk": "Есеп",
            "lead_unit": str(w["units"][0].pk)}
    html = client.post(reverse("planning:draft_event_new", args=[2027]), form, HTTP_HX_REQUEST="true").content.decode()
    panel = html[html.index('<div id="send-panel" hx-swap-oob="true">'):]
    assert "Send to the executive for approval" in panel and "disabled" not in panel.split("</form>")[0]
    assert "The event is added to the draft." in html
    html = client.post(reverse("planning:draft_event_new", args=[2027]), {**form, "name_kk": ""},
                       HTTP_HX_REQUEST="true").content.decode()
    panel = html[html.index('<div id="send-panel" hx-swap-oob="true">'):]
    assert "disabled" in panel.split("</form>")[0]


def test_an_amendment_offers_no_delete_for_events_of_the_approved_plan(client, opened):
    from jospar.planning.amendments import services as amendments

    _send_ready(opened)
    approval.send_for_approval(user=opened["planner"], version=opened["version"])
    approval.approve_version(version=opened["version"], user=opened["executive"])
    v2 = amendments.open_amendment(user=opened["planner"], plan=opened["plan"], basis="development_plan",
                                   document_number="1", document_date=opened["devplan"].signed_on)
    new = draft.add_event(user=opened["planner"], version=v2, data=data(opened, "Новое", lead_unit=opened["units"][0]))
    old = v2.revisions.exclude(pk=new.pk).get()
    client.force_login(opened["planner"])
    html = client.get(reverse("planning:plan_detail", args=[2027])).content.decode()
    assert f"/draft/events/{old.pk}/delete/" not in html and f"/draft/events/{old.pk}/cancel/" in html
    assert f"/draft/events/{new.pk}/delete/" in html and f"/draft/events/{new.pk}/cancel/" not in html


def test_the_cancellation_reason_is_a_validated_form_field(client, opened):
    from jospar.planning.amendments import services as amendments

    _send_ready(opened)
    approval.send_for_approval(user=opened["planner"], version=opened["version"])
    approval.approve_version(version=opened["version"], user=opened["executive"])
    v2 = amendments.open_amendment(user=opened["planner"], plan=opened["plan"], basis="development_plan",
                                   document_number="1", document_date=opened["devplan"].signed_on)
    revision = v2.revisions.get()
    client.force_login(opened["planner"])
    client.cookies["django_language"] = "ru"
    url = reverse("planning:draft_event_cancel", args=[2027, revision.pk])
    form = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'name="reason_kk"' in form and 'name="reason_ru"' in form
    assert "hx-confirm=" in form and "hx-prompt" not in form
    refused = client.post(url, {"reason_kk": "", "reason_ru": "   "}, HTTP_HX_REQUEST="true")
    assert refused["HX-Retarget"] == f"#cancel-row-{revision.pk}" and "Укажите причину" in refused.content.decode()
    revision.refresh_from_db()
    assert not revision.is_cancelled
    done = client.post(url, {"reason_ru": "Решение от 10.07"}, HTTP_HX_REQUEST="true").content.decode()
    revision.refresh_from_db()
    assert revision.is_cancelled and revision.cancel_reason_ru == "Решение от 10.07"
    assert "отменено в этом изменении" in done



def test_a_development_plan_item_that_events_are_anchored_to_offers_no_delete(client, opened):
    _send_ready(opened)  # an event anchored to the macroindicator
    client.force_login(opened["planner"])
    html = client.get(reverse("devplan:detail", args=[opened["devplan"].pk])).content.decode()
    macro, task = opened["macro"], opened["task"]
    assert reverse("devplan:node_delete", args=[opened["devplan"].pk, "macroindicator", macro.pk]) not in html
    assert reverse("devplan:node_delete", args=[opened["devplan"].pk, "task", task.pk]) in html
