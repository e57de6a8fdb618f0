"""Issue 16: the API tokens page (every signed-in user) and registered systems (the body administrator),
with the OAuth2 client-credentials flow: /o/token/ → access token → its scopes."""
import base64
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from oauth2_provider.models import get_access_token_model
from rest_framework.test import APIClient

from jospar.api import tokens
from jospar.api.keys import services
from jospar.api.models import ApiToken, RegisteredSystem
from jospar.orgs.models import Membership, Role
from tests.factories import StateBodyFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(db):
    body = StateBodyFactory()
    return body


@pytest.fixture
def admin(body):
    return member(body, Role.ADMIN)


@pytest.fixture
def unit(body):
    from tests.factories import OrgUnitFactory
    return OrgUnitFactory(body=body)


def signed_in(user, lang="ru"):
    from django.test import Client
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    client.force_login(user)
    return client


# --- personal tokens ------------------------------------------------------------------------------------------

def test_a_user_makes_a_token_sees_it_once_and_lists_it(body):
    user = member(body, Role.VIEWER)
    client = signed_in(user)
    response = client.post(reverse("keys:tokens"), {"name": "Документооборот", "expires_on": ""})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    raw = response.context["raw"]
    assert raw.startswith("jsp_") and raw in response.content.decode()
    page = client.get(reverse("keys:tokens")).content.decode()
    assert "Документооборот" in page and raw not in page and raw[:12] in page
    assert APIClient(HTTP_AUTHORIZATION=f"Bearer {raw}").get(reverse("api:root")).status_code == 200


def test_the_form_says_what_is_wrong(body):
    user = member(body, Role.VIEWER)
    client = signed_in(user, "kk")
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(reverse("keys:tokens"), {"name": "", "expires_on": yesterday})
    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"name"}  # the date is checked by the service once the form is whole
    response = client.post(reverse("keys:tokens"), {"name": "x", "expires_on": yesterday})
    assert response.status_code == 400 and "expires_on" in response.context["form"].errors
    far = (timezone.localdate() + datetime.timedelta(days=400)).isoformat()
    response = client.post(reverse("keys:tokens"), {"name": "x", "expires_on": far})
    assert response.status_code == 400 and "expires_on" in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_live_names_are_unique_and_live_tokens_are_capped(body):
    user = member(body, Role.VIEWER)
    tokens.issue(user=user, name="one")
    with pytest.raises(Exception, match="name"):
        tokens.issue(user=user, name="ONE")
    for n in range(tokens.MAX_LIVE - 1):
        tokens.issue(user=user, name=f"t{n}")
    response = signed_in(user).post(reverse("keys:tokens"), {"name": "one more"})
    assert response.status_code == 400 and response.context["form"].non_field_errors()
    tokens.revoke(user=user, token_id=user.api_tokens.first().pk)
    tokens.issue(user=user, name="one more")  # a revoked token frees its place


def test_revoking_is_audited_and_only_ones_own(body):
    user, other = member(body, Role.VIEWER), member(body, Role.VIEWER)
    token, raw = tokens.issue(user=user, name="mine")
    assert signed_in(other).post(reverse("keys:token_revoke", args=[token.pk])).status_code == 404
    response = signed_in(user).post(reverse("keys:token_revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert [h.history_user for h in token.history.order_by("history_id")] == [user, user]
    assert APIClient(HTTP_AUTHORIZATION=f"Bearer {raw}").get(reverse("api:root")).status_code == 401
    assert signed_in(user).get(reverse("keys:token_revoke", args=[token.pk])).status_code == 405


def test_the_pages_need_sign_in_and_csrf(body):
    assert APIClient().get(reverse("keys:tokens")).status_code == 302
    from django.test import Client
    client = Client(enforce_csrf_checks=True)
    client.force_login(member(body, Role.VIEWER))
    assert client.post(reverse("keys:tokens"), {"name": "x"}).status_code == 403
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("lang, text", [("kk", "API токендері"), ("ru", "API-токены"), ("en", "API tokens")])
def test_the_tokens_page_in_three_languages(body, lang, text):
    user = member(body, Role.VIEWER)
    page = signed_in(user, lang)
    page.post(reverse("set_language"), {"language": lang})
    assert text in page.get(reverse("keys:tokens")).content.decode()


def test_the_tokens_list_reads_a_fixed_number_of_queries(body, django_assert_max_num_queries):
    user = member(body, Role.VIEWER)
    for n in range(8):
        tokens.issue(user=user, name=f"t{n}")
    client = signed_in(user)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("keys:tokens")).status_code == 200


# --- registered systems ---------------------------------------------------------------------------------------

def token_for(system, secret, scope=None):
    credentials = base64.b64encode(f"{system.application.client_id}:{secret}".encode()).decode()
    data = {"grant_type": "client_credentials", **({"scope": scope} if scope else {})}
    return APIClient().post("/o/token/", data, HTTP_AUTHORIZATION=f"Basic {credentials}")


def test_the_administrator_registers_a_system_and_sees_its_secret_once(admin, unit):
    client = signed_in(admin)
    response = client.post(reverse("keys:systems"), {"name": "СЭД", "role": Role.UNIT_STAFF, "unit": unit.pk,
                                                     "scopes": "read submit"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    secret = response.context["secret"]
    system = RegisteredSystem.objects.get()
    assert secret in response.content.decode() and system.application.client_secret != secret  # hashed
    account = system.application.user
    assert not account.has_usable_password()
    assert list(Membership.objects.filter(user=account).values_list("role", "unit_id")) == [(Role.UNIT_STAFF,
                                                                                              unit.pk)]
    page = client.get(reverse("keys:systems")).content.decode()
    assert "СЭД" in page and secret not in page and system.application.client_id in page


def test_the_system_form_says_what_is_wrong(admin):
    response = signed_in(admin, "kk").post(reverse("keys:systems"), {"name": "", "role": Role.UNIT_HEAD,
                                                                     "scopes": "read"})
    assert response.status_code == 400
    response = signed_in(admin).post(reverse("keys:systems"), {"name": "x", "role": Role.UNIT_HEAD,
                                                               "scopes": "read"})
    assert response.status_code == 400 and "unit" in response.context["form"].errors
    response = signed_in(admin).post(reverse("keys:systems"), {"name": "x", "role": Role.ADMIN, "scopes": "read"})
    assert response.status_code == 400 and "role" in response.context["form"].errors
    assert not RegisteredSystem.objects.exists()


@pytest.mark.parametrize("role", [Role.PLANNER, Role.UNIT_HEAD, Role.VIEWER, Role.EXECUTIVE])
def test_only_the_body_administrator_manages_systems(body, role, unit):
    user = member(body, role, unit if role in (Role.PLANNER, Role.UNIT_HEAD) else None)
    client = signed_in(user)
    assert client.get(reverse("keys:systems")).status_code == 403
    assert client.post(reverse("keys:systems"), {"name": "x", "role": Role.VIEWER, "scopes": "read"}
                       ).status_code == 403
    assert not RegisteredSystem.objects.exists()


def test_another_bodys_administrator_cannot_revoke(admin):
    system, _secret = services.register(user=admin, name="СЭД", role=Role.VIEWER)
    stranger = member(StateBodyFactory(), Role.ADMIN)
    assert signed_in(stranger).post(reverse("keys:system_revoke", args=[system.pk])).status_code == 404
    assert stranger_sees_nothing(stranger)


def stranger_sees_nothing(stranger) -> bool:
    return "СЭД" not in signed_in(stranger).get(reverse("keys:systems")).content.decode()


def test_client_credentials_give_a_token_that_acts_as_the_system(admin):
    system, secret = services.register(user=admin, name="СЭД", role=Role.VIEWER, scopes="read")
    answer = token_for(system, secret)
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["scope"] == "read" and body["token_type"] == "Bearer"
    client = APIClient(HTTP_AUTHORIZATION=f"Bearer {body['access_token']}")
    assert client.get(reverse("api:root")).status_code == 200
    assert token_for(system, "wrong").status_code == 401


def test_a_read_token_is_refused_on_writes_with_insufficient_scope(admin):
    system, secret = services.register(user=admin, name="СЭД", role=Role.VIEWER, scopes="read submit")
    access = token_for(system, secret, scope="read").json()["access_token"]
    response = APIClient(HTTP_AUTHORIZATION=f"Bearer {access}").post(reverse("api:root"), {}, format="json")
    assert response.status_code == 403 and response.json()["code"] == "insufficient_scope"


def test_a_system_gets_no_scope_beyond_its_own(admin):
    system, secret = services.register(user=admin, name="СЭД", role=Role.VIEWER, scopes="read")
    answer = token_for(system, secret, scope="read submit")
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_scope"


def test_a_submit_token_passes_the_scope_gate(admin):
    system, secret = services.register(user=admin, name="СЭД", role=Role.VIEWER, scopes="read submit")
    access = token_for(system, secret, scope="read submit").json()["access_token"]
    response = APIClient(HTTP_AUTHORIZATION=f"Bearer {access}").post(reverse("api:root"), {}, format="json")
    assert response.status_code == 405  # past the gate: the root takes no POST


def test_a_revoked_system_gets_no_token_and_its_tokens_stop(admin):
    system, secret = services.register(user=admin, name="СЭД", role=Role.VIEWER)
    access = token_for(system, secret).json()["access_token"]
    response = signed_in(admin).post(reverse("keys:system_revoke", args=[system.pk]))
    assert response.status_code == 302
    assert APIClient(HTTP_AUTHORIZATION=f"Bearer {access}").get(reverse("api:root")).status_code == 401
    assert token_for(system, secret).status_code == 401
    system.refresh_from_db()
    assert system.revoked_at is not None and not system.application.user.is_active
    assert not get_access_token_model().objects.exists()
    assert [h.history_user for h in system.history.order_by("history_id")] == [admin, admin]


def test_an_expired_access_token_is_refused(admin):
    system, secret = services.register(user=admin, name="СЭД", role=Role.VIEWER)
    access = token_for(system, secret).json()["access_token"]
    get_access_token_model().objects.update(expires=timezone.now() - datetime.timedelta(seconds=1))
    response = APIClient(HTTP_AUTHORIZATION=f"Bearer {access}").get(reverse("api:root"))
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")


def test_the_systems_list_reads_a_fixed_number_of_queries(admin, django_assert_max_num_queries):
    for n in range(6):
        services.register(user=admin, name=f"s{n}", role=Role.VIEWER)
    client = signed_in(admin)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("keys:systems")).status_code == 200


@pytest.mark.parametrize("lang, text", [("kk", "Тіркелген жүйелер"), ("ru", "Зарегистрированные системы"),
                                        ("en", "Registered systems")])
def test_the_systems_page_in_three_languages(admin, lang, text):
    client = signed_in(admin, lang)
    client.post(reverse("set_language"), {"language": lang})
    assert text in client.get(reverse("keys:systems")).content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_systems_account_never_gets_a_password_from_the_people_page(admin, lang, client):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from jospar.orgs.manage import selectors as people
    from jospar.orgs.manage import services as orgs

    system, _secret = services.register(user=admin, name="СЭД", role=Role.VIEWER)
    account = system.application.user
    with translation.override(lang):
        with pytest.raises(ValidationError) as refused:
            orgs.set_password(user=admin, account_id=account.pk, password="Жаңа-құпия-сөз-2026")
        assert refused.value.messages == [orgs.msg_system()]
    assert ("жүйе" if lang == "kk" else "систем") in refused.value.messages[0]
    with pytest.raises(ValidationError):
        orgs.update_person(user=admin, account_id=account.pk, data={"username": "me-now"})
    account.refresh_from_db()
    assert not account.has_usable_password() and account.username != "me-now"
    listed = {p.pk: p for p in people.people_page(admin.memberships.first().body_id)}
    assert listed[account.pk].manageable is False and listed[account.pk].system
    assert listed[admin.pk].manageable is True
    client.force_login(admin)
    client.cookies["django_language"] = lang
    page = client.get(reverse("orgs:person", args=[account.pk])).content.decode()
    with translation.override(lang):
        assert orgs.msg_system() in page.replace("&#x27;", "'")
    assert 'name="password"' not in page


@pytest.mark.parametrize(("lang", "words"), [("kk", "оқу және ұсыну"), ("ru", "чтение и представление")])
def test_the_systems_list_says_what_a_system_may_do_in_words(admin, client, lang, words):
    services.register(user=admin, name="СЭД", role=Role.VIEWER, scopes="read submit")
    client.force_login(admin)
    client.cookies["django_language"] = lang
    page = client.get(reverse("keys:systems")).content.decode()
    assert f"<td>{words}</td>" in page and "<td>read submit</td>" not in page
