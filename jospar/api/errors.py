"""Every API error, 4xx or 5xx, in one shape and in the request's language:

    {"code": "invalid", "message": "…", "fields": {"name_ru": ["…"]}}

`code` is stable for programs, `message` is for people, `fields` names what is wrong with which
field of the request (empty when the error is not about a field).
"""
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

from .language import activate_api_language
from .parsers import BodyTooLarge

logger = logging.getLogger("django.request")

MESSAGES = {
    "not_authenticated": _("Sign in to use the API."),
    "authentication_failed": _("The credentials are not valid: sign in again."),
    "permission_denied": _("You are not allowed to do this."),
    "not_found": _("Nothing was found at this address, or it belongs to another state body."),
    "method_not_allowed": _("This address does not accept the %(method)s method."),
    "not_acceptable": _("The API answers in JSON only (Accept: application/json)."),
    "unsupported_media_type": _("Send the request body as JSON (Content-Type: application/json)."),
    "throttled": _("Too many requests: try again later."),
    "parse_error": _("The request body could not be read."),
    "invalid": _("The request has errors: see the fields."),
    "server_error": _("The server could not handle this request. The error is recorded; try again later or "
                      "tell the administrator."),
}


class ErrorSerializer(serializers.Serializer):
    """The body of every API error, 4xx and 5xx."""

    code = serializers.CharField(help_text=(
        "Stable, for programs: invalid, malformed_json, too_deep, too_large, unsupported_media_type, "
        "not_authenticated, authentication_failed, csrf_failed, permission_denied, not_found, method_not_allowed, "
        "not_acceptable, conflict, stale, throttled, parse_error, server_error."))
    message = serializers.CharField(help_text="What went wrong, in the request's language.")
    # the serializer's metaclass moves declared fields off the class: Serializer.fields stays what it is
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()),
                                   help_text="Messages per request field; empty when no field is at fault.")  # type: ignore[assignment]


class Conflict(exceptions.APIException):
    """The request is well formed but the object's state refuses it (an approved version, a stale copy)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"

    def __init__(self, detail, code=None, fields=None):
        super().__init__(detail, code)
        self.fields = fields or {}


def error_body(code: str, message: str | Promise, fields: dict | None = None) -> dict:
    return {"code": code, "message": str(message), "fields": fields or {}}


def _flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as `{"field": [...], "list.0": [...], "object.key": [...]}`."""
    if isinstance(detail, dict):
        out = {}
        for key, value in detail.items():
            out.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(detail, list) and any(isinstance(item, dict | list) for item in detail):
        out = {}
        for i, item in enumerate(detail):
            out.update(_flatten(item, f"{prefix}.{i}"))
        return out
    return {prefix: [str(item) for item in (detail if isinstance(detail, list) else [detail])]}


def _validation_body(exc: exceptions.ValidationError) -> dict:
    key = api_settings.NON_FIELD_ERRORS_KEY
    fields = _flatten(exc.detail if isinstance(exc.detail, dict) else {key: exc.detail})
    general = fields.pop(key, []) + fields.pop("__all__", [])  # the model's own non-field errors
    return error_body("invalid", " ".join(general) or MESSAGES["invalid"], fields)


def _code(exc: exceptions.APIException) -> str:
    return getattr(exc.detail, "code", None) or exc.default_code


def exception_handler(exc, context):
    """REST framework's EXCEPTION_HANDLER: the body above for every error, a 500 included."""
    request = context.get("request")
    if request is not None:
        activate_api_language(request)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):  # Django's own limit, met wherever Django reads a body itself
        exc = BodyTooLarge.of(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    elif isinstance(exc, SuspiciousOperation):  # Django answers these 400 on pages too
        exc = exceptions.ParseError()
    if isinstance(exc, exceptions.ValidationError):
        body, headers = _validation_body(exc), {}
    elif isinstance(exc, exceptions.APIException):
        code = _code(exc)
        message = MESSAGES.get(code) or exc.detail
        if code == "method_not_allowed":
            message = message % {"method": request.method if request is not None else ""}
        body = error_body(code, message, getattr(exc, "fields", None))
        headers = {"WWW-Authenticate": exc.auth_header} if getattr(exc, "auth_header", None) else {}
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))
    elif settings.DEBUG:
        return None  # Django's technical page, for the developer
    else:
        logger.error("Internal Server Error: %s", getattr(request, "path", "?"), exc_info=exc,
                     extra={"status_code": 500, "request": getattr(request, "_request", None)})
        set_rollback()
        return Response(error_body("server_error", MESSAGES["server_error"]), status=500)
    set_rollback()
    return Response(body, status=exc.status_code, headers=headers)
