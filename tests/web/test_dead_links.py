"""Issue 10.15: nobody is shown links that end in 403. For each demo role, crawl the same-site GET links
reachable from home (bounded) and fail on any link that answers 403 Forbidden."""
import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.management import call_command

from jospar.demo.content import PEOPLE

pytestmark = pytest.mark.django_db
MAX_PAGES = 80  # pages read per role
PER_SHAPE = 4  # links of one shape (/plans/N/events/N/) followed from each kind of page: every kind is reached
SKIP = ("/accounts/logout/", "/admin/", "/api/", "/static/", "/i18n/")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


@pytest.fixture
def demo(settings):
    settings.DEMO_SIGNATURES = True  # the signatures' pages are walked too
    with time_machine.travel("2026-11-25 10:00 +05:00", tick=False):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield


def _local(base, href):
    target = urldefrag(urljoin(base, href))[0]
    parts = urlsplit(target)
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return None if path.startswith(SKIP) else path


def _shape(path):
    return re.sub(r"\d+", "N", path.split("?")[0])


def crawl(client):
    """Links shown to the user that answer 403, each with the page that showed it; and pages read."""
    shapes, seen, queue, dead, pages = Counter(), {"/"}, deque([("/", "home")]), [], 0
    while queue and pages < MAX_PAGES:
        url, shown_on = queue.popleft()
        response = client.get(url)
        if response.status_code == 403:
            dead.append(f"{url} (on {shown_on})")
        if response.status_code in (301, 302):
            queue.appendleft((response["Location"], shown_on))
            continue
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        pages += 1
        parser = Links()
        parser.feed(response.content.decode())
        for href in parser.hrefs:
            path = _local(url, href)
            shape = path and (_shape(url), _shape(path))
            if not path or path in seen or shapes[shape] >= PER_SHAPE:
                continue
            seen.add(path)
            shapes[shape] += 1
            queue.append((path, url))
    return dead, pages


@pytest.mark.once  # permissions and templates, whatever the database
@pytest.mark.parametrize("username", [p["username"] for p in PEOPLE])
def test_no_role_is_shown_links_it_may_not_follow(client, demo, username):
    client.force_login(User.objects.get(username=username))
    client.cookies["django_language"] = "ru"
    dead, pages = crawl(client)
    assert pages >= 10, f"{username} reached only {pages} pages"
    assert not dead, f"{username} is shown {len(dead)} links answering 403: " + ", ".join(dead[:30])
