from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from jospar.clock import today_in
from jospar.i18n import current_lang
from jospar.monitoring import selectors as monitoring
from jospar.ops.router import replica_reads
from jospar.orgs.models import Role
from jospar.orgs.permissions import access_of
from jospar.planning.models import OperationalPlan

from .selectors import home_cards, installation_card


@replica_reads
@login_required
def home(request):
    access = access_of(request.user)
    today = today_in()
    cards = home_cards(access, today)
    if request.user.has_perm("orgs.manage_installation"):
        cards.append(installation_card())
    indicators, period = _indicators(access, today)
    return render(request, "dashboard/home.html", {"cards": cards, "today": today, "indicators": indicators,
                                                   "period": period, "lang": current_lang()})


def _indicators(access, today):
    """The executive's view of the current plan's goals and indicators (planned against actual, events)."""
    if not (access.is_member and access.has(Role.EXECUTIVE)):
        return None, None
    plan = OperationalPlan.objects.filter(body_id=access.member_body_id, year=today.year).first()
    if plan is None:
        return None, None
    return monitoring.home_indicators(plan, today, current_lang())
