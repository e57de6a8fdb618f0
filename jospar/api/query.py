"""Query parameters, checked: a value a parameter does not take is a 400 naming it (never silently read as
"no filter", which would answer everything). Absent means no filter; present but empty is refused."""
import re

from django.utils.translation import gettext as _
from rest_framework import exceptions

WHOLE = re.compile(r"-?\d{1,9}")


def refuse(name: str, message: str) -> exceptions.ValidationError:
    return exceptions.ValidationError({name: [exceptions.ErrorDetail(message, "invalid")]})


def whole_number(request, name: str, *, low: int | None = None, high: int | None = None) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    if not WHOLE.fullmatch(raw):
        raise refuse(name, _("Enter a whole number."))
    value = int(raw)
    if (low is not None and value < low) or (high is not None and value > high):
        raise refuse(name, _("Enter a whole number from %(low)s to %(high)s.") % {"low": low, "high": high})
    return value


def choice(request, name: str, choices) -> str | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    if raw not in choices:
        raise refuse(name, _("Choose one of: %(choices)s.") % {"choices": ", ".join(choices)})
    return raw
