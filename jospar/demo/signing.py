"""The demo's qualified electronic signatures, made with a demo certification authority (issue 17).

The authority is generated here (RSA, its subject carries `demo_ca.TEST_MARK`) and trusted as a test root
(`TrustedRoot.is_test`: every page of a signature made with it says «test certificate»). Each demo official who
approves, reports or submits gets an IIN (valid control digit, kept on a second load) and a signing certificate;
the demo's approved versions (Form 1 PDFs kk, ru), submitted reports (Form 2 PDFs) and units' submissions
(canonical rendering) are signed as of their dates and recorded through `signatures.services.record_signed`.
Idempotent: what is signed stays; what is not yet signed is signed with a new authority.
"""
import hashlib
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from jospar.documents.models import StoredDocument
from jospar.monitoring.canonical import unit_info_bytes, unit_info_filename
from jospar.monitoring.models import Report, ReportStatus, SubmissionStatus, UnitSubmission
from jospar.orgs.models import Person
from jospar.planning.models import PlanVersion
from jospar.rules.iin import iin_control_digit
from jospar.signatures.crypto import demo_ca
from jospar.signatures.models import Act, Signature, TrustedRoot
from jospar.signatures.services import Doc, record_signed

FIELDS = {"kk": "cms_kk", "ru": "cms_ru"}
# RSA keys made in this process, reused by the next load here (tests load the demo dozens of times; a key takes
# ~70 ms to make): each official of one load still has a key of their own, and every certificate is new.
_KEYS: list = []


def demo_iin(username: str) -> str:
    """A made-up but well-formed IIN for a demo login, the same on every load: born 1970–1989, serial from the
    name, the control digit computed (a serial whose number has none is skipped)."""
    seed = int(hashlib.sha256(username.encode()).hexdigest(), 16)
    year, month, day = 70 + seed % 20, 1 + (seed >> 8) % 12, 1 + (seed >> 16) % 28
    for serial in range(seed % 9000, seed % 9000 + 20):
        first11 = f"{year:02d}{month:02d}{day:02d}3{serial:04d}"
        digit = iin_control_digit(first11)
        if digit is not None:
            return first11 + str(digit)
    raise ValueError(username)  # pragma: no cover  (one serial in eleven has no control digit)


class DemoSigner:
    def __init__(self, log=print) -> None:
        self.log = log
        self._authority = None
        self._credentials: dict[int, demo_ca.Credential] = {}
        self._persons: dict[int, Person] = {}

    @property
    def authority(self):
        if self._authority is None:
            stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
            self._authority = demo_ca.make_authority(name=f"Jospar DEMO CA {stamp}")
            TrustedRoot.objects.create(name=f"Jospar DEMO CA {stamp} — {demo_ca.TEST_MARK}",
                                       certificate_pem=self._authority.pem(), is_test=True)
            self.log(f"demo certification authority: Jospar DEMO CA {stamp} (a test authority)")
        return self._authority

    def credential(self, user) -> demo_ca.Credential:
        if user.pk not in self._credentials:
            person, _ = Person.objects.get_or_create(user=user)
            if not person.iin:
                person.iin = demo_iin(user.username)
                person.save(update_fields=["iin"])
            self._persons[user.pk] = person
            if len(_KEYS) <= len(self._credentials):
                _KEYS.append(demo_ca.new_key())
            self._credentials[user.pk] = demo_ca.issue(
                self.authority, iin=person.iin, surname=user.last_name or user.username,
                given_name=user.first_name or user.username, organisation="", key=_KEYS[len(self._credentials)])
        # every instance of the official (each act loads its own) reads the IIN just given: the signature's
        # IIN check needs it
        user.person = self._persons[user.pk]
        return self._credentials[user.pk]

    def sign(self, act, body_id, user, docs, at, **subject) -> list[Signature]:
        if not docs:
            return []  # nothing stored to sign (and no authority made for nothing)
        credential = self.credential(user)
        pairs = [(doc, demo_ca.sign_detached(doc.data, credential, signing_time=at)) for doc in docs]
        return record_signed(act=act, body_id=body_id, user=user, documents_and_cms=pairs, at=at, **subject)


def _pdfs(stored) -> list[Doc]:
    return [Doc(FIELDS[d.lang], d.filename, bytes(d.data), d) for d in stored if d.lang in FIELDS]


def sign_demo(log=print) -> int:
    """Sign every approved version, submitted report and unit submission of the demo not signed yet; returns
    how many signatures were made."""
    signer = DemoSigner(log)
    made = 0
    versions = (PlanVersion.objects.filter(status=PlanVersion.Status.APPROVED, approved_by__isnull=False)
                .exclude(signatures__isnull=False).select_related("plan__body", "approved_by__person"))
    for version in versions:
        stored = StoredDocument.objects.filter(form=StoredDocument.Form.FORM1, version=version, fmt="pdf")
        zone = ZoneInfo(version.plan.body.time_zone)
        at = datetime.combine(version.approved_on, time(11, 0), tzinfo=zone)
        made += len(signer.sign(Act.APPROVAL, version.plan.body_id, version.approved_by, _pdfs(stored), at,
                                version=version))
    reports = (Report.objects.filter(status=ReportStatus.SUBMITTED, submitted_by__isnull=False)
               .exclude(signatures__isnull=False).select_related("period__plan__body", "submitted_by__person"))
    for report in reports:
        stored = StoredDocument.objects.filter(form=StoredDocument.Form.FORM2, report=report, fmt="pdf",
                                               withdrawn_at__isnull=True)
        made += len(signer.sign(Act.REPORT, report.period.plan.body_id, report.submitted_by, _pdfs(stored),
                                report.submitted_at, report=report))
    submissions = (UnitSubmission.objects.filter(status=SubmissionStatus.SUBMITTED, submitted_by__isnull=False)
                   .exclude(signatures__isnull=False)
                   .select_related("period__plan__body", "unit", "submitted_by__person"))
    for submission in submissions:
        period, unit = submission.period, submission.unit
        doc = Doc("cms", unit_info_filename(period, unit.id), unit_info_bytes(period, unit))
        made += len(signer.sign(Act.UNIT_INFO, period.plan.body_id, submission.submitted_by, [doc],
                                submission.submitted_at, submission=submission))
    if made:
        log(f"signatures: {made} made with the demo authority")
    return made
