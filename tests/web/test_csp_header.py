"""Issue 11.7: every HTML page carries a strict Content-Security-Policy (no inline script or style)."""
import pytest

from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
REQUIRED = ("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
            "form-action 'self'", "base-uri 'self'", "object-src 'none'")


def _policy(response) -> str:
    policy = response["Content-Security-Policy"]
    for directive in REQUIRED:
        assert directive in policy
    return policy


@pytest.mark.parametrize("url", ["/accounts/login/", "/no-such-page/"])
def test_anonymous_pages_carry_the_policy(client, url):
    assert "unsafe" not in _policy(client.get(url))


@pytest.mark.parametrize("url", ["/", "/plans/", "/monitoring/", "/notifications/"])
def test_app_pages_carry_the_policy_without_unsafe_inline(client, url):
    client.force_login(MembershipFactory(role="executive").user)
    assert "unsafe" not in _policy(client.get(url, follow=True))


def test_admin_may_use_style_attributes_but_no_inline_script(admin_client):
    policy = _policy(admin_client.get("/admin/"))
    assert "style-src-attr 'unsafe-inline'" in policy
    assert "script-src 'self';" in policy + ";" and "script-src-attr" not in policy


def test_htmx_is_told_not_to_inject_styles_nor_eval(client):
    html = client.get("/accounts/login/").content.decode()
    assert '"includeIndicatorStyles": false' in html and '"allowEval": false' in html
