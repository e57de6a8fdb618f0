"""Revocation by OCSP (RFC 6960): a request for the signer's certificate built with cryptography, POSTed with
urllib to the responder named in the certificate's Authority Information Access, the answer's signature checked
against the issuer (or a responder certificate the issuer delegated with id-kp-OCSPSigning).

No address, an unreachable responder or an answer that cannot be trusted is "not checked" (ok None), never a
failure: the NCA's responder is not always reachable from a ministry's network.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID

from jospar.signatures.crypto.results import Check

MAX_RESPONSE = 1 << 20
SKEW = timedelta(minutes=5)


def ocsp_address(cert: x509.Certificate) -> str | None:
    try:
        aia = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    except x509.ExtensionNotFound:
        return None
    for desc in aia:
        if desc.access_method == AuthorityInformationAccessOID.OCSP and isinstance(
            desc.access_location, x509.UniformResourceIdentifier
        ):
            url = desc.access_location.value
            if url.startswith(("http://", "https://")):
                return url
    return None


def _verify_with(key: object, response: ocsp.OCSPResponse) -> bool:
    algorithm = response.signature_hash_algorithm
    try:
        if isinstance(key, rsa.RSAPublicKey) and algorithm is not None:
            key.verify(response.signature, response.tbs_response_bytes, padding.PKCS1v15(), algorithm)
        elif isinstance(key, ec.EllipticCurvePublicKey) and algorithm is not None:
            key.verify(response.signature, response.tbs_response_bytes, ec.ECDSA(algorithm))
        else:
            return False
    except InvalidSignature:
        return False
    return True


def _responder_matches(response: ocsp.OCSPResponse, cert: x509.Certificate) -> bool:
    if response.responder_name is not None:
        return bool(response.responder_name == cert.subject)
    key_hash = response.responder_key_hash
    return key_hash is not None and key_hash == x509.SubjectKeyIdentifier.from_public_key(cert.public_key()).digest


def _trusted(response: ocsp.OCSPResponse, issuer: x509.Certificate) -> bool:
    """The answer is signed by the issuer itself or by a responder the issuer delegated (id-kp-OCSPSigning)."""
    try:
        if _responder_matches(response, issuer):
            return _verify_with(issuer.public_key(), response)
        for delegate in response.certificates:
            if not _responder_matches(response, delegate) or delegate.issuer != issuer.subject:
                continue
            try:
                delegate.verify_directly_issued_by(issuer)
                purposes = delegate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
            except (InvalidSignature, x509.ExtensionNotFound):
                continue
            if ExtendedKeyUsageOID.OCSP_SIGNING in purposes and _verify_with(delegate.public_key(), response):
                return True
    except (ValueError, TypeError, UnsupportedAlgorithm):  # a key or an algorithm cryptography does not know
        return False
    return False


def _fetch(url: str, request: ocsp.OCSPRequest, timeout: float) -> ocsp.OCSPResponse | Check:
    http = urllib.request.Request(  # noqa: S310 — http(s) only, checked in ocsp_address
        url,
        data=request.public_bytes(serialization.Encoding.DER),
        headers={"Content-Type": "application/ocsp-request", "Accept": "application/ocsp-response"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(http, timeout=timeout) as reply:  # noqa: S310 — http(s) only, checked above
            body = reply.read(MAX_RESPONSE)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return Check("revocation", None, f"{url} unreachable: {type(exc).__name__}")
    try:
        response = ocsp.load_der_ocsp_response(body)
    except ValueError:
        return Check("revocation", None, f"{url} answered no OCSP response")
    if response.response_status != ocsp.OCSPResponseStatus.SUCCESSFUL:
        return Check("revocation", None, f"{url} {response.response_status.name}")
    return response


def _single(response: ocsp.OCSPResponse, cert: x509.Certificate) -> ocsp.OCSPSingleResponse | None:
    """The answer about this certificate, if it is current (not after its nextUpdate, not from the future)."""
    now = datetime.now(UTC)
    for single in response.responses:
        if single.serial_number != cert.serial_number:
            continue
        fresh = single.this_update_utc <= now + SKEW and (
            single.next_update_utc is None or single.next_update_utc >= now - SKEW
        )
        return single if fresh else None
    return None


def check_revocation(
    cert: x509.Certificate, issuer: x509.Certificate, *, signing_time: datetime, timeout: float = 5.0
) -> tuple[str, Check]:
    """("good" | "revoked" | "unknown" | "not_checked", the `revocation` check). A certificate revoked after
    the signing time, for a reason other than a compromise, leaves the signature standing (the detail says
    when): an official who left the post keeps what they signed before."""
    url = ocsp_address(cert)
    if url is None:
        return "not_checked", Check("revocation", None, "no OCSP address")
    request = ocsp.OCSPRequestBuilder().add_certificate(cert, issuer, hashes.SHA1()).build()  # noqa: S303 — CertID hash
    response = _fetch(url, request, timeout)
    if isinstance(response, Check):
        return "not_checked", response
    single = _single(response, cert)
    if single is None or not _trusted(response, issuer):
        return "unknown", Check("revocation", None, f"{url} answer not trusted")
    if single.certificate_status == ocsp.OCSPCertStatus.GOOD:
        return "good", Check("revocation", True, url)
    if single.certificate_status == ocsp.OCSPCertStatus.REVOKED:
        when = single.revocation_time_utc
        compromised = single.revocation_reason in (x509.ReasonFlags.key_compromise, x509.ReasonFlags.ca_compromise)
        if when is not None and when > signing_time and not compromised:
            return "revoked", Check("revocation", True, f"revoked {when.isoformat()} after signing")
        return "revoked", Check("revocation", False, f"revoked {when.isoformat() if when else ''}".strip())
    return "unknown", Check("revocation", None, f"{url} unknown")
