"""The demo certification authority and its signers: used by the demo loader, the tests and the NCALayer
stand-in. Certificates are laid out like the National Certification Authority's (НУЦ РК) RSA ones — the IIN in
the subject's SERIALNUMBER (`IIN` + 12 digits), the BIN in OU (`BIN` + 12 digits), key usage and extKeyUsage
telling a signing key (1.3.6.1.5.5.7.3.4) from an authentication one (clientAuth) — but the authority's subject
carries `TEST_MARK`, so no one mistakes them for real ones.

`sign_detached` makes what NCALayer's `basics.sign` (format cms, encapsulate false) makes: a CMS SignedData,
detached, one signer (issuer and serial number), signed attributes content-type, signing-time and
message-digest, sha256WithRSA, the signer's certificate inside. Built with asn1crypto so the signing time can be
set (the demo signs past acts as of their dates).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from asn1crypto import algos as asn1_algos
from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

TEST_MARK = "TEST AUTHORITY — NOT NCA RK"
KEY_SIZE = 2048

SIGNING_PURPOSE = "1.3.6.1.5.5.7.3.4"  # emailProtection: what NCA puts on a signing (RSA_…) certificate


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _pem_cert(der: bytes) -> str:
    return x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM).decode("ascii")


def _pem_key(key: rsa.RSAPrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def _load_key(pem: str) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("the demo authority's keys are RSA")
    return key


def _der_certs(pem: str) -> tuple[bytes, ...]:
    if not pem.strip():
        return ()
    return tuple(
        c.public_bytes(serialization.Encoding.DER) for c in x509.load_pem_x509_certificates(pem.encode("ascii"))
    )


@dataclass
class Authority:
    """A certification authority: its self-signed certificate (DER) and its key."""

    certificate: bytes
    key: rsa.RSAPrivateKey

    def pem(self) -> str:
        """The authority's certificate in PEM: the trusted root to configure and to give `openssl -CAfile`."""
        return _pem_cert(self.certificate)

    def key_pem(self) -> str:
        return _pem_key(self.key)

    @property
    def cert(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.certificate)


@dataclass
class Credential:
    """A signer's certificate (DER), key, and the certificates above it up to the root (DER, nearest first)."""

    certificate: bytes
    key: rsa.RSAPrivateKey
    chain: tuple[bytes, ...] = ()

    @property
    def cert(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.certificate)


def _key_usage(*, content_commitment: bool = False, key_encipherment: bool = False, key_cert_sign: bool = False,
               crl_sign: bool = False) -> x509.KeyUsage:
    """digitalSignature always, and the named bits."""
    return x509.KeyUsage(digital_signature=True, content_commitment=content_commitment,
                         key_encipherment=key_encipherment, data_encipherment=False, key_agreement=False,
                         key_cert_sign=key_cert_sign, crl_sign=crl_sign, encipher_only=False, decipher_only=False)


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)


def make_authority(*, name: str = "Jospar DEMO CA", years: int = 10, not_before: datetime | None = None) -> Authority:
    """A new self-signed RSA root. Valid from three years back (the demo signs past acts as of their dates)
    unless `not_before` says otherwise, for `years` years from now."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    now = _now()
    start = not_before or now - timedelta(days=3 * 365)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, TEST_MARK),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            _key_usage(key_cert_sign=True, crl_sign=True),
            critical=True,
        )
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    return Authority(certificate=cert.public_bytes(serialization.Encoding.DER), key=key)


def issue(
    authority: Authority,
    *,
    iin: str,
    surname: str,
    given_name: str,
    organisation: str = "",
    bin: str = "",
    usage: str = "sign",
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    ocsp_url: str | None = None,
    key: rsa.RSAPrivateKey | None = None,
) -> Credential:
    """A signer's certificate issued by `authority`: `usage` "sign" (digitalSignature + nonRepudiation,
    extKeyUsage 1.3.6.1.5.5.7.3.4) or "auth" (digitalSignature + keyEncipherment, extKeyUsage clientAuth).
    Valid by default over the authority's own validity, capped at two years from now. A new key is generated
    unless `key` is given (the demo loader reuses the keys it made earlier in the same process)."""
    if usage not in ("sign", "auth"):
        raise ValueError("usage is 'sign' or 'auth'")
    ca = authority.cert
    key = key or new_key()
    now = _now()
    start = not_before or ca.not_valid_before_utc
    end = not_after or min(now + timedelta(days=2 * 365), ca.not_valid_after_utc)
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, f"{surname} {given_name}".strip()),
        x509.NameAttribute(NameOID.SURNAME, surname),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, f"IIN{iin}"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
        x509.NameAttribute(NameOID.GIVEN_NAME, given_name),
    ]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    if bin:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"BIN{bin}"))
    signing = usage == "sign"
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name(attributes))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            _key_usage(content_commitment=signing, key_encipherment=not signing),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [x509.ObjectIdentifier(SIGNING_PURPOSE) if signing else ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(authority.key.public_key()), critical=False
        )
    )
    if ocsp_url:
        builder = builder.add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        x509.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(ocsp_url)
                    )
                ]
            ),
            critical=False,
        )
    cert = builder.sign(authority.key, hashes.SHA256())
    return Credential(
        certificate=cert.public_bytes(serialization.Encoding.DER), key=key, chain=(authority.certificate,)
    )


def _time(moment: datetime) -> asn1_cms.Time:
    # RFC 5652: UTCTime for 1950–2049, GeneralizedTime otherwise
    if 1950 <= moment.year < 2050:
        return asn1_cms.Time({"utc_time": moment})
    return asn1_cms.Time({"generalized_time": moment})


def sign_detached(content: bytes, credential: Credential, *, signing_time: datetime | None = None) -> bytes:
    """A detached CMS (DER) over `content`, as NCALayer makes it (see the module's note)."""
    moment = (signing_time or _now()).astimezone(UTC).replace(microsecond=0)
    cert = asn1_x509.Certificate.load(credential.certificate)
    # the intermediates travel with the signature (a root is configured, never taken from the CMS)
    intermediates = [c for c in map(asn1_x509.Certificate.load, credential.chain) if not c.self_issued]
    attributes = [
        asn1_cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        asn1_cms.CMSAttribute({"type": "signing_time", "values": [_time(moment)]}),
        asn1_cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(content).digest()]}),
    ]
    # DER orders a SET OF by its members' encodings: the verifier (and OpenSSL) re-encodes before checking
    attributes.sort(key=lambda a: a.dump())
    signed_attrs = asn1_cms.CMSAttributes(attributes)
    signature = credential.key.sign(signed_attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
    signer_info = asn1_cms.SignerInfo(
        {
            "version": "v1",
            "sid": asn1_cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": asn1_cms.IssuerAndSerialNumber(
                        {"issuer": cert.issuer, "serial_number": cert.serial_number}
                    )
                }
            ),
            "digest_algorithm": asn1_algos.DigestAlgorithm({"algorithm": "sha256"}),
            "signed_attrs": signed_attrs,
            "signature_algorithm": asn1_algos.SignedDigestAlgorithm({"algorithm": "sha256_rsa"}),
            "signature": signature,
        }
    )
    signed_data = asn1_cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [asn1_algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {"content_type": "data"},
            "certificates": [cert, *intermediates],
            "signer_infos": [signer_info],
        }
    )
    info = asn1_cms.ContentInfo({"content_type": "signed_data", "content": signed_data})
    return bytes(info.dump())


def authority_from_pem(cert_pem: str, key_pem: str) -> Authority:
    return Authority(certificate=_der_certs(cert_pem)[0], key=_load_key(key_pem))


def credential_pem(credential: Credential) -> tuple[str, str, str]:
    """(certificate PEM, key PEM, chain PEM) — for storing a demo official's credential and reloading it with
    `credential_from_pem`."""
    return (
        _pem_cert(credential.certificate),
        _pem_key(credential.key),
        "".join(_pem_cert(c) for c in credential.chain),
    )


def credential_from_pem(cert_pem: str, key_pem: str, chain_pem: str = "") -> Credential:
    return Credential(certificate=_der_certs(cert_pem)[0], key=_load_key(key_pem), chain=_der_certs(chain_pem))


__all__ = [
    "TEST_MARK",
    "Authority",
    "Credential",
    "authority_from_pem",
    "credential_from_pem",
    "credential_pem",
    "issue",
    "make_authority",
    "sign_detached",
]
