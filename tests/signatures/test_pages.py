"""Issue 17: the signing forms' DOM contract, the prepare endpoints (reads only), the signature page and its
downloads per role, «verify again», and the pages' query counts."""
import base64
import json

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar.orgs.models import Role
from jospar.planning.approval.services import approve_version
from jospar.planning.models import PlanVersion
from jospar.signatures import prepare
from jospar.signatures.models import Signature, SignatureCheck
from tests.factories import StateBodyFactory, member
from tests.monitoring.world import approve, at, fill
from tests.signatures.conftest import APPROVED_ON, sign

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


def _get(client, user, url, lang="ru"):
    client.force_login(user)
    client.cookies["django_language"] = lang
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response, ctx.captured_queries


def test_the_approval_form_carries_the_dom_contract(client, signing):
    world = signing.world
    response, _ = _get(client, signing.user("executive"), reverse("planning:plan_detail", args=[2026]), "kk")
    html = response.content.decode()
    form = html.split('action="/plans/2026/approve/"')[1].split("</form>")[0]
    url = reverse("signatures:prepare_approval", args=[world.version.pk])
    assert f'data-sign-url="{url}"' in form and 'data-sign-required="0"' in form
    assert 'data-ncalayer-url="wss://127.0.0.1:13579"' in form
    for name in ("connecting", "no-ncalayer", "cancelled", "failed", "signing"):
        assert f"data-msg-{name}=" in form
    assert '<input type="hidden" name="cms_kk"' in form and '<input type="hidden" name="cms_ru"' in form
    assert '<p class="sign-status" role="status" aria-live="polite"></p>' in form
    assert "data-sign>ЭЦҚ-мен қол қойып, бекіту</button>" in form
    assert "connect-src 'self' wss://127.0.0.1:13579" in response["Content-Security-Policy"]


def test_required_forms_have_no_unsigned_button(client, signing, settings):
    settings.SIGNATURES_REQUIRED = ("approval",)
    response, _ = _get(client, signing.user("executive"), reverse("planning:plan_detail", args=[2026]))
    form = response.content.decode().split('action="/plans/2026/approve/"')[1].split("</form>")[0]
    assert 'data-sign-required="1"' in form and "data-sign>" not in form


def test_prepare_approval_answers_the_bytes_the_approval_stores_and_writes_nothing(client, signing):
    world = signing.world
    url = reverse("signatures:prepare_approval", args=[world.version.pk])
    response, queries = _get(client, signing.user("executive"), url, "kk")
    assert response.status_code == 200 and not writes(queries)
    data = json.loads(response.content)
    assert data["iin"] == "700101300015" and data["locale"] == "kk"
    assert [(d["field"], d["name"]) for d in data["documents"]] == [
        ("cms_kk", "operational-plan-2026-v1-kk.pdf"), ("cms_ru", "operational-plan-2026-v1-ru.pdf")]
    docs = [prepare.Doc(d["field"], d["name"], base64.b64decode(d["data"])) for d in data["documents"]]
    client.cookies["django_language"] = "ru"
    client.post(reverse("planning:approve", args=[2026]), sign(docs, signing.credentials["executive"]))
    assert PlanVersion.objects.get(pk=world.version.pk).status == "approved"
    assert Signature.objects.filter(status="valid").count() == 2


@pytest.mark.parametrize("who", ["planner", "head_a", "viewer"])
def test_only_the_approver_prepares(client, signing, who):
    response, _ = _get(client, signing.user(who), reverse("signatures:prepare_approval",
                                                          args=[signing.world.version.pk]))
    assert response.status_code == 403 and "error" in json.loads(response.content)


def test_a_refused_signature_shows_its_reason_in_the_users_language(client, signing):
    docs = prepare.approval_documents(PlanVersion.objects.get(pk=signing.world.version.pk), signing.user("executive"))
    client.force_login(signing.user("executive"))
    client.cookies["django_language"] = "ru"
    response = client.post(reverse("planning:approve", args=[2026]), sign(docs, signing.credentials["planner"]),
                           follow=True)
    assert PlanVersion.objects.get(pk=signing.world.version.pk).status == "on_approval"
    assert "ИИН" in response.content.decode()


@pytest.fixture
def approved(signing):
    version = PlanVersion.objects.get(pk=signing.world.version.pk)
    docs = prepare.approval_documents(version, signing.user("executive"))
    approve_version(version=PlanVersion.objects.get(pk=version.pk), user=signing.user("executive"),
                    evidence=sign(docs, signing.credentials["executive"]))
    return signing


def test_the_plan_page_links_its_signatures_and_the_page_shows_them(client, approved):
    executive = approved.user("executive")
    response, _ = _get(client, approved.user("head_a"), reverse("planning:plan_detail", args=[2026]))
    signature = Signature.objects.get(field="cms_ru")
    assert reverse("signatures:detail", args=[signature.pk]) in response.content.decode()
    page, queries = _get(client, executive, reverse("signatures:detail", args=[signature.pk]))
    # session, user, memberships, the signature with what it signs, its checks, the unread count…: a fixed few
    assert len(queries) <= 9 and not writes(queries)
    html = page.content.decode()
    assert page.status_code == 200
    assert "700101******" in html and "700101300015" not in html
    assert "test-authority-banner" in html and "openssl cms -verify" in html
    assert f'href="/signatures/{signature.pk}/root.pem"' in html


def test_downloads(client, approved):
    signature = Signature.objects.get(field="cms_kk")
    client.force_login(approved.user("viewer"))
    cms = client.get(reverse("signatures:cms", args=[signature.pk]))
    assert cms["Content-Type"] == "application/pkcs7-signature"
    assert 'filename="operational-plan-2026-v1-kk.pdf.cms"' in cms["Content-Disposition"]
    assert b"".join(cms) == bytes(signature.cms)
    document = client.get(reverse("signatures:content", args=[signature.pk]))
    assert b"".join(document) == bytes(signature.document.data)
    root = client.get(reverse("signatures:root", args=[signature.pk]))
    assert b"".join(root).startswith(b"-----BEGIN CERTIFICATE-----")


def test_verify_again_records_a_check(client, approved):
    signature = Signature.objects.get(field="cms_kk")
    client.force_login(approved.user("planner"))
    response = client.post(reverse("signatures:verify", args=[signature.pk]), follow=True)
    check = SignatureCheck.objects.get()
    assert (check.signature_id, check.status) == (signature.pk, "valid")
    assert "Қайта тексерілді: қолтаңба жарамды." in response.content.decode()


def test_another_body_sees_nothing(client, approved):
    other = member(StateBodyFactory(code="other"), Role.EXECUTIVE, username="stranger")
    signature = Signature.objects.first()
    client.force_login(other)
    for name in ("detail", "cms", "content", "root"):
        assert client.get(reverse(f"signatures:{name}", args=[signature.pk])).status_code == 404
    assert client.post(reverse("signatures:verify", args=[signature.pk])).status_code == 404


def test_the_unit_information_signature_is_seen_by_its_unit_not_another(client, signing):
    world = signing.world
    approve(world.version, signing.user("executive"), APPROVED_ON)
    fill(world, 1, "a", when="2026-04-03")
    period, unit = world.period(1), world.units["a"]
    url = reverse("signatures:prepare_unit_info", args=[2026, 1, unit.pk])
    with time_machine.travel(at("2026-04-05", 11), tick=False):
        response, queries = _get(client, signing.user("head_a"), url)
        assert response.status_code == 200 and not writes(queries)
        assert _get(client, signing.user("head_b"), url)[0].status_code == 403
    data = json.loads(response.content)
    docs = [prepare.Doc(d["field"], d["name"], base64.b64decode(d["data"])) for d in data["documents"]]
    with time_machine.travel(at("2026-04-05", 12), tick=False):
        client.force_login(signing.user("head_a"))
        client.post(reverse("monitoring:submit", args=[2026, 1, unit.pk]),
                    {"attest": "1", **sign(docs, signing.credentials["head_a"])})
    signature = Signature.objects.get()
    page, _ = _get(client, signing.user("staff_a"), reverse("monitoring:unit", args=[2026, 1, unit.pk]))
    assert reverse("signatures:detail", args=[signature.pk]) in page.content.decode()
    detail = reverse("signatures:detail", args=[signature.pk])
    assert _get(client, signing.user("staff_a"), detail)[0].status_code == 200
    assert _get(client, signing.user("planner"), detail)[0].status_code == 200
    assert _get(client, signing.user("staff_b"), detail)[0].status_code == 404
    assert _get(client, signing.user("viewer"), detail)[0].status_code == 404
    content = _get(client, signing.user("head_a"), reverse("signatures:content", args=[signature.pk]))[0]
    assert b"".join(content) == docs[0].data and period.pk


def test_the_plan_page_reads_its_signatures_in_one_query_whatever_their_number(client, approved):
    url = reverse("planning:plan_detail", args=[2026])
    client.force_login(approved.user("head_a"))
    client.get(url)  # warm the table's cache: both counts below read the same
    with CaptureQueriesContext(connection) as signed:
        client.get(url)
    Signature.objects.filter(field="cms_kk").delete()
    with CaptureQueriesContext(connection) as fewer:
        client.get(url)
    assert len(signed.captured_queries) == len(fewer.captured_queries)
    assert sum("signatures_signature" in q["sql"] for q in signed.captured_queries) == 1
