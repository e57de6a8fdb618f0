"""Verification of a detached CMS (what NCALayer makes) over the bytes it signs.

The CMS is parsed with asn1crypto and checked with cryptography, as pyHanko and endesive do: the content's digest
against the signed `message-digest` attribute; the RSA PKCS#1 v1.5 signature over the DER of the signed
attributes (their [0] IMPLICIT tag re-tagged as SET OF); each link of the chain to a configured root
(`verify_directly_issued_by`); the certificates' validity at the signing time; the key usage for signing; the
subject's IIN; revocation by OCSP when the certificate names a responder.

GOST keys (Kazakh GOST 34.310-2004, GOST R 34.10-2015) need the NCA's own cryptography: an NCANode service
decides them when its address is given (`ncanode.py`); without it the signature is `unverified`, never valid.

Nothing here raises on a bad signature: every outcome is a `Verification` with its checks in order, so a page
can show each in words and a service can refuse with the first failed one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from jospar.signatures.crypto.ncanode import verify_with_ncanode
from jospar.signatures.crypto.ocsp import check_revocation
from jospar.signatures.crypto.results import Check, Signer, Verification

__all__ = ["Check", "Signer", "Verification", "build_chain", "is_gost", "load_roots", "verify_detached"]

SIGNING_PURPOSE = "1.3.6.1.5.5.7.3.4"

# Public-key (and signature) algorithm OIDs of the Kazakh GOST keys: GOST 34.310-2004 and GOST R 34.10-2015
# (512/256); the NCA's signature-algorithm OIDs sit under the same arcs.
GOST_2004 = ("1.2.398.3.10.1.1.1.1", "1.2.398.3.10.1.1.1.2")
GOST_2015 = ("1.2.398.3.10.1.1.2.3.1", "1.2.398.3.10.1.1.2.3.2", "1.2.398.3.10.1.1.2.2", "1.2.398.3.10.1.1.2.1")
GOST_PREFIXES = ("1.2.398.3.10.1.1.", "1.2.643.2.2.", "1.2.643.7.1.")

# A signing time claimed later than this after `at` is refused (clock skew of the signer's computer allowed)
FUTURE_SKEW = timedelta(minutes=5)

_HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
_IIN = re.compile(r"^IIN(\d{12})$")
_BIN = re.compile(r"^BIN(\d{12})$")
_TEST = re.compile(r"\b(TEST|ТЕСТ)\b", re.IGNORECASE)


# --- parsing ------------------------------------------------------------------------------------------------


class _Refused(Exception):
    """The CMS is not one this verifier accepts (the `format` check's detail)."""


@dataclass(frozen=True)
class _Parsed:
    signer_info: Any  # asn1crypto.cms.SignerInfo
    signer_cert: x509.Certificate
    signer_der: bytes
    others: tuple[x509.Certificate, ...]
    key_oid: str
    signed_attrs: Any  # asn1crypto.cms.CMSAttributes
    signing_time: datetime | None


def _attr(signed_attrs: Any, name: str) -> Any:
    values = [a["values"] for a in signed_attrs if a["type"].native == name]
    if len(values) != 1 or len(values[0]) != 1:
        raise _Refused(f"signed attribute {name} missing or repeated")
    return values[0][0]


def _signed_data(cms_der: bytes) -> Any:
    info = asn1_cms.ContentInfo.load(cms_der, strict=True)
    if info["content_type"].native != "signed_data":
        raise _Refused("not SignedData")
    signed = info["content"]
    if signed["encap_content_info"]["content"].native is not None:
        raise _Refused("content attached: a detached signature is expected")
    if len(signed["signer_infos"]) != 1:
        raise _Refused(f"{len(signed['signer_infos'])} signers: exactly one is expected")
    return signed


def _signer_certificate(signed: Any, sid: Any) -> tuple[bytes, Any, list[bytes]]:
    """(the signer's certificate DER, its asn1crypto form, every certificate's DER)."""
    certs = [c.chosen for c in signed["certificates"] or [] if c.name == "certificate"]
    if not certs:
        raise _Refused("no certificate inside")
    ders = [bytes(c.dump()) for c in certs]
    for der, cert in zip(ders, certs, strict=True):
        if sid.name == "issuer_and_serial_number":
            if cert.serial_number == sid.chosen["serial_number"].native and cert.issuer == sid.chosen["issuer"]:
                return der, cert, ders
        elif cert.key_identifier is not None and cert.key_identifier == sid.chosen.native:
            return der, cert, ders
    raise _Refused("the signer's certificate is not inside")


def _signing_time(signed_attrs: Any) -> datetime | None:
    if not any(a["type"].native == "signing_time" for a in signed_attrs):
        return None
    moment = _attr(signed_attrs, "signing_time").native
    return moment.astimezone(UTC) if isinstance(moment, datetime) else None


def _parse(cms_der: bytes) -> _Parsed:
    try:
        signed = _signed_data(cms_der)
        signer_info = signed["signer_infos"][0]
        der, cert, ders = _signer_certificate(signed, signer_info["sid"])
        signed_attrs = signer_info["signed_attrs"]
        if signed_attrs.native is None or len(signed_attrs) == 0:
            raise _Refused("no signed attributes")
        if _attr(signed_attrs, "content_type").native != "data":
            raise _Refused("signed content type is not data")
        _attr(signed_attrs, "message_digest")
        signer_cert = x509.load_der_x509_certificate(der)
        # asn1crypto cannot parse a GOST public key (unknown to it): the OID through cryptography
        key_oid = signer_cert.public_key_algorithm_oid.dotted_string
        others = tuple(x509.load_der_x509_certificate(d) for d in ders if d != der)
        return _Parsed(signer_info, signer_cert, der, others, key_oid, signed_attrs, _signing_time(signed_attrs))
    except _Refused:
        raise
    except Exception as exc:  # asn1crypto raises ValueError, TypeError, KeyError… on garbage
        raise _Refused(f"not a CMS: {type(exc).__name__}") from exc


def _algorithm(key_oid: str, signature_oid: str) -> str:
    if key_oid == "1.2.840.113549.1.1.1":
        return "rsa"
    for oid in (key_oid, signature_oid):
        if oid in GOST_2004:
            return "gost2004"
        if oid in GOST_2015:
            return "gost2015"
    return key_oid


def is_gost(algorithm: str) -> bool:
    return algorithm in ("gost2004", "gost2015") or algorithm.startswith(GOST_PREFIXES)


def _name_value(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _signer(parsed: _Parsed, algorithm: str) -> Signer:
    cert = parsed.signer_cert
    subject = cert.subject
    iin = _IIN.match(_name_value(subject, NameOID.SERIAL_NUMBER))
    bin_ = next(
        (m.group(1) for a in subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
         if (m := _BIN.match(str(a.value)))),
        None,
    )
    issuer = cert.issuer.rfc4514_string()
    return Signer(
        common_name=_name_value(subject, NameOID.COMMON_NAME),
        surname=_name_value(subject, NameOID.SURNAME),
        given_name=_name_value(subject, NameOID.GIVEN_NAME),
        iin=iin.group(1) if iin else None,
        bin=bin_,
        organisation=_name_value(subject, NameOID.ORGANIZATION_NAME),
        issuer=issuer,
        serial=format(cert.serial_number, "x"),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        algorithm=algorithm,
        certificate=parsed.signer_der,
        signing_time=parsed.signing_time,
        is_test=bool(_TEST.search(issuer) or _TEST.search(subject.rfc4514_string())),
    )


def load_roots(roots: Sequence[bytes]) -> tuple[x509.Certificate, ...]:
    """Trusted roots given as DER, or PEM (one or a bundle each)."""
    loaded: list[x509.Certificate] = []
    for item in roots:
        if b"-----BEGIN" in item:
            loaded.extend(x509.load_pem_x509_certificates(item))
        else:
            loaded.append(x509.load_der_x509_certificate(item))
    return tuple(loaded)


# --- the checks ---------------------------------------------------------------------------------------------


def _check_digest(content: bytes, parsed: _Parsed) -> Check:
    name = parsed.signer_info["digest_algorithm"]["algorithm"].native
    if name not in _HASHES:
        return Check("digest", False, f"digest algorithm {name}")
    expected = _attr(parsed.signed_attrs, "message_digest").native
    actual = hashlib.new(name, content).digest()
    return Check("digest", actual == expected, name)


def signed_attrs_der(signed_attrs: Any) -> bytes:
    """The DER that was signed: the signed attributes with their [0] IMPLICIT tag replaced by SET OF (0x31)."""
    der = bytes(signed_attrs.dump())
    return b"\x31" + der[1:]


def _check_signature(parsed: _Parsed) -> Check:
    key = parsed.signer_cert.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        return Check("signature", False, f"key {parsed.key_oid}")
    sig_algo = parsed.signer_info["signature_algorithm"]
    sig_name = sig_algo["algorithm"].native
    if sig_name == "rsassa_pss":
        return Check("signature", False, "rsassa_pss")
    digest_name = parsed.signer_info["digest_algorithm"]["algorithm"].native
    if sig_name != "rsassa_pkcs1v15":
        try:
            hash_name = sig_algo.hash_algo
        except ValueError:
            return Check("signature", False, f"signature algorithm {sig_algo['algorithm'].dotted}")
        if hash_name != digest_name:
            return Check("signature", False, f"{sig_name} with digest {digest_name}")
    if digest_name not in _HASHES:
        return Check("signature", False, f"digest algorithm {digest_name}")
    try:
        key.verify(
            parsed.signer_info["signature"].native,
            signed_attrs_der(parsed.signed_attrs),
            padding.PKCS1v15(),
            _HASHES[digest_name](),
        )
    except InvalidSignature:
        return Check("signature", False, f"{digest_name} RSA")
    return Check("signature", True, f"{digest_name} RSA")


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    if cert.issuer != issuer.subject:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
    except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
        return False
    return True


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def build_chain(
    signer: x509.Certificate, intermediates: Sequence[x509.Certificate], roots: Sequence[x509.Certificate]
) -> list[x509.Certificate] | None:
    """The path signer → … → root, each link's signature checked; None when no root is reached."""
    path = [signer]
    current = signer
    for _ in range(8):
        for root in roots:
            if _issued_by(current, root):
                return [*path, root]
        step = next(
            (c for c in intermediates if c not in path and _is_ca(c) and _issued_by(current, c)), None
        )
        if step is None:
            return None
        path.append(step)
        current = step
    return None


def _check_chain(parsed: _Parsed, roots: Sequence[x509.Certificate]) -> tuple[Check, list[x509.Certificate]]:
    if not roots:
        return Check("chain", False, "no trusted roots"), [parsed.signer_cert]
    path = build_chain(parsed.signer_cert, parsed.others, roots)
    if path is None:
        return Check("chain", False, parsed.signer_cert.issuer.rfc4514_string()), [parsed.signer_cert]
    return Check("chain", True, path[-1].subject.rfc4514_string()), path


def _check_chain_names(parsed: _Parsed, roots: Sequence[x509.Certificate]) -> Check:
    """For a GOST key, whose certificate signatures only NCANode can check: the names must still lead to one of
    the configured roots (directly or through an intermediate inside the CMS), so that a GOST signature from an
    authority the administrator did not trust is refused here whatever the service says. The detail is the
    root's subject (RFC 4514), as for an RSA chain."""
    names = {root.subject for root in roots}
    issuer = parsed.signer_cert.issuer
    for _ in range(8):
        if issuer in names:
            return Check("chain", True, issuer.rfc4514_string())  # the root reached, as for RSA
        step = next((c for c in parsed.others if c.subject == issuer and c.issuer != c.subject), None)
        if step is None:
            break
        issuer = step.issuer
    return Check("chain", False, parsed.signer_cert.issuer.rfc4514_string())


def _check_validity(parsed: _Parsed, path: Sequence[x509.Certificate], at: datetime) -> Check:
    moment = parsed.signing_time or at
    if moment > at + FUTURE_SKEW:
        return Check("validity", False, f"signing time {moment.isoformat()} after {at.isoformat()}")
    for cert in path:
        if not cert.not_valid_before_utc <= moment <= cert.not_valid_after_utc:
            return Check(
                "validity",
                False,
                f"{moment.isoformat()} outside {cert.not_valid_before_utc.isoformat()}"
                f"–{cert.not_valid_after_utc.isoformat()} ({cert.subject.rfc4514_string()})",
            )
    return Check("validity", True, moment.isoformat())


def _check_key_usage(cert: x509.Certificate) -> Check:
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return Check("key_usage", False, "no keyUsage")
    if not (usage.digital_signature or usage.content_commitment):
        return Check("key_usage", False, "keyUsage without digitalSignature or nonRepudiation")
    try:
        ext = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return Check("key_usage", True, "keyUsage")
    purposes = [oid.dotted_string for oid in ext]
    if SIGNING_PURPOSE not in purposes:
        return Check("key_usage", False, "extKeyUsage " + ",".join(purposes))
    return Check("key_usage", True, SIGNING_PURPOSE)


def _check_iin(signer: Signer, expected_iin: str | None) -> Check:
    if expected_iin is None:
        return Check("iin", None, signer.iin or "")
    if signer.iin is None:
        return Check("iin", False, "no IIN in the certificate")
    return Check("iin", signer.iin == expected_iin, signer.iin)


# --- the whole ----------------------------------------------------------------------------------------------


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _guarded(code: str, check: Callable[[], Check]) -> Check:
    """A check that meets something its library cannot handle (an unknown key type, a malformed extension)
    fails with the exception's name instead of raising: a verification always answers."""
    try:
        return check()
    except Exception as exc:  # noqa: BLE001 — any library error is this check's failure
        return Check(code, False, f"error: {type(exc).__name__}")


def _trusted_roots(roots: Sequence[bytes]) -> tuple[x509.Certificate, ...]:
    loaded: list[x509.Certificate] = []
    for item in roots:
        try:
            loaded.extend(load_roots([item]))
        except ValueError:  # one unreadable root does not drop the others
            continue
    return tuple(loaded)


def _status(checks: Sequence[Check], service: Check | None = None) -> str:
    if any(c.ok is False for c in checks):
        return "invalid"
    if service is not None and service.ok is not True:
        return "unverified"
    return "valid"


def _verify_gost(
    content: bytes, cms: bytes, parsed: _Parsed, signer: Signer, trusted: Sequence[x509.Certificate], *,
    expected_iin: str | None, at: datetime, ncanode_url: str | None, revocation: bool, timeout: float,
) -> Verification:
    checks = [
        Check("format", True, signer.algorithm),
        _guarded("chain", lambda: _check_chain_names(parsed, trusted)),
        _guarded("validity", lambda: _check_validity(parsed, [parsed.signer_cert], at)),
        _guarded("key_usage", lambda: _check_key_usage(parsed.signer_cert)),
        _check_iin(signer, expected_iin),
    ]
    service = verify_with_ncanode(content, cms, ncanode_url, revocation=revocation, timeout=timeout)
    checks.append(service.check)
    return Verification(_status(checks, service.check), signer, tuple(checks), service.revocation)


def verify_detached(
    content: bytes,
    cms: bytes,
    *,
    roots: Sequence[bytes],
    expected_iin: str | None,
    at: datetime,
    ncanode_url: str | None = None,
    revocation: bool = True,
    timeout: float = 5.0,
) -> Verification:
    """Verify a detached CMS over `content`. `roots`: trusted root certificates (DER or PEM); `at`: the moment
    of the act (the signing time when the CMS carries none). Checks in order: format, digest, signature, chain,
    validity, key_usage, iin, revocation — for a GOST key: format, chain (names only), validity, key_usage, iin,
    gost_service (NCANode decides the digest, the signatures and revocation). Never raises."""
    at = _aware(at)
    try:
        parsed = _parse(cms)
        signature_oid = parsed.signer_info["signature_algorithm"]["algorithm"].dotted
        signer = _signer(parsed, _algorithm(parsed.key_oid, signature_oid))
    except _Refused as exc:
        return Verification("invalid", None, (Check("format", False, str(exc)),), "not_checked")
    except Exception as exc:  # noqa: BLE001 — a certificate cryptography cannot read
        return Verification("invalid", None, (Check("format", False, f"error: {type(exc).__name__}"),), "not_checked")
    trusted = _trusted_roots(roots)
    if is_gost(signer.algorithm):
        return _verify_gost(
            content, cms, parsed, signer, trusted, expected_iin=expected_iin, at=at, ncanode_url=ncanode_url,
            revocation=revocation, timeout=timeout,
        )
    path: list[x509.Certificate] = [parsed.signer_cert]

    def chain() -> Check:
        nonlocal path
        check, path = _check_chain(parsed, trusted)
        return check

    checks = [
        Check("format", True, signer.algorithm),
        _guarded("digest", lambda: _check_digest(content, parsed)),
        _guarded("signature", lambda: _check_signature(parsed)),
        _guarded("chain", chain),
        _guarded("validity", lambda: _check_validity(parsed, path, at)),
        _guarded("key_usage", lambda: _check_key_usage(parsed.signer_cert)),
        _check_iin(signer, expected_iin),
    ]
    state = "not_checked"
    if not revocation:
        checks.append(Check("revocation", None, "off"))
    elif len(path) < 2:
        checks.append(Check("revocation", None, "no issuer"))
    else:
        try:
            state, check = check_revocation(
                parsed.signer_cert, path[1], signing_time=parsed.signing_time or at, timeout=timeout
            )
        except Exception as exc:  # noqa: BLE001 — revocation is best effort: never a crash, never a failure
            state, check = "not_checked", Check("revocation", None, f"error: {type(exc).__name__}")
        checks.append(check)
    return Verification(_status(checks), signer, tuple(checks), state)
