"""Issue 16, done when: schemathesis, against the schema the app serves, with a personal token of each
role of body A, finds no 5xx, no answer the schema does not allow, and no answer that A's token should
not get: nothing of body B (whose ids are drawn as often as A's), and, for a unit's people, nothing of
another unit's information that its unit has not submitted yet. Then the declared links are followed
(schemathesis's stateful run) as the planner and as a unit's staff member."""
import random

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from jospar.api.models import ApiToken, token_digest
from jospar.monitoring.models import ExecutionEntry
from tests.orgs.tenancy_world import YEAR, build_body

from .test_schema import CHECKS, CONFIG, wsgi_in_test_transaction

pytestmark = pytest.mark.django_db

ROLES = ("planner", "executive", "head_a", "staff_a", "head_b", "staff_b", "viewer", "admin")
OTHER_UNITS = ("head_b", "staff_b")
UNSUBMITTED = "НеСдано-7f3c"  # unit a's information in progress: unit b's people never read it


def token_for(user) -> str:
    raw = ApiToken.new_secret()
    ApiToken.objects.create(user=user, name="contract", prefix=raw[:12], digest=token_digest(raw))
    return raw


def known_values(*worlds) -> dict[str, list]:
    """Path values to draw from: the ids of both bodies (B's must answer 404 to A), and a few that exist nowhere."""
    out: dict[str, list] = {"year": [YEAR, YEAR + 1, 1999], "quarter": [1, 2, 4], "number": [1, 2, 7], "pk": [],
                            "unit_id": [], "entry_id": [], "revision_id": [], "event_id": [], "code": []}
    for w in worlds:
        o = w.objects
        out["pk"] += [w.devplan.pk, o["decision"].pk]
        out["unit_id"] += [u.pk for u in w.units.values()]
        out["entry_id"] += list(o["period"].entries.values_list("pk", flat=True)) + [o["entry"].pk]
        out["revision_id"] += [r.pk for r in o["events"].values()] + [o["draft_revision"].pk]
        out["event_id"] += [r.event_id for r in o["events"].values()]
        out["code"] += [w.body.code]
    return out


def unsubmitted_entry_of_unit_a(a) -> None:
    """The world's second quarter holds unit a's entry in progress: give it a text of its own."""
    entries = ExecutionEntry.objects.filter(period__plan=a.plans[YEAR], period__quarter=2, unit=a.units["a"])
    assert entries.update(actual_kk=UNSUBMITTED, actual_ru=UNSUBMITTED) == 1


def leak_check(foreign: list[str]):
    def nothing_foreign(ctx, response, case):
        text = response.content.decode("utf-8", "replace")
        for marker in foreign:
            assert marker not in text, f"{case.method} {case.formatted_path}: {marker!r} in the answer"
        return None

    return nothing_foreign


def fuzz(operation, app, headers, known, checks, examples):
    modes = st.sampled_from([GenerationMode.POSITIVE, GenerationMode.NEGATIVE])

    @settings(max_examples=examples, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data):
        case = data.draw(operation.as_strategy(generation_mode=data.draw(modes)))
        if case.path_parameters and data.draw(st.integers(0, 4)):  # mostly ids that exist, in A or in B
            for name in case.path_parameters:
                if known.get(name):
                    case.path_parameters[name] = data.draw(st.sampled_from(known[name]))
        response = case.call(app=app, headers=headers)
        case.validate_response(response, checks=checks)

    run()


def follow_links(schema, app, headers, checks, known, entry) -> None:
    """schemathesis's stateful run: chains of calls along the schema's links (a created entry read and changed,
    a plan's version in force and its events), with event ids of the world in the bodies it sends."""
    chooser = random.Random(16)  # noqa: S311 (test data)

    class Links(schema.as_state_machine()):
        def before_call(self, case):
            for name in case.path_parameters or {}:
                if name in ("year", "quarter") and chooser.random() < 0.7:
                    case.path_parameters[name] = YEAR if name == "year" else 2
            if case.method == "POST" and case.path.endswith("/entries/") and chooser.random() < 0.6:
                case.path_parameters.update(year=YEAR, quarter=2)  # unit a's yearly event, in progress
                case.body = {**entry, "actual_ru": f"{entry['actual_ru']} {chooser.randrange(100)}"}
            elif isinstance(case.body, dict) and "event_id" in case.body and chooser.random() < 0.7:
                case.body["event_id"] = chooser.choice(known["event_id"])

        def get_call_kwargs(self, case):
            return {"app": app, "headers": headers}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=checks)

    Links.run(settings=settings(max_examples=12, stateful_step_count=5, derandomize=True, database=None,
                                deadline=None, suppress_health_check=list(HealthCheck)))


def served_schema(app, headers) -> dict:
    from django.test import Client

    response = Client().get("/api/v1/schema/", {"format": "json"}, headers=headers)
    assert response.status_code == 200, response.content[:200]
    return response.json()


def test_every_role_of_body_a_gets_only_what_it_may():
    a, b = build_body("cta", "Kontrakt1"), build_body("ctb", "Kontrakt2")
    unsubmitted_entry_of_unit_a(a)
    entry = {"event_id": a.objects["events"]["a_year"].event_id, "occurrence": 1, "status": "in_progress",
             "actual_kk": UNSUBMITTED, "actual_ru": UNSUBMITTED}
    known = known_values(a, b)
    config = schemathesis.Config.from_dict(CONFIG)
    # the schemas first: Django's test client reconnects the signal that closes connections after a request
    headers_of = {role: {"Authorization": f"Bearer {token_for(a.users[role])}"} for role in ROLES}
    served = {role: served_schema(None, headers_of[role]) for role in ROLES}
    with wsgi_in_test_transaction() as app:
        for role in ROLES:
            headers = headers_of[role]
            schema = schemathesis.openapi.from_dict(served[role], config=config)
            foreign = [b.mark] + ([UNSUBMITTED] if role in OTHER_UNITS else [])
            checks = [*CHECKS, leak_check(foreign)]
            for operation in schema.get_all_operations():
                fuzz(operation.ok(), app, headers, known, checks, examples=6)
            if role in ("planner", "staff_a"):
                follow_links(schema, app, headers, checks, known, entry)
