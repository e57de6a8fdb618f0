"""What a verification answers (CONTRACT17): plain frozen data, no behaviour beyond `failed`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Check:
    code: str
    ok: bool | None  # None: not checked
    detail: str = ""  # plain data (an IIN, a date, an address), never a sentence


@dataclass(frozen=True)
class Signer:
    common_name: str
    surname: str
    given_name: str
    iin: str | None
    bin: str | None
    organisation: str
    issuer: str
    serial: str  # hex
    not_before: datetime
    not_after: datetime
    algorithm: str  # "rsa" | "gost2004" | "gost2015" | the key's OID
    certificate: bytes  # DER
    signing_time: datetime | None
    is_test: bool


@dataclass(frozen=True)
class Verification:
    status: str  # "valid" | "invalid" | "unverified"
    signer: Signer | None
    checks: tuple[Check, ...]
    revocation: str  # "good" | "revoked" | "not_checked" | "unknown"

    @property
    def failed(self) -> Check | None:
        return next((c for c in self.checks if c.ok is False), None)

    def check(self, code: str) -> Check | None:
        return next((c for c in self.checks if c.code == code), None)
