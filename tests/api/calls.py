"""Calling the API as the tests do: a forced login, JSON bodies, raw bytes."""
from django.urls import reverse
from rest_framework.test import APIClient


def client_for(user, lang: str | None = None) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=lang) if lang else APIClient()
    client.force_authenticate(user)
    return client


def event_url(revision) -> str:
    return reverse("api:event", args=[revision.version.plan.year, revision.pk])


def patch(client, revision, **fields):
    return client.patch(event_url(revision), {"lock_version": revision.lock_version, **fields}, format="json")


def patch_raw(client, revision, body: bytes, content_type: str = "application/json"):
    return client.generic("PATCH", event_url(revision), body, content_type=content_type)
