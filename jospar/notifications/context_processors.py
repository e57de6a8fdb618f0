"""Expose the user's unread notifications (counted only when a template shows them) to every template."""
from django.utils.functional import SimpleLazyObject

from .services import unread_count


def unread(request):
    user = getattr(request, "user", None)
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
