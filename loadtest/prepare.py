"""The data of `make loadtest`, after the demo is loaded: a 2,000-event plan of its own body (built as
`make bench` builds the report page's, with a planner and a unit head), one password for every account, and
the journeys' file: each account's addresses (written as JSON to the path given)."""
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jospar.settings")

import django  # noqa: E402

django.setup()

from bench_report_page import setup  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.urls import reverse  # noqa: E402

from jospar.clock import today_in  # noqa: E402
from jospar.monitoring.models import Report  # noqa: E402
from jospar.orgs.models import Membership, Role  # noqa: E402
from jospar.planning.models import PlanVersion  # noqa: E402
from tests.factories import member  # noqa: E402

PASSWORD = "jospar-demo"  # noqa: S105 (the demo's own password, on loopback)
BIG = "load2000"
DEMO_ACCOUNTS = ("planner", "executive", "viewer", "head1", "staff1", "national")


def plan_urls(body, year: int) -> dict[str, str]:
    """Form 1, the newest report (Form 2 page) and the Form 1 DOCX of the newest approved version."""
    version = PlanVersion.objects.filter(plan__body=body, plan__year=year, status="approved").order_by("-number")[0]
    report = Report.objects.filter(period__plan=version.plan).order_by("-period__quarter")[0]
    return {"form1": reverse("planning:plan_detail", args=[year]),
            "report": reverse("monitoring:report", args=[year, report.period.quarter]),
            "document": reverse("documents:form1", args=[year, version.number, "ru", "docx"])}


def worklist(user, year: int, quarter: int) -> str:
    unit = Membership.objects.filter(user=user).exclude(unit=None).values_list("unit_id", flat=True)[0]
    return reverse("monitoring:unit", args=[year, quarter, unit])


def main(out: Path) -> None:
    year = today_in().year
    quarter = (today_in().month - 1) // 3 + 1
    users = get_user_model().objects
    planner, version, _report = setup(2000, year, code=BIG)
    body = version.plan.body
    head = member(body, Role.UNIT_HEAD, body.units.get(code="su1"), username=f"{BIG}-head")
    users.filter(username__in=(*DEMO_ACCOUNTS, BIG, head.username)).update(password=make_password(PASSWORD))
    demo = plan_urls(users.get(username="planner").memberships.get().body, year)
    big = {f"{k}_2000": v for k, v in plan_urls(body, year).items()}
    common = {"home": reverse("home"), "national": reverse("national:bodies") + f"?year={year}"}
    accounts = {name: {"urls": {**common, **demo, "worklist": worklist(users.get(username=name), year, quarter)}}
                for name in ("head1", "staff1")}
    accounts |= {name: {"urls": {**common, **demo}} for name in ("planner", "executive", "viewer", "national")}
    accounts[BIG] = {"urls": {**common, **big}}
    accounts[head.username] = {"urls": {**common, "worklist_2000": worklist(head, year, 3)}}
    out.write_text(json.dumps({"password": PASSWORD, "accounts": accounts}, indent=1))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
