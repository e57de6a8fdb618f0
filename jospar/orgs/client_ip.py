"""The address a sign-in attempt came from, as django-axes records it (settings.AXES_CLIENT_IP_CALLABLE).

Behind reverse proxies REMOTE_ADDR is the nearest proxy's, the same for the whole body. Each proxy appends
the address it was reached from to X-Forwarded-For, so with TRUSTED_PROXY_COUNT = n (the number of proxies
in front of the app, each appending) the client is the n-th entry from the right; entries further left are
whatever the client sent and are never trusted. With 0 (the default: the app is reached directly) the
header is ignored. The address is only recorded with each attempt: lock-outs fall on accounts, not on
addresses (settings.AXES_LOCKOUT_PARAMETERS).
"""
import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= count:
            try:
                return str(ipaddress.ip_address(hops[-count]))
            except ValueError:
                pass
    return remote
