"""What an event says (anchor, names, funding, deadline, completion form), shared by the
events of a plan version and by the proposals units send for it.

The database enforces the invariants of both: exactly one anchor, a canonical budget code (or
none yet, or "does not require funding"), a deadline whose fields fit its kind.
"""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jospar import rules
from jospar import text_limits as limits
from jospar.i18n import localized
from jospar.orgs.models import StateBody

from .devplan import Macroindicator, RegulationTask, TargetIndicator


class CompletionForm(models.Model):
    """The managed list of completion forms (order, information to the Government, …)."""

    body = models.ForeignKey(StateBody, on_delete=models.CASCADE, related_name="completion_forms")
    code = models.SlugField(_("code"), max_length=32)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("completion form")
        verbose_name_plural = _("completion forms")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["body", "code"], name="completionform_unique_code")]

    def __str__(self):
        return localized(self, "name")


# the stubs know the functional API with plain labels only, not (value, label) members
DeadlineKind = models.TextChoices(  # type: ignore[call-overload]
    "DeadlineKind",
    [
        ("DATE", ("date", _("a date"))),
        ("MONTH", ("month", _("a month"))),
        ("QUARTER", ("quarter", _("a quarter"))),
        ("YEARLY", ("yearly", _("yearly, by a day"))),
        ("HALF_YEARLY", ("half_yearly", _("half-yearly"))),
        ("QUARTERLY", ("quarterly", _("quarterly"))),
        ("MONTHLY", ("monthly", _("monthly"))),
        ("WITHIN_YEAR", ("within_year", _("within the year"))),
    ],
)

# A CHECK passes on NULL, so every required field says `__isnull=False` explicitly.
DEADLINE_SHAPE = (
    Q(deadline_kind="date", deadline_date__isnull=False, deadline_month__isnull=True, deadline_quarter__isnull=True)
    | Q(deadline_kind="month", deadline_month__isnull=False, deadline_month__gte=1, deadline_month__lte=12,
        deadline_date__isnull=True, deadline_quarter__isnull=True)
    | Q(deadline_kind="quarter", deadline_quarter__isnull=False, deadline_quarter__gte=1, deadline_quarter__lte=4,
        deadline_date__isnull=True, deadline_month__isnull=True)
    | Q(deadline_kind="yearly", deadline_month__isnull=False, deadline_month__gte=1, deadline_month__lte=12,
        deadline_day__isnull=False, deadline_day__gte=1, deadline_day__lte=31, deadline_date__isnull=True,
        deadline_quarter__isnull=True)
    | Q(deadline_kind__in=["half_yearly", "quarterly", "monthly", "within_year"], deadline_date__isnull=True,
        deadline_month__isnull=True, deadline_quarter__isnull=True)
)

ONE_ANCHOR = (
    Q(macroindicator__isnull=False, target_indicator__isnull=True, regulation_task__isnull=True)
    | Q(macroindicator__isnull=True, target_indicator__isnull=False, regulation_task__isnull=True)
    | Q(macroindicator__isnull=True, target_indicator__isnull=True, regulation_task__isnull=False)
)


BUDGET_SHAPE = Q(budget_codes="") | Q(no_funding=False, budget_codes__regex=rules.CANONICAL_RE)


def content_constraints(prefix: str) -> list:
    """The check constraints every concrete EventContent model carries (names prefixed per table)."""
    return [
        models.CheckConstraint(
            condition=ONE_ANCHOR, name=f"{prefix}_exactly_one_anchor",
            violation_error_message=_(
                "An event is anchored to exactly one macroindicator, target indicator or Section II task."
            ),
        ),
        models.CheckConstraint(
            condition=BUDGET_SHAPE, name=f"{prefix}_budget_codes_valid",
            violation_error_message=_(
                "Budget program code must be three digits, optionally with a three-digit subprogram, "
                "or the event does not require funding."
            ),
        ),
        models.CheckConstraint(condition=DEADLINE_SHAPE, name=f"{prefix}_deadline_shape"),
        *limits.length_checks(prefix, name_kk=limits.NAME, name_ru=limits.NAME, name_en=limits.NAME),
    ]


class EventContent(models.Model):
    """The fields of one Form 1 row (column 1, the number, is derived)."""

    macroindicator = models.ForeignKey(
        Macroindicator, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("macroindicator"),
    )
    target_indicator = models.ForeignKey(
        TargetIndicator, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("target indicator"),
    )
    regulation_task = models.ForeignKey(
        RegulationTask, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("Section II task"),
    )
    name_kk = models.TextField(_("name (Kazakh)"), max_length=limits.NAME, blank=True)
    name_ru = models.TextField(_("name (Russian)"), max_length=limits.NAME, blank=True)
    name_en = models.TextField(_("name (English)"), max_length=limits.NAME, blank=True)
    no_funding = models.BooleanField(_("does not require funding"), default=False)
    budget_codes = models.CharField(
        _("budget program code"), max_length=limits.BUDGET_CODES, blank=True,
        help_text=_('Canonical form: "001 100, 005".'),
    )
    deadline_kind = models.CharField(_("deadline kind"), max_length=16, choices=DeadlineKind.choices)
    deadline_date = models.DateField(_("deadline date"), null=True, blank=True)
    deadline_month = models.PositiveSmallIntegerField(_("deadline month"), null=True, blank=True)
    deadline_quarter = models.PositiveSmallIntegerField(_("deadline quarter"), null=True, blank=True)
    deadline_day = models.PositiveSmallIntegerField(_("deadline day"), null=True, blank=True)
    completion_form = models.ForeignKey(
        CompletionForm, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("completion form"),
    )
    completion_kk = models.CharField(_("completion form, free text (Kazakh)"), max_length=limits.COMPLETION,
                                     blank=True)
    completion_ru = models.CharField(_("completion form, free text (Russian)"), max_length=limits.COMPLETION,
                                     blank=True)
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return localized(self, "name")

    @property
    def name(self):
        return localized(self, "name")

    @property
    def deadline(self) -> "rules.Deadline":
        return rules.Deadline(
            kind=rules.DeadlineKind(self.deadline_kind),
            date=self.deadline_date,
            month=self.deadline_month,
            quarter=self.deadline_quarter,
            day=self.deadline_day,
        )

    def set_deadline(self, deadline: "rules.Deadline") -> None:
        deadline.validate()
        self.deadline_kind = deadline.kind.value
        self.deadline_date = deadline.date
        self.deadline_month = deadline.month
        self.deadline_quarter = deadline.quarter
        self.deadline_day = deadline.day

    @property
    def anchor(self):
        return self.macroindicator or self.target_indicator or self.regulation_task

    @property
    def deadline_text(self) -> str:
        """Column 5 in the reader's language."""
        from jospar.i18n import current_lang

        return self.deadline.wording(current_lang())

    @property
    def completion_text(self) -> str:
        """Column 6 in the reader's language: the managed form's name, else the free text."""
        if self.completion_form_id:
            return localized(self.completion_form, "name")
        return localized(self, "completion")

    @property
    def anchor_key(self) -> str:
        """"m:<id>", "t:<id>" or "r:<id>": the anchor as one value (forms, moves)."""
        if self.macroindicator_id:
            return f"m:{self.macroindicator_id}"
        if self.target_indicator_id:
            return f"t:{self.target_indicator_id}"
        return f"r:{self.regulation_task_id}" if self.regulation_task_id else ""

    def set_anchor_key(self, key: str) -> None:
        kind, _sep, pk = key.partition(":")
        self.macroindicator_id = int(pk) if kind == "m" else None
        self.target_indicator_id = int(pk) if kind == "t" else None
        self.regulation_task_id = int(pk) if kind == "r" else None
