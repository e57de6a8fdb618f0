"""Issue 19.1: axe-core (WCAG 2.1 A and AA rules) over every page each demo role reaches — the planner, a unit
head and the executive, up to 40 views each, in Kazakh and Russian — and over the htmx states: an open
in-place editor, a validation error, the confirmation dialog. Any critical or serious finding fails the test
(rule, impact, page, target); the moderate and minor ones are printed with the counts by impact.

One demo load and one browser a role (the three roles are three tests, run side by side): the pages are
found by following the main navigation and the links of the pages it leads to (breadth first, at most
``PER_NAME`` pages of one URL name, files and the API left out), and the same pages are then checked in both
languages.

``JOSPAR_AXE_REPORT=<file.json>`` also writes every finding to a file a role (``<file>-<login>.json``, used
for the counts in the README).
"""
from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import pytest
import time_machine
from axe_playwright_python.sync_playwright import Axe
from django.urls import Resolver404, resolve
from playwright.sync_api import Page, expect

from jospar.demo.loader import PASSWORD, DemoLoader
from jospar.orgs.models import Membership, Person

pytestmark = pytest.mark.django_db(transaction=True)

ROLES = {"planner": "planner", "unit head": "head1", "executive": "executive"}
LANGS = ("kk", "ru")
MAX_VIEWS = 40  # per role and language
PER_NAME = 2  # pages of one URL name (e.g. two events' pages, not forty)
# WCAG 2.1 A and AA, and axe's best practices (heading order, landmarks, empty table headers: moderate or minor)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING = ("critical", "serious")
IMPACTS = ("critical", "serious", "moderate", "minor")
# Not pages: files (Form 1/2, workbooks, attachments, stored documents), the API and its docs, the Django admin,
# the sign-out and the language switch (both POST), the OAuth endpoints.
SKIP = re.compile(r"\.(xlsx|docx|pdf|csv|json|cms|pem)$|/file$|^/(api|admin|o|static|media|i18n)/|^/accounts/logout")
SKIP_NAMES = {"monitoring:download", "national:export", "national:document", "notifications:open",
              "signatures:content", "signatures:cms", "signatures:root"}
# axe-core is put in every document of the context before the page's own scripts (an init script, like
# Playwright's own, is not subject to the page's Content-Security-Policy), then run on the page as it is.
AXE_SCRIPT = Axe().axe_script
OPTIONS = json.dumps({"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
RUN = f"axe.run(document, {OPTIONS}).then(r => r.violations)"


@dataclass
class Finding:
    rule: str
    impact: str
    page: str
    targets: list[str]
    help: str

    def line(self) -> str:
        return f"{self.impact:8} {self.rule:28} {self.page}  {' | '.join(self.targets[:3])}"


@dataclass
class Walk:
    findings: list[Finding] = field(default_factory=list)
    views: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def check(self, page: Page, name: str) -> None:
        t = time.monotonic()
        violations = page.evaluate(RUN)
        self.seconds[name] = time.monotonic() - t
        self.views += 1
        for v in violations:
            for node in v["nodes"]:
                self.findings.append(Finding(v["id"], node.get("impact") or v["impact"] or "minor", name,
                                             [str(t) for t in node["target"]], v["help"]))


@pytest.fixture
def demo(transactional_db):
    DemoLoader(date(2026, 11, 25), log=lambda msg: None, sign=True).load()  # the signatures' pages too


def log_in(page: Page, live_url, username: str) -> None:
    page.goto(live_url("/accounts/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(live_url("/"))


def speak(username: str, lang: str) -> None:
    """The interface language the person chose (the middleware applies it on every request)."""
    Person.objects.filter(user__username=username).update(language=lang)


def links(page: Page, scope: str = "") -> list[str]:
    hrefs = page.locator(f"{scope} a[href]:not([download])".strip()).evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/") or SKIP.search(parts.path):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def url_name(path: str) -> str | None:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return match.view_name


def discover(page: Page, live_url, check: Callable[[str], None]) -> list[str]:
    """The pages the signed-in person reaches: the main navigation first, then the links of those pages; each
    one is checked as it is found."""
    queue, seen, per_name, found = ["/"], {"/"}, Counter[str](), []
    while queue and len(found) < MAX_VIEWS:
        path = queue.pop(0)
        name = url_name(path)
        if name is None or name in SKIP_NAMES or per_name[name] >= PER_NAME:
            continue
        response = page.goto(live_url(path))
        if response is None or response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
            continue
        per_name[name] += 1
        found.append(path)
        check(path)
        for href in links(page, "nav.mainnav") + links(page):
            if href not in seen:
                seen.add(href)
                queue.append(href)
    return found


def visit(page: Page, live_url, path: str) -> None:
    page.goto(live_url(path))
    page.wait_for_load_state("load")


def open_editor(page: Page) -> None:
    page.locator("tr.event button.icon[hx-get$='/edit/']").first.click()
    page.wait_for_selector("#edit-row")


def editor_error(page: Page) -> None:
    open_editor(page)
    for name in ("name_kk", "name_ru"):  # an event needs a name in one language at least
        page.locator(f"#edit-row [name={name}]").fill("")
    page.locator("#edit-row button.primary").click()
    expect(page.locator("#edit-row .error, #edit-row .errorlist").first).to_be_visible()


def confirm_delete(page: Page) -> None:
    page.locator("tr.event button.danger[hx-confirm]").first.click()
    page.locator("dialog#confirm-dialog[open]").wait_for()


def entry_error(page: Page) -> None:
    item = page.locator("form.entry").first
    item.locator("select[name=status]").select_option("not_executed")
    for box in item.locator("textarea[name^=reasons]").all():
        box.fill("")
    item.locator("button[type=submit]").click()
    expect(page.locator("li.item .error").first).to_be_visible()


def htmx_states(username: str) -> dict[str, tuple[str, Callable[[Page], None]]]:
    """Named states reached by a click on a page: (path, what to do)."""
    if username == "planner":
        return {"plan editor": ("/plans/2027/", open_editor), "plan editor error": ("/plans/2027/", editor_error),
                "plan delete confirm": ("/plans/2027/", confirm_delete)}
    if username == "head1":
        unit = Membership.objects.filter(user__username=username).values_list("unit_id", flat=True).first()
        worklist = f"/monitoring/2026/4/units/{unit}/"
        return {"work list error": (worklist, entry_error)}
    return {}


def summary(walk: Walk) -> str:
    by_impact = Counter(f.impact for f in walk.findings)
    by_rule = Counter((f.impact, f.rule) for f in walk.findings)
    lines = [f"axe-core over {walk.views} views: " + ", ".join(f"{i} {by_impact[i]}" for i in IMPACTS)]
    lines += [f"  {impact:8} {rule:28} {n}" for (impact, rule), n in sorted(by_rule.items(), key=lambda x: -x[1])]
    return "\n".join(lines)


@pytest.mark.once  # the pages' markup, whatever the database: the SQLite pass only
@pytest.mark.parametrize("role", list(ROLES))  # one test a role: xdist runs them side by side
def test_every_page_each_demo_role_reaches_has_no_serious_axe_finding(new_context, live_url, demo, role):
    username = ROLES[role]
    walk = Walk()
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=True):
        context = new_context()
        context.add_init_script(AXE_SCRIPT)
        page = context.new_page()
        speak(username, LANGS[0])
        log_in(page, live_url, username)
        pages: list[str] = []
        for lang in LANGS:
            speak(username, lang)
            if not pages:
                pages = discover(page, live_url, lambda path: walk.check(page, f"{lang} {role} {path}"))
                assert len(pages) >= 8, f"{role} reaches only {pages}"
            else:
                for path in pages:
                    visit(page, live_url, path)
                    walk.check(page, f"{lang} {role} {path}")
            for state, (path, act) in htmx_states(username).items():
                visit(page, live_url, path)
                act(page)
                walk.check(page, f"{lang} {role} {path} [{state}]")
        page.context.close()
    report = os.environ.get("JOSPAR_AXE_REPORT")
    if report:
        with open(report.replace(".json", f"-{username}.json"), "w", encoding="utf-8") as out:
            json.dump([f.__dict__ for f in walk.findings], out, ensure_ascii=False, indent=1)
    print("\n" + summary(walk))
    slowest = sorted(walk.seconds.items(), key=lambda x: -x[1])[:3]
    print(f"axe-core ran {sum(walk.seconds.values()):.0f} s; slowest: "
          + ", ".join(f"{name} {sec:.1f} s" for name, sec in slowest))
    rest = [f for f in walk.findings if f.impact not in FAILING]
    if rest:
        print("moderate and minor findings:\n" + "\n".join(f.line() for f in rest))
    failing = [f for f in walk.findings if f.impact in FAILING]
    assert not failing, f"{len(failing)} critical or serious axe-core findings:\n" + "\n".join(
        f.line() for f in failing[:60])
