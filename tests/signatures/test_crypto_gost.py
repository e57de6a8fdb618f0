"""GOST keys: recognised by their OIDs, decided by NCANode 3 (`POST {url}/cms/verify`, a local http.server stand-in
answering valid and invalid), and never valid without it."""

import base64
import json
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from asn1crypto import algos as asn1_algos
from asn1crypto import cms as asn1_cms
from asn1crypto import core as asn1_core
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509

from jospar.signatures.crypto.demo_ca import Credential, issue, make_authority, sign_detached
from jospar.signatures.crypto.verify import is_gost, verify_detached

IIN = "850101300123"
DOC = b"%PDF-1.4 unit information\n" * 40
GOST_2015_512 = "1.2.398.3.10.1.1.2.3.2"


def gostify(signature: bytes, key_oid: str) -> bytes:
    """A demo CMS dressed as a GOST one: the signer certificate's key and both algorithms carry GOST OIDs (the
    bytes are not a GOST signature — only NCANode could tell, which is the point)."""
    info = asn1_cms.ContentInfo.load(signature)
    signed = info["content"]
    cert = signed["certificates"][0].chosen
    tbs = cert["tbs_certificate"]
    # asn1crypto cannot build a key of an algorithm it does not know: the DER by hand
    algorithm = _der(0x30, asn1_core.ObjectIdentifier(key_oid).dump())
    tbs["subject_public_key_info"] = asn1_keys.PublicKeyInfo.load(
        _der(0x30, algorithm + _der(0x03, b"\x00\x04\x40" + b"\x11" * 64))
    )
    tbs["signature"] = asn1_algos.SignedDigestAlgorithm({"algorithm": key_oid})
    new_cert = asn1_x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": asn1_algos.SignedDigestAlgorithm({"algorithm": key_oid}),
            "signature_value": b"\x22" * 64,
        }
    )
    signed["certificates"] = [new_cert]
    signer = signed["signer_infos"][0]
    signer["digest_algorithm"] = asn1_algos.DigestAlgorithm({"algorithm": "1.2.398.3.10.1.3.2"})
    signer["signature_algorithm"] = asn1_algos.SignedDigestAlgorithm({"algorithm": key_oid})
    signer["signature"] = b"\x33" * 128
    return info.dump()


def _der(tag: int, body: bytes) -> bytes:
    assert len(body) < 0x10000
    length = bytes([len(body)]) if len(body) < 0x80 else b"\x82" + len(body).to_bytes(2, "big")
    return bytes([tag]) + length + body


class NCANode:
    """A stand-in for NCANode 3: answers `POST /cms/verify` with `reply` (HTTP status, JSON) and keeps the bodies."""

    def __init__(self):
        self.reply: tuple[int, object] = (200, {})
        self.bodies: list[dict] = []
        self.paths: list[str] = []
        node = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 — http.server's name
                node.paths.append(self.path)
                node.bodies.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                status, payload = node.reply
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def answers(self, *, valid: bool, revoked_by: tuple[str, ...] = ()):
        certificate = {"valid": valid, "revokedBy": list(revoked_by), "serialNumber": "1a2b", "keyUsage": "SIGN",
                       "subject": {"iin": IIN, "commonName": "АХМЕТОВ СЕРИК"}}
        self.reply = (200, {"status": 200, "message": "OK", "valid": valid,
                            "signers": [{"certificates": [certificate], "tsp": None}]})

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def authority():
    return make_authority()


@pytest.fixture(scope="module")
def credential(authority) -> Credential:
    return issue(authority, iin=IIN, surname="Ахметов", given_name="Серик")


@pytest.fixture
def ncanode():
    node = NCANode()
    yield node
    node.close()


def verify(signature, authority, **kwargs):
    kwargs.setdefault("expected_iin", IIN)
    kwargs.setdefault("timeout", 2.0)
    return verify_detached(DOC, signature, roots=[authority.certificate], at=datetime.now(UTC), **kwargs)


@pytest.mark.parametrize(
    ("oid", "algorithm"),
    [("1.2.398.3.10.1.1.1.2", "gost2004"), ("1.2.398.3.10.1.1.2.3.1", "gost2015"), (GOST_2015_512, "gost2015")],
)
def test_gost_keys_are_recognised_by_oid_and_never_valid_without_ncanode(authority, credential, oid, algorithm):
    result = verify(gostify(sign_detached(DOC, credential), oid), authority)
    assert result.signer.algorithm == algorithm and is_gost(algorithm)
    assert result.status == "unverified"
    assert [c.code for c in result.checks] == ["format", "chain", "validity", "key_usage", "iin", "gost_service"]
    assert result.check("gost_service").ok is None and result.check("gost_service").detail == "no NCANode"
    assert result.failed is None and result.revocation == "not_checked"
    assert result.signer.iin == IIN and result.signer.is_test
    assert result.check("chain").detail == authority.cert.subject.rfc4514_string()  # the root reached, as for RSA


def test_rsa_is_not_gost():
    assert not is_gost("rsa") and is_gost("1.2.643.7.1.1.1.1")


def test_ncanode_answering_valid_makes_it_valid(authority, credential, ncanode):
    signature = gostify(sign_detached(DOC, credential), GOST_2015_512)
    ncanode.answers(valid=True)
    result = verify(signature, authority, ncanode_url=ncanode.url)
    assert result.status == "valid", result.failed
    assert result.check("gost_service").ok is True
    assert result.revocation == "good"
    assert ncanode.paths == ["/cms/verify"]
    body = ncanode.bodies[0]
    assert base64.b64decode(body["cms"]) == signature and base64.b64decode(body["data"]) == DOC
    assert body["revocationCheck"] == ["OCSP"]


def test_ncanode_answering_invalid_makes_it_invalid(authority, credential, ncanode):
    ncanode.answers(valid=False)
    result = verify(gostify(sign_detached(DOC, credential), GOST_2015_512), authority, ncanode_url=ncanode.url)
    assert result.status == "invalid" and result.failed.code == "gost_service"


def test_ncanode_answering_revoked(authority, credential, ncanode):
    ncanode.answers(valid=False, revoked_by=("OCSP",))
    result = verify(gostify(sign_detached(DOC, credential), GOST_2015_512), authority, ncanode_url=ncanode.url)
    assert result.status == "invalid" and result.revocation == "revoked"


def test_ncanode_valid_overall_but_a_certificate_invalid_is_invalid(authority, credential, ncanode):
    ncanode.answers(valid=True)
    ncanode.reply[1]["signers"][0]["certificates"][0]["valid"] = False
    result = verify(gostify(sign_detached(DOC, credential), GOST_2015_512), authority, ncanode_url=ncanode.url)
    assert result.status == "invalid"


def test_ncanode_refusing_the_cms_is_invalid(authority, credential, ncanode):
    ncanode.reply = (400, {"status": 400, "message": "Invalid CMS"})
    result = verify(gostify(sign_detached(DOC, credential), GOST_2015_512), authority, ncanode_url=ncanode.url)
    assert result.status == "invalid" and "Invalid CMS" in result.failed.detail


@pytest.mark.parametrize("reply", [(500, {"status": 500, "message": "boom"}), (200, b"<html>gateway</html>")])
def test_ncanode_failing_leaves_it_unverified(authority, credential, ncanode, reply):
    ncanode.reply = reply
    result = verify(gostify(sign_detached(DOC, credential), GOST_2015_512), authority, ncanode_url=ncanode.url)
    assert result.status == "unverified" and result.check("gost_service").ok is None


def test_ncanode_unreachable_leaves_it_unverified(authority, credential, ncanode):
    url = ncanode.url
    ncanode.close()
    ncanode.close = lambda: None
    result = verify(gostify(sign_detached(DOC, credential), GOST_2015_512), authority, ncanode_url=url)
    assert result.status == "unverified" and "unreachable" in result.check("gost_service").detail


def test_another_persons_iin_is_invalid_whatever_ncanode_says(authority, credential, ncanode):
    ncanode.answers(valid=True)
    result = verify(gostify(sign_detached(DOC, credential), GOST_2015_512), authority, ncanode_url=ncanode.url,
                    expected_iin="900202400456")
    assert result.status == "invalid" and result.failed.code == "iin"


def test_an_authority_not_configured_is_invalid_whatever_ncanode_says(credential, ncanode):
    ncanode.answers(valid=True)
    other = make_authority(name="Other CA")
    result = verify(gostify(sign_detached(DOC, credential), GOST_2015_512), other, ncanode_url=ncanode.url)
    assert result.status == "invalid" and result.failed.code == "chain"
    # and without NCANode the local failure still says invalid, not merely unverified
    assert verify(gostify(sign_detached(DOC, credential), GOST_2015_512), other).status == "invalid"


def test_revocation_off_asks_ncanode_for_none(authority, credential, ncanode):
    ncanode.answers(valid=True)
    result = verify(gostify(sign_detached(DOC, credential), GOST_2015_512), authority, ncanode_url=ncanode.url,
                    revocation=False)
    assert result.status == "valid" and result.revocation == "not_checked"
    assert ncanode.bodies[0]["revocationCheck"] == []
