"""The HAProxy configuration of `make loadtest`: one loopback front, the app servers behind it.

Health checks probe /healthz every second with a Host that is in ALLOWED_HOSTS; two failures take a server
out, two successes bring it back; a refused or broken connection takes it out at once, without waiting for
the next check. A request that could not reach a server, or got no answer from it, is sent again to the
other one (`retries` with `redispatch`) — GET and HEAD only: a POST is never repeated.
Each server takes at most as many requests as it has workers; the rest wait in HAProxy's queue.
"""
import os

BALANCER = "127.0.0.1:8180"
SERVERS = ("127.0.0.1:8181", "127.0.0.1:8182")


def render(listen: str, servers: tuple[str, ...], workers: int, host: str = "127.0.0.1") -> str:
    lines = [
        "global",
        "    maxconn 4096",
        "defaults",
        "    mode http",
        "    timeout connect 2s",
        "    timeout client 60s",
        "    timeout server 60s",
        "    timeout queue 30s",
        "    retries 3",
        "    option redispatch 1",
        "    retry-on conn-failure empty-response junk-response response-timeout",
        "    option forwardfor",
        "frontend jospar",
        f"    bind {listen}",
        "    default_backend app",
        "backend app",
        "    balance leastconn",
        "    http-request disable-l7-retry unless METH_GET or METH_HEAD",
        "    option httpchk",
        f"    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host {host}",
        "    http-check expect status 200",
        f"    default-server inter 1s fall 2 rise 2 maxconn {workers} observe layer4 error-limit 1 on-error mark-down",
    ]
    lines += [f"    server app{n} {address} check" for n, address in enumerate(servers, 1)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(BALANCER, SERVERS, int(os.environ.get("LOADTEST_WORKERS", "2"))), end="")
