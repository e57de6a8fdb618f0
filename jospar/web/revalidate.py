"""What cannot change is cached and revalidated: the Form 1 table of an approved version, the Form 2 table of a
submitted report, and their stored documents (README, "What is cached").

A key names everything its content depends on, and the code release (every module, template and compiled
translation of this installation), so that a deploy, a cache shared by several processes or an entry of
another worker is never wrong. Responses answer with a strong `ETag` and `Cache-Control: private, no-cache`:
a browser keeps the page but asks again each time, and gets 304 Not Modified, after the permission check,
when nothing it shows has changed.
"""
import hashlib
from collections.abc import Callable
from functools import cache as once
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control

CODE = Path(__file__).resolve().parent.parent  # the jospar package
RELEASE_FILES = ("*.py", "*.html", "*.mo")


@once
def release() -> str:
    """A digest of the code, templates and compiled translations: a deploy changes every key and ETag."""
    digest = hashlib.sha256()
    for pattern in RELEASE_FILES:
        for path in sorted(CODE.rglob(pattern)):
            digest.update(str(path.relative_to(CODE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(*parts) -> str:
    """A cache key (and ETag) of these parts and the release."""
    return hashlib.sha256(repr((release(), *parts)).encode()).hexdigest()


def cached(parts: tuple, build: Callable[[], Any]) -> Any:
    """The value cached under ``parts``, built once per key (and per process with the default cache)."""
    name = "jospar:cached:" + key(*parts)
    value = cache.get(name)
    if value is None:
        value = build()
        cache.set(name, value)
    return value


def page_etag(request: HttpRequest, *parts) -> str | None:
    """The ETag of a page that is the same for the same reader as long as ``parts`` are: it covers the reader
    (user, their log-in session and CSRF cookie, which the page's forms carry). None while a message waits to
    be shown once: that page is not the same twice."""
    if len(get_messages(request)):
        return None
    user = request.user
    reader = (user.pk, user.get_username(), user.is_staff, user.is_superuser, request.session.session_key,
              request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""))
    return f'"{key(reader, *parts)}"'


def not_modified(request: HttpRequest, etag: str | None) -> HttpResponse | None:
    """304 when the browser's copy (If-None-Match) has this ETag; None otherwise."""
    if etag is None:
        return None
    response = get_conditional_response(request, etag=etag)
    return revalidated(response, etag) if response is not None else None


def revalidated(response: HttpResponse, etag: str | None) -> HttpResponse:
    """Mark a response: kept by the browser only (private) and asked for again every time (no-cache)."""
    if etag is not None:
        response["ETag"] = etag
        patch_cache_control(response, private=True, no_cache=True)
    return response
