"""The rulebook page: only the installation administrator (a superuser) corrects an edition; a bad or stale
correction changes nothing; every correction is in the history; documents made afterwards carry it; GET writes
nothing."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jospar import rules
from jospar.orgs.models import Person, Role
from jospar.rulebook import editions, services
from jospar.rulebook.models import Edition
from jospar.rulebook.selectors import edition_history
from tests.factories import OrgUnitFactory, StateBodyFactory, member

pytestmark = pytest.mark.django_db
KEY = "dpm-mne-28-2025"


@pytest.fixture
def body():
    return StateBodyFactory()


@pytest.fixture
def admin(body, django_user_model):
    """The installation administrator: the rulebook is installation-wide data, not one body's."""
    user = django_user_model.objects.create_superuser("rb-admin", password="x-secret-pass-1")
    member(body, Role.VIEWER, username="rb-viewer")
    Person.objects.create(user=user, patronymic="Сәкенұлы")
    return user


def _data(labels=None):
    """The seeded edition as the page sends it, with ``labels`` {(form, name, lang): text} changed."""
    data = rules.edition_to_dict(editions.edition(KEY))
    for (form, name, lang), text in (labels or {}).items():
        data[f"form{form}"][name][lang] = text
    return data


def _post_data(edition, revision, **changes):
    """The page's form fields for ``edition`` with ``changes`` (field name: value)."""
    fields = {"revision": revision, "effective_from": edition.effective_from.isoformat(),
              "effective_to": edition.effective_to.isoformat() if edition.effective_to else "",
              "approval_days": edition.approval_days, "info_due_day": edition.info_due_day,
              "report_due_day": edition.report_due_day, "approvers": list(edition.approvers)}
    fields.update({f"act_{lang}": edition.act[lang] for lang in rules.LANGS})
    for form in (1, 2):
        labels = edition.form(form)
        for name in rules.edition_data.TEXT_LABELS:
            fields.update({f"f{form}_{name}_{lang}": getattr(labels, name)[lang] for lang in rules.LANGS})
        for lang in rules.LANGS:
            fields.update({f"f{form}_columns{i}_{lang}": text for i, text in enumerate(labels.columns[lang], 1)})
    fields.update(changes)
    return fields


def test_the_seed_is_in_the_database_as_in_jospar_rules():
    assert editions.editions() == rules.EDITIONS
    assert editions.edition(KEY).text_checked is False
    assert Edition.history.count() == len(rules.EDITIONS)  # the seed's own first entries


@pytest.mark.parametrize("role", [Role.PLANNER, Role.EXECUTIVE, Role.VIEWER, Role.ADMIN])
def test_only_the_installation_administrator_corrects(body, role, client):
    user = member(body, role, OrgUnitFactory(body=body, is_planning=True) if role == Role.PLANNER else None)
    with pytest.raises(PermissionDenied):
        services.correct_edition(user=user, key=KEY, data=_data(), revision=1)
    client.force_login(user)
    assert client.get(reverse("rulebook:list")).status_code == 403
    assert client.post(reverse("rulebook:edit", args=[KEY]), _post_data(editions.edition(KEY), 1)).status_code == 403


def test_a_superuser_with_no_role_in_any_body_corrects_and_an_inactive_one_does_not(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(root)
    assert client.get(reverse("rulebook:list")).status_code == 200
    root.is_active = False
    root.save()
    with pytest.raises(PermissionDenied):
        services.correct_edition(user=root, key=KEY, data=_data(), revision=1)


def test_the_administrator_corrects_a_label_and_the_history_says_who_what_when(admin):
    new_title = "Операционный план {body} на {year} год (ред.)"
    assert services.correct_edition(user=admin, key=KEY, data=_data({(1, "title", "ru"): new_title}), revision=1)
    row = Edition.objects.get(key=KEY)
    assert row.revision == 2 and editions.edition(KEY).form1.title["ru"] == new_title
    [change] = edition_history(row)
    assert change.who == admin.person.short_name and change.new == new_title
    assert change.old == rules.edition_by_key(KEY).form1.title["ru"] and "1" in change.what


def test_the_same_values_change_nothing(admin):
    assert services.correct_edition(user=admin, key=KEY, data=_data(), revision=1) is False
    assert Edition.objects.get(key=KEY).revision == 1 and edition_history(Edition.objects.get(key=KEY)) == []


@pytest.mark.parametrize("labels", [
    {(1, "title", "kk"): "{body} жылға арналған операциялық жоспары"},  # {year} lost
    {(2, "goal", "ru"): "Цель"},
    {(1, "signature", "en"): ""},
])
def test_a_bad_correction_is_refused_and_changes_nothing(admin, labels):
    with pytest.raises(ValidationError) as refused:
        services.correct_edition(user=admin, key=KEY, data=_data(labels), revision=1)
    assert not isinstance(refused.value, services.StaleEdition)
    assert Edition.objects.get(key=KEY).revision == 1 and editions.edition(KEY) == rules.edition_by_key(KEY)


def test_a_stale_form_is_refused_not_overwritten(admin):
    first = "Операционный план {body} на {year} год (1)"
    services.correct_edition(user=admin, key=KEY, data=_data({(1, "title", "ru"): first}), revision=1)
    with pytest.raises(services.StaleEdition):
        services.correct_edition(user=admin, key=KEY, data=_data({(1, "goal", "ru"): "Цель № {n}"}), revision=1)
    assert editions.edition(KEY).form1.title["ru"] == first and editions.edition(KEY).form1.goal["ru"] == "Цель {n}"


def test_overlapping_dates_are_refused(admin):
    data = _data() | {"effective_from": "2025-05-01"}
    with pytest.raises(ValidationError, match="mne-45-2022"):
        services.correct_edition(user=admin, key=KEY, data=data, revision=1)


@pytest.mark.parametrize(("lang", "words"), [
    ("kk", "тек солар үшін"), ("ru", "только для них"), ("en", "only for them")])
def test_the_page_refuses_in_the_readers_language(admin, client, lang, words):
    client.force_login(admin)
    client.cookies["django_language"] = lang
    edition = editions.edition(KEY)
    response = client.post(reverse("rulebook:edit", args=[KEY]),
                           _post_data(edition, 1, f1_goal_ru="Цель {m}"), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and 'class="conflict rb-refusal"' in html and words in html
    assert "Цель {m}" in html  # what was typed stays in the form
    assert Edition.objects.get(key=KEY).revision == 1


def test_the_page_saves_and_shows_the_history(admin, client):
    client.force_login(admin)
    client.cookies["django_language"] = "ru"
    url = reverse("rulebook:edit", args=[KEY])
    response = client.post(url, _post_data(editions.edition(KEY), 1, f2_events_ru="Мероприятия (исправлено)"))
    assert response.status_code == 302
    html = client.get(url).content.decode()
    assert "Мероприятия (исправлено)" in html and 'name="revision" value="2"' in html
    assert "Форма 2" in html and admin.person.short_name in html


def test_get_never_writes_and_reads_the_rulebook_once(admin, client):
    client.force_login(admin)
    for url in (reverse("rulebook:list"), reverse("rulebook:edit", args=[KEY])):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        sql = [q["sql"].upper() for q in ctx.captured_queries]
        assert not [q for q in sql if q.startswith(("INSERT", "UPDATE", "DELETE"))]
        assert sum('"RULEBOOK_EDITION"' in q and "HISTORICAL" not in q for q in sql) <= 2


def test_a_page_reads_the_rulebook_once_and_sees_a_correction_at_its_next_request(admin):
    editions.start_request()  # what request_started does (the signal itself would close the test's connection)
    try:
        with CaptureQueriesContext(connection) as ctx:
            editions.edition(KEY), editions.edition_for_year(2026), editions.latest()
        assert len(ctx.captured_queries) == 1
        services.correct_edition(user=admin, key=KEY, data=_data({(1, "events", "en"): "Activities"}), revision=1)
        assert editions.edition(KEY).form1.events["en"] == "Activities"  # the request that corrected sees it
    finally:
        editions.end_request()


def test_the_history_words_parameters_as_the_reader_reads_them(admin):
    from django.utils import translation

    data = _data() | {"text_checked": True, "approvers": ["first_head"], "report_due_day": 20}
    services.correct_edition(user=admin, key=KEY, data=data, revision=1)
    with translation.override("ru"):
        changes = {c.what: (c.old, c.new) for c in edition_history(Edition.objects.get(key=KEY))}
    assert changes["Сверено с текстом акта"] == ("нет", "да")
    assert changes["Кто утверждает"] == ("первый руководитель, руководитель аппарата", "первый руководитель")
    assert changes["День представления отчета"] == ("15", "20")
