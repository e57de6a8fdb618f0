"""The basis of a proposal to amend the plan (§16): an indicator at risk or not achieved that the report names.

The planner names it from the report's indicators table while the report is a draft; the report's proposals
to amend and supplement the plan list the indicators named, each linked to its row. A submitted report never
changes (only a draft's bases are edited), so its cached page needs no stamp for them.
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jospar.planning.models import Macroindicator, TargetIndicator


class AmendmentBasis(models.Model):
    report = models.ForeignKey("monitoring.Report", on_delete=models.CASCADE, related_name="amendment_bases",
                               verbose_name=_("report"))
    macroindicator = models.ForeignKey(Macroindicator, on_delete=models.CASCADE, null=True, blank=True,
                                       related_name="+", verbose_name=_("macroindicator"))
    target_indicator = models.ForeignKey(TargetIndicator, on_delete=models.CASCADE, null=True, blank=True,
                                         related_name="+", verbose_name=_("target indicator"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("basis of a proposal to amend the plan")
        verbose_name_plural = _("bases of proposals to amend the plan")
        ordering = ["report", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(macroindicator__isnull=True, target_indicator__isnull=False)
                                   | Q(macroindicator__isnull=False, target_indicator__isnull=True),
                                   name="amendment_basis_one_indicator"),
            models.UniqueConstraint(fields=["report", "macroindicator"], condition=Q(macroindicator__isnull=False),
                                    name="amendment_basis_macro_once"),
            models.UniqueConstraint(fields=["report", "target_indicator"],
                                    condition=Q(target_indicator__isnull=False), name="amendment_basis_target_once"),
        ]

    def __str__(self):
        return f"{self.report_id} · {self.key}"

    @property
    def key(self) -> str:
        return f"m:{self.macroindicator_id}" if self.macroindicator_id else f"t:{self.target_indicator_id}"
