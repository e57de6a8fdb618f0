"""Point 13: every API error has one body {code, message, fields}, in the request's language
(Accept-Language, else the user's saved language); 404s and 500s too."""
import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from .calls import client_for, event_url, patch

pytestmark = pytest.mark.django_db

NOT_FOUND = {
    "kk": "Бұл мекенжай бойынша ештеңе табылмады немесе ол басқа мемлекеттік органға тиесілі.",
    "ru": "По этому адресу ничего не найдено, или это относится к другому государственному органу.",
    "en": "Nothing was found at this address, or it belongs to another state body.",
}


def error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"code", "message", "fields"} and body["code"] == code
    return body


def save_language(user, lang):
    user.person.language = lang
    user.person.save()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_404s_come_in_the_requests_language(api_plan, revision, lang):
    client = client_for(api_plan["staff"], lang)
    for url in (reverse("api:version_events", args=[2031, 1]),  # no such plan (Django's Http404)
                reverse("api:version_events", args=[2026, 9]),  # no such version
                reverse("api:event", args=[2026, 10**9]),  # no such event
                reverse("api:event", args=[10**30, 10**30]),  # beyond any integer column
                "/api/no-such-thing/"):  # no such address (REST framework's NotFound)
        assert error(client.get(url), 404, "not_found")["message"] == NOT_FOUND[lang], url


def test_the_header_wins_then_the_saved_language(api_plan, revision):
    user = api_plan["staff"]
    save_language(user, "ru")
    url = reverse("api:event", args=[2026, 10**9])
    assert error(client_for(user).get(url), 404, "not_found")["message"] == NOT_FOUND["ru"]
    assert error(client_for(user, "en-GB,en;q=0.9").get(url), 404, "not_found")["message"] == NOT_FOUND["en"]
    assert error(client_for(user, "de, kk;q=0.5").get(url), 404, "not_found")["message"] == NOT_FOUND["kk"]
    session = APIClient(HTTP_ACCEPT_LANGUAGE="en")  # signed in by the session, as a browser script is
    session.force_login(user)
    assert error(session.get(url), 404, "not_found")["message"] == NOT_FOUND["en"]


def test_field_messages_follow_the_saved_language(api_plan, revision):
    save_language(api_plan["planner"], "ru")
    body = error(patch(client_for(api_plan["planner"]), revision, name_kk="", name_ru=""), 400, "invalid")
    assert body["message"] == "В запросе есть ошибки: см. поля."
    assert "русском" in body["fields"]["name_ru"][0]
    body = error(patch(client_for(api_plan["planner"], "ru"), revision, deadline_month="5"), 400, "invalid")
    assert list(body["fields"]) == ["deadline_month"] and "число" in body["fields"]["deadline_month"][0]


def test_refusals_before_the_view_have_the_body_too(api_plan, revision):
    assert error(APIClient(HTTP_ACCEPT_LANGUAGE="ru").get(reverse("api:plans")), 401, "not_authenticated")[
        "message"] == "Войдите в систему, чтобы пользоваться API."
    client = client_for(api_plan["planner"], "kk")
    body = error(client.post(reverse("api:plans"), {}, format="json"), 405, "method_not_allowed")
    assert body["message"] == "Бұл мекенжай POST әдісін қабылдамайды."
    error(client.get(reverse("api:plans"), HTTP_ACCEPT="text/html"), 406, "not_acceptable")
    error(client.delete(event_url(revision)), 405, "method_not_allowed")


def test_csrf_refusal_has_the_body(api_plan, revision):
    client = APIClient(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(api_plan["planner"])
    body = error(client.patch(event_url(revision), {"lock_version": 1}, format="json"), 403, "csrf_failed")
    assert "X-CSRFToken" in body["message"]


def test_a_server_error_is_recorded_and_answered_in_the_body(api_plan, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("jospar.api.plans.data.version_events", broken)
    response = client_for(api_plan["staff"], "ru").get(reverse("api:version_events", args=[2026, 1]))
    body = error(response, 500, "server_error")
    assert body["message"].startswith("Сервер не смог обработать запрос.") and "boom" not in body["message"]
    assert any(record.exc_info and "boom" in str(record.exc_info[1]) for record in caplog.records)
