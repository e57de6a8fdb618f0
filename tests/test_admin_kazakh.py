"""The Django admin reads as Kazakh: its own phrases, auth, django-axes and django-simple-history,
with the stock kk catalogue's mistakes («Даңғо әкімшілігі», «Өзгетру») corrected by Jospar's."""
import json
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.urls import reverse

from jospar.orgs.models import StateBody

pytestmark = pytest.mark.django_db


@pytest.fixture
def kk_admin(client):
    admin = User.objects.create_superuser("root", "root@example.kz", "jospar-admin-pass")
    client.cookies["django_language"] = "kk"
    login = _text(client.get(reverse("admin:login")))
    _clean(login)
    assert "Jospar: басқару" in login and "Пайдаланушы аты" in login and "Құпиясөз" in login
    response = client.post(reverse("admin:login"), {"username": "root", "password": "jospar-admin-pass",
                                                    "next": reverse("admin:index")})
    assert response.status_code == 302, _text(response)
    AccessAttempt.objects.create(username="head1", ip_address="10.0.0.5", user_agent="Firefox",
                                 get_data="", post_data="", http_accept="*/*", path_info="/accounts/login/",
                                 failures_since_start=3)
    body = StateBody.objects.create(code="mwri", name_kk="Су ресурстары министрлігі", name_ru="Министерство")
    body.name_ru = "Министерство водных ресурсов"
    body.save()
    return client, admin, body


def _text(response) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    visible = re.sub(r"<[^>]+>", " ", html)
    titles = " ".join(re.findall(r'(?:title|aria-label|value|placeholder)="([^"]*)"', html))
    return re.sub(r"\s+", " ", f"{visible} {titles}")


STOCK_MISTAKES = ["Даңғо", "Өзгетру", "өзгету", "Өзгерес", "Жорнал", "Сүзгіз", "Өшіру/Уақыт", "Қолданушы", "кос"]
ENGLISH = ["Django", "View site", "Toggle theme", "Recent actions", "My actions", "Authentication and Authorization",
           "Axes", "Orgs", "Access attempts", "Access Attempt", "Attempt Time", "IP Address", "Failed Logins", "Filter",
           "Status",
           "Skip to main content", "Log out", "Change password", "Add", "Change", "Delete", "History", "Save",
           "Search", "Username", "Personal info", "Permissions", "Important dates", "Date/time", "Changed by",
           "Change reason", "Welcome", "Home", "Select", "Groups", "Users", "Can add", "Can view", "historical"]


def _clean(text: str) -> None:
    for wrong in STOCK_MISTAKES:
        assert not re.search(rf"\b{wrong}\b", text), wrong
    for phrase in ENGLISH:
        assert not re.search(rf"(?<![\w/.-]){re.escape(phrase)}(?![\w/.-])", text), phrase


def test_admin_index_reads_as_kazakh(kk_admin):
    client, _, _ = kk_admin
    text = _text(client.get(reverse("admin:index")))
    _clean(text)
    for kazakh in ["Jospar: басқару", "Анықтамалық деректер мен жазбалар", "Сайтқа өту", "Тақырыпты ауыстыру",
                   "Пайдаланушылар мен топтар", "Жүйеге кіру әрекеттері", "Кіру әрекеттері", "Соңғы әрекеттер",
                   "Құпиясөзді өзгерту", "Өзгерту", "Қосу"]:
        assert kazakh in text, kazakh


def test_users_list_and_form_read_as_kazakh(kk_admin):
    client, admin, _ = kk_admin
    text = _text(client.get(reverse("admin:auth_user_changelist")))
    _clean(text)
    assert "Өзгерту үшін пайдаланушы таңдаңыз" in text and "Сүзгі" in text and "Іздеу" in text
    text = _text(client.get(reverse("admin:auth_user_change", args=[admin.pk])))
    _clean(text)
    for kazakh in ["Жеке мәліметтер", "Рұқсаттар", "Маңызды күндер", "Суперпайдаланушы мәртебесі",
                   "Сақтап, өзгертуді жалғастыру", "Жою", "Жоспарлау | даму жоспары (тарихы) | өзгертуге болады"]:
        assert kazakh.lower() in text.lower(), kazakh


def test_axes_access_attempts_read_as_kazakh(kk_admin):
    client, _, _ = kk_admin
    text = _text(client.get(reverse("admin:axes_accessattempt_changelist")))
    _clean(text)
    for kazakh in ["Өзгерту үшін кіру әрекеті таңдаңыз", "Әрекет уақыты", "IP мекенжайы", "Сәтсіз кірулер саны",
                   "Мәртебесі", "7 әрекет қалды"]:
        assert kazakh in text, kazakh


def test_history_page_reads_as_kazakh(kk_admin):
    client, _, body = kk_admin
    text = _text(client.get(reverse("admin:orgs_statebody_history", args=[body.pk])))
    _clean(text)
    for kazakh in ["Өзгерістер тарихы", "Күні мен уақыты", "Пайдаланушы"]:
        assert kazakh in text, kazakh


def test_admin_scripts_read_as_kazakh(kk_admin):
    client, _, _ = kk_admin
    script = client.get(reverse("admin:jsi18n")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    assert catalog["Available %s"] == "Қолжетімді %s" and catalog["Choose a time"] == "Уақытты таңдаңыз"
    assert catalog["Filter"] == "Сүзгі" and catalog["January"] == "Қаңтар" and catalog["Remove"] == "Алып тастау"
    assert catalog["6 a.m."] == "Таңғы 6"
