"""SITE_URL: links in e-mails use the address production names; start-up refuses without it."""
import pytest
from django.core import mail
from django.test import override_settings

from jospar.env import ConfigError, site_url
from jospar.notifications.services import notify
from tests.factories import UserFactory
from tests.test_settings_env import _manage


def test_production_needs_site_url(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    with pytest.raises(ConfigError, match="SITE_URL is not set"):
        site_url(debug=False)
    assert site_url(debug=True) == "http://127.0.0.1:8000"
    monkeypatch.setenv("SITE_URL", "jospar.example.kz")
    with pytest.raises(ConfigError, match="SITE_URL must be an absolute"):
        site_url(debug=False)
    monkeypatch.setenv("SITE_URL", "https://jospar.example.kz/")
    assert site_url(debug=False) == "https://jospar.example.kz"


def test_starting_without_site_url_in_production_fails_clearly():
    result = _manage("check", DEBUG="false", SECRET_KEY="s" * 60, ALLOWED_HOSTS="jospar.gov.kz", SITE_URL="")
    assert result.returncode != 0
    assert "SITE_URL is not set" in result.stderr


@pytest.mark.django_db(transaction=True)
@override_settings(SITE_URL="https://jospar.example.kz")
def test_email_links_use_site_url():
    user = UserFactory(email="a@example.kz")
    notify([user], "plan_approved", params={"year": 2026, "number": 1}, url="/plans/2026/")
    assert len(mail.outbox) == 1
    assert "https://jospar.example.kz/plans/2026/" in mail.outbox[0].body
