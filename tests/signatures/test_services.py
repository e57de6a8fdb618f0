"""Issue 17: the three acts verify their signatures inside their transaction (`jospar.signatures.services`)."""
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from jospar.documents.models import StoredDocument
from jospar.monitoring import services as monitoring_services
from jospar.monitoring import services_report
from jospar.monitoring.models import IndicatorActual, Report, UnitSubmission
from jospar.planning.approval.services import approve_version
from jospar.planning.models import Macroindicator, PlanVersion
from jospar.signatures import prepare
from jospar.signatures.crypto import demo_ca
from jospar.signatures.models import Signature
from tests.monitoring.world import approve, at, fill, report_all
from tests.signatures.conftest import APPROVED_ON, b64, sign

pytestmark = pytest.mark.django_db


def _approve(signing, evidence, **kwargs):
    version = PlanVersion.objects.get(pk=signing.world.version.pk)
    return approve_version(version=version, user=signing.user("executive"), evidence=evidence, **kwargs)


def _approval_docs(signing):
    return prepare.approval_documents(PlanVersion.objects.get(pk=signing.world.version.pk), signing.user("executive"))


def test_a_valid_approval_signature_is_recorded_over_the_stored_pdfs(signing):
    docs = _approval_docs(signing)
    assert [d.field for d in docs] == ["cms_kk", "cms_ru"]
    _approve(signing, sign(docs, signing.credentials["executive"]))
    stored = {d.lang: bytes(d.data) for d in StoredDocument.objects.filter(version=signing.world.version, fmt="pdf")}
    assert stored == {"kk": docs[0].data, "ru": docs[1].data}  # prepare renders exactly what the act stores
    rows = list(Signature.objects.order_by("field"))
    assert [(s.act, s.field, s.status, s.iin, s.is_test, s.root_id) for s in rows] == [
        ("approval", "cms_kk", "valid", "700101300015", True, signing.root.pk),
        ("approval", "cms_ru", "valid", "700101300015", True, signing.root.pk)]
    assert all(s.document.fmt == "pdf" for s in rows)
    assert PlanVersion.objects.get(pk=signing.world.version.pk).status == "approved"


def _refused(signing, evidence, match):
    with pytest.raises(ValidationError, match=match):
        _approve(signing, evidence)
    assert PlanVersion.objects.get(pk=signing.world.version.pk).status == "on_approval"  # nothing changed
    assert not Signature.objects.exists() and not StoredDocument.objects.exists()


def test_an_altered_document_refuses_the_approval(signing):
    docs = _approval_docs(signing)
    altered = [d.__class__(d.field, d.filename, d.data[:-1] + b"x") for d in docs]
    _refused(signing, sign(altered, signing.credentials["executive"]), "changed since you signed")


def test_a_root_not_trusted_refuses(signing):
    stranger = demo_ca.make_authority(name="Another TEST CA")
    cred = demo_ca.issue(stranger, iin="700101300015", surname="EXECUTIVE", given_name="TEST")
    _refused(signing, sign(_approval_docs(signing), cred), "not issued by a certification authority trusted")


def test_an_expired_certificate_refuses(signing, authority):
    now = datetime.now(UTC)
    cred = demo_ca.issue(authority, iin="700101300015", surname="EXECUTIVE", given_name="TEST",
                         not_before=now - timedelta(days=400), not_after=now - timedelta(days=1))
    _refused(signing, sign(_approval_docs(signing), cred), "not valid at the time of signing")


def test_another_persons_certificate_refuses(signing):
    _refused(signing, sign(_approval_docs(signing), signing.credentials["planner"]), "issued to another person")


def test_an_authentication_key_refuses(signing, authority):
    cred = demo_ca.issue(authority, iin="700101300015", surname="EXECUTIVE", given_name="TEST", usage="auth")
    _refused(signing, sign(_approval_docs(signing), cred), "for authentication, not for signing")


def test_garbage_and_a_missing_document_refuse(signing):
    _refused(signing, {"cms_kk": "not base64!", "cms_ru": "x"}, "could not be read")
    evidence = sign(_approval_docs(signing), signing.credentials["executive"])
    _refused(signing, {"cms_kk": evidence["cms_kk"]}, "signature of operational-plan-2026-v1-ru.pdf is missing")


def test_a_signer_without_an_iin_is_refused(signing):
    person = signing.user("executive").person
    person.iin = ""
    person.save()
    _refused(signing, sign(_approval_docs(signing), signing.credentials["executive"]), "IIN is not recorded")


def test_optional_by_default_required_when_set(signing):
    with override_settings(SIGNATURES_REQUIRED=("approval",)):
        _refused(signing, None, "must be signed")
        superuser = signing.user("executive")
        superuser.is_superuser = True  # a data administrator is no exception
        superuser.save()
        _refused(signing, None, "must be signed")
    _approve(signing, None)  # not required: approved unsigned
    assert not Signature.objects.exists()


@pytest.mark.parametrize("ncanode", ["valid", "invalid", None])
def test_a_gost_signature_is_decided_by_ncanode_never_valid_without_it(signing, monkeypatch, ncanode):
    from jospar.signatures import services
    from jospar.signatures.crypto.verify import Check, Signer, Verification

    seen = {}
    signer = Signer("EXECUTIVE TEST", "EXECUTIVE", "TEST", "700101300015", None, "", "CN=НУЦ РК (GOST) TEST", "01",
                    datetime(2025, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC), "gost2015", b"\x30",
                    None, True)

    def fake(content, cms, *, roots, expected_iin, at, ncanode_url=None, revocation=True, timeout=5.0):
        seen["url"] = ncanode_url
        ok = {"valid": True, "invalid": False, None: None}[ncanode if ncanode_url else None]
        status = {True: "valid", False: "invalid", None: "unverified"}[ok]
        return Verification(status, signer, (Check("format", True, "gost2015"), Check("gost_service", ok)),
                            "not_checked")

    monkeypatch.setattr(services, "verify_detached", fake)
    evidence = {"cms_kk": b64(b"0"), "cms_ru": b64(b"0")}
    url = "http://ncanode.test:14579" if ncanode else ""
    with override_settings(NCANODE_URL=url):
        if ncanode == "invalid":
            _refused(signing, evidence, "cannot be verified here|GOST")
            return
        if ncanode is None:
            with override_settings(SIGNATURES_REQUIRED=("approval",)):
                _refused(signing, evidence, "GOST signature")
        _approve(signing, evidence)
    assert seen["url"] == (url or None)
    assert set(Signature.objects.values_list("status", flat=True)) == {"valid" if ncanode else "unverified"}


def _report_ready(signing):
    world = signing.world
    approve(world.version, signing.user("executive"), APPROVED_ON)
    report_all(world, 1, "2026-04-08")
    return world


def test_the_report_is_signed_over_its_stored_form2(signing):
    world = _report_ready(signing)
    planner = signing.user("planner")
    with time_machine.travel(at("2026-04-14", 11), tick=False):
        docs = prepare.report_documents(world.period(1), planner)
        assert not Report.objects.filter(period=world.period(1)).exists()  # prepare wrote nothing
    with time_machine.travel(at("2026-04-14", 12), tick=False):
        report = services_report.submit_report(user=planner, period=world.period(1),
                                               evidence=sign(docs, signing.credentials["planner"]))
    stored = {d.lang: bytes(d.data) for d in StoredDocument.objects.filter(report=report, fmt="pdf")}
    assert stored == {"kk": docs[0].data, "ru": docs[1].data}
    assert list(Signature.objects.values_list("act", "status")) == [("report", "valid")] * 2


def test_the_report_signed_by_someone_else_is_refused_and_stays_a_draft(signing):
    world = _report_ready(signing)
    with time_machine.travel(at("2026-04-14", 12), tick=False):
        docs = prepare.report_documents(world.period(1), signing.user("planner"))
        with pytest.raises(ValidationError, match="another person"):
            services_report.submit_report(user=signing.user("planner"), period=world.period(1),
                                          evidence=sign(docs, signing.credentials["executive"]))
    assert not Report.objects.filter(status="submitted").exists() and not Signature.objects.exists()


def test_the_units_information_is_signed_in_its_canonical_rendering(signing):
    world = signing.world
    approve(world.version, signing.user("executive"), APPROVED_ON)
    fill(world, 1, "a", when="2026-04-03")
    head = signing.user("head_a")
    period, unit = world.period(1), world.units["a"]
    docs = prepare.unit_info_documents(period, unit)
    assert docs[0].data.startswith(b'{"document":"jospar.unit-information/1"')
    with time_machine.travel(at("2026-04-05", 12), tick=False):
        submission = monitoring_services.submit_unit_info(user=head, period=period, unit=unit, attest=True,
                                                          evidence=sign(docs, signing.credentials["head_a"]))
    sig = Signature.objects.get()
    assert (sig.act, sig.field, sig.status, sig.submission_id) == ("unit_info", "cms", "valid", submission.pk)
    assert bytes(sig.content) == docs[0].data


def test_the_units_information_changed_after_signing_is_refused(signing):
    world = signing.world
    approve(world.version, signing.user("executive"), APPROVED_ON)
    fill(world, 1, "a", when="2026-04-03")
    period, unit = world.period(1), world.units["a"]
    docs = prepare.unit_info_documents(period, unit)
    fill(world, 1, "a", status="partial", when="2026-04-04")
    with time_machine.travel(at("2026-04-05", 12), tick=False), pytest.raises(ValidationError, match="changed"):
        monitoring_services.submit_unit_info(user=signing.user("head_a"), period=period, unit=unit, attest=True,
                                             evidence=sign(docs, signing.credentials["head_a"]))
    assert not UnitSubmission.objects.filter(status="submitted").exists()


def test_the_units_indicator_values_are_in_what_the_head_signs(signing):
    world = signing.world
    approve(world.version, signing.user("executive"), APPROVED_ON)
    fill(world, 1, "a", when="2026-04-03")
    period, unit = world.period(1), world.units["a"]
    macro = Macroindicator.objects.get(direction__plan=world.plan.development_plan)
    actual = IndicatorActual.objects.create(
        period=period, unit=unit, macroindicator=macro, value=Decimal("12.50"), source_ru="=Стат", comment_kk="Бағалау",
        updated_at=timezone.now(), updated_by=signing.user("head_a"))
    docs = prepare.unit_info_documents(period, unit)
    signed = json.loads(docs[0].data)
    assert signed["indicators"] == [{"indicator": f"m:{macro.pk}", "final": False, "value": "12.5",
                                     "source": {"kk": "", "ru": "=Стат"}, "comment": {"kk": "Бағалау", "ru": ""}}]
    IndicatorActual.objects.filter(pk=actual.pk).update(value=Decimal("13"))  # changed after signing
    with time_machine.travel(at("2026-04-05", 12), tick=False), pytest.raises(ValidationError, match="changed"):
        monitoring_services.submit_unit_info(user=signing.user("head_a"), period=period, unit=unit, attest=True,
                                             evidence=sign(docs, signing.credentials["head_a"]))
    assert not UnitSubmission.objects.filter(status="submitted").exists()
