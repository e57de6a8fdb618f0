"""Expose the user's roles (`access`) and unread notifications to every template."""
from django.utils.functional import SimpleLazyObject

from jospar.notifications.services import unread_count

from .permissions import access_of


def membership(request):
    user = getattr(request, "user", None)
    return {"access": access_of(user), "unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
