"""Locust's journeys of every role (imported by loadtest.run only: locust is the optional `loadtest` extra).

Each simulated user logs in through the real login form (its CSRF token read from the page), then walks
its role's pages. A unit's head and staff member save an entry of their work list through its in-place form,
as htmx posts it. Request names are page kinds; `_2000` marks the pages of the 2,000-event plan.

Like a browser, a user keeps each page's `ETag` and asks again with `If-None-Match`: pages marked
`private, no-cache` (approved versions, submitted reports, stored documents) answer 304 when unchanged.
FastHttpUser (geventhttpclient) keeps the load generator's own share of the two cores small.
"""
import json
import os
import random
import re
from pathlib import Path
from urllib.parse import urlencode

from locust import FastHttpUser, between, constant, constant_throughput, task

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ENTRY_FORM = re.compile(r'<form class="entry" method="post" action="([^"]+)"')
PLAN = json.loads(Path(os.environ["LOADTEST_JOURNEYS"]).read_text())  # written by loadtest.prepare


def think(seconds: tuple[float, float] | None) -> None:
    """The pause between a user's requests for the next phase: a range of seconds, or None for none at all."""
    for user in ROLES:
        user.wait_time = between(*seconds) if seconds else constant(0)


def pace(per_second: float) -> None:
    """Each user sends at most ``per_second`` requests a second (no pause at all once answers take longer)."""
    for user in ROLES:
        user.wait_time = constant_throughput(per_second)


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class Journey(FastHttpUser):
    abstract = True
    account = ""

    def on_start(self):
        me = PLAN["accounts"][self.account]
        self.urls = me["urls"]
        self.etags: dict[str, str] = {}
        page = self.client.get("/accounts/login/", name="login")
        token = CSRF.search(page.text or "")
        form = {"username": self.account, "password": PLAN["password"],
                "csrfmiddlewaretoken": token.group(1) if token else ""}
        with self.client.post("/accounts/login/", name="login", catch_response=True, data=urlencode(form),
                              headers=FORM) as response:
            if response.status_code == 200 and 'name="password"' in (response.text or ""):
                response.failure(f"{self.account} could not log in")

    def page(self, kind: str) -> None:
        """A page as a browser asks for it again: with the ETag it was given (304 when unchanged)."""
        url = self.urls[kind]
        known = self.etags.get(url)
        response = self.client.get(url, name=kind, headers={"If-None-Match": known} if known else None)
        if response.status_code == 200 and response.headers.get("ETag"):
            self.etags[url] = response.headers["ETag"]

    def save(self, worklist: str, kind: str) -> None:
        """The work list, then one of its editable entries saved through the in-place form."""
        with self.client.get(self.urls[worklist], name=worklist, catch_response=True) as response:
            text = response.text or ""
            forms, token = ENTRY_FORM.findall(text), CSRF.search(text)
            if response.status_code == 200 and not (forms and token):
                response.failure("no editable entry on the work list")
                return
        if not (forms and token):
            return
        entry = {"csrfmiddlewaretoken": token.group(1), "status": "executed",
                 "actual_ru": "Исполнено в срок (нагрузочный тест)",
                 "actual_kk": "Мерзімінде орындалды (жүктемелік сынақ)"}
        self.client.post(random.choice(forms), name=kind, data=urlencode(entry),  # noqa: S311
                         headers={"HX-Request": "true", **FORM})


class Planner(Journey):
    weight, account = 2, "planner"
    home = task(3)(lambda self: self.page("home"))
    form1 = task(2)(lambda self: self.page("form1"))
    report = task(2)(lambda self: self.page("report"))
    docx = task(1)(lambda self: self.page("document"))


class BigPlanner(Journey):
    weight, account = 2, "load2000"
    home = task(2)(lambda self: self.page("home"))
    form1 = task(1)(lambda self: self.page("form1_2000"))
    report = task(1)(lambda self: self.page("report_2000"))


class Executive(Journey):
    weight, account = 1, "executive"
    home = task(3)(lambda self: self.page("home"))
    form1 = task(1)(lambda self: self.page("form1"))
    report = task(1)(lambda self: self.page("report"))


class Viewer(Journey):
    weight, account = 1, "viewer"
    home = task(2)(lambda self: self.page("home"))
    form1 = task(2)(lambda self: self.page("form1"))
    docx = task(1)(lambda self: self.page("document"))


class UnitHead(Journey):
    weight, account = 2, "head1"
    home = task(2)(lambda self: self.page("home"))
    worklist = task(2)(lambda self: self.page("worklist"))
    save_entry = task(1)(lambda self: self.save("worklist", "save"))


class UnitStaff(Journey):
    weight, account = 2, "staff1"
    home = task(2)(lambda self: self.page("home"))
    worklist = task(2)(lambda self: self.page("worklist"))
    save_entry = task(1)(lambda self: self.save("worklist", "save"))


class BigUnitHead(Journey):
    weight, account = 1, "load2000-head"
    home = task(1)(lambda self: self.page("home"))
    worklist = task(2)(lambda self: self.page("worklist_2000"))
    save_entry = task(1)(lambda self: self.save("worklist_2000", "save_2000"))


class National(Journey):
    weight, account = 1, "national"
    home = task(1)(lambda self: self.page("home"))
    national = task(2)(lambda self: self.page("national"))


ROLES = [Planner, BigPlanner, Executive, Viewer, UnitHead, UnitStaff, BigUnitHead, National]
