"""Point 11: malformed, deeply nested or oversized JSON is refused with 400/413 and a message,
never a 500, and nothing changes."""
import json

import pytest
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from rest_framework.request import Request

from jospar.api.errors import exception_handler
from jospar.planning.models import EventRevision

from .calls import client_for, patch_raw

pytestmark = pytest.mark.django_db


def refused(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert set(body) == {"code", "message", "fields"} and body["code"] == code and body["message"]
    return body


def unchanged(revision) -> bool:
    return EventRevision.objects.get(pk=revision.pk).lock_version == revision.lock_version


@pytest.mark.parametrize("depth", [20, 5_000, 30_000])
def test_deeply_nested_json_is_refused(api_plan, revision, depth):
    body = f'{{"lock_version": {revision.lock_version}, "name_ru": {"[" * depth + "]" * depth}}}'
    response = patch_raw(client_for(api_plan["planner"], "en"), revision, body.encode())
    assert "nested deeper than 8 levels" in refused(response, 400, "too_deep")["message"]
    assert unchanged(revision)


@pytest.mark.parametrize("body", [
    b'{"lock_version": 1, "name_ru": ',  # cut short
    b"{'lock_version': 1}",  # not JSON quotes
    b'{"lock_version": NaN}',  # not a JSON number
    b'{"name_ru": "\xff\xfe"}',  # not UTF-8
    b"",
])
def test_malformed_json_is_refused(api_plan, revision, body):
    response = patch_raw(client_for(api_plan["planner"], "ru"), revision, body)
    if body:
        assert refused(response, 400, "malformed_json")["message"] == "Тело запроса не является корректным JSON."
    else:  # an empty body is an empty object: lock_version is missing
        assert "lock_version" in refused(response, 400, "invalid")["fields"]
    assert unchanged(revision)


def test_oversized_body_is_refused_before_reading(api_plan, revision):
    body = json.dumps({"lock_version": revision.lock_version, "name_ru": "я" * 40_000}).encode()
    response = patch_raw(client_for(api_plan["planner"], "kk"), revision, body)
    assert "64" in refused(response, 413, "too_large")["message"]
    assert unchanged(revision)


@pytest.mark.parametrize("body", [b"[1, 2]", b'"text"', b"42"])
def test_json_that_is_not_an_object_is_refused(api_plan, revision, body):
    refused(patch_raw(client_for(api_plan["planner"]), revision, body), 400, "invalid")
    assert unchanged(revision)


def test_bodies_other_than_json_are_refused(api_plan, revision):
    response = patch_raw(client_for(api_plan["planner"]), revision, b"lock_version=1&name_ru=x",
                         "application/x-www-form-urlencoded")
    refused(response, 415, "unsupported_media_type")
    assert unchanged(revision)


@pytest.mark.parametrize("field,value", [
    ("lock_version", "1"), ("lock_version", True), ("name_ru", 5), ("name_ru", None), ("no_funding", "yes"),
    ("deadline_month", "5"), ("deadline_date", "20260105"), ("co_executors", [True]),
])
def test_values_of_the_wrong_type_are_refused(api_plan, revision, field, value):
    body = {"lock_version": revision.lock_version, field: value}
    response = patch_raw(client_for(api_plan["planner"]), revision, json.dumps(body).encode())
    fields = refused(response, 400, "invalid")["fields"]
    assert [name.split(".")[0] for name in fields] == [field]
    assert unchanged(revision)



@pytest.mark.parametrize("exc,status,code", [(RequestDataTooBig(), 413, "too_large"),
                                             (TooManyFieldsSent(), 400, "parse_error")])
def test_djangos_own_refusals_of_a_body_keep_their_status_in_the_error_body(exc, status, code, rf):
    request = Request(rf.post("/api/plans/"))
    response = exception_handler(exc, {"request": request})
    assert (response.status_code, response.data["code"], response.data["fields"]) == (status, code, {})
