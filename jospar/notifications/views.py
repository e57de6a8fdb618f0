from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .models import Notification
from .services import mark_read


@login_required
def inbox(request):
    notes = Notification.objects.filter(recipient=request.user).select_related("actor__person")[:100]
    return render(request, "notifications/inbox.html", {"notes": notes})


@require_POST
@login_required
def read_all(request):
    mark_read(request.user)
    return redirect("notifications:inbox")


@login_required
def open_note(request, pk: int):
    """Go to what the notification is about; the inbox's button (POST) also marks it read. A GET (an old
    link) only goes there: reading never writes."""
    note = Notification.objects.filter(recipient=request.user, pk=pk).first()
    if note is None:
        return redirect("notifications:inbox")
    if request.method == "POST":
        mark_read(request.user, [pk])
    return redirect(note.url or "notifications:inbox")
