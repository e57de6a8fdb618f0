"""Revocation by OCSP against a local responder (http.server in a thread) answering with responses built by
cryptography's OCSPResponseBuilder: good, revoked, unknown, untrusted, unreachable, slow."""

import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from jospar.signatures.crypto.demo_ca import Authority, issue, make_authority, sign_detached
from jospar.signatures.crypto.ocsp import ocsp_address
from jospar.signatures.crypto.verify import verify_detached

IIN = "850101300123"
DOC = b"%PDF-1.4 report\n" * 50


class Responder:
    """A local OCSP responder: `statuses` by serial number → ("good" | "revoked" | "unknown", revocation time,
    reason); signs with `signer` (the issuing authority by default) under `responder_cert`."""

    def __init__(self, authority: Authority):
        self.authority = authority
        self.statuses: dict[int, tuple[str, datetime | None, x509.ReasonFlags | None]] = {}
        self.sign_key = authority.key
        self.responder_cert = authority.cert
        self.extra_certs: list[x509.Certificate] = []
        self.delay = 0.0
        self.encoding = ocsp.OCSPResponderEncoding.HASH
        self.age = timedelta(0)  # how old the answer is (a replayed one)
        self.raw: bytes | None = None
        self.requests: list[ocsp.OCSPRequest] = []
        self.certificates: dict[int, x509.Certificate] = {}  # the certificates it answers about, by serial
        responder = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 — http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                time.sleep(responder.delay)
                answer = responder.answer(body)
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/ocsp-response")
                    self.send_header("Content-Length", str(len(answer)))
                    self.end_headers()
                    self.wfile.write(answer)
                except OSError:  # the client gave up (the timeout test)
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/ocsp"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def answer(self, body: bytes) -> bytes:
        if self.raw is not None:
            return self.raw
        request = ocsp.load_der_ocsp_request(body)
        self.requests.append(request)
        state, when, reason = self.statuses.get(request.serial_number, ("unknown", None, None))
        cert = self.certificates[request.serial_number]
        now = datetime.now(UTC) - self.age
        status = {"good": ocsp.OCSPCertStatus.GOOD, "revoked": ocsp.OCSPCertStatus.REVOKED,
                  "unknown": ocsp.OCSPCertStatus.UNKNOWN}[state]
        builder = (
            ocsp.OCSPResponseBuilder()
            .add_response(
                cert=cert, issuer=self.authority.cert, algorithm=hashes.SHA1(), cert_status=status,
                this_update=now, next_update=now + timedelta(hours=1), revocation_time=when,
                revocation_reason=reason,
            )
            .responder_id(self.encoding, self.responder_cert)
        )
        if self.extra_certs:
            builder = builder.certificates(self.extra_certs)
        return builder.sign(self.sign_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    def close(self):
        if self.server.socket.fileno() == -1:
            return
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def authority():
    return make_authority()


@pytest.fixture
def responder(authority):
    server = Responder(authority)
    yield server
    server.close()


def signed_by(authority, responder, state="good", when=None, reason=None, **issue_kwargs):
    credential = issue(authority, iin=IIN, surname="Ахметов", given_name="Серик", ocsp_url=responder.url,
                       **issue_kwargs)
    responder.certificates[credential.cert.serial_number] = credential.cert
    responder.statuses[credential.cert.serial_number] = (state, when, reason)
    return credential


def verify(credential, authority, *, signing_time=None, **kwargs):
    kwargs.setdefault("timeout", 2.0)
    return verify_detached(DOC, sign_detached(DOC, credential, signing_time=signing_time),
                           roots=[authority.certificate], expected_iin=IIN, at=datetime.now(UTC), **kwargs)


def test_the_address_comes_from_the_aia_extension(authority, responder):
    credential = signed_by(authority, responder)
    assert ocsp_address(credential.cert) == responder.url
    plain = issue(authority, iin=IIN, surname="А", given_name="Б")
    assert ocsp_address(plain.cert) is None


def test_a_good_answer(authority, responder):
    result = verify(signed_by(authority, responder), authority)
    assert result.status == "valid"
    assert result.revocation == "good"
    assert result.check("revocation").ok is True and result.check("revocation").detail == responder.url
    assert len(responder.requests) == 1


def test_a_revoked_certificate_fails(authority, responder):
    credential = signed_by(authority, responder, "revoked", datetime.now(UTC) - timedelta(days=1),
                           x509.ReasonFlags.key_compromise)
    result = verify(credential, authority)
    assert result.status == "invalid"
    assert result.revocation == "revoked"
    assert result.failed.code == "revocation"


def test_revoked_before_the_signing_time_fails_whatever_the_reason(authority, responder):
    credential = signed_by(authority, responder, "revoked", datetime.now(UTC) - timedelta(days=1),
                           x509.ReasonFlags.superseded)
    assert verify(credential, authority).failed.code == "revocation"


def test_revoked_after_the_signing_time_leaves_an_old_signature_standing(authority, responder):
    """An official who left the post has the certificate revoked; what they signed before stays signed."""
    credential = signed_by(authority, responder, "revoked", datetime.now(UTC) - timedelta(days=1),
                           x509.ReasonFlags.affiliation_changed)
    result = verify(credential, authority, signing_time=datetime.now(UTC) - timedelta(days=30))
    assert result.status == "valid"
    assert result.revocation == "revoked"
    assert result.check("revocation").ok is True and "after signing" in result.check("revocation").detail


def test_a_compromised_key_fails_even_for_an_older_signature(authority, responder):
    credential = signed_by(authority, responder, "revoked", datetime.now(UTC) - timedelta(days=1),
                           x509.ReasonFlags.key_compromise)
    result = verify(credential, authority, signing_time=datetime.now(UTC) - timedelta(days=30))
    assert result.status == "invalid" and result.revocation == "revoked"


def test_unknown_to_the_responder_is_not_a_failure(authority, responder):
    result = verify(signed_by(authority, responder, "unknown"), authority)
    assert result.status == "valid"
    assert result.revocation == "unknown" and result.check("revocation").ok is None


@pytest.mark.parametrize("encoding", [ocsp.OCSPResponderEncoding.NAME, ocsp.OCSPResponderEncoding.HASH])
def test_an_answer_signed_by_an_impostor_is_not_trusted(authority, responder, encoding):
    """An impostor with the authority's very name but another key: neither its name nor its key hash is enough."""
    credential = signed_by(authority, responder, "revoked", datetime.now(UTC) - timedelta(days=1))
    impostor = make_authority()
    responder.sign_key, responder.responder_cert, responder.encoding = impostor.key, impostor.cert, encoding
    result = verify(credential, authority)
    assert result.revocation == "unknown" and result.check("revocation").ok is None
    assert "not trusted" in result.check("revocation").detail


def _delegate(authority: Authority, *, ocsp_signing: bool):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Jospar DEMO OCSP")]))
        .issuer_name(authority.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
    )
    purpose = ExtendedKeyUsageOID.OCSP_SIGNING if ocsp_signing else ExtendedKeyUsageOID.CLIENT_AUTH
    builder = builder.add_extension(x509.ExtendedKeyUsage([purpose]), critical=False)
    return builder.sign(authority.key, hashes.SHA256()), key


def test_a_stale_answer_is_not_trusted(authority, responder):
    """A 'good' answer past its nextUpdate (replayed after a revocation) says nothing about now."""
    credential = signed_by(authority, responder, "good")
    responder.age = timedelta(days=2)
    result = verify(credential, authority)
    assert result.revocation == "unknown" and result.check("revocation").ok is None


def test_a_responder_the_issuer_delegated_is_trusted(authority, responder):
    credential = signed_by(authority, responder, "good")
    delegate, key = _delegate(authority, ocsp_signing=True)
    responder.sign_key, responder.responder_cert, responder.extra_certs = key, delegate, [delegate]
    result = verify(credential, authority)
    assert result.revocation == "good" and result.check("revocation").ok is True


def test_a_delegate_without_ocsp_signing_is_not_trusted(authority, responder):
    credential = signed_by(authority, responder, "revoked", datetime.now(UTC) - timedelta(days=1))
    delegate, key = _delegate(authority, ocsp_signing=False)
    responder.sign_key, responder.responder_cert, responder.extra_certs = key, delegate, [delegate]
    result = verify(credential, authority)
    assert result.revocation == "unknown"


def test_an_unreachable_responder_is_not_checked(authority, responder):
    credential = signed_by(authority, responder)
    responder.close()
    result = verify(credential, authority)
    assert result.status == "valid"
    assert result.revocation == "not_checked" and result.check("revocation").ok is None
    assert "unreachable" in result.check("revocation").detail


def test_a_slow_responder_is_given_up_after_the_timeout(authority, responder):
    credential = signed_by(authority, responder)
    responder.delay = 2.0
    started = time.monotonic()
    result = verify(credential, authority, timeout=0.5)
    assert time.monotonic() - started < 1.8
    assert result.status == "valid" and result.revocation == "not_checked"


def test_an_answer_that_is_not_ocsp_is_not_checked(authority, responder):
    credential = signed_by(authority, responder)
    responder.raw = b"<html>proxy error</html>"
    result = verify(credential, authority)
    assert result.revocation == "not_checked" and result.status == "valid"


def test_an_unsuccessful_ocsp_status_is_not_checked(authority, responder):
    credential = signed_by(authority, responder)
    responder.raw = ocsp.OCSPResponseBuilder.build_unsuccessful(ocsp.OCSPResponseStatus.TRY_LATER).public_bytes(
        serialization.Encoding.DER
    )
    result = verify(credential, authority)
    assert result.revocation == "not_checked" and "TRY_LATER" in result.check("revocation").detail


def test_revocation_off_asks_no_one(authority, responder):
    result = verify(signed_by(authority, responder), authority, revocation=False)
    assert result.revocation == "not_checked" and result.check("revocation").detail == "off"
    assert responder.requests == []
