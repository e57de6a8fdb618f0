"""GOST signatures through NCANode 3 (the NCA's Kalkan cryptography behind an HTTP service): it alone decides them.

The request and answer, as read in NCANode 3's sources (github.com/malikzh/NCANode —
`controller/CmsController.java`: `POST /cms/verify`; `dto/request/CmsVerifyRequest.java` + `VerifyRequest.java`:
`{"cms": <base64>, "data": <base64 of the detached content>, "revocationCheck": ["OCSP" | "CRL", …]}`;
`dto/response/CmsVerificationResponse.java` + `StatusResponse.java`: `{"status": 200, "message": "OK",
"valid": bool, "signers": [{"certificates": [...], "tsp": …}]}`; `dto/certificate/CertificateInfo.java`: each
certificate `{"valid", "revokedBy": ["OCSP" | "CRL"], "notBefore", "notAfter", "keyUsage", "serialNumber",
"subject": {"iin", …}, "issuer", …}`; `service/CmsService.java`: the detached data is used when the CMS has none,
a bad CMS is a client error — HTTP 4xx with `{"status", "message"}`).

Outcomes: no address → `gost_service` ok None ("no NCANode"); unreachable, 5xx or an answer that is not JSON →
ok None (the signature stays `unverified`); 4xx → ok False with the service's message; 200 → ok is `valid` and
every signer certificate's `valid`.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from jospar.signatures.crypto.results import Check

MAX_RESPONSE = 4 << 20


@dataclass(frozen=True)
class ServiceAnswer:
    check: Check
    revocation: str  # "good" | "revoked" | "not_checked"


def _post(url: str, body: dict[str, Any], timeout: float) -> tuple[int, Any]:
    request = urllib.request.Request(  # noqa: S310 — the configured service address, http(s) checked by the caller
        url,
        data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:  # noqa: S310
            return reply.status, json.loads(reply.read(MAX_RESPONSE))
    except urllib.error.HTTPError as exc:
        try:
            payload = json.loads(exc.read(MAX_RESPONSE))
        except ValueError:
            payload = None
        return exc.code, payload


def _certificates(answer: dict[str, Any]) -> list[dict[str, Any]]:
    certs: list[dict[str, Any]] = []
    for signer in answer.get("signers") or []:
        if isinstance(signer, dict):
            certs.extend(c for c in signer.get("certificates") or [] if isinstance(c, dict))
    return certs


def verify_with_ncanode(
    content: bytes, cms: bytes, url: str | None, *, revocation: bool = True, timeout: float = 5.0
) -> ServiceAnswer:
    if not url:
        return ServiceAnswer(Check("gost_service", None, "no NCANode"), "not_checked")
    endpoint = url.rstrip("/") + "/cms/verify"
    if not endpoint.startswith(("http://", "https://")):
        return ServiceAnswer(Check("gost_service", None, f"{endpoint} not http(s)"), "not_checked")
    body = {
        "cms": base64.b64encode(cms).decode("ascii"),
        "data": base64.b64encode(content).decode("ascii"),
        "revocationCheck": ["OCSP"] if revocation else [],
    }
    try:
        status, answer = _post(endpoint, body, timeout)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        detail = f"{endpoint} unreachable: {type(exc).__name__}"
        return ServiceAnswer(Check("gost_service", None, detail), "not_checked")
    if 400 <= status < 500:
        message = answer.get("message", "") if isinstance(answer, dict) else ""
        return ServiceAnswer(Check("gost_service", False, f"NCANode {status}: {message}"[:300]), "not_checked")
    if status != 200 or not isinstance(answer, dict):
        return ServiceAnswer(Check("gost_service", None, f"{endpoint} answered {status}"), "not_checked")
    certs = _certificates(answer)
    revoked = any(c.get("revokedBy") for c in certs)
    valid = answer.get("valid") is True and bool(certs) and all(c.get("valid") is True for c in certs)
    state = "revoked" if revoked else ("good" if valid and revocation else "not_checked")
    detail = "NCANode valid" if valid else "NCANode invalid" + (" (revoked)" if revoked else "")
    return ServiceAnswer(Check("gost_service", valid, detail), state)
