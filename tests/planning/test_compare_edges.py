"""Compare says what is true: a version with itself, a version the plan does not have."""
import pytest
from django.urls import reverse

from jospar.planning.approval import services as approval
from tests.planning.test_amendments import amend, approved

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_versions():
    v1, planner, executive = approved(6)
    v2 = amend(v1, planner)
    approval.send_for_approval(user=planner, version=v2)
    approval.approve_version(version=v2, user=executive)
    amend(v1, planner, basis_kk="Үшінші", basis_ru="Третья")
    return v1.plan, planner


def page(client, user, plan, query, lang="ru"):
    client.force_login(user)
    client.cookies["django_language"] = lang
    return client.get(reverse("planning:compare", args=[plan.year]) + query).content.decode()


def test_a_version_compared_with_itself_is_the_same_version(client, three_versions):
    plan, planner = three_versions
    html = page(client, planner, plan, "?a=2&b=2", "en")
    assert "it is the same version, there is nothing to compare" in html
    assert "Removed" not in html and "0 added" not in html
    assert "это одна и та же версия, сравнивать нечего" in page(client, planner, plan, "?a=2&b=2")


def test_an_unknown_version_number_names_the_versions_there_are(client, three_versions):
    plan, planner = three_versions
    html = page(client, planner, plan, "?a=1&b=7", "en")
    assert "There is no version 7: this plan has versions 1–3." in html
    assert "only one version" not in html
    assert "Версии 9 нет: у этого плана версии 1–3." in page(client, planner, plan, "?a=9&b=2")
    assert "9-нұсқа жоқ: бұл жоспардың нұсқалары 1–3." in page(client, planner, plan, "?a=9", "kk")


def test_two_different_versions_still_compare(client, three_versions):
    plan, planner = three_versions
    assert "0 added, 0 cancelled, 0 changed" in page(client, planner, plan, "?a=1&b=3", "en")
