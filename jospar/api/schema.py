"""The OpenAPI schema states every answer an operation can give: its success body and each error
status with the one error body (see errors.py), and the Accept-Language header the answers follow.

Examples in Kazakh and Russian: every error status shows its body in both languages (the message as the API
gives it for Accept-Language kk and ru); a view gives its own with `bilingual(...)` in
`@extend_schema(examples=...)`, e.g. an event's answer with its kk and ru texts."""
from django.utils import translation
from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse

from jospar import rules
from jospar.planning.models import PlanVersion

from .errors import MESSAGES, ErrorSerializer
from .fields import limits_of

ERRORS = {
    400: "The request body or a field is not valid (fields says which and why).",
    401: "No credentials, or a token that is unknown, revoked or expired (WWW-Authenticate: Bearer).",
    403: "The user's role, or the access token's scope (code insufficient_scope), does not allow this; or a "
         "session call without the CSRF header.",
    404: "No such plan, version or event in the user's body.",
    406: "The client does not accept JSON.",
    409: "The object's state refuses the change: an approved version (code conflict), or someone else saved it "
         "since it was read (code stale: read it again).",
    412: "If-Match names another state of the object: it has changed since it was read (code "
         "precondition_failed).",
    413: "The request body is too large.",
    415: "The request body is not JSON.",
    422: "The Idempotency-Key was already used for another request (code idempotency_key_reused).",
    429: "Too many requests for this token (code throttled); Retry-After says in how many seconds to try again.",
    500: "The server failed; the error is recorded.",
}

# the code each error status shows in its example (the ones a client meets most)
ERROR_CODES = {400: "invalid", 401: "not_authenticated", 403: "permission_denied", 404: "not_found",
               406: "not_acceptable", 409: "stale", 412: "precondition_failed", 413: "too_large",
               415: "unsupported_media_type", 422: "idempotency_key_reused", 429: "throttled", 500: "server_error"}
LANGUAGES = (("kk", "қазақша"), ("ru", "по-русски"))


def bilingual(name: str, kk, ru, **options) -> list[OpenApiExample]:
    """Two examples of one request or answer, its texts in Kazakh and in Russian (OpenApiExample's options:
    request_only, response_only, status_codes, description…)."""
    return [OpenApiExample(f"{name}_{lang}", value=value, summary=f"{name} ({label})", **options)
            for (lang, label), value in zip(LANGUAGES, (kk, ru), strict=True)]


def _error_message(status: int, code: str) -> str:
    from django.conf import settings
    from django.utils.translation import gettext

    from .conditional import IdempotencyKeyReused, PreconditionFailed  # conditional imports the models
    from .parsers import BodyTooLarge
    if code in MESSAGES:
        return str(MESSAGES[code])
    if status == 409:  # an edit of a stale copy (jospar/api/plans/views.py)
        return gettext("Someone else saved this event since you read it: read it again and apply your change to "
                       "its current values.")
    if status == 413:
        return str(BodyTooLarge.of(settings.DATA_UPLOAD_MAX_MEMORY_SIZE).detail)
    return str({412: PreconditionFailed, 422: IdempotencyKeyReused}[status].default_detail)


def error_examples(status: int) -> list[OpenApiExample]:
    code = ERROR_CODES[status]
    bodies = []
    for lang, _label in LANGUAGES:
        with translation.override(lang):
            bodies.append({"code": code, "message": _error_message(status, code),
                           "fields": {"name_ru": [str(_field_message())]} if status == 400 else {}})
    return bilingual(code, *bodies, response_only=True, status_codes=[str(status)])


def _field_message() -> str:
    from django.utils.translation import gettext
    return gettext("This field is required.")


LANGUAGE = OpenApiParameter(
    "Accept-Language", str, OpenApiParameter.HEADER, required=False,
    description="kk, ru or en (e.g. ru-RU,ru;q=0.9). Messages and Form 1 texts come in this language, else in the "
                "user's saved language.",
)


class AutoSchema(openapi.AutoSchema):
    def _error_statuses(self) -> list[int]:
        statuses = [401, 403, 406, 429, 500]
        if "{" in self.path:
            statuses.append(404)
        if self.method in ("POST", "PUT", "PATCH", "DELETE"):
            statuses += [400, 409, 412, 413, 415]
        if self.method == "POST":
            statuses.append(422)
        return sorted(statuses)

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if getattr(field, "form_field", None) is not None:  # limits the page's form enforces
            limits = limits_of(field.form_field)
            if "enum" in limits and field.allow_null:
                limits["enum"] = [*limits["enum"], None]
            schema.update(limits)
        return schema

    def get_override_parameters(self):
        return [*super().get_override_parameters(), LANGUAGE]

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for status in self._error_statuses():
            error = OpenApiResponse(ErrorSerializer, description=ERRORS[status], examples=error_examples(status))
            responses.setdefault(str(status), self._get_response_for_code(error, str(status), direction=direction))
        return responses


# Code sets several resources share, named once in the schema (SPECTACULAR_SETTINGS ENUM_NAME_OVERRIDES):
# serializers list them as plain codes, so the schema's enums are matched by their codes.
VERSION_STATUSES = list(PlanVersion.Status.values)
EXECUTION_STATUSES = [s.value for s in rules.ExecutionStatus]
DEADLINE_KINDS = [k.value for k in rules.DeadlineKind]
REPORT_STATUSES = ["none", "draft", "submitted"]
