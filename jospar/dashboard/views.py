from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from jospar.clock import today_in
from jospar.ops.router import replica_reads
from jospar.orgs.permissions import access_of

from .selectors import home_cards


@replica_reads
@login_required
def home(request):
    access = access_of(request.user)
    today = today_in()
    return render(request, "dashboard/home.html", {"cards": home_cards(access, today), "today": today})
