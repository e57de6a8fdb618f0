"""The national drill-down: one body's approved Form 1 and submitted Form 2, read-only; and who may see it."""
import pytest
import time_machine
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from jospar.documents.models import StoredDocument
from jospar.documents.stored import store_form1
from jospar.monitoring import selectors, services, services_report
from jospar.orgs.models import Role
from jospar.planning.models import EventRevision, PlanVersion
from tests.factories import member
from tests.monitoring.world import at, build_world, report_all

pytestmark = pytest.mark.django_db
SECRET = "ЧЕРНОВИК-БӨЛІМ"  # a unit's text it has not submitted
REPORT_DRAFT = "ЧЕРНОВИК-ОТЧЁТ"  # the planner's text of a report not submitted


@pytest.fixture
def world():
    w = build_world()
    store_form1(w.version)  # approval stores Form 1 (the world approves directly)
    report_all(w, 1, "2026-04-08")
    with time_machine.travel(at("2026-04-20"), tick=False):  # five days late
        services_report.submit_report(user=w.users["planner"], period=w.period(1))
    # work in progress: an amendment being drafted, a unit's unsubmitted entry and the planner's draft report of Q2
    draft = PlanVersion.objects.create(plan=w.plan, number=2, development_plan=w.plan.development_plan,
                                       basis=PlanVersion.Basis.DEVELOPMENT_PLAN)
    rev = EventRevision.objects.filter(version=w.version).first()
    rev.pk, rev.version, rev.name_ru, rev.name_kk = None, draft, SECRET, SECRET
    rev.save()
    period2 = w.period(2)
    with time_machine.travel(at("2026-07-05"), tick=False):
        item = selectors.work_list(period2, w.units["a"], "ru").items[0]
        status = "in_progress" if item.is_in_progress else "executed"
        services.save_entry(user=w.users["staff_a"], period=period2, event_id=item.info.event_id,
                            occurrence=item.item.occurrence, status=status, actual_kk=SECRET, actual_ru=SECRET)
        services_report.save_report_texts(user=w.users["planner"], period=period2, general_kk=REPORT_DRAFT,
                                          general_ru=REPORT_DRAFT)
    w.national = member(w.body, Role.NATIONAL, username="national")  # even in the body itself: read-only
    return w


def get(client, user, url, lang="ru", **query):
    client.force_login(user)
    client.cookies["django_language"] = lang
    with time_machine.travel(at("2026-07-20"), tick=False):
        return client.get(url, query)


def urls(w):
    code = w.body.code
    doc = StoredDocument.objects.filter(form=2).first()
    return [reverse("national:bodies"), reverse("national:export"), reverse("national:body", args=[code, 2026]),
            reverse("national:form1", args=[code, 2026]), reverse("national:form2", args=[code, 2026, 1]),
            reverse("national:document", args=[doc.pk])]


def test_the_body_page_lists_approved_versions_and_submitted_reports_with_their_files(client, world):
    html = get(client, world.national, reverse("national:body", args=[world.body.code, 2026]), "en").content.decode()
    assert "?v=1" in html and "?v=2" not in html
    assert reverse("national:form2", args=[world.body.code, 2026, 1]) in html
    assert reverse("national:form2", args=[world.body.code, 2026, 2]) not in html
    assert html.count('data-doc="1-') == 6 and html.count('data-doc="2-') == 6  # kk and ru, PDF, DOCX, XLSX
    assert "late by 5 days" in html


def test_form1_shows_the_approved_version_only(client, world):
    url = reverse("national:form1", args=[world.body.code, 2026])
    html = get(client, world.national, url).content.decode()
    assert "Мероприятие a_march" in html and SECRET not in html
    assert "<form method=\"post\"" not in html and "hx-post" not in html  # no action of any kind
    assert get(client, world.national, url, v="2").status_code == 404  # the draft amendment
    assert get(client, world.national, url, v="1").status_code == 200


def test_form2_only_of_a_submitted_report_and_never_a_units_draft(client, world):
    html = get(client, world.national, reverse("national:form2", args=[world.body.code, 2026, 1])).content.decode()
    assert "Сделано" in html and SECRET not in html and REPORT_DRAFT not in html
    assert "<form method=\"post\"" not in html and "hx-post" not in html
    assert get(client, world.national, reverse("national:form2", args=[world.body.code, 2026, 2])).status_code == 404
    assert get(client, world.national, reverse("national:form2", args=[world.body.code, 2026, 3])).status_code == 404
    assert get(client, world.national, reverse("national:form2", args=[world.body.code, 2026, 5])).status_code == 404


def test_stored_files_are_served_and_a_withdrawn_one_is_not(client, world):
    doc = StoredDocument.objects.get(form=2, lang="kk", fmt="pdf")
    response = get(client, world.national, reverse("national:document", args=[doc.pk]))
    assert response.status_code == 200 and response.content == bytes(doc.data)
    with time_machine.travel(at("2026-04-21"), tick=False):
        services_report.return_report(user=world.users["executive"], period=world.period(1), comment="Доработать")
    assert get(client, world.national, reverse("national:document", args=[doc.pk])).status_code == 404
    assert get(client, world.national, reverse("national:form2", args=[world.body.code, 2026, 1])).status_code == 404


def test_no_page_shows_work_in_progress(client, world):
    for url in urls(world)[:-1]:
        response = get(client, world.national, url)
        assert response.status_code == 200, url
        if url.endswith(".xlsx"):
            continue
        html = response.content.decode()
        assert SECRET not in html and REPORT_DRAFT not in html, url


@pytest.mark.parametrize("role", ["planner", "executive", "viewer", "head_a", "staff_a"])
def test_every_other_role_is_refused(client, world, role):
    for url in urls(world):
        assert get(client, world.users[role], url).status_code == 403, (role, url)


def test_an_administrator_and_a_superuser_are_refused_and_a_visitor_signs_in_first(client, world):
    admin = member(world.body, Role.ADMIN, username="bodyadmin")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    for url in urls(world):
        assert get(client, admin, url).status_code == 403, url
    client.logout()
    for url in urls(world):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_national_pages_take_no_post(client, world):
    client.force_login(world.national)
    for url in urls(world):
        assert client.post(url, {"anything": "1"}).status_code == 405, url


def _patterns(resolver, prefix=""):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p


def _fill(route: str, w) -> str:
    """A concrete path for a route: the year, quarter 1 and the world's ids for the others."""
    import re

    values = {"year": "2026", "quarter": "1", "unit_id": str(w.units["a"].pk), "event_id": str(w.events["a_march"]),
              "occurrence": "1", "lang": "ru", "fmt": "xlsx", "number": "1", "code": w.body.code}

    def one(match):
        name = match.group(2)
        return values.get(name, "1")

    path = re.sub(r"<(?:(\w+):)?(\w+)>", one, route)
    return "/" + path.lstrip("^").rstrip("$").replace("\\Z", "")


def test_the_national_user_changes_nothing_by_any_post_of_the_bodies_pages(client, world):
    """A walk over every URL pattern of the bodies' pages: each POST of the national user is refused (403, or
    405 for a page that takes none, or 404 for what it may not even see) and no row of the body changes."""
    from jospar.monitoring.models import Decision, ExecutionEntry, Report, UnitSubmission
    from jospar.planning.models import Proposal

    def state():
        return (PlanVersion.objects.count(), EventRevision.objects.count(), ExecutionEntry.objects.count(),
                UnitSubmission.objects.filter(status="submitted").count(), Report.objects.count(),
                Decision.objects.count(), Proposal.objects.count(), StoredDocument.objects.count())

    before = state()
    client.force_login(world.national)
    seen, answered = 0, []
    for route, _pattern in _patterns(get_resolver()):
        if not route or route.startswith(("admin/", "accounts/", "i18n/", "api/", "healthz", "notifications/",
                                          "account/", "o/")):
            continue  # the home page, the admin, sign-in, the language, the user's own API tokens and the OAuth2
            # token endpoint are not a body's; the API has its own walk
        url = _fill(route, world)
        with time_machine.travel(at("2026-07-20"), tick=False):
            status = client.post(url, {"comment": "x", "text_ru": "x", "status": "executed", "attest": "1"}).status_code
        if status not in (403, 404, 405):
            answered.append((route, status))
        seen += 1
    # two index pages read for any method and answer the same as a GET: the plan list and the monitoring index
    # of the user's own body, empty for the national user (no member of any body): nothing is written either way
    assert answered == [("plans/", 200), ("monitoring/", 200)] and seen > 40 and state() == before
