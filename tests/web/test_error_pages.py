"""Error pages (400, 403, 404, 500, CSRF failure) in the app's layout and the reader's language, DEBUG off."""
import pytest
from django.test import Client, override_settings

from tests.factories import MembershipFactory

TITLES = {
    "kk": {400: "Қате сұрау", 403: "Рұқсат етілмеген", 404: "Табылмады", 500: "Сервер қатесі",
           "csrf": "Форманың мерзімі өтті"},
    "ru": {400: "Неверный запрос", 403: "Нет доступа", 404: "Не найдено", 500: "Ошибка сервера",
           "csrf": "Форма устарела"},
}
LAYOUT = 'class="topbar"'
TECHNICAL = ("Traceback", "URLconf", "Django tried these URL patterns", "technical", "CSRF verification failed")


def _check(response, lang, key, status):
    body = response.content.decode()
    assert response.status_code == status
    assert LAYOUT in body, "the app's layout"
    assert f'<html lang="{lang}">' in body
    assert TITLES[lang][key] in body, body[:2000]
    for word in TECHNICAL:
        assert word not in body


pytestmark = [pytest.mark.django_db, pytest.mark.parametrize("lang", ["kk", "ru"])]


@override_settings(DEBUG=False)
def test_404(client, lang):
    _check(client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=lang), lang, 404, 404)


@override_settings(DEBUG=False)
def test_403(client, lang):
    membership = MembershipFactory(role="viewer")
    membership.user.person.language = lang
    membership.user.person.save()
    client.force_login(membership.user)
    _check(client.get("/development-plans/", HTTP_ACCEPT_LANGUAGE=lang), lang, 403, 403)


@override_settings(DEBUG=False)
def test_400(client, lang):
    _check(client.get("/", HTTP_HOST="evil.example", HTTP_ACCEPT_LANGUAGE=lang), lang, 400, 400)


@override_settings(DEBUG=False, ROOT_URLCONF="tests.web.urls")
def test_500(lang):
    client = Client(raise_request_exception=False)
    _check(client.get("/boom/", HTTP_ACCEPT_LANGUAGE=lang), lang, 500, 500)


@override_settings(DEBUG=False)
def test_csrf_failure(lang):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE=lang)
    _check(response, lang, "csrf", 403)
