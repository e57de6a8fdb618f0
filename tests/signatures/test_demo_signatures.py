"""Issue 17: the demo's acts are signed with the demo (test) authority, the signatures are valid, and OpenSSL
verifies the approved Form 1 outside Jospar (and refuses it with one byte changed)."""
import shutil
import subprocess
from datetime import date

import pytest
from django.urls import reverse

from jospar.demo.loader import DemoLoader
from jospar.monitoring.models import Report, UnitSubmission
from jospar.planning.models import PlanVersion
from jospar.rules.iin import is_valid_iin
from jospar.signatures.crypto.demo_ca import TEST_MARK
from jospar.signatures.models import Signature, TrustedRoot

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        yield DemoLoader(TODAY, log=lambda msg: None, sign=True).load()
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)


def test_every_act_of_the_demo_is_signed_validly_by_its_official(loaded):
    assert TrustedRoot.objects.filter(is_test=True, name__contains=TEST_MARK).count() == 1
    approved = PlanVersion.objects.filter(status="approved").count()
    reports = Report.objects.filter(status="submitted").count()
    units = UnitSubmission.objects.filter(status="submitted").count()
    assert approved and reports and units
    counts = {act: Signature.objects.filter(act=act).count() for act in ("approval", "report", "unit_info")}
    assert counts == {"approval": 2 * approved, "report": 2 * reports, "unit_info": units}
    assert set(Signature.objects.values_list("status", flat=True)) == {"valid"}
    assert set(Signature.objects.values_list("is_test", flat=True)) == {True}
    for signature in Signature.objects.select_related("signed_by__person", "version", "report", "submission"):
        assert is_valid_iin(signature.signed_by.person.iin) and signature.iin == signature.signed_by.person.iin
        checks = {c["code"]: c["ok"] for c in signature.checks}  # each check made, the IIN's too (none skipped)
        assert checks["iin"] is True and all(ok is True for code, ok in checks.items() if code != "revocation")
        acted_by = {"approval": lambda s: s.version.approved_by_id, "report": lambda s: s.report.submitted_by_id,
                    "unit_info": lambda s: s.submission.submitted_by_id}[signature.act](signature)
        assert signature.signed_by_id == acted_by


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_openssl_verifies_the_approved_form1_and_refuses_one_byte_changed(loaded, client, tmp_path):
    signature = Signature.objects.filter(act="approval", field="cms_kk").select_related("version__plan").first()
    executive = signature.signed_by
    client.force_login(executive)
    page = client.get(reverse("planning:plan_detail", args=[signature.version.plan.year]),
                      {"v": signature.version.number})
    assert reverse("signatures:detail", args=[signature.pk]) in page.content.decode()
    detail = client.get(reverse("signatures:detail", args=[signature.pk])).content.decode()
    for name in ("content", "cms", "root"):
        assert reverse(f"signatures:{name}", args=[signature.pk]) in detail
    document = tmp_path / signature.filename
    document.write_bytes(b"".join(client.get(reverse("signatures:content", args=[signature.pk]))))
    cms = tmp_path / f"{signature.filename}.cms"
    cms.write_bytes(b"".join(client.get(reverse("signatures:cms", args=[signature.pk]))))
    root = tmp_path / "root.pem"
    root.write_bytes(b"".join(client.get(reverse("signatures:root", args=[signature.pk]))))

    def openssl(content):
        return subprocess.run(["openssl", "cms", "-verify", "-inform", "DER", "-binary", "-in", str(cms),
                               "-content", str(content), "-CAfile", str(root), "-purpose", "any", "-out", "/dev/null"],
                              capture_output=True, text=True, check=False)

    good = openssl(document)
    assert good.returncode == 0, good.stderr
    assert "Verification successful" in good.stderr
    changed = tmp_path / "changed.pdf"
    data = bytearray(document.read_bytes())
    data[len(data) // 2] ^= 0x01
    changed.write_bytes(bytes(data))
    bad = openssl(changed)
    assert bad.returncode != 0 and "Verification successful" not in bad.stderr


def test_a_demo_signature_page_reads_in_few_queries(loaded, client, django_assert_max_num_queries):
    signature = Signature.objects.filter(act="unit_info").select_related("submission").first()
    client.force_login(signature.signed_by)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("signatures:detail", args=[signature.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and "test-authority-banner" in html
