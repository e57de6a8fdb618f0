"""The demo certification authority: certificates laid out like the NCA's, marked TEST, CMS like NCALayer's, and
`openssl cms -verify` agreeing with Jospar's verifier outside Jospar."""

import shutil
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from jospar.signatures.crypto.demo_ca import (
    TEST_MARK,
    authority_from_pem,
    credential_from_pem,
    credential_pem,
    issue,
    make_authority,
    sign_detached,
)
from jospar.signatures.crypto.verify import verify_detached

IIN = "850101300123"
DOC = b"%PDF-1.4\n" + bytes(range(256)) * 40


@pytest.fixture(scope="module")
def authority():
    return make_authority()


@pytest.fixture(scope="module")
def credential(authority):
    return issue(authority, iin=IIN, surname="Ахметов", given_name="Серик", organisation="МВРИ", bin="990140000123")


def test_the_authority_is_a_self_signed_ca_marked_test(authority):
    cert = authority.cert
    assert cert.subject == cert.issuer
    assert TEST_MARK in cert.subject.rfc4514_string()
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Jospar DEMO CA"
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    cert.verify_directly_issued_by(cert)
    assert cert.not_valid_after_utc - datetime.now(UTC) > timedelta(days=365 * 9)
    assert authority.pem().startswith("-----BEGIN CERTIFICATE-----")


def test_a_signing_certificate_is_laid_out_like_the_ncas(authority, credential):
    cert = credential.cert
    subject = {a.oid: a.value for a in cert.subject}
    assert subject[NameOID.SERIAL_NUMBER] == f"IIN{IIN}"
    assert subject[NameOID.ORGANIZATIONAL_UNIT_NAME] == "BIN990140000123"
    assert subject[NameOID.SURNAME] == "Ахметов" and subject[NameOID.GIVEN_NAME] == "Серик"
    assert subject[NameOID.COMMON_NAME] == "Ахметов Серик" and subject[NameOID.COUNTRY_NAME] == "KZ"
    assert cert.issuer == authority.cert.subject
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_encipherment
    purposes = list(cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
    assert [p.dotted_string for p in purposes] == ["1.3.6.1.5.5.7.3.4"]
    assert credential.chain == (authority.certificate,)
    with pytest.raises(x509.ExtensionNotFound):
        cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess)


def test_an_authentication_certificate_and_an_ocsp_address(authority):
    auth = issue(authority, iin=IIN, surname="А", given_name="Б", usage="auth", ocsp_url="http://127.0.0.1:1/ocsp")
    purposes = list(auth.cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
    assert purposes == [ExtendedKeyUsageOID.CLIENT_AUTH]
    aia = auth.cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    assert aia[0].access_location.value == "http://127.0.0.1:1/ocsp"
    with pytest.raises(ValueError):
        issue(authority, iin=IIN, surname="А", given_name="Б", usage="encrypt")


def test_the_signature_is_a_detached_cms_like_ncalayers(credential):
    moment = datetime(2026, 3, 5, 9, 30, tzinfo=UTC)
    info = asn1_cms.ContentInfo.load(sign_detached(DOC, credential, signing_time=moment))
    assert info["content_type"].native == "signed_data"
    signed = info["content"]
    assert signed["encap_content_info"]["content"].native is None
    assert len(signed["certificates"]) == 1 and len(signed["signer_infos"]) == 1
    signer = signed["signer_infos"][0]
    assert signer["sid"].name == "issuer_and_serial_number"
    assert signer["digest_algorithm"]["algorithm"].native == "sha256"
    assert signer["signature_algorithm"]["algorithm"].native == "sha256_rsa"
    attrs = {a["type"].native: a["values"][0].native for a in signer["signed_attrs"]}
    assert set(attrs) == {"content_type", "signing_time", "message_digest"}
    assert attrs["signing_time"] == moment and attrs["content_type"] == "data"


def test_pem_round_trips(authority, credential):
    again = authority_from_pem(authority.pem(), authority.key_pem())
    assert again.certificate == authority.certificate
    issued = issue(again, iin=IIN, surname="А", given_name="Б")
    assert issued.cert.issuer == authority.cert.subject
    cert_pem, key_pem, chain_pem = credential_pem(credential)
    reloaded = credential_from_pem(cert_pem, key_pem, chain_pem)
    assert reloaded.certificate == credential.certificate and reloaded.chain == credential.chain
    result = verify_detached(DOC, sign_detached(DOC, reloaded), roots=[authority.certificate], expected_iin=IIN,
                             at=datetime.now(UTC))
    assert result.status == "valid"


def test_a_signature_made_in_the_past_carries_that_time(authority, credential):
    moment = datetime.now(UTC) - timedelta(days=40)
    result = verify_detached(DOC, sign_detached(DOC, credential, signing_time=moment), roots=[authority.certificate],
                             expected_iin=IIN, at=datetime.now(UTC))
    assert result.status == "valid" and result.signer.signing_time == moment.replace(microsecond=0)


def test_a_signing_time_from_2050_is_a_generalized_time(authority):
    moment = datetime(2051, 1, 2, tzinfo=UTC)
    late = issue(authority, iin=IIN, surname="А", given_name="Б", not_before=datetime(2050, 1, 1, tzinfo=UTC),
                 not_after=datetime(2052, 1, 1, tzinfo=UTC))
    result = verify_detached(DOC, sign_detached(DOC, late, signing_time=moment), roots=[authority.certificate],
                             expected_iin=IIN, at=moment)
    assert result.signer.signing_time == moment
    assert result.check("digest").ok and result.check("signature").ok


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_openssl_cms_verify_agrees_outside_jospar(tmp_path, authority, credential):
    (tmp_path / "root.pem").write_text(authority.pem())
    (tmp_path / "doc.pdf").write_bytes(DOC)
    (tmp_path / "doc.pdf.cms").write_bytes(sign_detached(DOC, credential))
    altered = bytearray(DOC)
    altered[100] ^= 1
    (tmp_path / "altered.pdf").write_bytes(bytes(altered))

    def openssl(content: str) -> subprocess.CompletedProcess:
        command = ["openssl", "cms", "-verify", "-inform", "DER", "-binary", "-content", content, "-in",
                   "doc.pdf.cms", "-CAfile", "root.pem", "-purpose", "any", "-out", "/dev/null"]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=30, check=False)

    good = openssl("doc.pdf")
    assert good.returncode == 0, good.stderr
    assert "Verification successful" in good.stderr
    bad = openssl("altered.pdf")
    assert bad.returncode != 0
    assert "Verification failure" in bad.stderr


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_openssl_follows_an_intermediate_carried_in_the_cms(tmp_path, authority):
    from tests.signatures.test_crypto_verify import _intermediate

    middle = _intermediate(authority)
    signer = issue(middle, iin=IIN, surname="А", given_name="Б")
    (tmp_path / "root.pem").write_text(authority.pem())
    (tmp_path / "doc").write_bytes(DOC)
    (tmp_path / "doc.cms").write_bytes(sign_detached(DOC, signer))
    command = ["openssl", "cms", "-verify", "-inform", "DER", "-binary", "-content", "doc", "-in", "doc.cms",
               "-CAfile", "root.pem", "-purpose", "any", "-out", "/dev/null"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr
    other = make_authority(name="Other CA")
    (tmp_path / "root.pem").write_text(other.pem())
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode != 0
