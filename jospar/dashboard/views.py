from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from jospar.clock import today_in
from jospar.ops.router import replica_reads
from jospar.orgs.permissions import access_of

from .selectors import home_cards, installation_card


@replica_reads
@login_required
def home(request):
    access = access_of(request.user)
    today = today_in()
    cards = home_cards(access, today)
    if request.user.has_perm("orgs.manage_installation"):
        cards.append(installation_card())
    return render(request, "dashboard/home.html", {"cards": cards, "today": today})
