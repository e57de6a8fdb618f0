"""Verifying and recording the qualified electronic signatures of the three acts, and checking them again.

`record_act` runs inside the act's transaction (`receivers`), after the documents app stored the PDFs: each
base64 CMS of the evidence is verified (`crypto.verify.verify_detached`) over exactly the bytes stored — the
Form 1 / Form 2 PDFs in kk and ru, or the unit's information in its canonical rendering — and recorded as a
`Signature`. A failed check raises `ValidationError` in the user's language, and the whole act rolls back: the
plan stays on approval, the report a draft, the information unsubmitted. Required acts
(`settings.SIGNATURES_REQUIRED`) also refuse a missing or unverified (GOST without NCANode) signature; a data
administrator is no exception.
"""
import base64
import binascii
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jospar.documents.models import StoredDocument
from jospar.orgs.permissions import require
from jospar.signatures.crypto.verify import Verification, verify_detached

from .models import Act, Signature, SignatureCheck, Status, TrustedRoot
from .texts import failure_reason


@dataclass(frozen=True)
class Doc:
    """One document of an act as the signer signs it: the form's field, the file name and the exact bytes."""
    field: str
    filename: str
    data: bytes
    stored: StoredDocument | None = None  # the stored PDF (approval, report); None: the unit's information


@dataclass(frozen=True)
class Root:
    der: bytes
    subject: str
    row: TrustedRoot | None
    is_test: bool


def is_required(act: str) -> bool:
    return act in getattr(settings, "SIGNATURES_REQUIRED", ())


_bundle_cache: dict[tuple[str, float], list[Root]] = {}


def _bundle_roots(path: str) -> list[Root]:
    """The roots of the `JOSPAR_SIGNATURE_ROOTS` PEM bundle file, read again when it changes."""
    if not path:
        return []
    file = Path(path)
    try:
        key = (path, file.stat().st_mtime)
    except OSError:
        return []
    if key not in _bundle_cache:
        certs = x509.load_pem_x509_certificates(file.read_bytes())
        _bundle_cache.clear()
        _bundle_cache[key] = [Root(c.public_bytes(Encoding.DER), c.subject.rfc4514_string(), None, False)
                              for c in certs]
    return _bundle_cache[key]


def trusted_roots() -> list[Root]:
    """The trusted roots: the admin's `TrustedRoot` rows (one query) and the settings' bundle file."""
    roots = []
    for row in TrustedRoot.objects.all():
        try:
            cert = x509.load_pem_x509_certificate(row.certificate_pem.encode())
        except ValueError:
            continue  # a bad PEM in the admin trusts nothing
        roots.append(Root(cert.public_bytes(Encoding.DER), cert.subject.rfc4514_string(), row, row.is_test))
    return roots + _bundle_roots(getattr(settings, "SIGNATURE_ROOTS", ""))


def _decode(value: str) -> bytes | None:
    try:
        return base64.b64decode("".join(value.split()), validate=True)
    except (binascii.Error, ValueError):
        return None


def signer_iin(user) -> str | None:
    person = getattr(user, "person", None)
    return (person.iin or None) if person is not None else None


def verify(content: bytes, cms: bytes, *, iin: str | None, at: datetime, roots: Sequence[Root]) -> Verification:
    return verify_detached(content, cms, roots=[r.der for r in roots], expected_iin=iin, at=at,
                           ncanode_url=getattr(settings, "NCANODE_URL", "") or None,
                           revocation=getattr(settings, "SIGNATURE_OCSP", True))


def _root_of(verification: Verification, roots: Sequence[Root]) -> Root | None:
    chain = verification.check("chain")
    if chain is None or not chain.ok:
        return None
    return next((r for r in roots if r.subject == chain.detail), None)


def _checks(verification: Verification) -> list[dict]:
    return [{"code": c.code, "ok": c.ok, "detail": c.detail} for c in verification.checks]


def record_act(*, act: str, body_id: int, user, documents: Sequence[Doc], evidence: Mapping[str, str] | None,
               at: datetime, **subject) -> list[Signature]:
    """Verify the act's signatures over ``documents`` and record them; ValidationError refuses the act.
    ``subject``: version=, report= or submission= (what the act signs)."""
    evidence = {k: v for k, v in (evidence or {}).items() if v and v.strip()}
    if not evidence:
        if is_required(act):
            raise ValidationError(_("This act must be signed with a qualified electronic signature (ЭЦП): sign it "
                                    "with NCALayer and try again."), code="signature_required")
        return []
    for doc in documents:
        if doc.field not in evidence:
            raise ValidationError(_("Sign every document of the act: the signature of %(name)s is missing. Sign "
                                    "again.") % {"name": doc.filename}, code="signature_missing")
    iin = signer_iin(user)
    if iin is None:
        raise ValidationError(_("Your IIN is not recorded in Jospar, so your signature cannot be checked: ask "
                                "your body's administrator to add it on the people page."), code="no_iin")
    roots = trusted_roots()
    rows = []
    for doc in documents:
        cms = _decode(evidence[doc.field])
        if cms is None:
            raise ValidationError(failure_reason("format"), code="format")
        verification = verify(doc.data, cms, iin=iin, at=at, roots=roots)
        if verification.status == Status.INVALID:
            failed = verification.failed
            raise ValidationError(failure_reason(failed.code if failed else "format"), code="signature_invalid")
        if verification.status == Status.UNVERIFIED and is_required(act):
            raise ValidationError(failure_reason("gost_service"), code="signature_unverified")
        rows.append(_row(act=act, body_id=body_id, user=user, doc=doc, cms=cms, verification=verification,
                         roots=roots, at=at, subject=subject))
    return Signature.objects.bulk_create(rows)


def _row(*, act, body_id, user, doc: Doc, cms: bytes, verification: Verification, roots, at, subject) -> Signature:
    signer = verification.signer
    root = _root_of(verification, roots)
    person = getattr(user, "person", None)
    return Signature(
        body_id=body_id, act=act, field=doc.field, filename=doc.filename, document=doc.stored,
        content=b"" if doc.stored is not None else doc.data, content_sha256=hashlib.sha256(doc.data).hexdigest(),
        cms=cms, act_at=at, signed_by=user,
        position_kk=person.position_kk if person else "", position_ru=person.position_ru if person else "",
        common_name=signer.common_name if signer else "", iin=(signer.iin or "") if signer else "",
        organisation=signer.organisation if signer else "", issuer=signer.issuer if signer else "",
        serial=signer.serial if signer else "", not_before=signer.not_before if signer else None,
        not_after=signer.not_after if signer else None, algorithm=signer.algorithm if signer else "",
        certificate=signer.certificate if signer else b"", signing_time=signer.signing_time if signer else None,
        is_test=bool((signer and signer.is_test) or (root and root.is_test)),
        root=root.row if root else None, status=verification.status, revocation=verification.revocation,
        checks=_checks(verification), **subject,
    )


def record_signed(*, act: str, body_id: int, user, documents_and_cms, at: datetime, **subject) -> list[Signature]:
    """Record signatures made outside an act's request (the demo loader signs its past acts as of their
    dates): each verified like at the act, recorded whatever the result (the caller checks the status)."""
    roots = trusted_roots()
    iin = signer_iin(user)
    rows = [_row(act=act, body_id=body_id, user=user, doc=doc, cms=cms,
                 verification=verify(doc.data, cms, iin=iin, at=at, roots=roots), roots=roots, at=at, subject=subject)
            for doc, cms in documents_and_cms]
    return Signature.objects.bulk_create(rows)


def signed_content(signature: Signature) -> bytes:
    """The exact bytes the signature is over: the stored PDF, or the kept canonical rendering."""
    if signature.document is not None:
        return bytes(signature.document.data)
    return bytes(signature.content)


@transaction.atomic
def verify_again(*, user, signature: Signature, at: datetime | None = None) -> SignatureCheck:
    """«Verify again»: the stored signature checked anew with today's roots (and OCSP when on), at its signing
    time; recorded as a `SignatureCheck` (the signature row itself never changes)."""
    require(user, "signatures.see_signature", signature)
    roots = trusted_roots()
    moment = signature.signing_time or signature.act_at
    verification = verify(signed_content(signature), bytes(signature.cms), iin=signature.iin or None,
                          at=moment, roots=roots)
    return SignatureCheck.objects.create(
        signature=signature, checked_at=at or timezone.now(), checked_by=user, status=verification.status,
        revocation=verification.revocation, checks=_checks(verification))


__all__ = ["Act", "Doc", "is_required", "record_act", "signed_content", "trusted_roots", "verify_again"]
