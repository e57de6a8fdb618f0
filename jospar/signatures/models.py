"""What was signed, by whom, and what the server found when it checked (`services`).

`Signature`: one detached CMS over one document of one act — the approved version's Form 1 PDF (kk, ru),
the submitted report's Form 2 PDF (kk, ru), or the canonical rendering of a unit's information (kept here,
`content`). Written only inside the act's transaction; never edited. `SignatureCheck`: a later «verify again».
`TrustedRoot`: the root certificates a chain must end in (the NCA RK's, or the demo authority's, marked test).
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jospar.monitoring.models import Report, UnitSubmission
from jospar.orgs.models import StateBody
from jospar.planning.models import PlanVersion


class TrustedRoot(models.Model):
    name = models.CharField(_("name"), max_length=200)
    certificate_pem = models.TextField(_("certificate (PEM)"))
    is_test = models.BooleanField(_("test authority"), default=False,
                                  help_text=_("Signatures chained to it are shown as made with a test certificate."))
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("trusted root certificate")
        verbose_name_plural = _("trusted root certificates")
        ordering = ["name", "id"]

    def __str__(self):
        return self.name


class Act(models.TextChoices):
    APPROVAL = "approval", _("approval of the plan")
    REPORT = "report", _("submission of the report")
    UNIT_INFO = "unit_info", _("submission of the unit's information")


class Status(models.TextChoices):
    VALID = "valid", _("valid")
    INVALID = "invalid", _("not valid")
    UNVERIFIED = "unverified", _("stored, not verified here")


class Signature(models.Model):
    body = models.ForeignKey(StateBody, on_delete=models.PROTECT, related_name="+", verbose_name=_("state body"))
    act = models.CharField(_("act"), max_length=12, choices=Act.choices)
    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="signatures")
    report = models.ForeignKey(Report, on_delete=models.PROTECT, null=True, blank=True, related_name="signatures")
    submission = models.ForeignKey(UnitSubmission, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="signatures")
    document = models.ForeignKey("documents.StoredDocument", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="signatures", verbose_name=_("signed document"))
    field = models.CharField(_("field"), max_length=12)  # cms_kk, cms_ru, cms
    filename = models.CharField(_("file name"), max_length=120)
    content = models.BinaryField(_("signed content"), blank=True)  # the unit's information; PDFs are `document`
    content_sha256 = models.CharField("SHA-256", max_length=64)
    cms = models.BinaryField(_("signature (CMS, DER)"))
    act_at = models.DateTimeField(_("act at"))  # the act's moment: which submission a signature belongs to
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("signed by"))
    position_kk = models.CharField(max_length=300, blank=True)
    position_ru = models.CharField(max_length=300, blank=True)
    # From the signer's certificate (crypto.Signer), kept as read at signing.
    common_name = models.CharField(_("name in the certificate"), max_length=300, blank=True)
    iin = models.CharField(_("IIN"), max_length=12, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    issuer = models.CharField(_("issuer"), max_length=500, blank=True)
    serial = models.CharField(_("serial number"), max_length=80, blank=True)
    not_before = models.DateTimeField(_("valid from"), null=True, blank=True)
    not_after = models.DateTimeField(_("valid until"), null=True, blank=True)
    algorithm = models.CharField(_("algorithm"), max_length=40, blank=True)
    certificate = models.BinaryField(_("certificate (DER)"), blank=True)
    signing_time = models.DateTimeField(_("signing time"), null=True, blank=True)
    is_test = models.BooleanField(_("test certificate"), default=False)
    root = models.ForeignKey(TrustedRoot, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("root certificate"))
    status = models.CharField(_("verification"), max_length=12, choices=Status.choices)
    revocation = models.CharField(_("revocation"), max_length=12, default="not_checked")
    checks = models.JSONField(_("checks"), default=list)  # [{"code", "ok", "detail"}] as verified at signing
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("qualified electronic signature")
        verbose_name_plural = _("qualified electronic signatures")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(act="approval", version__isnull=False) | Q(act="report", report__isnull=False)
                | Q(act="unit_info", submission__isnull=False),
                name="signature_names_what_it_signs",
            ),
        ]

    def __str__(self):
        return f"{self.filename} — {self.common_name}"


class SignatureCheck(models.Model):
    """«Verify again»: the signature checked anew (a root added or removed, the certificate revoked since)."""
    signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="rechecks")
    checked_at = models.DateTimeField(_("checked at"))
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("verification"), max_length=12, choices=Status.choices)
    revocation = models.CharField(_("revocation"), max_length=12, default="not_checked")
    checks = models.JSONField(_("checks"), default=list)

    class Meta:
        verbose_name = _("signature check")
        verbose_name_plural = _("signature checks")
        ordering = ["-checked_at", "-id"]

    def __str__(self):
        return f"{self.signature_id}: {self.status} at {self.checked_at:%Y-%m-%d %H:%M}"
