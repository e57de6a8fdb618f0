#!/usr/bin/env python3
"""An outside system's side of the Jospar API, with nothing but Python's standard library: the walk of a
document-flow or budget system that reports a unit's quarter through Jospar.

    python3 scripts/api_integration.py --base https://jospar.example.kz --unit a-fin \\
        --unit-token jsp_… --planner-token jsp_… --year 2026 --quarter 1

1. reads the API's root, the year's plan and its approved version, the unit and its events;
2. reads the unit's work list for the quarter and writes an entry for every occurrence it leads (POST with an
   Idempotency-Key; each POST is sent twice, as a retry would be, and must be answered from the first);
3. submits the unit's information as its head (the unit token must be the head's);
4. reads the quarter's Form 2 as the planner and checks that the unit's texts are there, in kk and in ru.

Prints a line per step; exits 1 with the API's error body on any answer it did not expect.
"""
import argparse
import json
import sys
import urllib.error
import urllib.request

ACTUAL = {"kk": "Жоспар бойынша орындалды (жүйе арқылы)", "ru": "Исполнено по плану (через систему)"}


class Unexpected(Exception):
    pass


class Api:
    def __init__(self, base: str, token: str, lang: str = "ru"):
        if not base.startswith(("http://", "https://")):
            raise Unexpected(f"{base}: the base address must be http:// or https://")
        self.base, self.token, self.lang = base.rstrip("/"), token, lang

    def call(self, method: str, path: str, body=None, *, key: str | None = None, expect=(200,)):
        url = path if path.startswith("http") else self.base + path
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json",
                   "Accept-Language": self.lang}
        data = None
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        if key:
            headers["Idempotency-Key"] = key
        request = urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310 (http(s) only)
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 (http(s) only)
                status, replayed, raw = answer.status, answer.headers.get("Idempotent-Replayed"), answer.read()
        except urllib.error.HTTPError as error:
            status, replayed, raw = error.code, None, error.read()
        payload = json.loads(raw) if raw else None
        if status not in expect:
            raise Unexpected(f"{method} {url}: {status} {json.dumps(payload, ensure_ascii=False)}")
        return status, payload, replayed == "true"

    def get(self, path: str, **params):
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return self.call("GET", path + (f"?{query}" if query else ""))[1]


def integrate(base: str, unit_code: str, unit_token: str, planner_token: str, year: int, quarter: int,
              say=print) -> dict:
    unit_api, planner_api = Api(base, unit_token), Api(base, planner_token)
    root = unit_api.get("/api/")  # redirected to the version's root
    say(f"root: version {root['version']}, resources {', '.join(sorted(root['resources']))}")
    plan = unit_api.get(f"/api/v1/plans/{year}/")
    number = plan["version_in_force"]
    if number is None:
        raise Unexpected(f"the {year} plan has no approved version")
    unit = next((u for u in unit_api.get("/api/v1/units/", page_size=500)["results"] if u["code"] == unit_code), None)
    if unit is None:
        raise Unexpected(f"no unit {unit_code} in the body")
    events = unit_api.get(f"/api/v1/plans/{year}/versions/{number}/events/", unit=unit_code, page_size=500)
    say(f"plan {year}: version {number} in force; unit {unit_code}: {events['count']} events")

    work = unit_api.get(f"/api/v1/periods/{year}/{quarter}/units/{unit['id']}/work/")
    written = []
    for item in work["items"]:
        body = {"event_id": item["event_id"], "occurrence": item["occurrence"], "status": "executed",
                "actual_kk": ACTUAL["kk"], "actual_ru": ACTUAL["ru"]}
        key = f"{year}-{quarter}-{item['event_id']}-{item['occurrence']}"
        status, entry, _ = unit_api.call("POST", f"/api/v1/periods/{year}/{quarter}/entries/", body, key=key,
                                         expect=(200, 201))
        again, same, replayed = unit_api.call("POST", f"/api/v1/periods/{year}/{quarter}/entries/", body, key=key,
                                              expect=(200, 201))
        if not replayed or same["id"] != entry["id"] or again != status:
            raise Unexpected(f"the retry of {key} was not answered from the first POST")
        written.append(entry["id"])
    say(f"quarter {quarter}: {len(written)} entries written (each retried once, answered from the first)")

    _status, submission, _ = unit_api.call("POST", f"/api/v1/periods/{year}/{quarter}/submissions/",
                                           {"unit": unit["id"], "attest": True}, key=f"{year}-{quarter}-{unit_code}",
                                           expect=(200, 201))
    say(f"submitted on {submission['submitted_on']} (late: {submission['is_late']})")

    report = planner_api.get(f"/api/v1/periods/{year}/{quarter}/report/")
    mine = {item["event_id"] for item in work["items"]}
    rows = [row for row in report["rows"] if row["kind"] == "event" and row["event_id"] in mine]
    missing = [row["number"] for row in rows
               if row["status"] != "executed" or row["actual_kk"] != ACTUAL["kk"] or row["actual_ru"] != ACTUAL["ru"]]
    if len(rows) != len(mine) or missing:
        raise Unexpected(f"Form 2 lacks the unit's information for events {missing or sorted(mine)}")
    say(f"Form 2 ({report['status']}, version {report['version']}): the unit's {len(rows)} events are there")
    return {"entries": written, "submission": submission, "rows": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="e.g. https://jospar.example.kz")
    parser.add_argument("--unit", required=True, help="the unit's code")
    parser.add_argument("--unit-token", required=True, help="a personal token of the unit's head")
    parser.add_argument("--planner-token", required=True, help="a personal token of a planner")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4])
    args = parser.parse_args()
    try:
        integrate(args.base, args.unit, args.unit_token, args.planner_token, args.year, args.quarter)
    except Unexpected as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
