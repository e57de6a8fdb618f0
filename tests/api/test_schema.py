"""Point 14: the OpenAPI schema states what each operation really takes and gives, and
schemathesis, run in the suite against the app with a bounded number of examples, finds no 5xx
and no answer the schema does not allow (as a planner and as a unit staff member)."""
import secrets
from contextlib import contextmanager

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from jospar.planning.models import EventRevision

from .calls import client_for

pytestmark = pytest.mark.django_db

# we sign in ourselves; an invalid request may also be refused as too large (413) or as a stale write (412)
CONFIG = {"generation": {"with-security-parameters": False},
          "checks": {"negative_data_rejection": {"expected-statuses": [
              "400", "401", "403", "404", "405", "406", "409", "412", "413", "415", "422", "428", "429"]}}}
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          negative_data_rejection]


def served_schema(user) -> dict:
    response = client_for(user).get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_schema_states_the_patch_body_and_its_answer(api_plan):
    schema = served_schema(api_plan["planner"])
    components, paths = schema["components"]["schemas"], schema["paths"]
    patch = paths["/api/v1/plans/{year}/events/{revision_id}/"]["patch"]
    body = patch["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert components[body]["required"] == ["lock_version"]
    assert patch["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Event")
    assert "lock_version" in components["Event"]["required"]
    assert set(patch["responses"]) == {"200", "400", "401", "403", "404", "406", "409", "412", "413", "415", "429",
                                      "500"}
    assert sorted(components["Error"]["required"]) == ["code", "fields", "message"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            error = operation["responses"]["403"]["content"]["application/json"]["schema"]["$ref"]
            assert error.endswith("/Error"), (method, path)


@contextmanager
def wsgi_in_test_transaction():
    """Django's own test client keeps the test's transaction open across requests the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def session_of(user) -> tuple[dict, dict]:
    """Cookies and headers of a signed-in browser session (with its CSRF token)."""
    client = Client()
    client.force_login(user)
    token = secrets.token_hex(16)
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": token}, {"X-CSRFToken": token}


def fuzz(operation, app, cookies, headers, known):
    """25 cases of one operation, valid and invalid, most of them on objects that exist."""
    modes = st.sampled_from([GenerationMode.POSITIVE, GenerationMode.NEGATIVE])

    @settings(max_examples=25, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data):
        case = data.draw(operation.as_strategy(generation_mode=data.draw(modes)))
        if case.path_parameters and data.draw(st.integers(0, 3)):  # mostly objects that exist
            for name in case.path_parameters:
                case.path_parameters[name] = data.draw(st.sampled_from(known[name]))
        if isinstance(case.body, dict) and "lock_version" in case.body and data.draw(st.booleans()):
            # a change the page would take: a few fields, and the lock_version the event has
            current = EventRevision.objects.filter(pk=case.path_parameters.get("revision_id")).first()
            keep = [name for name in case.body if data.draw(st.booleans())]
            case.body = {name: case.body[name] for name in keep if name != "lock_version"}
            case.body["lock_version"] = current.lock_version if current else 1
        response = case.call(app=app, cookies=cookies, headers=headers)
        case.validate_response(response, checks=CHECKS)

    run()


@pytest.mark.parametrize("who", ["planner", "staff"])
def test_schemathesis_finds_no_server_error_and_no_schema_violation(api_plan, who):
    config = schemathesis.Config.from_dict(CONFIG)
    schema = schemathesis.openapi.from_dict(served_schema(api_plan[who]), config=config)
    revisions = list(api_plan["version"].revisions.values_list("pk", flat=True))
    known = {"year": [2026], "number": [1], "revision_id": revisions}
    known |= {"quarter": [1, 2, 3, 4], "entry_id": [1]}  # reports: the draft plan's periods are not opened yet
    body = api_plan["version"].plan.body  # reference data: the body, its units, its development plan
    known.update(code=[body.code], unit_id=list(body.units.values_list("pk", flat=True)),
                 id=[api_plan["version"].plan.development_plan_id])  # the schema names a pk "id"
    cookies, headers = session_of(api_plan[who])
    with wsgi_in_test_transaction() as app:
        for operation in schema.get_all_operations():
            fuzz(operation.ok(), app, cookies, headers, known)


def test_the_schema_generates_without_a_warning(tmp_path):
    """No two components or code sets share a name (a client generator would merge them)."""
    from django.core.management import call_command

    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(tmp_path / "schema.yaml"))
