"""Downloads of the official documents and the Excel round trips: thin views over selectors and services."""
from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from jospar.documents.assembly import form1 as selectors
from jospar.documents.models import StoredDocument
from jospar.documents.stored import served_form1
from jospar.documents.writers.render import CONTENT_TYPES, render
from jospar.ops.router import read_from_primary, replica_reads
from jospar.orgs.permissions import access_of
from jospar.planning.models import PlanVersion
from jospar.web import revalidate


def attachment(data: bytes, filename: str, fmt: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def stored_attachment(stored: StoredDocument) -> HttpResponse:
    """The bytes stored when the document was approved or submitted, exactly; the ETag is their SHA-256."""
    response = attachment(bytes(stored.data), stored.filename, stored.fmt)
    del response["Cache-Control"]
    return revalidate.revalidated(response, f'"{stored.sha256}"')


def served_stored(request, parts: tuple, find: Callable[[], StoredDocument | None]) -> HttpResponse | None:
    """A stored document, or 304 when the browser has it: its ETag is kept under ``parts`` (what names the
    file: a stored file never changes), so a revalidation reads nothing but the permission. None when nothing
    is stored (a draft, a report taken back)."""
    name = "jospar:stored-etag:" + revalidate.key(*parts)
    if (unchanged := revalidate.not_modified(request, cache.get(name))) is not None:
        return unchanged
    stored = find()
    if stored is None:
        return None
    cache.set(name, f'"{stored.sha256}"')
    return revalidate.not_modified(request, f'"{stored.sha256}"') or stored_attachment(stored)


def plan_version(request, year: int, number: int, perm: str = "planning.view_plan") -> PlanVersion:
    """The version of the user's body's plan for ``year``, after the permission check."""
    access = access_of(request.user)
    version = get_object_or_404(
        PlanVersion.objects.select_related("plan__body"), plan__body_id=access.member_body_id, plan__year=year,
        number=number,
    )
    if not request.user.has_perm(perm, version.plan):
        raise PermissionDenied
    return version


@replica_reads
@login_required
def form1(request, year: int, number: int, lang: str, fmt: str):
    version = plan_version(request, year, number)
    if not version.is_approved and read_from_primary():  # a draft still changes: the replica may lag behind it
        version = plan_version(request, year, number)
    if version.is_approved:  # the files stored at its approval
        stored = served_stored(request, ("form1", version.pk, lang, fmt), lambda: served_form1(version, lang, fmt))
        if stored is not None:
            return stored
    doc = selectors.form1_document(version, lang)
    return attachment(render(doc, fmt), f"{doc.filename}.{fmt}", fmt)
