"""One-click downloads from the plan page, named sensibly, behind the plan's view permission."""
import pytest
from django.urls import reverse

from jospar.orgs.models import Role
from tests.factories import StateBodyFactory, UserFactory, member

pytestmark = pytest.mark.django_db

TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def url(lang, fmt, year=2026, number=1):
    return reverse("documents:form1", args=[year, number, lang, fmt])


def test_plan_page_offers_every_download(client, small_plan, viewer):
    client.force_login(viewer)
    html = client.get(reverse("planning:plan_detail", args=[2026])).content.decode()
    for lang in ("kk", "ru"):
        for fmt in TYPES:
            assert f'href="{url(lang, fmt)}"' in html
    assert reverse("documents:import_events", args=[2026, 1]) not in html  # a viewer cannot import


def test_planner_sees_the_import_link_on_the_draft(client, small_plan, planner):
    client.force_login(planner)
    html = client.get(reverse("planning:plan_detail", args=[2026])).content.decode()
    assert reverse("documents:import_events", args=[2026, 1]) in html


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("fmt", list(TYPES))
def test_download(client, small_plan, viewer, lang, fmt):
    client.force_login(viewer)
    response = client.get(url(lang, fmt))
    assert response.status_code == 200
    assert response["Content-Type"] == TYPES[fmt]
    assert response["Content-Disposition"] == f'attachment; filename="operational-plan-2026-v1-{lang}.{fmt}"'
    assert len(response.content) > 1000


def test_anonymous_is_sent_to_log_in(client, small_plan):
    response = client.get(url("ru", "pdf"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_bodys_user_gets_nothing(client, small_plan):
    stranger = member(StateBodyFactory(), Role.PLANNER, small_plan.plan.body.units.first())
    client.force_login(stranger)
    assert client.get(url("ru", "docx")).status_code == 404
    client.force_login(UserFactory())  # no role anywhere
    assert client.get(url("ru", "docx")).status_code == 404


def test_unknown_version_language_or_format(client, small_plan, viewer):
    client.force_login(viewer)
    assert client.get(url("ru", "docx", number=9)).status_code == 404
    assert client.get("/documents/plans/2026/v1/form1-en.docx").status_code == 404
    assert client.get("/documents/plans/2026/v1/form1-ru.odt").status_code == 404
