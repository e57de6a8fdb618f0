"""verify_detached over demo-CA signatures: each check passes on a good signature and fails on its own mistake."""

import hashlib
from datetime import UTC, datetime

import pytest

from jospar.signatures.crypto.demo_ca import issue, make_authority, sign_detached
from jospar.signatures.crypto.verify import verify_detached

IIN = "850101300123"
DOC = b"%PDF-1.4 Form 1, approved version\n" * 100


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


def codes(result):
    return [c.code for c in result.checks]


def test_a_good_signature_is_valid_with_every_check_in_order(authority, credential):
    result = verify(DOC, sign_detached(DOC, credential), authority)
    assert result.status == "valid", result.failed
    assert codes(result) == ["format", "digest", "signature", "chain", "validity", "key_usage", "iin", "revocation"]
    assert result.failed is None
    assert result.revocation == "not_checked"  # no OCSP address in the certificate
    signer = result.signer
    assert (signer.iin, signer.bin, signer.surname, signer.given_name) == (IIN, "990140000123", "Ахметов", "Серик")
    assert signer.common_name == "Ахметов Серик" and signer.organisation == "МВРИ"
    assert signer.algorithm == "rsa" and signer.is_test
    assert "TEST AUTHORITY" in signer.issuer
    assert signer.serial == format(credential.cert.serial_number, "x")
    assert signer.certificate == credential.certificate


def test_roots_may_be_given_in_pem(authority, credential):
    result = verify_detached(DOC, sign_detached(DOC, credential), roots=[authority.pem().encode()],
                             expected_iin=IIN, at=datetime.now(UTC))
    assert result.status == "valid"


def test_one_changed_byte_fails_the_digest(authority, credential):
    signature = sign_detached(DOC, credential)
    altered = bytearray(DOC)
    altered[500] ^= 1
    result = verify(bytes(altered), signature, authority)
    assert result.status == "invalid"
    assert result.failed.code == "digest"


def test_another_root_fails_the_chain(authority, credential):
    result = verify(DOC, sign_detached(DOC, credential), make_authority(name="Other CA"))
    assert result.status == "invalid" and result.failed.code == "chain"


def test_no_roots_fails_the_chain(credential):
    result = verify_detached(DOC, sign_detached(DOC, credential), roots=[], expected_iin=IIN, at=datetime.now(UTC))
    assert result.failed.code == "chain"


@pytest.mark.parametrize("garbage", [b"", b"not a cms", b"\x30\x03\x02\x01\x01", hashlib.sha256(b"x").digest()])
def test_garbage_fails_the_format(authority, garbage):
    result = verify(DOC, garbage, authority)
    assert result.status == "invalid" and result.signer is None
    assert [(c.code, c.ok) for c in result.checks] == [("format", False)]
