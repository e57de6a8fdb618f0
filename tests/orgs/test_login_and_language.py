"""Logging in and out, and the language switch that sticks."""
import pytest
from django.urls import reverse

from jospar.orgs.models import Person, Role
from tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer(body):
    return member(body, Role.VIEWER, username="reader")


def test_login_page_in_kazakh_by_default(client):
    html = client.get(reverse("login")).content.decode()
    assert 'lang="kk"' in html


def test_login_and_logout(client, viewer):
    response = client.post(reverse("login"), {"username": "reader", "password": "secret-pass-1"})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_wrong_password_is_refused_with_a_message(client, viewer):
    client.cookies["django_language"] = "ru"
    response = client.post(reverse("login"), {"username": "reader", "password": "wrong"})
    assert response.status_code == 200
    assert "Неверное имя пользователя или пароль" in response.content.decode()


def test_logout_needs_post(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("logout")).status_code == 405


@pytest.mark.parametrize(("lang", "word"), [("kk", "Шығу"), ("ru", "Выйти"), ("en", "Log out")])
def test_language_switch_sticks(client, viewer, lang, word):
    client.force_login(viewer)
    response = client.post(reverse("set_language"), {"language": lang, "next": reverse("home")})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert word in client.get(reverse("home")).content.decode()
    assert Person.objects.get(user=viewer).language == lang


def test_saved_language_follows_the_user_to_a_new_browser(client, viewer):
    Person.objects.filter(user=viewer).update(language="ru")
    client.force_login(viewer)
    assert "Выйти" in client.get(reverse("home")).content.decode()


def test_language_switch_refuses_foreign_redirects(client):
    response = client.post(reverse("set_language"), {"language": "ru", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_unknown_language_changes_nothing(client, viewer):
    client.force_login(viewer)
    client.post(reverse("set_language"), {"language": "xx"})
    assert Person.objects.get(user=viewer).language == ""


def test_csrf_is_enforced(viewer):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("login"), {"username": "reader", "password": "secret-pass-1"})
    assert response.status_code == 403
