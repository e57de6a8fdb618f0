"""The shared foundation of API v1 (issue 16): who is calling (personal tokens, OAuth2 client credentials, a
session), the 401 challenge, ETag/304, If-Match/412, Idempotency-Key, 429 with Retry-After, pagination, and
the daily cleanup of kept answers."""
import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from jospar.api import tokens
from jospar.api.models import IdempotentAnswer
from jospar.orgs.models import Role
from tests.factories import StateBodyFactory, member

from . import urls_foundation as views

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.urls_foundation")]


@pytest.fixture(autouse=True)
def fresh_state():
    views.THING.update(name="first", version=1)
    views.DONE.clear()


@pytest.fixture
def user(db):
    return member(StateBodyFactory(), Role.VIEWER)


@pytest.fixture
def token(user):
    return tokens.issue(user=user, name="test")[1]


def bearer(raw: str, **extra) -> APIClient:
    return APIClient(HTTP_AUTHORIZATION=f"Bearer {raw}", **extra)


# --- who is calling -------------------------------------------------------------------------------------------

def test_anonymous_gets_401_with_a_bearer_challenge():
    response = APIClient().get("/t/thing/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="jospar"'
    assert response.json()["code"] == "not_authenticated"


def test_a_personal_token_acts_as_its_user(token):
    response = bearer(token).get("/t/thing/")
    assert response.status_code == 200 and response.json() == {"name": "first", "version": 1}


@pytest.mark.parametrize("raw", ["jsp_not-a-token", "somethingelse", "jsp_a b"])
def test_an_unknown_token_is_refused_with_401(raw, token):
    response = APIClient(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/t/thing/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_is_refused(user, token):
    kept = user.api_tokens.get()
    tokens.revoke(user=user, token_id=kept.pk)
    assert bearer(token).get("/t/thing/").status_code == 401


def test_an_expired_token_is_refused_the_day_after_its_last(user):
    today = timezone.localdate()
    kept, raw = tokens.issue(user=user, name="short", expires_on=today)
    assert bearer(raw).get("/t/thing/").status_code == 200  # valid until the end of its last day
    type(kept).objects.filter(pk=kept.pk).update(expires_on=today - datetime.timedelta(days=1))
    assert bearer(raw).get("/t/thing/").status_code == 401


def test_a_token_of_an_inactive_user_is_refused(user, token):
    user.is_active = False
    user.save()
    assert bearer(token).get("/t/thing/").status_code == 401


def test_only_the_hash_is_kept(user, token):
    kept = user.api_tokens.get()
    assert token not in (kept.digest, kept.prefix) and kept.prefix == token[:12]
    assert not any(token in str(value) for value in kept.history.values_list(flat=False))


# --- conditional requests -------------------------------------------------------------------------------------

def test_a_read_carries_an_etag_and_a_matching_if_none_match_gets_304(token):
    client = bearer(token)
    first = client.get("/t/thing/")
    tag = first["ETag"]
    again = client.get("/t/thing/", HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == tag
    assert "Accept-Language" in first["Vary"] and "Authorization" in first["Vary"]
    views.THING["name"] = "changed"
    assert client.get("/t/thing/", HTTP_IF_NONE_MATCH=tag).status_code == 200


def test_if_match_of_a_stale_read_is_refused_with_412_and_nothing_changes(user, token):
    client = bearer(token)
    tag = client.get("/t/thing/")["ETag"]
    assert client.patch("/t/thing/", {"name": "second"}, format="json", HTTP_IF_MATCH=tag).status_code == 200
    response = client.patch("/t/thing/", {"name": "third"}, format="json", HTTP_IF_MATCH=tag)
    assert response.status_code == 412 and response.json()["code"] == "precondition_failed"
    assert views.THING == {"name": "second", "version": 2}
    assert client.patch("/t/thing/", {"name": "any"}, format="json", HTTP_IF_MATCH="*").status_code == 200


def test_if_match_follows_the_language_of_the_read(token):
    client = bearer(token)
    tag = client.get("/t/thing/", HTTP_ACCEPT_LANGUAGE="kk")["ETag"]
    response = client.patch("/t/thing/", {"name": "x"}, format="json", HTTP_IF_MATCH=f'W/{tag}')
    assert response.status_code == 200


# --- idempotency ----------------------------------------------------------------------------------------------

def test_the_same_key_and_request_is_answered_again_without_doing_it_twice(token):
    client = bearer(token)
    first = client.post("/t/things/", {"a": 1}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = client.post("/t/things/", {"a": 1}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() == {"made": 1}
    assert again["Idempotent-Replayed"] == "true" and again["Location"] == first["Location"]
    assert len(views.DONE) == 1


def test_the_same_key_with_another_request_is_refused_with_422(token):
    client = bearer(token)
    client.post("/t/things/", {"a": 1}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    response = client.post("/t/things/", {"a": 2}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert response.status_code == 422 and response.json()["code"] == "idempotency_key_reused"
    assert len(views.DONE) == 1


def test_keys_are_each_callers_own_and_bad_keys_are_refused(user, token):
    other = tokens.issue(user=member(StateBodyFactory(), Role.VIEWER), name="other")[1]
    bearer(token).post("/t/things/", {"a": 1}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert bearer(other).post("/t/things/", {"a": 2}, format="json", HTTP_IDEMPOTENCY_KEY="k-1").status_code == 201
    assert len(views.DONE) == 2
    response = bearer(token).post("/t/things/", {"a": 1}, format="json", HTTP_IDEMPOTENCY_KEY="x" * 101)
    assert response.status_code == 400 and response.json()["code"] == "invalid_idempotency_key"


def test_without_a_key_each_post_is_done(token):
    client = bearer(token)
    client.post("/t/things/", {"a": 1}, format="json")
    client.post("/t/things/", {"a": 1}, format="json")
    assert len(views.DONE) == 2


def test_cleanup_forgets_answers_older_than_a_day(token):
    client = bearer(token)
    client.post("/t/things/", {"a": 1}, format="json", HTTP_IDEMPOTENCY_KEY="old")
    client.post("/t/things/", {"a": 1}, format="json", HTTP_IDEMPOTENCY_KEY="new")
    IdempotentAnswer.objects.filter(key="old").update(created_at=timezone.now() - datetime.timedelta(hours=25))
    call_command("cleanup", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(IdempotentAnswer.objects.values_list("key", flat=True)) == ["new"]


def test_an_answer_past_a_day_is_not_replayed_even_before_the_cleanup(token):
    client = bearer(token)
    client.post("/t/things/", {"a": 1}, format="json", HTTP_IDEMPOTENCY_KEY="k")
    IdempotentAnswer.objects.update(created_at=timezone.now() - datetime.timedelta(days=2))
    response = client.post("/t/things/", {"a": 2}, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert response.status_code == 201 and len(views.DONE) == 2


def test_cleanup_keeps_revoked_and_expired_tokens_for_the_audit(user, token):
    tokens.revoke(user=user, token_id=user.api_tokens.get().pk)
    call_command("cleanup", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert user.api_tokens.count() == 1


# --- rate limit -----------------------------------------------------------------------------------------------

@override_settings(API_RATE="3/min")
def test_over_the_rate_each_token_gets_429_with_retry_after(user, token, settings):
    from django.core.cache import cache
    cache.clear()
    client = bearer(token)
    answers = [client.get("/t/thing/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = client.get("/t/thing/")
    assert refused.json()["code"] == "throttled" and int(refused["Retry-After"]) > 0
    other = tokens.issue(user=user, name="second")[1]  # another token of the same user has its own budget
    assert bearer(other).get("/t/thing/").status_code == 200
    cache.clear()


# --- pagination -----------------------------------------------------------------------------------------------

def test_lists_come_in_pages(token):
    client = bearer(token)
    first = client.get("/t/items/").json()
    assert first["count"] == 250 and len(first["results"]) == 100 and first["previous"] is None
    assert first["next"].endswith("/t/items/?page=2")
    last = client.get("/t/items/", {"page": 3}).json()
    assert [row["n"] for row in last["results"]] == list(range(201, 251)) and last["next"] is None
    assert len(client.get("/t/items/", {"page_size": 500}).json()["results"]) == 250
    for params in ({"page_size": 501}, {"page_size": 0}, {"page_size": "ten"}, {"page": ""}, {"page": "last"}):
        refused = client.get("/t/items/", params)  # never silently the default
        assert (refused.status_code, list(refused.json()["fields"])) == (400, list(params)), params
    assert client.get("/t/items/", {"page": 9}).status_code == 404


def test_a_session_write_needs_the_csrf_header(user):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.get("/t/thing/").status_code == 200
    response = client.patch("/t/thing/", {"name": "x"}, format="json")
    assert response.status_code == 403 and response.json()["code"] == "csrf_failed"


def test_the_api_root_lists_resources_for_a_token(token):
    response = bearer(token).get(reverse("api:root"))
    assert response.status_code == 200 and response.json()["version"] == "1"
