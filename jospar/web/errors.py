"""Error pages in the app's layout and the reader's language, with DEBUG off too."""
from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A form sent with an expired or missing security token (CSRF_FAILURE_VIEW)."""
    return render(request, "403_csrf.html", status=403)
