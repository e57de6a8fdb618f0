"""What the API keeps: personal tokens (only their hash) and the answers to POSTs sent with an
Idempotency-Key, so that a retried POST is answered again instead of being done twice."""
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oauth2_provider.settings import oauth2_settings
from simple_history.models import HistoricalRecords

TOKEN_PREFIX = "jsp_"
# what a registered system may be allowed (its OAuth2 scopes), with the words the administrator reads
SCOPE_CHOICES = {"read": _("read"), "read submit": _("read and submit")}


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def live(self, at=None):
        today = timezone.localdate(at)  # valid through its last day where the users are (TIME_ZONE), not UTC's
        return self.filter(revoked_at=None).filter(models.Q(expires_on=None) | models.Q(expires_on__gte=today))


class ApiToken(models.Model):
    """A user's personal token: it acts as the user, with the user's roles and nothing more.
    The token itself is shown once, when it is made; only its SHA-256 is kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                             verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("beginning"), max_length=16, help_text=_("The token's first characters, to tell "
                                                                         "tokens apart."))
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["digest"])  # who made or revoked which token, and when

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "revoked_at"], name="api_token_user_live")]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def new_secret() -> str:
        return f"{TOKEN_PREFIX}{secrets.token_urlsafe(32)}"


class IdempotentAnswer(models.Model):
    """The answer given to a POST with an Idempotency-Key: the same key with the same request gets it
    again; the same key with another request is refused."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    request_digest = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    body = models.JSONField(null=True)
    location = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="api_idempotency_user_key")]

    def __str__(self):
        return f"{self.key} → {self.status_code}"


class RegisteredSystem(models.Model):
    """A state body's system registered by its administrator: an OAuth2 application (client credentials,
    confidential) whose user is the system's own service account, a member of the body with one role.
    The scopes it may ask for are its own; a revoked system keeps its rows for the audit trail."""

    body = models.ForeignKey("orgs.StateBody", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("state body"))
    application = models.OneToOneField(oauth2_settings.APPLICATION_MODEL, on_delete=models.PROTECT,
                                       related_name="registered_system")
    name = models.CharField(_("name"), max_length=100)
    scopes = models.CharField(_("scopes"), max_length=100, help_text=_("Space-separated: read, submit."))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    history = HistoricalRecords()  # who registered or revoked which system, and when

    class Meta:
        verbose_name = _("registered system")
        verbose_name_plural = _("registered systems")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.name

    @property
    def scope_list(self) -> list[str]:
        return self.scopes.split()

    @property
    def scopes_label(self) -> str:
        """What the system may do, in the reader's language («read and submit»)."""
        return str(SCOPE_CHOICES.get(self.scopes, self.scopes))
