"""Lock-out by account, not by address (issue 11, point 6): ten failed sign-ins for one name lock that
account only; colleagues behind the same address (a proxy, a NAT) still sign in."""
import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from jospar.orgs.client_ip import client_ip
from jospar.orgs.models import Role
from tests.factories import member

pytestmark = pytest.mark.django_db
OFFICE = "10.20.30.40"


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True  # the suite runs with it off


@pytest.fixture
def alice(body):
    return member(body, Role.EXECUTIVE, username="alice")


@pytest.fixture
def bob(body):
    return member(body, Role.VIEWER, username="bob")


def sign_in(client, username, password, url="login", **headers):
    return client.post(reverse(url), {"username": username, "password": password}, REMOTE_ADDR=OFFICE, **headers)


def fail_ten_times(client, username, url="login"):
    for _ in range(10):
        sign_in(client, username, "wrong-password", url)


def test_ten_failures_lock_that_account_only(client, alice, bob):
    fail_ten_times(client, "alice")
    assert sign_in(client, "alice", "secret-pass-1").status_code == 429  # even the right password, for now
    response = sign_in(client, "bob", "secret-pass-1")  # same address, another account
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_failures_on_many_names_lock_no_address(client, alice):
    for name in ("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11"):
        sign_in(client, name, "wrong")
    assert sign_in(client, "alice", "secret-pass-1").status_code == 302


def test_the_account_is_locked_from_every_address(client, alice):
    fail_ten_times(client, "alice")
    response = client.post(reverse("login"), {"username": "alice", "password": "secret-pass-1"},
                           REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 429


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["account “alice”", "15 minutes", "after 10 failed attempts", "Only this account is locked",
            "ask your administrator to unlock"]),
    ("ru", ["учетную запись «alice»", "на 15 минут", "после 10 неудачных попыток", "только эта учетная запись",
            "попросите администратора разблокировать"]),
    ("kk", ["«alice» есептік жазбасымен", "15 минутқа", "10 сәтсіз әрекеттен", "Тек осы есептік жазба",
            "әкімшіден сұраңыз"]),
])
def test_the_page_names_the_account_and_the_time(client, alice, lang, words):
    client.cookies["django_language"] = lang
    fail_ten_times(client, "alice")
    html = sign_in(client, "alice", "secret-pass-1").content.decode()
    for word in words:
        assert word in html
    assert OFFICE not in html and "address" not in html.lower()


def test_a_correct_password_clears_the_count(client, alice):
    for _ in range(9):
        sign_in(client, "alice", "wrong")
    assert sign_in(client, "alice", "secret-pass-1").status_code == 302
    client.post(reverse("logout"))
    for _ in range(9):
        sign_in(client, "alice", "wrong")
    assert sign_in(client, "alice", "secret-pass-1").status_code == 302


def test_the_admin_sign_in_is_under_the_same_lock(client, body):
    User.objects.create_superuser("root", "root@example.org", "root-pass-12345")
    fail_ten_times(client, "root", url="admin:login")
    assert sign_in(client, "root", "root-pass-12345", url="admin:login").status_code == 429
    assert sign_in(client, "root", "root-pass-12345").status_code == 429


class FakeRequest:
    def __init__(self, remote, forwarded=None):
        self.META = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            self.META["HTTP_X_FORWARDED_FOR"] = forwarded


def test_client_address_without_a_proxy_ignores_forwarded_headers(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(FakeRequest("203.0.113.5", "1.2.3.4")) == "203.0.113.5"


@pytest.mark.parametrize(("count", "forwarded", "expected"), [
    (1, "198.51.100.9", "198.51.100.9"),
    (1, "6.6.6.6, 198.51.100.9", "198.51.100.9"),  # a forged entry on the left is not believed
    (2, "6.6.6.6, 198.51.100.9, 10.0.0.2", "198.51.100.9"),
    (2, "198.51.100.9", "10.0.0.1"),  # fewer hops than proxies: the header is not trusted
    (1, "not-an-address", "10.0.0.1"),
])
def test_client_address_behind_trusted_proxies(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(FakeRequest("10.0.0.1", forwarded)) == expected


def test_attempts_record_the_address_the_proxy_saw(client, settings, alice):
    from axes.models import AccessAttempt

    settings.TRUSTED_PROXY_COUNT = 1
    sign_in(client, "alice", "wrong", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.9")
    assert AccessAttempt.objects.get(username="alice").ip_address == "198.51.100.9"
