"""Expose the user's roles (`access`) to every template."""
from .permissions import access_of


def membership(request):
    return {"access": access_of(getattr(request, "user", None))}
