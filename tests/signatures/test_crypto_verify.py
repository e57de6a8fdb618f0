"""verify_detached over demo-CA signatures: each check passes on a good signature and fails on its own mistake."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from jospar.signatures.crypto.demo_ca import Authority, issue, make_authority, sign_detached
from jospar.signatures.crypto.verify import verify_detached

IIN = "850101300123"
DOC = b"%PDF-1.4 Form 1, approved version\n" * 100
ORDER = ["format", "digest", "signature", "chain", "validity", "key_usage", "iin", "revocation"]


@pytest.fixture(scope="module")
def authority():
    return make_authority()


@pytest.fixture(scope="module")
def credential(authority):
    return issue(authority, iin=IIN, surname="Ахметов", given_name="Серик", organisation="МВРИ", bin="990140000123")


def verify(content, signature, authority, **kwargs):
    kwargs.setdefault("expected_iin", IIN)
    kwargs.setdefault("at", datetime.now(UTC))
    return verify_detached(content, signature, roots=[authority.certificate], **kwargs)


def test_a_good_signature_is_valid_with_every_check_in_order(authority, credential):
    result = verify(DOC, sign_detached(DOC, credential), authority)
    assert result.status == "valid", result.failed
    assert [c.code for c in result.checks] == ORDER
    assert result.failed is None
    assert [c.ok for c in result.checks] == [True] * 7 + [None]  # no OCSP address in the certificate
    assert result.revocation == "not_checked"
    signer = result.signer
    assert (signer.iin, signer.bin, signer.surname, signer.given_name) == (IIN, "990140000123", "Ахметов", "Серик")
    assert signer.common_name == "Ахметов Серик" and signer.organisation == "МВРИ"
    assert signer.algorithm == "rsa" and signer.is_test
    assert "TEST AUTHORITY" in signer.issuer
    assert signer.serial == format(credential.cert.serial_number, "x")
    assert signer.certificate == credential.certificate
    assert result.check("chain").detail == authority.cert.subject.rfc4514_string()  # the root reached
    assert signer.not_before == credential.cert.not_valid_before_utc
    assert abs(signer.signing_time - datetime.now(UTC)) < timedelta(minutes=1)


def test_an_empty_document_and_a_large_one_verify(authority, credential):
    for content in (b"", DOC * 300):
        assert verify(content, sign_detached(content, credential), authority).status == "valid"


def test_roots_may_be_given_in_pem_and_among_others(authority, credential):
    other = make_authority(name="Other CA")
    bundle = (other.pem() + authority.pem()).encode()
    signature = sign_detached(DOC, credential)
    result = verify_detached(DOC, signature, roots=[bundle], expected_iin=IIN, at=datetime.now(UTC))
    assert result.status == "valid"


def test_naive_at_is_taken_as_utc(authority, credential):
    result = verify(DOC, sign_detached(DOC, credential), authority, at=datetime.now(UTC).replace(tzinfo=None))
    assert result.status == "valid"


# --- digest and signature -----------------------------------------------------------------------------------


def test_one_changed_byte_fails_the_digest(authority, credential):
    signature = sign_detached(DOC, credential)
    altered = bytearray(DOC)
    altered[500] ^= 1
    result = verify(bytes(altered), signature, authority)
    assert result.status == "invalid"
    assert result.failed.code == "digest"
    assert result.check("signature").ok is True  # the attributes themselves are intact


def _resign_attrs(signature: bytes, mutate) -> bytes:
    info = asn1_cms.ContentInfo.load(signature)
    signer_info = info["content"]["signer_infos"][0]
    mutate(signer_info)
    return info.dump(force=True)


def test_a_changed_signature_value_fails_the_signature(authority, credential):
    def flip(signer_info):
        value = bytearray(signer_info["signature"].native)
        value[10] ^= 0xFF
        signer_info["signature"] = asn1_cms.OctetString(bytes(value))

    result = verify(DOC, _resign_attrs(sign_detached(DOC, credential), flip), authority)
    assert result.status == "invalid" and result.failed.code == "signature"
    assert result.check("digest").ok is True


def test_a_signature_by_another_key_with_the_signers_certificate_fails(authority, credential):
    stranger = issue(authority, iin=IIN, surname="Ахметов", given_name="Серик")
    forged = sign_detached(DOC, stranger)
    info = asn1_cms.ContentInfo.load(forged)
    # the stranger's signature, presented under the genuine signer's certificate and serial
    genuine = asn1_cms.ContentInfo.load(sign_detached(DOC, credential))
    info["content"]["certificates"] = genuine["content"]["certificates"]
    info["content"]["signer_infos"][0]["sid"] = genuine["content"]["signer_infos"][0]["sid"]
    result = verify(DOC, info.dump(force=True), authority)
    assert result.failed.code == "signature"


def test_a_cms_made_by_the_cryptography_library_verifies_too(authority, credential):
    """Another producer (rsaEncryption as the signature algorithm, an S/MIME capabilities attribute): still valid."""
    signature = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(DOC)
        .add_signer(credential.cert, credential.key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
    )
    result = verify(DOC, signature, authority)
    assert result.status == "valid", result.failed


# --- chain --------------------------------------------------------------------------------------------------


def test_another_root_fails_the_chain(authority, credential):
    result = verify(DOC, sign_detached(DOC, credential), make_authority(name="Other CA"))
    assert result.status == "invalid" and result.failed.code == "chain"


def test_a_root_with_the_same_name_but_another_key_fails_the_chain(credential):
    impostor = make_authority()  # same subject "Jospar DEMO CA", another key
    result = verify(DOC, sign_detached(DOC, credential), impostor)
    assert result.failed.code == "chain"


def test_no_roots_fails_the_chain(credential):
    result = verify_detached(DOC, sign_detached(DOC, credential), roots=[], expected_iin=IIN, at=datetime.now(UTC))
    assert result.failed.code == "chain"


def _intermediate(root: Authority, *, ca: bool = True) -> Authority:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Jospar DEMO issuing CA")]))
        .issuer_name(root.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(root.cert.not_valid_before_utc)
        .not_valid_after(root.cert.not_valid_after_utc)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(root.key, hashes.SHA256())
    )
    return Authority(certificate=cert.public_bytes(serialization.Encoding.DER), key=key)


def test_an_intermediate_inside_the_cms_links_the_signer_to_the_root(authority):
    middle = _intermediate(authority)
    credential = issue(middle, iin=IIN, surname="Ахметов", given_name="Серик")
    signature = sign_detached(DOC, credential)
    assert len(asn1_cms.ContentInfo.load(signature)["content"]["certificates"]) == 2
    result = verify(DOC, signature, authority)
    assert result.status == "valid", result.failed
    assert "Jospar DEMO CA" in result.check("chain").detail


def test_an_intermediate_that_is_not_a_ca_breaks_the_chain(authority):
    middle = _intermediate(authority, ca=False)
    credential = issue(middle, iin=IIN, surname="Ахметов", given_name="Серик")
    result = verify(DOC, sign_detached(DOC, credential), authority)
    assert result.failed.code == "chain"


# --- validity, key usage, IIN -------------------------------------------------------------------------------


def test_a_certificate_expired_at_the_signing_time_fails_validity(authority):
    now = datetime.now(UTC)
    expired = issue(authority, iin=IIN, surname="А", given_name="Б", not_before=now - timedelta(days=400),
                    not_after=now - timedelta(days=30))
    result = verify(DOC, sign_detached(DOC, expired), authority)
    assert result.status == "invalid" and result.failed.code == "validity"


def test_the_signing_time_inside_the_validity_makes_an_old_signature_valid_later(authority):
    now = datetime.now(UTC)
    old = issue(authority, iin=IIN, surname="А", given_name="Б", not_before=now - timedelta(days=400),
                not_after=now - timedelta(days=30))
    signature = sign_detached(DOC, old, signing_time=now - timedelta(days=100))
    result = verify(DOC, signature, authority)
    assert result.status == "valid", result.failed
    assert result.signer.signing_time == (now - timedelta(days=100)).replace(microsecond=0)


def test_a_certificate_not_yet_valid_fails_validity(authority):
    now = datetime.now(UTC)
    future = issue(authority, iin=IIN, surname="А", given_name="Б", not_before=now + timedelta(days=1))
    result = verify(DOC, sign_detached(DOC, future), authority)
    assert result.failed.code == "validity"


def test_a_signing_time_claimed_in_the_future_fails_validity(authority, credential):
    signature = sign_detached(DOC, credential, signing_time=datetime.now(UTC) + timedelta(days=2))
    result = verify(DOC, signature, authority)
    assert result.failed.code == "validity"


def test_an_authentication_certificate_fails_the_key_usage(authority):
    auth = issue(authority, iin=IIN, surname="Ахметов", given_name="Серик", usage="auth")
    result = verify(DOC, sign_detached(DOC, auth), authority)
    assert result.status == "invalid" and result.failed.code == "key_usage"
    assert "1.3.6.1.5.5.7.3.2" in result.failed.detail


def test_another_persons_iin_fails(authority, credential):
    result = verify(DOC, sign_detached(DOC, credential), authority, expected_iin="900202400456")
    assert result.status == "invalid" and result.failed.code == "iin"
    assert result.failed.detail == IIN


def test_no_expected_iin_leaves_the_check_unchecked(authority, credential):
    result = verify(DOC, sign_detached(DOC, credential), authority, expected_iin=None)
    assert result.status == "valid"
    assert result.check("iin").ok is None and result.signer.iin == IIN


# --- format -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "garbage",
    [b"", b"not a cms", b"\x30\x03\x02\x01\x01", hashlib.sha256(b"x").digest(), b"\x30\x80" + b"\x00" * 10],
)
def test_garbage_fails_the_format(authority, garbage):
    result = verify(DOC, garbage, authority)
    assert result.status == "invalid" and result.signer is None
    assert [(c.code, c.ok) for c in result.checks] == [("format", False)]


def test_a_truncated_signature_fails_the_format(authority, credential):
    result = verify(DOC, sign_detached(DOC, credential)[:-20], authority)
    assert result.failed.code == "format"


def test_two_signers_are_refused(authority, credential):
    other = issue(authority, iin="900202400456", surname="В", given_name="Г")
    signature = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(DOC)
        .add_signer(credential.cert, credential.key, hashes.SHA256())
        .add_signer(other.cert, other.key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
    )
    result = verify(DOC, signature, authority)
    assert result.failed.code == "format" and "2 signers" in result.failed.detail


def test_attached_content_is_refused(authority, credential):
    signature = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(DOC)
        .add_signer(credential.cert, credential.key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    result = verify(DOC, signature, authority)
    assert result.failed.code == "format" and "attached" in result.failed.detail


def _openssl_style(credential, *options) -> bytes:
    """A CMS made by `cryptography`'s PKCS7 builder (OpenSSL) with these options besides detached binary."""
    return (pkcs7.PKCS7SignatureBuilder().set_data(DOC)
            .add_signer(credential.cert, credential.key, hashes.SHA256())
            .sign(serialization.Encoding.DER,
                  [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary, *options]))


@pytest.mark.parametrize(("option", "said"), [(pkcs7.PKCS7Options.NoCerts, "certificate"),
                                              (pkcs7.PKCS7Options.NoAttributes, "signed attributes")])
def test_a_cms_without_the_signers_certificate_or_signed_attributes_is_refused(authority, credential, option, said):
    result = verify(DOC, _openssl_style(credential, option), authority)
    assert result.failed.code == "format" and said in result.failed.detail


def test_a_key_other_than_rsa_fails_the_signature_without_raising(authority):
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.SERIAL_NUMBER, f"IIN{IIN}")]))
        .issuer_name(authority.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .sign(authority.key, hashes.SHA256())
    )
    signature = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(DOC)
        .add_signer(cert, key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
    )
    result = verify(DOC, signature, authority)
    assert result.status == "invalid" and result.failed.code == "signature"
    assert result.check("chain").ok is True and result.signer.algorithm != "rsa"


def test_an_unreadable_root_does_not_drop_the_others(authority, credential):
    broken = b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"
    roots = [broken, b"\x30\x00", authority.certificate]
    result = verify_detached(DOC, sign_detached(DOC, credential), roots=roots, expected_iin=IIN, at=datetime.now(UTC))
    assert result.status == "valid", result.failed
