"""The Django admin covers every model, in both languages, and keeps approved versions frozen."""
import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from jospar.demo.loader import DemoLoader
from jospar.planning.models import EventRevision

pytestmark = pytest.mark.django_db

OWN_APPS = ("orgs", "planning", "monitoring", "notifications", "documents")


@pytest.fixture
def admin_client_demo(client):
    from datetime import date

    from django.contrib.auth.models import User

    DemoLoader(date(2026, 11, 25), log=lambda msg: None).load()
    client.force_login(User.objects.get(username="admin"))
    return client


def test_every_model_is_registered():
    models = [m for m in apps.get_models() if m._meta.app_label in OWN_APPS and not m.__name__.startswith("Historical")]
    missing = [m.__name__ for m in models if not admin.site.is_registered(m)]
    assert missing == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_changelist_opens(admin_client_demo, lang):
    admin_client_demo.cookies["django_language"] = lang
    for model in admin.site._registry:
        if model._meta.app_label not in OWN_APPS:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert admin_client_demo.get(url).status_code == 200, url


def test_admin_index_is_translated(admin_client_demo):
    admin_client_demo.cookies["django_language"] = "ru"
    html = admin_client_demo.get(reverse("admin:index")).content.decode()
    assert "Операционные планы" in html
    admin_client_demo.cookies["django_language"] = "kk"
    html = admin_client_demo.get(reverse("admin:index")).content.decode()
    assert "Операциялық жоспарлар" in html


def test_approved_event_is_read_only_in_admin(admin_client_demo):
    rev = EventRevision.objects.filter(version__status="approved").first()
    url = reverse("admin:planning_eventrevision_change", args=[rev.pk])
    response = admin_client_demo.post(url, {"name_kk": "x", "name_ru": "x"})
    assert response.status_code in (200, 403)
    rev.refresh_from_db()
    assert rev.name_ru != "x"
    delete = reverse("admin:planning_eventrevision_delete", args=[rev.pk])
    assert admin_client_demo.post(delete, {"post": "yes"}).status_code == 403
    assert EventRevision.objects.filter(pk=rev.pk).exists()
