"""htmx requests at the session's edges: the whole page goes to the login (and back), a 403 reloads it."""
import pytest
from django.test import Client

from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
PAGE = "http://testserver/plans/2027/?sort=anchor"


def test_htmx_request_without_session_sends_the_page_to_the_login(client):
    response = client.get("/plans/2027/draft/body/", HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=PAGE)
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/accounts/login/?next=/plans/2027/%3Fsort%3Danchor"


def test_plain_request_without_session_is_redirected_as_before(client):
    response = client.get("/plans/")
    assert response.status_code == 302 and "HX-Redirect" not in response


def test_htmx_refusal_reloads_the_page(client):
    client.force_login(MembershipFactory(role="viewer").user)
    response = client.get("/development-plans/", HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=PAGE)
    assert response.status_code == 403 and response["HX-Refresh"] == "true"


def test_htmx_post_with_a_stale_token_and_no_session_goes_to_the_login():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/plans/2027/draft/body/", HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=PAGE)
    assert response.status_code == 403
    assert response["HX-Redirect"].startswith("/accounts/login/?next=/plans/2027/")
