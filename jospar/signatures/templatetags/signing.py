"""The signing form's DOM contract (read by `static/js/ncalayer.js`) and the links to an act's signatures.

On the act's `<form>`: `{% sign_attrs "approval" url %}` renders `data-sign-url`, `data-sign-required`,
`data-ncalayer-url` and the translated `data-msg-*`; inside it, `{% sign_controls "approval" %}` renders the
hidden `cms_*` inputs, the status box and — when signing is optional — the second submit button `data-sign`.
`{% signature_links thing %}` lists the signatures of an approved version, a submitted report or a unit's
submission (one query; nothing for drafts).
"""
from django import template
from django.conf import settings
from django.utils.translation import gettext as _

from jospar.signatures import selectors
from jospar.signatures.services import is_required

register = template.Library()

FIELDS = {"approval": ("cms_kk", "cms_ru"), "report": ("cms_kk", "cms_ru"), "unit_info": ("cms",)}


def _messages() -> dict[str, str]:
    return {
        "connecting": _("Connecting to NCALayer…"),
        "no-ncalayer": _("NCALayer is not running on this computer: start NCALayer and try again."),
        "cancelled": _("Signing was cancelled; nothing was sent."),
        "failed": _("The signature could not be made; nothing was sent."),
        "signing": _("Choose your signing key in NCALayer and enter its password…"),
        "done": _("Signed; sending…"),
    }


@register.inclusion_tag("signatures/_sign_attrs.html")
def sign_attrs(act: str, url: str) -> dict:
    """The form's attributes (escaped by the template, as any value)."""
    return {"url": url, "required": is_required(act), "ncalayer": getattr(settings, "NCALAYER_URL", ""),
            "messages": _messages()}


@register.inclusion_tag("signatures/_sign_controls.html")
def sign_controls(act: str) -> dict:
    labels = {
        "approval": _("Sign with ЭЦП and approve"),
        "report": _("Sign with ЭЦП and submit"),
        "unit_info": _("Sign with ЭЦП and submit"),
    }
    return {"fields": FIELDS[act], "required": is_required(act), "label": labels[act]}


@register.inclusion_tag("signatures/_links.html")
def signature_links(thing, kind: str) -> dict:
    finder = {"version": selectors.of_version, "report": selectors.of_report,
              "submission": selectors.of_submission}[kind]
    return {"signatures": finder(thing)}
