"""The balancer's configuration of `make loadtest` and the reading of the restore drill's answer."""
import pytest

from loadtest.drill import mismatches
from loadtest.haproxy import render

pytestmark = pytest.mark.once


def test_haproxy_checks_healthz_with_an_allowed_host_and_retries_only_safe_requests_elsewhere():
    config = render("127.0.0.1:8180", ("127.0.0.1:8181", "127.0.0.1:8182"), workers=2)
    lines = [line.strip() for line in config.splitlines()]
    assert "bind 127.0.0.1:8180" in lines
    assert "http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host 127.0.0.1" in lines
    assert "default-server inter 1s fall 2 rise 2 maxconn 2 observe layer4 error-limit 1 on-error mark-down" in lines
    assert "server app1 127.0.0.1:8181 check" in lines and "server app2 127.0.0.1:8182 check" in lines
    assert "option redispatch 1" in lines
    assert "http-request disable-l7-retry unless METH_GET or METH_HEAD" in lines
    assert all(not line.startswith("bind") or line.startswith("bind 127.0.0.1:") for line in lines)


def test_drill_mismatches():
    assert mismatches(0, "restore drill OK: every table and file of x.tar restored identically") == 0
    output = "table a: 3 != 4\ntable b: 1 != 0\nCommandError: restore drill FAILED: 2 mismatch(es) restoring x.tar"
    assert mismatches(1, output) == 2
    with pytest.raises(ValueError, match="did not run"):
        mismatches(1, "CommandError: no backup archive in /tmp/x")
