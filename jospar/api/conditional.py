"""Conditional requests and safe retries.

- Reads: every 200 answer to GET carries an ETag (a digest of its JSON); a GET with a matching
  If-None-Match gets 304 and no body (see views.ApiView).
- Writes: a PATCH/PUT/POST that changes an object may send If-Match with the ETag its client read
  (the object's GET answer in the same language). If the object has changed since, 412
  (code precondition_failed) and nothing is changed. `lock_version` in the body does the same.
- POST with an `Idempotency-Key` header (at most 100 characters): the first answer (2xx) is kept
  for a day; the same key with the same request gets it again (header Idempotent-Replayed: true),
  the same key with another request gets 422 (code idempotency_key_reused).
"""
import datetime
import functools
import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.http import parse_etags
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from .models import IdempotentAnswer

IDEMPOTENCY_HEADER = "HTTP_IDEMPOTENCY_KEY"
KEEP_ANSWERS = datetime.timedelta(days=1)
MAX_KEY_LENGTH = 100


def etag_of(content: bytes) -> str:
    return f'"{hashlib.sha256(content).hexdigest()[:40]}"'


def etag_of_data(data) -> str:
    """The ETag a GET answering with `data` carries (same renderer, same bytes)."""
    return etag_of(JSONRenderer().render(data))


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"
    default_detail = _("The object has changed since you read it (If-Match does not match): read it again and "
                       "apply your change to its current values.")


class IdempotencyKeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "idempotency_key_reused"
    default_detail = _("This Idempotency-Key was already used for another request: use a new key for a new request.")


class BadIdempotencyKey(exceptions.ParseError):
    default_code = "invalid_idempotency_key"
    default_detail = _("The Idempotency-Key header must have 1 to 100 visible characters.")


def check_if_match(request, current_data) -> None:
    """Refuse (412) a write whose If-Match names another state of the object than `current_data`."""
    header = request.META.get("HTTP_IF_MATCH")
    if not header:
        return
    tags = parse_etags(header)
    if "*" in tags:
        return
    if etag_of_data(current_data) not in {tag.removeprefix("W/") for tag in tags}:
        raise PreconditionFailed


def _request_digest(request) -> str:
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    digest.update(request._request.body)  # read before the parser reads the stream; Django keeps the bytes
    return digest.hexdigest()


def _replay(answer: IdempotentAnswer) -> Response:
    headers = {"Idempotent-Replayed": "true"}
    if answer.location:
        headers["Location"] = answer.location
    return Response(answer.body, status=answer.status_code, headers=headers)


def idempotent(handler):
    """For a view's post(): honour Idempotency-Key (see the module's text)."""

    @functools.wraps(handler)
    def wrapped(view, request, *args, **kwargs):
        key = request.META.get(IDEMPOTENCY_HEADER)
        if key is None:
            return handler(view, request, *args, **kwargs)
        key = key.strip()
        if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
            raise BadIdempotencyKey
        digest = _request_digest(request)
        kept = IdempotentAnswer.objects.filter(user=request.user, key=key).first()
        if kept is not None and kept.created_at < timezone.now() - KEEP_ANSWERS:  # not yet cleaned up: forgotten
            kept.delete()
            kept = None
        if kept is not None:
            if kept.request_digest != digest:
                raise IdempotencyKeyReused
            return _replay(kept)
        try:
            with transaction.atomic():
                response = handler(view, request, *args, **kwargs)
                if 200 <= response.status_code < 300:
                    IdempotentAnswer.objects.create(
                        user=request.user, key=key, request_digest=digest, status_code=response.status_code,
                        body=response.data, location=response.get("Location", ""))
        except IntegrityError:  # the same key, sent twice at once: the first one's answer stands
            kept = IdempotentAnswer.objects.filter(user=request.user, key=key).first()
            if kept is None:
                raise  # the handler's own integrity error, not the key's
            if kept.request_digest != digest:
                raise IdempotencyKeyReused from None
            return _replay(kept)
        return response

    return wrapped


def forget_old_answers(now=None) -> int:
    """Delete the kept answers older than a day (the cleanup command, daily); returns how many. A key older
    than that may be used again, for any request."""
    return IdempotentAnswer.objects.filter(created_at__lt=(now or timezone.now()) - KEEP_ANSWERS).delete()[0]
