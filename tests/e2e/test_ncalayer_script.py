"""Issue 17: the page script jospar/static/js/ncalayer.js alone, against the NCALayer stand-in.

A tiny page (served by Playwright's routing, under the production Content-Security-Policy plus the
stand-in in connect-src) carries the DOM contract of a signing form; the prepare URL answers two documents.
The posted form must carry a valid detached CMS for each document, with the current module (one basics
`sign` call for both) and with an NCALayer that only has the old commonUtils module; a cancel, an NCALayer
that is not running and a refusal each show their message and post nothing. No database, no Django pages.
"""
from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect

from jospar.signatures.crypto import demo_ca
from jospar.signatures.crypto.verify import verify_detached
from tests.e2e.ncalayer_standin import NCALayerStandIn

STATIC = Path(__file__).resolve().parents[2] / "jospar" / "static"
ORIGIN = "http://127.0.0.1:9"  # loopback, like NCALayer: Chromium blocks a public page from reaching 127.0.0.1
IIN = "850101300111"
DOCS = {"cms_kk": b"%PDF-1.4 kk " + bytes(range(256)) * 4, "cms_ru": b"%PDF-1.4 ru " + bytes(range(255, -1, -1)) * 4}
MSG = {  # as the server renders them (kk)
    "connecting": "NCALayer-ге қосылу…",
    "no-ncalayer": "NCALayer іске қосылмаған: оны іске қосып, қайталаңыз.",
    "cancelled": "Қол қою тоқтатылды. Ештеңе жіберілмеді.",
    "failed": "Қол қою сәтсіз аяқталды. Ештеңе жіберілмеді.",
    "signing": "NCALayer терезесінде кілтті таңдап, құпиясөзді енгізіңіз…",
}


@pytest.fixture(scope="module")
def authority():
    return demo_ca.make_authority()


@pytest.fixture(scope="module")
def credentials(authority):
    own = demo_ca.issue(authority, iin=IIN, surname="Ахметова", given_name="Айгүл")
    other = demo_ca.issue(authority, iin="900202400222", surname="Серіков", given_name="Бауыржан")
    return own, other


@pytest.fixture
def standin(credentials):
    own, other = credentials
    server = NCALayerStandIn(own, other=other).start()
    yield server
    server.stop()


def form_page(ncalayer_url: str, *, required: bool = True, confirm: bool = False) -> str:
    msgs = " ".join(f'data-msg-{k}="{v}"' for k, v in MSG.items())
    confirm_attr = 'data-confirm="Бекітесіз бе?"' if confirm else ""
    sign_button = ("" if required else
                   '<button type="submit" name="how" value="signed" data-sign>ЭЦП-мен қол қою</button>')
    return f"""<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>sign</title>
<script src="/static/jospar/jospar.js" defer></script><script src="/static/js/ncalayer.js" defer></script></head>
<body data-confirm-yes="Иә, жалғастыру" data-confirm-no="Болдырмау"><main>
<form method="post" action="/act" data-sign-url="/prepare" data-sign-required="{1 if required else 0}"
  data-ncalayer-url="{ncalayer_url}" {msgs} {confirm_attr}>
  <input type="hidden" name="csrfmiddlewaretoken" value="t">
  <input type="hidden" name="cms_kk"><input type="hidden" name="cms_ru">
  <p class="sign-status" role="status" aria-live="polite"></p>
  <button type="submit" name="how" value="plain">Бекіту</button>{sign_button}
</form></main></body></html>"""


class Site:
    """The fake origin: the page, the two scripts, the prepare JSON, and the act that records what is posted."""

    def __init__(self, page, ncalayer_url: str, **form_options) -> None:
        self.posted: list[dict[str, list[str]]] = []
        self.prepared = 0
        csp = ("default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'; "
               f"form-action 'self'; frame-ancestors 'none'; connect-src 'self' {ncalayer_url}")
        html = form_page(ncalayer_url, **form_options)

        def handle(route, request):
            path = request.url.removeprefix(ORIGIN)
            if path == "/form":
                route.fulfill(status=200, body=html, headers={"Content-Type": "text/html; charset=utf-8",
                                                              "Content-Security-Policy": csp})
            elif path.startswith("/static/"):
                route.fulfill(status=200, path=str(STATIC / path.removeprefix("/static/")),
                              headers={"Content-Type": "text/javascript"})
            elif path == "/prepare":
                self.prepared += 1
                assert request.method == "GET"
                route.fulfill(status=200, content_type="application/json", body=json.dumps({
                    "documents": [{"field": f, "name": f"plan-{f[-2:]}.pdf", "data": base64.b64encode(d).decode()}
                                  for f, d in DOCS.items()],
                    "iin": IIN, "locale": "kk"}))
            elif path == "/act" and request.method == "POST":
                self.posted.append(parse_qs(request.post_data or "", keep_blank_values=True))
                route.fulfill(status=200, body="<!doctype html><title>done</title><h1>done</h1>",
                              headers={"Content-Type": "text/html; charset=utf-8"})
            else:
                route.fulfill(status=404, body="")

        page.route(f"{ORIGIN}/**", handle)
        # Chromium's Local Network Access: a page that is not itself on the loopback (a routed one counts as
        # public) may reach 127.0.0.1 only when the user allows it, as a real official does once per site.
        page.context.grant_permissions(["local-network-access"])
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)

    def open(self):
        self.page.goto(f"{ORIGIN}/form")
        return self.page


def verified(field: str, b64: str, authority, iin: str | None = IIN):
    return verify_detached(DOCS[field], base64.b64decode(b64), roots=[authority.certificate], expected_iin=iin,
                           at=datetime.now(UTC), revocation=False)


@pytest.mark.parametrize("mode", ["sign", "old"])
def test_both_documents_signed_and_posted_with_the_pressed_button(page, standin, authority, screenshot, mode):
    standin.old_api = mode == "old"
    site = Site(page, standin.url)
    site.open().get_by_role("button", name="Бекіту").click()
    expect(page.locator("h1")).to_have_text("done")
    assert len(site.posted) == 1, site.errors
    form = site.posted[0]
    assert form["how"] == ["plain"]  # re-submitted with the same submitter
    for field in DOCS:
        result = verified(field, form[field][0], authority)
        assert result.status == "valid", (field, result.failed)
    calls = [(r["module"], r["method"]) for r in standin.requests]
    if mode == "sign":  # one call for both documents, with the signer's IIN and the signing key usage
        assert calls == [("kz.gov.pki.knca.basics", "sign")]
        args = standin.requests[0]["args"]
        assert args["format"] == "cms" and len(args["data"]) == 2
        assert args["signingParams"] == {"decode": True, "encapsulate": False, "digested": False}
        assert args["signerParams"] == {"extKeyUsageOids": ["1.3.6.1.5.5.7.3.4"], "iin": IIN}
        assert args["allowedStorages"] == ["PKCS12", "AKKaztokenStore", "AKKZIDCardStore", "AKEToken72KStore",
                                           "AKJaCartaStore"]
        assert args["locale"] == "kk"
    else:  # basics missing: the older module, once per document
        assert calls == [("kz.gov.pki.knca.basics", "sign"), ("kz.gov.pki.knca.commonUtils", "getActiveTokens"),
                         ("kz.gov.pki.knca.commonUtils", "createCMSSignatureFromBase64"),
                         ("kz.gov.pki.knca.commonUtils", "createCMSSignatureFromBase64")]
    assert not [e for e in site.errors if "Content Security Policy" in e]


def test_another_persons_key_is_signed_but_fails_the_iin_check(page, standin, authority):
    # NCALayer with basics offers only the keys of signerParams.iin; the old module does not: the server decides.
    standin.mode = "other"
    site = Site(page, standin.url)
    site.open().get_by_role("button", name="Бекіту").click()
    expect(page.locator("h1")).to_have_text("done")
    result = verified("cms_kk", site.posted[0]["cms_kk"][0], authority)
    assert result.status == "invalid" and result.failed.code == "iin"


@pytest.mark.parametrize(("mode", "old_api", "message"), [
    ("cancel", False, "cancelled"), ("cancel", True, "cancelled"), ("fail", False, "failed"),
    ("down", False, "no-ncalayer")])
def test_a_failure_shows_its_message_and_posts_nothing(page, standin, screenshot, mode, old_api, message):
    if mode == "down":
        standin.stop()
    else:
        standin.mode = mode
    standin.old_api = old_api
    site = Site(page, standin.url)
    site.open()
    button = page.get_by_role("button", name="Бекіту")
    button.click()
    status = page.locator(".sign-status")
    expect(status).to_have_text(MSG[message] + (" (SIGNING_FAILURE)" if mode == "fail" else ""))
    expect(button).to_be_enabled()
    screenshot(f"ncalayer-script-{mode}{'-old' if old_api else ''}", full_page=False)
    assert site.posted == []
    assert page.locator("input[name=cms_kk]").input_value() == ""
    if mode == "down":  # NCALayer started again: the same button now signs
        standin.start()
        button.click()
        expect(page.locator("h1")).to_have_text("done")
        assert len(site.posted) == 1


def test_not_required_signs_only_with_the_sign_button_after_the_confirmation(page, standin, authority, screenshot):
    site = Site(page, standin.url, required=False, confirm=True)
    site.open()
    # the sign button: the confirmation first (jospar.js), then NCALayer, then one post
    page.get_by_role("button", name="ЭЦП-мен қол қою").click()
    dialog = page.locator("dialog#confirm-dialog[open]")
    expect(dialog).to_have_count(1)
    assert site.prepared == 0 and standin.requests == []  # nothing asked before the answer
    screenshot("ncalayer-script-confirm", full_page=False)
    dialog.locator("button[value=yes]").click()
    expect(page.locator("h1")).to_have_text("done")
    assert len(site.posted) == 1 and site.posted[0]["how"] == ["signed"]
    assert verified("cms_ru", site.posted[0]["cms_ru"][0], authority).status == "valid"
    # the plain button of a form where signing is not required: no NCALayer at all
    site.open()
    page.get_by_role("button", name="Бекіту").click()
    page.locator("dialog#confirm-dialog[open] button[value=yes]").click()
    expect(page.locator("h1")).to_have_text("done")
    assert len(site.posted) == 2 and site.posted[1]["how"] == ["plain"] and site.posted[1]["cms_kk"] == [""]
    assert len(standin.requests) == 1 and site.prepared == 1


def test_prepare_refused_shows_the_servers_words(page, standin):
    site = Site(page, standin.url)
    page.route(f"{ORIGIN}/prepare", lambda route: route.fulfill(
        status=409, content_type="application/json", body=json.dumps({"error": "Құжат өзгерді."})))
    site.open().get_by_role("button", name="Бекіту").click()
    expect(page.locator(".sign-status")).to_have_text("Құжат өзгерді.")
    assert site.posted == [] and standin.requests == []


def test_a_second_press_while_signing_signs_and_posts_once(page, standin, authority):
    site = Site(page, standin.url)
    site.open()
    page.evaluate("""() => {
        const form = document.querySelector("form"), button = form.querySelector("button[value=plain]");
        form.requestSubmit(button);
        form.requestSubmit(button);  // pressed again before NCALayer answered (Enter twice, a double click)
    }""")
    expect(page.locator("h1")).to_have_text("done")
    assert len(site.posted) == 1 and site.prepared == 1 and len(standin.requests) == 1
    assert verified("cms_kk", site.posted[0]["cms_kk"][0], authority).status == "valid"
