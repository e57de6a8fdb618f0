"""Each role trying each action it may not take is refused, and nothing changes."""
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jospar.monitoring import services, services_report
from jospar.monitoring.models import (
    Attachment,
    Contribution,
    Decision,
    EventRecommendation,
    ExecutionEntry,
    Report,
    UnitSubmission,
)
from tests.monitoring.world import at, build_world, fill, submit

pytestmark = pytest.mark.django_db

ALL = ("planner", "executive", "viewer", "head_a", "staff_a", "head_b", "staff_b", "head_c", "staff_c")
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def scene(world, settings, tmp_path):
    """I quarter on 12 April: unit a is filling in (a draft with a file), unit c has submitted; the reports
    are drafts (decisions are refused to others before any state check)."""
    settings.MEDIA_ROOT = tmp_path
    fill(world, 1, "a")
    fill(world, 1, "c")
    submit(world, 1, "c", "2026-04-09")
    with time_machine.travel(at("2026-04-12"), tick=False):
        entry = ExecutionEntry.objects.get(event_id=world.events["a_march"])
        services.add_attachment(user=world.users["staff_a"], entry=entry, upload=SimpleUploadedFile("a.pdf", PDF))
    world.entry = entry
    world.c_entry = ExecutionEntry.objects.filter(unit=world.units["c"]).first()
    world.attachment = Attachment.objects.get()
    return world


def snapshot():
    return (
        list(ExecutionEntry.objects.order_by("id").values_list("status", "actual_kk", "actual_ru", "reasons_kk",
                                                                "reasons_ru", "state")),
        list(UnitSubmission.objects.order_by("id").values_list("status", "return_comment")),
        list(Report.objects.order_by("id").values_list("status", "general_recommendations_ru")),
        Contribution.objects.count(), Attachment.objects.count(), Decision.objects.count(),
        EventRecommendation.objects.count(),
    )


def actions(w):
    a, b, c = (w.units[x].id for x in "abc")
    q1 = [2026, 1]
    return {
        "view_unit": ("get", reverse("monitoring:unit", args=[*q1, a]), {}),
        "edit_entry": ("post", reverse("monitoring:save_entry", args=[*q1, a, w.events["a_march"], 1]),
                       {"status": "not_executed", "reasons_ru": "x"}),
        "contribute": ("post", reverse("monitoring:save_contribution", args=[*q1, b, w.events["a_march"], 1]),
                       {"text": "вклад"}),
        "upload": ("post", reverse("monitoring:upload", args=[*q1, w.entry.id]),
                   {"file": SimpleUploadedFile("b.pdf", PDF)}),
        "delete_file": ("post", reverse("monitoring:delete_file", args=[*q1, w.attachment.id]), {}),
        "download": ("get", reverse("monitoring:download", args=[w.attachment.id]), {}),
        "submit_info": ("post", reverse("monitoring:submit", args=[*q1, a]), {"attest": "1"}),
        "return_info": ("post", reverse("monitoring:return", args=[*q1, c]), {"comment": "Исправьте"}),
        "view_report": ("get", reverse("monitoring:report", args=q1), {}),
        "edit_report": ("post", reverse("monitoring:report_texts", args=q1), {"general_ru": "x", "proposals_ru": "y"}),
        "recommend": ("post", reverse("monitoring:recommendation", args=[*q1, w.events["a_march"]]), {"text_ru": "r"}),
        "submit_report": ("post", reverse("monitoring:report_submit", args=q1), {}),
        "decide": ("post", reverse("monitoring:decide", args=[2026, 2]), {"text_ru": "Решение"}),
    }


ALLOWED = {
    "view_unit": {"planner", "executive", "head_a", "staff_a"},
    "edit_entry": {"head_a", "staff_a"},
    "contribute": {"head_b", "staff_b"},
    "upload": {"head_a", "staff_a"},
    "delete_file": {"head_a", "staff_a"},
    "download": {"planner", "executive", "head_a", "staff_a", "head_b", "staff_b"},  # b co-executes a_march
    "submit_info": {"head_a"},
    "return_info": {"planner"},
    "view_report": {"planner", "executive", "viewer"},
    "edit_report": {"planner"},
    "recommend": {"planner"},
    "submit_report": {"planner"},
    "decide": {"executive"},
}
@pytest.mark.parametrize("action", sorted(ALLOWED))
def test_forbidden_actions_are_refused_and_change_nothing(scene, client, action):
    """Every role outside the allowed ones, one after another (a refusal changes nothing, so they can share)."""
    before = snapshot()
    for user in (u for u in ALL if u not in ALLOWED[action]):
        method, url, data = actions(scene)[action]
        client.force_login(scene.users[user])
        with time_machine.travel(at("2026-04-12", 14), tick=False):
            response = getattr(client, method)(url, data)
        assert response.status_code == 403, (action, user, response.status_code)
        assert snapshot() == before, (action, user)


@pytest.mark.parametrize("action", sorted(ALLOWED))
def test_allowed_actions_go_through(scene, client, action):
    method, url, data = actions(scene)[action]
    user = sorted(ALLOWED[action])[0]
    if action == "decide":
        submit_q2_report(scene)
    before = snapshot()
    client.force_login(scene.users[user])
    with time_machine.travel(at("2026-04-12", 14), tick=False):
        response = getattr(client, method)(url, data)
    assert response.status_code in (200, 302), (action, user)
    if method == "post":
        assert snapshot() != before, action


def test_another_bodys_people_find_nothing(scene, client):
    other = build_world(2026 + 1)
    before = snapshot()
    for action in sorted(ALLOWED):
        for user in ("planner", "executive", "head_a"):
            method, url, data = actions(scene)[action]
            client.force_login(other.users[user])
            response = getattr(client, method)(url, data)
            assert response.status_code in (403, 404), (action, user)
    assert snapshot() == before


def test_nobody_edits_submitted_information_except_through_a_return(scene, client):
    before = snapshot()
    url = reverse("monitoring:save_entry", args=[2026, 1, scene.units["c"].id, scene.c_entry.event_id, 1])
    for user in ("staff_c", "head_c"):
        client.force_login(scene.users[user])
        response = client.post(url, {"status": "not_executed", "reasons_ru": "x"}, follow=True)
        assert "locked" in response.content.decode()
    assert snapshot() == before


def submit_q2_report(world):
    with time_machine.travel(at("2026-07-12"), tick=False):
        services_report.submit_report(user=world.users["planner"], period=world.period(2))


def test_a_submitted_report_is_read_only_even_for_the_planner(scene, client):
    submit_q2_report(scene)
    before = snapshot()
    client.force_login(scene.users["planner"])
    client.post(reverse("monitoring:report_texts", args=[2026, 2]), {"general_ru": "x", "proposals_ru": "y"})
    client.post(reverse("monitoring:recommendation", args=[2026, 2, scene.events["a_march"]]), {"text_ru": "r"})
    client.post(reverse("monitoring:report_submit", args=[2026, 2]))
    assert snapshot() == before
    html = client.get(reverse("monitoring:report", args=[2026, 2])).content.decode()
    assert 'name="general_ru"' not in html and "hx-get" not in html and "report/submit/" not in html
