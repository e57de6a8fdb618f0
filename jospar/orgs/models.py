"""State bodies, their units and subordinate organisations, people and their roles."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jospar.i18n import localized
from jospar.rules.iin import is_valid_iin


def validate_iin(value: str) -> None:
    if value and not is_valid_iin(value):
        raise ValidationError(_("The IIN is 12 digits and its last digit must be its control digit."),
                              code="iin")


class BodyKind(models.TextChoices):
    """The kinds of state body that keep an operational plan under the Rules."""

    CENTRAL = "central", _("central state body")
    COMMITTEE = "committee", _("committee of a central state body")
    REGIONAL_AKIMAT = "regional_akimat", _("akimat of a region, city of republican significance or the capital")
    LOCAL_AKIMAT = "local_akimat", _("akimat of a district or city of regional significance")


class Region(models.TextChoices):
    """The regions and the cities of republican significance of the Republic of Kazakhstan."""

    ASTANA = "astana", _("Astana")
    ALMATY_CITY = "almaty_city", _("Almaty")
    SHYMKENT = "shymkent", _("Shymkent")
    ABAI = "abai", _("Abai Region")
    AKMOLA = "akmola", _("Akmola Region")
    AKTOBE = "aktobe", _("Aktobe Region")
    ALMATY = "almaty", _("Almaty Region")
    ATYRAU = "atyrau", _("Atyrau Region")
    EAST_KAZAKHSTAN = "east_kazakhstan", _("East Kazakhstan Region")
    JAMBYL = "jambyl", _("Jambyl Region")
    JETISU = "jetisu", _("Jetisu Region")
    WEST_KAZAKHSTAN = "west_kazakhstan", _("West Kazakhstan Region")
    KARAGANDA = "karaganda", _("Karaganda Region")
    KOSTANAY = "kostanay", _("Kostanay Region")
    KYZYLORDA = "kyzylorda", _("Kyzylorda Region")
    MANGYSTAU = "mangystau", _("Mangystau Region")
    PAVLODAR = "pavlodar", _("Pavlodar Region")
    NORTH_KAZAKHSTAN = "north_kazakhstan", _("North Kazakhstan Region")
    TURKISTAN = "turkistan", _("Turkistan Region")
    ULYTAU = "ulytau", _("Ulytau Region")


class StateBody(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    kind = models.CharField(_("kind of body"), max_length=16, choices=BodyKind.choices, default=BodyKind.CENTRAL)
    region = models.CharField(
        _("region"), max_length=20, choices=Region.choices, blank=True,
        help_text=_("Where the body sits; left empty for a central state body of the whole republic."),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
        verbose_name=_("parent body"),
        help_text=_("The central state body of a committee, the regional akimat of a district akimat."),
    )
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    title_name_kk = models.CharField(
        _("name in document titles (Kazakh)"), max_length=300, blank=True,
        help_text=_("Genitive form used in the titles of Form 1 and Form 2, e.g. «… министрлігінің»."),
    )
    title_name_ru = models.CharField(
        _("name in document titles (Russian)"), max_length=300, blank=True,
        help_text=_("Genitive form used in the titles of Form 1 and Form 2, e.g. «Министерства …»."),
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Almaty")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("state body")
        verbose_name_plural = _("state bodies")
        ordering = ["code"]

    def __str__(self):
        return localized(self, "name")

    @property
    def name(self):
        return localized(self, "name")

    def clean(self):
        super().clean()
        seen, parent = {self.pk}, self.parent
        while parent is not None:  # a body is never its own ancestor
            if parent.pk in seen:
                raise ValidationError({"parent": _("A body cannot be placed under itself or its own subordinates.")})
            seen.add(parent.pk)
            parent = parent.parent

    def title_name(self, lang: str) -> str:
        """The body's name as it stands in an official title (genitive), falling back to its name."""
        return getattr(self, f"title_name_{lang}", "") or localized(self, "name", lang)

    def planning_unit(self):
        return self.units.filter(is_planning=True).first()


class OrgUnit(models.Model):
    class Kind(models.TextChoices):
        UNIT = "unit", _("structural unit")
        SUBORDINATE = "subordinate", _("subordinate organisation")

    body = models.ForeignKey(StateBody, on_delete=models.PROTECT, related_name="units", verbose_name=_("state body"))
    code = models.SlugField(_("code"), max_length=32)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.UNIT)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    is_planning = models.BooleanField(
        _("responsible for planning and monitoring"),
        default=False,
        help_text=_("The unit that drafts the operational plan and monitors its implementation."),
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit or subordinate organisation")
        verbose_name_plural = _("units and subordinate organisations")
        ordering = ["body", "-kind", "position", "id"]  # structural units ("unit") before subordinate organisations
        constraints = [
            models.UniqueConstraint(fields=["body", "code"], name="orgunit_unique_code"),
            models.UniqueConstraint(
                fields=["body"], condition=Q(is_planning=True), name="orgunit_one_planning_unit"
            ),
        ]

    def __str__(self):
        return localized(self, "name")

    @property
    def name(self):
        return localized(self, "name")


class Person(models.Model):
    """What the system knows of a user beyond Django's account: patronymic, position, language."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person")
    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    position_kk = models.CharField(_("position (Kazakh)"), max_length=300, blank=True)
    position_ru = models.CharField(_("position (Russian)"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True, choices=settings.LANGUAGES)
    # The individual identification number (ИИН): the signature certificate's SERIALNUMBER must carry it.
    iin = models.CharField(_("IIN"), max_length=12, blank=True, validators=[validate_iin],
                           help_text=_("12 digits; the qualified electronic signature must be issued to it."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        parts = [self.user.last_name, self.user.first_name, self.patronymic]
        return " ".join(p for p in parts if p) or self.user.get_username()

    @property
    def short_name(self):
        """Official short form: initials then surname ("Е. С. Ахметов")."""
        initials = " ".join(f"{p[0]}." for p in (self.user.first_name, self.patronymic) if p)
        return f"{initials} {self.user.last_name}".strip() or self.user.get_username()


class Role(models.TextChoices):
    PLANNER = "planner", _("planner (monitoring unit)")
    UNIT_HEAD = "unit_head", _("unit head")
    UNIT_STAFF = "unit_staff", _("unit staff")
    EXECUTIVE = "executive", _("executive (first head or chief of staff)")
    VIEWER = "viewer", _("viewer")
    ADMIN = "admin", _("body administrator")
    # The state planning authority (the ministry that owns the Rules): reads every body's submitted and
    # approved data through the national view, changes nothing. Its membership names the authority's body.
    NATIONAL = "national", _("national planning authority (read-only)")


UNIT_ROLES = (Role.PLANNER, Role.UNIT_HEAD, Role.UNIT_STAFF)


class Office(models.TextChoices):
    """The offices of §6 whose holder approves the plan and decides on the reports (§17)."""

    FIRST_HEAD = "first_head", _("first head")
    CHIEF_OF_STAFF = "chief_of_staff", _("chief of staff")


ACTING_FOR = {
    Office.FIRST_HEAD: _("acting for the first head"),
    Office.CHIEF_OF_STAFF: _("acting for the chief of staff"),
}


def office_label(office: str, acting: bool) -> str:
    """«chief of staff», or «acting for the chief of staff», in the active language."""
    if not office:
        return ""
    return str(ACTING_FOR[Office(office)] if acting else Office(office).label)


class Membership(models.Model):
    """A person's role in a state body; unit roles name the unit."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    body = models.ForeignKey(
        StateBody, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("state body")
    )
    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("unit"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    office = models.CharField(
        _("office (§6)"), max_length=16, choices=Office.choices, blank=True,
        help_text=_("Only the first head or the chief of staff (or the person acting for them) approves the plan "
                    "and decides on the reports. Executives only."),
    )
    acting = models.BooleanField(
        _("acting"), default=False,
        help_text=_("Acts for the holder of the office (temporarily performs the duties); recorded on approval."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "body", "role", "unit"], name="membership_unique"),
            models.CheckConstraint(
                condition=Q(role__in=[r.value for r in UNIT_ROLES], unit__isnull=False)
                | (~Q(role__in=[r.value for r in UNIT_ROLES]) & Q(unit__isnull=True)),
                name="membership_unit_matches_role",
                violation_error_message=_("Planners, unit heads and unit staff belong to a unit; others do not."),
            ),
            models.CheckConstraint(
                condition=Q(office="", acting=False) | (Q(role="executive") & ~Q(office="")),
                name="membership_office_only_for_executives",
                violation_error_message=_("Only an executive holds an office of §6, or acts for its holder."),
            ),
        ]
        indexes = [models.Index(fields=["user", "body"])]

    def __str__(self):
        unit = f" — {self.unit}" if self.unit_id else ""
        return f"{self.user} · {self.get_role_display()}{unit}"

    def clean(self):
        """A planner works in the unit responsible for planning and monitoring (§11, §15): the one that
        receives units' information and prepares the report."""
        super().clean()
        if self.role == Role.PLANNER and self.unit_id and not self.unit.is_planning:
            raise ValidationError({"unit": _("A planner works in the unit responsible for planning and "
                                             "monitoring; choose that unit.")})
        if self.acting and not self.office:
            raise ValidationError({"office": _("Name the office the person acts for.")})
        if self.office and self.role != Role.EXECUTIVE:
            raise ValidationError({"office": _("Only an executive holds an office of §6, or acts for its holder.")})

    @property
    def office_label(self) -> str:
        return office_label(self.office, self.acting)
