"""Issue 17: the three acts signed in Chromium through the real page script and the NCALayer stand-in.

In Kazakh and in Russian: the executive signs the approval (the version becomes approved, its Form 1 PDFs
kk and ru carry valid signatures shown on the plan page with the test-authority mark, the signature page
downloads the .cms); the planner signs the quarter's report; a unit head signs the unit's information.
Mistakes change nothing: NCALayer not running, the signer cancelling in NCALayer, another person's key
(the server refuses it with the IIN message). The unit's information in Russian goes through an older
NCALayer (commonUtils only). The stand-in signs with certificates of a test authority
that the test adds as a trusted root; NCALAYER_URL points the page (and its CSP) at the stand-in.
"""
from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from playwright.sync_api import expect

from jospar.monitoring.models import Report, UnitSubmission
from jospar.orgs.models import Person
from jospar.planning.models import PlanVersion
from jospar.rules.iin import complete_iin
from jospar.signatures.crypto import demo_ca
from jospar.signatures.models import Signature, TrustedRoot
from tests.e2e.ncalayer_standin import NCALayerStandIn
from tests.e2e.test_monitoring_quarter import login
from tests.monitoring.world import at, build_world, fill, report_all

pytestmark = pytest.mark.django_db(transaction=True)

ACT_MS = 30_000  # an act signs, renders and stores two PDFs and verifies them: generous under CI load
LONG_AGO, FAR_AHEAD = datetime(2020, 1, 1, tzinfo=UTC), datetime(2035, 1, 1, tzinfo=UTC)
WORDS = {
    "kk": {"button": "ҚАЗ", "approve": "Жоспарды бекіту", "sign_approve": "ЭЦҚ", "test": "TEST AUTHORITY",
           "iin": "ЖСН"},
    "ru": {"button": "РУС", "approve": "Утвердить план", "sign_approve": "ЭЦП", "test": "TEST AUTHORITY",
           "iin": "ИИН"},
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def authority():
    return demo_ca.make_authority(not_before=LONG_AGO)


class Signing:
    """The world (tests.monitoring.world), its people's IINs and certificates, the stand-in."""

    def __init__(self, world, authority, standin_factory):
        self.world = world
        self.authority = authority
        TrustedRoot.objects.create(name="Jospar DEMO CA", certificate_pem=authority.pem(), is_test=True)
        self.credentials = {}
        self.iins = {}
        for n, (key, user) in enumerate(sorted(world.users.items()), start=1):
            iin = complete_iin(f"8501013{n:04d}")
            person, _ = Person.objects.get_or_create(user=user)
            person.iin = iin
            person.save()
            self.iins[key] = iin
            self.credentials[key] = demo_ca.issue(authority, iin=iin, surname=user.last_name or key,
                                                  given_name=user.first_name or key, not_before=LONG_AGO,
                                                  not_after=FAR_AHEAD)
        self.standin_factory = standin_factory
        self.standin = None

    def signer(self, key: str, *, other: str = "viewer") -> NCALayerStandIn:
        """The stand-in as `key`'s NCALayer (`other`'s key for mode «other»), running."""
        if self.standin is not None:
            self.standin.stop()
        self.standin = self.standin_factory(self.credentials[key], self.credentials[other])
        return self.standin


@pytest.fixture
def standins():
    made = []

    def make(own, other):
        server = NCALayerStandIn(own, other=other).start()
        made.append(server)
        return server

    yield make
    for server in made:
        server.stop()


def yes(page):
    page.locator("#confirm-dialog button[value=yes]").click()


def signing_world(settings, authority, standins, *, approved: bool, acts=()):
    settings.SIGNATURES_REQUIRED = tuple(acts)
    world = build_world(approved=approved)
    return Signing(world, authority, standins)


def press(form, lang):
    """kk: signing required, the act's one button signs; ru: offered, the second button «Sign with ЭЦП and …»."""
    button = form.locator("button[data-sign]") if lang == "ru" else form.locator("button[type=submit]").first
    expect(button).to_have_count(1)
    button.click()


def required(act, lang):
    return (act,) if lang == "kk" else ()


def set_on_approval(world):
    PlanVersion.objects.filter(pk=world.version.pk).update(status="on_approval")


# -- the executive approves -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_executive_signs_the_approval(new_context, live_url, screenshot, settings, media, authority, standins,
                                          lang):
    # kk: signing required (the one button signs); ru: offered (the second button «sign with ЭЦП and approve»)
    s = signing_world(settings, authority, standins, approved=False, acts=required("approval", lang))
    set_on_approval(s.world)
    standin = s.signer("executive")
    settings.NCALAYER_URL = standin.url
    with time_machine.travel(at("2025-12-22", 10), tick=True):
        page = login(new_context, live_url, s.world.users["executive"], lang)
        page.goto(live_url("planning:plan_detail", 2026))
        form = page.locator("form[data-sign-url]")
        expect(form).to_have_count(1)
        screenshot(f"signing-approve-before-{lang}", page=page, full_page=False)
        press(form, lang)
        yes(page)
        page.wait_for_load_state()
        expect(page.locator(".msg-success")).to_have_count(1, timeout=ACT_MS)
        screenshot(f"signing-approved-{lang}", page=page)
        version = PlanVersion.objects.get(pk=s.world.version.pk)
        assert version.status == "approved"
        signatures = list(Signature.objects.filter(version=version).order_by("field"))
        assert [(x.field, x.status, x.is_test) for x in signatures] == [
            ("cms_kk", "valid", True), ("cms_ru", "valid", True)]
        assert [r["method"] for r in standin.requests] == ["sign"]  # one NCALayer call for both PDFs
        assert standin.requests[0]["args"]["signerParams"]["iin"] == s.iins["executive"]  # NCALayer lists only theirs
        # the plan page links the signatures, each marked as made with a test certificate
        page.goto(live_url("planning:plan_detail", 2026))
        links = page.locator(".signature-links li")
        expect(links).to_have_count(2)
        expect(links.locator(".test-authority")).to_have_count(2)
        expect(links.locator(".signature-valid")).to_have_count(2)
        screenshot(f"signing-plan-signatures-{lang}", page=page, full_page=False)
        links.first.locator("a").click()
        page.wait_for_url(re.compile(rf"/signatures/{signatures[0].pk}/$"))
        assert demo_ca.TEST_MARK in page.content()  # the issuer: the test authority
        screenshot(f"signing-signature-page-{lang}", page=page)
        with page.expect_download() as download:
            page.locator("a[href$='/signature.cms']").click()
        assert download.value.suggested_filename.endswith(".cms")
        assert Path(download.value.path()).read_bytes() == bytes(signatures[0].cms)


# -- the planner submits the report -----------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_planner_signs_the_report(new_context, live_url, screenshot, settings, media, authority, standins, lang):
    s = signing_world(settings, authority, standins, approved=True, acts=required("report", lang))
    report_all(s.world, 1, "2026-04-06")
    standin = s.signer("planner")
    settings.NCALAYER_URL = standin.url
    with time_machine.travel(at("2026-04-14", 10), tick=True):
        page = login(new_context, live_url, s.world.users["planner"], lang)
        page.goto(live_url("monitoring:report", 2026, 1))
        press(page.locator("form#submit-report"), lang)
        yes(page)
        page.wait_for_load_state()
        expect(page.locator(".msg-success")).to_have_count(1, timeout=ACT_MS)
        screenshot(f"signing-report-{lang}", page=page)
    report = Report.objects.get(period=s.world.period(1))
    assert report.status == "submitted"
    assert sorted(Signature.objects.filter(report=report).values_list("field", "status")) == [
        ("cms_kk", "valid"), ("cms_ru", "valid")]


# -- a unit head submits the unit's information -----------------------------------------------------------
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_unit_head_signs_the_units_information(new_context, live_url, screenshot, settings, media, authority,
                                                 standins, lang):
    s = signing_world(settings, authority, standins, approved=True, acts=required("unit_info", lang))
    fill(s.world, 1, "a", when="2026-04-03")
    standin = s.signer("head_a")
    standin.old_api = lang == "ru"  # an NCALayer without the basics module: commonUtils signs the one document
    settings.NCALAYER_URL = standin.url
    with time_machine.travel(at("2026-04-06", 10), tick=True):
        page = login(new_context, live_url, s.world.users["head_a"], lang)
        page.goto(live_url("monitoring:unit", 2026, 1, s.world.units["a"].id))
        page.locator("#submit-info input[name=attest]").check()
        press(page.locator("form#submit-info"), lang)
        yes(page)
        page.wait_for_load_state()
        expect(page.locator(".msg-success")).to_have_count(1, timeout=ACT_MS)
        screenshot(f"signing-unit-info-{lang}", page=page)
    submission = UnitSubmission.objects.get(unit=s.world.units["a"])
    assert list(Signature.objects.filter(submission=submission).values_list("field", "status")) == [("cms", "valid")]
    methods = [r["method"] for r in standin.requests]
    assert methods == (["sign", "getActiveTokens", "createCMSSignatureFromBase64"] if lang == "ru" else ["sign"])


# -- mistakes ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "mistake"), [("kk", "not_running"), ("ru", "not_running"), ("kk", "cancel"),
                                               ("ru", "cancel"), ("kk", "other"), ("ru", "other")])
def test_a_mistake_approves_nothing(new_context, live_url, screenshot, settings, media, authority, standins, lang,
                                    mistake):
    s = signing_world(settings, authority, standins, approved=False, acts=("approval",))
    set_on_approval(s.world)
    standin = s.signer("executive")
    settings.NCALAYER_URL = standin.url
    if mistake == "not_running":
        standin.stop()
    elif mistake == "cancel":
        standin.mode = "cancel"
    else:
        standin.mode = "other"
    with time_machine.travel(at("2025-12-22", 10), tick=True):
        page = login(new_context, live_url, s.world.users["executive"], lang)
        page.goto(live_url("planning:plan_detail", 2026))
        form = page.locator("form[data-sign-url]")
        status = form.locator(".sign-status")
        form.locator("button[type=submit]").first.click()
        yes(page)
        if mistake == "other":  # signed, posted, refused by the server: the IIN is not the executive's
            page.wait_for_load_state()
            expect(page.locator(".msg-error")).to_contain_text(WORDS[lang]["iin"], timeout=ACT_MS)
        else:
            key = "data-msg-no-ncalayer" if mistake == "not_running" else "data-msg-cancelled"
            expect(status).to_have_text(form.get_attribute(key), timeout=ACT_MS)
            expect(form.locator("button[type=submit]").first).to_be_enabled()
        screenshot(f"signing-mistake-{mistake}-{lang}", page=page, full_page=False)
    assert PlanVersion.objects.get(pk=s.world.version.pk).status == "on_approval"
    assert not Signature.objects.exists()
