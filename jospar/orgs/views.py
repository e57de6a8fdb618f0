"""Signing in and out (and the lock-out page), and the language switch that remembers the choice."""
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import activate
from django.views.decorators.http import require_POST

from .models import Person


@require_POST
def set_language(request):
    """Switch the interface language; remembered in a cookie and, once signed in, on the person."""
    lang = request.POST.get("language", "")
    codes = {code for code, _ in settings.LANGUAGES}
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = "/"
    response = HttpResponseRedirect(target)
    if lang in codes:
        activate(lang)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            lang,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        if request.user.is_authenticated:
            Person.objects.update_or_create(user=request.user, defaults={"language": lang})
    return response


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lock-out page (settings.AXES_LOCKOUT_CALLABLE): which account, for how long, what to do."""
    username = get_client_username(request, credentials) or ""
    minutes = max(1, round(get_cool_off(request).total_seconds() / 60))
    context = {"username": username, "minutes": minutes, "failure_limit": get_failure_limit(request, credentials)}
    return render(request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
