"""Bodies as tenants (issue 14.1): a user of one body never sees another body's data anywhere.

The walk visits every URL pattern of the installation (`get_resolver()`, recursively: every app, the API, the
Django admin's per-model URLs), fills every URL argument with the OTHER body's objects (its ids, the year both
bodies plan, its units, events, entries, files, reports, decisions, proposals, notifications, development-plan
nodes, admin rows and their history), and requests each address as every role of body A — planner, executive,
unit head, unit staff, viewer, body administrator (staff, with every model permission), a superuser who is a
member of body A — and as the national user (role national only, membership in a third body):

- GET: the answer (page, JSON, redirect address, or the text inside an xlsx/docx file) names nothing of body B
  (B's marker is in every text B's people typed and in every B user name); the national user sees nothing of
  body A or B on a body's pages either;
- POST (the test client does not enforce CSRF, so a POST reaches the view): nothing of body B changes (a
  fingerprint of B's rows, taken whenever the request wrote anything) and the answer names nothing of B.

Each request runs inside a savepoint rolled back afterwards, so the world is built once per module.

A new URL pattern whose arguments the walk cannot fill fails `test_every_url_pattern_is_filled` until FILL (or
the admin's OBJECT_OF) learns it, or EXEMPT says why it needs none. The superuser's Django admin is not walked:
the installation administrator sees every body there by design (tests/orgs/test_admin_scope.py).
"""
import hashlib
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern

from jospar.admin_records import BODY_PATHS
from tests.orgs.tenancy_world import YEAR, build_body

pytestmark = pytest.mark.django_db

ROLES = ("planner", "executive", "head_a", "staff_a", "viewer", "admin", "superuser")

# Patterns the walk does not request, and why (a stale entry fails the completeness test).
EXEMPT = {
    "login": "the sign-in page shows no body's data and signs nobody in without a password",
    "logout": "ends the session; it reads no body's data",
    "set_language": "stores the reader's language; no body's data",
    "healthz": "the load balancer's probe: database and disk state, no body's data",
    "api:schema": "the OpenAPI description of the API: no rows",
    "admin:login": "the admin's sign-in page",
    "admin:logout": "ends the session",
    "admin:password_change": "the user's own password",
    "admin:password_change_done": "the user's own password",
    "admin:jsi18n": "the admin's JavaScript translations",
}


@dataclass(frozen=True)
class Walked:
    key: str  # "namespace:name", or the route for an unnamed pattern
    route: str  # the whole route, with <converter:name> placeholders for RoutePattern levels
    regex: bool  # some level is a regular expression
    kwargs: tuple  # argument names to fill
    callback: object
    default_args: tuple
    positional: int = 0  # unnamed groups of a regular expression (simple-history's history form view)


def walk(resolver=None, route="", namespace="", regex=False) -> Iterator[Walked]:
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        level = str(p.pattern)
        names = list(p.pattern.converters) if isinstance(p.pattern, RoutePattern) else \
            list(p.pattern.regex.groupindex) if isinstance(p.pattern, RegexPattern) else []
        is_regex = regex or (isinstance(p.pattern, RegexPattern) and level not in ("", "^"))
        if isinstance(p, URLResolver):
            ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else (p.namespace or namespace)
            for inner in walk(p, route + level, ns, is_regex):
                yield Walked(inner.key, inner.route, inner.regex, (*names, *inner.kwargs), inner.callback,
                             inner.default_args, inner.positional)
        elif isinstance(p, URLPattern):
            key = f"{namespace}:{p.name}" if namespace and p.name else (p.name or f"{namespace}:/{route + level}")
            positional = p.pattern.regex.groups - len(names) if isinstance(p.pattern, RegexPattern) else 0
            yield Walked(key, route + level, is_regex, tuple(names), p.callback, tuple(p.default_args), positional)


def admin_model(w: Walked):
    """The ModelAdmin a Django admin pattern belongs to (Django's own wrap() marks it; simple-history's
    history form view is found by its name)."""
    model_admin = getattr(w.callback, "model_admin", None)
    if model_admin is not None:
        return model_admin
    if w.key.startswith("admin:"):
        name = w.key.split(":", 1)[1]
        for model, ma in admin.site._registry.items():
            if name.startswith(f"{model._meta.app_label}_{model._meta.model_name}_"):
                return ma
    return None


# --- the world: body A (the users), body B (the other body, same shape and the same year), body C (national)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    media = tmp_path_factory.mktemp("media")
    old_media, settings.MEDIA_ROOT = settings.MEDIA_ROOT, str(media)
    with django_db_blocker.unblock(), transaction.atomic():
        a = build_body("alfa3", "Alfa3")
        b = build_body("bravo7", "Bravo7", extra_year=YEAR + 2)  # and a year only B plans
        c = build_body("charlie5", "Charlie5", national=True)
        baseline = fingerprint(b)
        yield {"a": a, "b": b, "c": c, "baseline": baseline}
        transaction.set_rollback(True)
    settings.MEDIA_ROOT = old_media


def rows_of(model, body):
    paths = BODY_PATHS.get(model._meta.label_lower)
    if paths is None:
        return None
    from django.db.models import Q

    mine = Q()
    for path in paths:
        mine |= Q(**{"pk" if path == "pk" else f"{path}": body.pk})
    return model._base_manager.filter(mine).distinct()


def fingerprint(b) -> str:
    """Every row of body B (every model the admin scopes by body, B's users, their notifications and e-mails)."""
    from django.contrib.auth.models import User

    from jospar.notifications.models import Notification, OutboundEmail

    digest = hashlib.sha256()
    users = User.objects.filter(memberships__body=b.body)
    sets = [users.values("id", "username", "password", "is_staff", "is_superuser", "is_active", "first_name",
                         "last_name", "email"),
            Notification.objects.filter(recipient__in=users).values(),
            OutboundEmail.objects.filter(to__in=users.values("email")).values()]
    for label in sorted(BODY_PATHS):
        sets.append(rows_of(apps.get_model(label), b.body).values())
    for qs in sets:
        digest.update(repr(sorted(map(repr, qs.order_by()))).encode())
    return digest.hexdigest()


# --- how each URL argument is filled with body B's objects


def _node(b, kind):
    return b.nodes[kind]


def fill_values(w: Walked, b) -> list[dict]:
    """The argument sets to request `w` with: B's objects, in every year that matters."""
    o = b.objects
    key = w.key
    names = set(w.kwargs)
    if not names and not w.positional:
        return [{}]
    if key.startswith("admin:"):
        return admin_values(w, b)
    # A year alone is read in every year: the one both bodies plan and have approved, the one both are drafting,
    # and one only B plans. With B's ids, the year those ids belong to.
    years = [YEAR, YEAR + 1, YEAR + 2] if names == {"year"} else [YEAR]
    if key in ("planning:proposal_edit", "planning:proposal_delete", "planning:proposal_accept",
               "planning:proposal_return", "planning:proposal_unmerge"):
        years = [YEAR + 1]
    pk = {"monitoring:decision_done": o["decision"].pk, "notifications:open": _note(b).pk,
          "national:document": _stored(b).pk, "api:development_plan": b.devplan.pk}.get(
        key, b.devplan.pk if key.startswith("devplan:") else o["proposal"].pk)
    pk = _signature(b).pk if key.startswith("signatures:") else pk  # issue 17: B's signature of its approval
    if key.startswith("orgs:"):  # the administration pages: a unit, a person (their account) or a body
        pk = (b.units["a"].pk if key.startswith("orgs:unit") else b.body.pk if key.startswith("orgs:body")
              else b.users["planner"].pk)
    kinds = list(b.nodes) if "kind" in names else [None]
    out = []
    for year in years:
        for kind in kinds:
            node, parent = _node(b, kind) if kind else (None, None)
            values = {
                "year": year, "quarter": 1, "unit_id": b.units["a"].pk, "occurrence": 1,
                "event_id": o["events"]["a_march"].event_id, "entry_id": o["entry"].pk,
                "attachment_id": o["attachment"].pk, "pk": pk,
                "revision_id": (o["draft_revision"].pk if key.startswith("planning:") else
                                o["events"]["a_march"].pk),
                "number": 2 if key == "documents:import_events" else 1, "lang": "ru", "fmt": "xlsx",
                "part": f"direction-{b.nodes['direction'][0].pk}", "kind": kind,
                "node": node.pk if node else None, "parent": parent.pk if parent else b.nodes["direction"][0].pk,
                "key": _edition_key(), "code": b.body.code,
                "membership_id": b.users["planner"].memberships.values_list("pk", flat=True).first(),
            }
            missing = names - values.keys()
            if missing:
                raise LookupError(f"{key}: no filler for {sorted(missing)}")
            out.append({n: values[n] for n in w.kwargs})
    return out


def _note(b):
    from jospar.notifications.models import Notification

    return Notification.objects.filter(recipient=b.users["planner"]).order_by("pk").first()


def _signature(b):
    from jospar.signatures.models import Signature

    return Signature.objects.filter(body=b.body).order_by("pk").first()


def _stored(b):
    from jospar.documents.models import StoredDocument

    return StoredDocument.objects.filter(version__plan__body=b.body).order_by("pk").first()


def _edition_key():
    from jospar.rulebook.models import Edition

    return Edition.objects.order_by("pk").values_list("key", flat=True).first()


def admin_object(model, b):
    """Body B's row of a model the admin shows (or an installation-wide row for models of no body)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth.models import Group, User

    from jospar.notifications.models import OutboundEmail
    from jospar.rulebook.models import Edition
    from jospar.signatures.models import TrustedRoot

    qs = rows_of(model, b.body)
    if qs is not None:
        return qs.order_by("pk").first()
    other = {
        User: lambda: b.users["planner"],
        LogEntry: lambda: LogEntry.objects.filter(user=b.users["admin"]).first(),
        AccessAttempt: lambda: AccessAttempt.objects.filter(username__startswith=b.tag).first(),
        AccessLog: lambda: AccessLog.objects.filter(username__startswith=b.tag).first(),
        AccessFailureLog: lambda: AccessFailureLog.objects.filter(username__startswith=b.tag).first(),
        OutboundEmail: lambda: OutboundEmail.objects.filter(to__startswith=b.tag).first(),
        Group: lambda: Group.objects.get_or_create(name="Проверяющие")[0],
        Edition: lambda: Edition.objects.order_by("pk").first(),
        TrustedRoot: lambda: TrustedRoot.objects.get_or_create(name="Tenancy TEST root", defaults={"is_test": True})[0],
    }
    if model not in other:
        raise LookupError(f"admin: no row of body B for {model._meta.label}")
    return other[model]()


def admin_values(w: Walked, b) -> list[dict]:
    names = set(w.kwargs)
    if w.key == "admin:app_list":
        return [{"app_label": label} for label in sorted({m._meta.app_label for m in admin.site._registry})]
    if names == {"url"}:  # the admin's catch-all: any other address under /admin/
        return [{"url": "nothing-here/"}]
    if w.key == "admin:view_on_site":
        unit = b.units["a"]
        return [{"content_type_id": ContentType.objects.get_for_model(unit).pk, "object_id": str(unit.pk)}]
    model_admin = admin_model(w)
    if model_admin is None:
        raise LookupError(f"{w.key}: an admin pattern of no model")
    obj = admin_object(model_admin.model, b)
    if obj is None:
        raise LookupError(f"{w.key}: body B has no row of {model_admin.model._meta.label} (add one to the world)")
    values = {"object_id": str(obj.pk), "id": obj.pk}  # "id": the user's password form
    if w.key.endswith("_simple_history") and w.positional == 2:  # <object_id>/history/<version_id>/
        return [{"__args__": (obj.pk, obj.history.order_by("history_id").values_list("history_id", flat=True)[0])}]
    missing = names - values.keys()
    if missing:
        raise LookupError(f"{w.key}: no filler for {sorted(missing)}")
    return [{n: values[n] for n in w.kwargs}]


def url_of(w: Walked, kwargs: dict) -> str:
    if "__args__" in kwargs:
        return reverse(w.key, args=kwargs["__args__"])
    if ":/" not in w.key:
        return reverse(w.key, kwargs={**kwargs})
    url = w.route
    for name, value in kwargs.items():
        url, n = re.subn(rf"<(?:\w+:)?{name}>|\(\?P<{name}>[^)]*\)", str(value), url)
        assert n == 1, (w.key, name)  # noqa: S101
    if w.regex:
        url = url.replace("^", "").replace("$", "")
        if re.search(r"[()\[\]*+?\\]", url):
            raise LookupError(f"{w.key}: a regular expression the walk cannot fill")
    return "/" + url


def extra_gets(b) -> list[str]:
    """Addresses with query strings: admin autocompletes, raw-id pop-ups, changelist filters and searches."""
    urls = []
    for model, ma in admin.site._registry.items():
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        urls += [f"{changelist}?_to_field=id&_popup=1", f"{changelist}?q=Отдел"]
        for holder in [ma, *[inline(model, admin.site) for inline in ma.inlines]]:
            for field in getattr(holder, "autocomplete_fields", ()):
                urls.append(reverse("admin:autocomplete") + f"?app_label={holder.model._meta.app_label}&model_name="
                            f"{holder.model._meta.model_name}&field_name={field}&term=")
    urls += ["/api/v1/plans/?year=2026", f"/api/v1/plans/{YEAR}/versions/1/events/?unit={b.units['a'].pk}"]
    return urls


def post_data(b) -> dict:
    """One payload for every POST: the fields the app's forms and the admin's read, with B's ids where an id
    is asked for, so that a view which trusts an id from the form is caught."""
    o = b.objects
    unit = b.units["a"].pk
    anchor = f"m:{b.nodes['macroindicator'][0].pk}"
    return {
        "post": "yes", "note": "Изменено", "comment": "Изменено", "attest": "on", "confirm": "on", "late_ok": "on",
        "text_kk": "Өзгертілді", "text_ru": "Изменено", "text": "Изменено", "general_kk": "x", "general_ru": "x",
        "proposals_kk": "x", "proposals_ru": "x", "status": "executed", "actual_kk": "x", "actual_ru": "x",
        "reasons_kk": "x", "reasons_ru": "x", "responsible_unit": unit, "unit": unit, "lead_unit": unit,
        "co_executors": [b.units["b"].pk], "responsible_person": b.users["head_a"].pk,
        "events": o["events"]["a_march"].event_id, "entry": o["entry"].pk, "ids": [o["proposal"].pk],
        "revision": o["draft_revision"].pk, "decision": o["decision"].pk, "requests_amendment": "on",
        "basis": "monitoring", "basis_kk": "Негіз", "basis_ru": "Основание", "document_number": "1",
        "document_date": "2026-01-10", "offset": "1", "lock_version": "1", "name_kk": "Өзгертілді",
        "name_ru": "Изменено", "title_kk": "x", "title_ru": "x", "year": YEAR + 3, "proposals_due": "2026-12-01",
        "development_plan": b.devplan.pk, "body": b.body.pk, "plan": b.devplan.pk, "reason_kk": "x",
        "reason_ru": "x", "due_on": "2026-12-01", "anchor": anchor, "deadline_kind": "quarter",
        "deadline_quarter": "2", "budget": "001", "completion_kk": "x", "completion_ru": "x", "position": "1",
        "code": "x", "username": "newcomer", "password1": "x", "password2": "x", "is_active": "on",
        "action": "delete_selected", "_selected_action": [str(b.units["a"].pk)], "index": "0",
    }


# --- reading an answer


def text_of(response) -> str:
    data = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    parts = [response.get("Location", ""), response.get("Content-Disposition", "")]
    if data[:2] == b"PK":  # xlsx, docx: their XML
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts += [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels"))]
    else:
        parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts).lower()


def leaks(response, forbidden, url: str = "") -> list[str]:
    """The markers an answer names, apart from the address asked for itself (a body's code in the URL the
    user typed, echoed back by an error page or a sign-in redirect's `next`, discloses nothing)."""
    text = text_of(response)
    if url:
        path = url.split("?")[0].lower()
        text = text.replace(path, "").replace(quote(path, safe=""), "").replace(quote(path), "")
    return [word for word in forbidden if word.lower() in text]


# --- the tests


# Pages where body B's own planner must see B's marker when the walk fills them: the check has teeth.
SEEN_BY_OWN_BODY = {
    "home", "planning:plan_list", "planning:plan_detail", "planning:event_detail", "planning:draft_event_edit",
    "planning:versions", "planning:compare", "planning:history", "planning:proposals", "planning:proposal_edit",
    "devplan:list", "devplan:detail", "devplan:node_edit", "monitoring:periods", "monitoring:period",
    "monitoring:unit", "monitoring:report", "monitoring:decisions", "notifications:inbox",
    "api:version_events", "api:event", "documents:form1", "documents:form2", "documents:worklist",
    "documents:devplan_workbook",
    "api:bodies", "api:body", "api:units", "api:unit", "api:development_plans", "api:development_plan",
}


def test_the_walk_sees_a_bodys_own_data(world):
    """Body B's planner, walked over the same addresses, is shown B's marker on each page that shows B's data:
    so the marker search finds a leak wherever one would be."""
    b = world["b"]
    client = Client(raise_request_exception=False)
    client.force_login(b.users["planner"])
    client.cookies["django_language"] = "ru"
    seen = set()
    for key, url, _post in addresses(world, admin_too=False):
        if key in SEEN_BY_OWN_BODY and key not in seen and visit(client, "GET", url, [b.mark], world):
            seen.add(key)
    assert seen == SEEN_BY_OWN_BODY, sorted(SEEN_BY_OWN_BODY - seen)


def test_every_url_pattern_is_filled(world):
    """Every pattern is either filled from body B's objects or exempt with a reason; no exemption is stale."""
    problems, keys = [], set()
    for w in walk():
        keys.add(w.key)
        if w.key in EXEMPT:
            continue
        try:
            for kwargs in fill_values(w, world["b"]):
                url_of(w, kwargs)
        except Exception as exc:  # noqa: BLE001 — every pattern's problem is reported at once
            problems.append(f"{w.key} ({w.route}): {exc}")
    problems += [f"{key}: exempt but no longer a pattern" for key in EXEMPT if key not in keys]
    assert not problems, "\n".join(problems)


ADMIN_POSTS = ("_add", "_change", "_delete", "_changelist", "_simple_history", "_password_change")


def addresses(world, *, admin_too: bool):
    """(pattern, address, whether to POST too): every filled address is read; each is also posted to in the
    year both bodies plan (the other years are read only), and in the admin where a POST acts."""
    b = world["b"]
    for w in walk():
        if w.key in EXEMPT or (w.key.startswith("admin:") and not admin_too):
            continue
        for kwargs in fill_values(w, b):
            if w.key.startswith("admin:"):
                post = w.key.endswith(ADMIN_POSTS)
            else:
                post = kwargs.get("year", YEAR) == YEAR or w.key.startswith("planning:proposal")
            yield w.key, url_of(w, kwargs), post


def visit(client, method, url, forbidden, world, data=None) -> list[str]:
    problems = []
    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            response = (client.get(url) if method == "GET" else client.post(url, data or {}))
        if response.status_code >= 500:
            problems.append(f"{method} {url}: {response.status_code}")
        found = leaks(response, forbidden, url)
        if found:
            problems.append(f"{method} {url}: {response.status_code} names {found}")
        wrote = [q["sql"] for q in queries.captured_queries
                 if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)
                 and not re.search(r"django_session|axes_", q["sql"])]
        if wrote and fingerprint(world["b"]) != world["baseline"]:
            problems.append(f"{method} {url}: changed body B ({wrote[0][:120]})")
        transaction.set_rollback(True)
    return problems


# Pages that show every body by design, to the one role they are for: the national view to the national user,
# the API's state bodies to the national user, the installation's bodies to the installation administrator (a
# superuser). Every other role is walked over them like any page (and refused).
EVERY_BODY_BY_DESIGN = {
    "national": lambda key: key.startswith("national:") or key in ("api:bodies", "api:body"),
    "superuser": lambda key: key.startswith("orgs:bod"),
}


@pytest.mark.parametrize("role", [*ROLES, "national"])
def test_no_url_shows_or_changes_another_bodys_data(world, role):
    a, b, c = world["a"], world["b"], world["c"]
    user = c.users["national"] if role == "national" else a.users[role]
    # A body's tag is its marker in lower case. The national user reads no body's pages, their own body's neither.
    forbidden = [b.mark] + ([a.mark, c.mark] if role == "national" else [])
    client = Client(raise_request_exception=False)
    client.force_login(user)
    client.cookies["django_language"] = "ru"
    admin_too = user.is_staff and not user.is_superuser
    payload = post_data(b)
    problems = []
    by_design = EVERY_BODY_BY_DESIGN.get(role, lambda key: False)
    for key, url, post in addresses(world, admin_too=admin_too):
        if by_design(key):
            continue
        problems += visit(client, "GET", url, forbidden, world)
        if post:
            problems += visit(client, "POST", url, forbidden, world, payload)
    for url in extra_gets(b) if admin_too else extra_gets(b)[-2:]:
        problems += visit(client, "GET", url, forbidden, world)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
