"""GOST signatures through NCANode (placeholder until the client lands): without an address, `unverified`."""

from __future__ import annotations

from dataclasses import dataclass

from jospar.signatures.crypto.verify import Check


@dataclass(frozen=True)
class ServiceAnswer:
    check: Check
    revocation: str


def verify_with_ncanode(content: bytes, cms: bytes, url: str | None, *, timeout: float = 5.0) -> ServiceAnswer:
    return ServiceAnswer(Check("gost_service", None, "no NCANode"), "not_checked")
