"""Browser-test fixtures: Playwright (sync API) driving Debian's headless Chromium.

Fixtures
--------
browser         session-scoped ``playwright.sync_api.Browser`` (one per xdist worker)
new_context     factory: ``new_context(locale="kk-KZ")`` -> fresh ``BrowserContext``
                (closed after the test); use it for several users in one test
page            a ``Page`` in a fresh context (viewport 1400x900, locale from
                ``browser_locale``); a failing test leaves a screenshot in
                artifacts/screenshots/failures/
browser_locale  "ru-RU" by default; override per test with
                ``@pytest.mark.browser_locale("kk-KZ")`` or by redefining the fixture
live_url        base URL of pytest-django's ``live_server`` (a ``str``, no trailing
                slash); also callable: ``live_url("/plans/")`` or
                ``live_url("plans:detail", pk=1)`` (URL name -> reverse())
screenshot      ``screenshot("plan-list")`` -> artifacts/screenshots/plan-list.png
                (``screenshot(name, page=other_page, full_page=False)`` too)

Every test under tests/e2e/ is marked ``e2e`` automatically.

Playwright's own browser download is not used (never run ``playwright install``):
the executable is /usr/bin/chromium (override with JOSPAR_CHROMIUM).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio event loop running in this thread, which
# trips Django's "You cannot call this from an async context" guard on ORM calls
# made by tests (factories, assertions) while a page is open.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("JOSPAR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",  # /dev/shm is tiny in containers
]
VIEWPORT = {"width": 1400, "height": 900}
DEFAULT_LOCALE = "ru-RU"
DEFAULT_TIMEOUT_MS = int(os.environ.get("JOSPAR_E2E_TIMEOUT_MS", "10000"))
HEADLESS = os.environ.get("JOSPAR_E2E_HEADED", "") != "1"

E2E_DIR = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser_locale(locale): locale of the `page` fixture's context")


@pytest.hookimpl(tryfirst=True)  # before `-m` deselection runs
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if E2E_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    # Remember each phase's report on the item so `page` can tell whether the test failed.
    report = yield
    setattr(item, f"_jospar_rep_{report.when}", report)
    return report


def _artifacts_dir(config: pytest.Config) -> Path:
    return Path(config.rootpath) / "artifacts" / "screenshots"


def _safe_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_")[:150] or "screenshot"


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        yield pw
    finally:
        pw.stop()


@pytest.fixture(scope="session")
def browser(playwright_instance):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: run scripts/ensure_system_packages.sh (apt-get install chromium)")
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM,
        headless=HEADLESS,
        args=CHROMIUM_ARGS,
    )
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def browser_locale(request: pytest.FixtureRequest) -> str:
    marker = request.node.get_closest_marker("browser_locale")
    return marker.args[0] if marker else DEFAULT_LOCALE


@pytest.fixture
def new_context(browser, browser_locale) -> Iterator[Callable[..., object]]:
    contexts = []

    def make(locale: str | None = None, **kwargs):
        options = {
            "viewport": VIEWPORT,
            "locale": locale or browser_locale,
            "timezone_id": "Asia/Almaty",
            **kwargs,
        }
        context = browser.new_context(**options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        with contextlib.suppress(Exception):  # browser already gone: nothing to clean up
            context.close()


@pytest.fixture
def page(new_context, request: pytest.FixtureRequest):
    page = new_context().new_page()
    yield page
    rep = getattr(request.node, "_jospar_rep_call", None)
    if rep is not None and rep.failed and not page.is_closed():
        target = _artifacts_dir(request.config) / "failures" / f"{_safe_name(request.node.nodeid)}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=str(target), full_page=True)
            print(f"\nfailure screenshot: {target}")
        except Exception as exc:  # never mask the real failure
            print(f"\nfailure screenshot not taken: {exc}")


class LiveURL(str):
    """The live server's base URL; call it to build absolute URLs."""

    def __call__(self, path_or_name: str = "/", *args, **kwargs) -> str:
        if path_or_name.startswith(("/", "?", "#")):
            return f"{self}{path_or_name}"
        from django.urls import reverse

        return f"{self}{reverse(path_or_name, args=args or None, kwargs=kwargs or None)}"


@pytest.fixture
def live_url(live_server) -> LiveURL:
    return LiveURL(live_server.url.rstrip("/"))


@pytest.fixture
def screenshot(page, request: pytest.FixtureRequest) -> Callable[..., Path]:
    directory = _artifacts_dir(request.config)

    def take(name: str, *, page=page, full_page: bool = True) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        target = directory / f"{_safe_name(name)}.png"
        page.screenshot(path=str(target), full_page=full_page)
        return target

    return take
