"""Read-only pages read from the PostgreSQL replica (`DATABASE_REPLICA_URL`); everything else uses the primary.

A view marks itself with `@replica_reads`; for a GET or HEAD of such a view (and only for that request)
`ReplicaReadsMiddleware` lets `ReplicaRouter` send reads to the replica. Writes always go to the primary,
and after the first write of a request its later reads do too. A user whose unsafe request
(POST, PUT, PATCH, DELETE) succeeded gets a signed cookie that keeps their reads on the primary for
`REPLICA_STICKY_SECONDS`, so they see what they have just done (read-your-writes). When the replica
does not answer, the page is served from the primary and the replica is left alone for
`BACKOFF_SECONDS` (logged once per back-off).
"""
import contextlib
import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from .health import REPLICA_ALIAS

log = logging.getLogger("jospar.ops.router")

ROUTER = f"{__name__}.ReplicaRouter"
BACKOFF_SECONDS = 30
STICKY_COOKIE = "jospar_primary"
STICKY_SALT = "jospar.ops.router.sticky"
SAFE_METHODS = ("GET", "HEAD")

_replica_reads: ContextVar[bool] = ContextVar("replica_reads", default=False)
_replica_down_until = 0.0  # time.monotonic() before which the replica is not tried


def replica_reads(view):
    """Mark a view whose GET only reads: its reads may come from the replica."""
    view.replica_reads = True
    return view


def read_from_primary() -> bool:
    """The rest of this request reads from the primary; True when it was reading from the replica."""
    was = _replica_reads.get()
    if was:
        _replica_reads.set(False)
    return was


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA_ALIAS if _replica_reads.get() else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        read_from_primary()  # a request that writes reads its own writes
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return False if db == REPLICA_ALIAS else None  # a streaming replica follows the primary's schema


def replica_configured() -> bool:
    """settings.py installs the router exactly when DATABASE_REPLICA_URL gives the replica alias."""
    return ROUTER in settings.DATABASE_ROUTERS


def replica_backing_off() -> bool:
    return time.monotonic() < _replica_down_until


def replica_failed(exc: Exception) -> None:
    global _replica_down_until
    if not replica_backing_off():
        log.warning("replica unreachable (%s): reads go to the primary for %s s", exc.__class__.__name__,
                    BACKOFF_SECONDS)
    _replica_down_until = time.monotonic() + BACKOFF_SECONDS
    with contextlib.suppress(DatabaseError):
        connections[REPLICA_ALIAS].close()


def sticky(request) -> bool:
    return request.get_signed_cookie(STICKY_COOKIE, default=None, salt=STICKY_SALT,
                                     max_age=settings.REPLICA_STICKY_SECONDS) is not None


class ReplicaReadsMiddleware:
    """Put last in MIDDLEWARE: it decides once the view is known, and retries on the primary first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _replica_reads.set(False)
        try:
            response = self.get_response(request)
        finally:
            _replica_reads.reset(token)
        if request.method not in SAFE_METHODS and response.status_code < 400 and replica_configured():
            seconds = settings.REPLICA_STICKY_SECONDS
            response.set_signed_cookie(STICKY_COOKIE, "1", salt=STICKY_SALT, max_age=seconds, httponly=True,
                                       samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (getattr(view_func, "replica_reads", False) and request.method in SAFE_METHODS and replica_configured()
                and not replica_backing_off() and not sticky(request)):
            _replica_reads.set(True)
            request.replica_view = (view_func, view_args, view_kwargs)
        return None

    def process_exception(self, request, exception):
        """The replica failed this read-only request: serve it again from the primary."""
        view = getattr(request, "replica_view", None)
        if view is None or not isinstance(exception, DatabaseError) or not connections[REPLICA_ALIAS].errors_occurred:
            return None
        replica_failed(exception)
        _replica_reads.set(False)
        request.replica_view = None
        view_func, args, kwargs = view
        return view_func(request, *args, **kwargs)
