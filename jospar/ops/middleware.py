"""Every request gets an id: the proxy's `X-Request-ID` when it is sane, else a new one. The id is
in every log line written while the request runs (errors included), in the access log line, and in
the response's `X-Request-ID` header, so a user's complaint, nginx's log and ours meet."""
import logging
import re
import sys
import time
import uuid

from .logs import request_id

access_log = logging.getLogger("jospar.access")
SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def incoming_id(request) -> str:
    given = request.headers.get("X-Request-ID", "")
    return given if SANE_ID.match(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = incoming_id(request)
        token = request_id.set(rid)
        request.request_id = rid
        if "sentry_sdk" in sys.modules:
            sys.modules["sentry_sdk"].set_tag("request_id", rid)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = rid
            user = getattr(request, "user", None)
            access_log.info(
                "%s %s %s", request.method, request.path, response.status_code,
                extra={
                    "method": request.method, "path": request.path, "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                    "remote_addr": request.META.get("REMOTE_ADDR", ""),
                },
            )
            return response
        finally:
            request_id.reset(token)
