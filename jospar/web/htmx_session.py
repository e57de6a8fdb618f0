"""An htmx request whose session ended (or changed) sends the whole page to the login, not a fragment.

Without this, `login_required` answers an in-place edit with a redirect the browser follows silently,
and htmx swaps the login page into the table. Here the redirect to the login becomes `HX-Redirect` to
`login?next=<the page the user is on>` (from `HX-Current-URL`), so after logging in the user comes back
to that page, not to the fragment's URL. A 403 (say, the CSRF token changed with a new login in another
tab) reloads the page (or goes to the login when nobody is logged in any more): the user then sees
it as the current session allows.
"""
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect


def _is_login_redirect(response) -> bool:
    if response.status_code not in (301, 302, 303):
        return False
    return urlsplit(response["Location"]).path == resolve_url(settings.LOGIN_URL)


class HtmxSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, "htmx", False):
            return response
        page = request.htmx.current_url_abs_path or resolve_url(settings.LOGIN_REDIRECT_URL)
        anonymous = not request.user.is_authenticated
        login = redirect_to_login(page)["Location"]
        if _is_login_redirect(response):
            return HttpResponseClientRedirect(login)  # a redirect would be followed by the request itself
        if response.status_code == 403 and "HX-Trigger" not in response:
            # htmx acts on these headers whatever the status, which stays 403
            if anonymous:
                response["HX-Redirect"] = login
            else:
                response["HX-Refresh"] = "true"
        return response
