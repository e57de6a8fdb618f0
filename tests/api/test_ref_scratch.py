import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from .calls import client_for
from .test_reference import two_bodies, grow, devplan_of  # noqa

pytestmark = pytest.mark.django_db

@pytest.mark.parametrize("n", [0, 30])
def test_counts(two_bodies, n):
    grow(two_bodies, n)
    a = two_bodies["a"]
    big = devplan_of(a["body"], directions=2 + n // 3, year_from=2050, year_to=2050)
    planner, national = client_for(a["planner"]), client_for(two_bodies["national"])
    out = []
    for client, url in ((planner, reverse("api:bodies")), (national, reverse("api:bodies")),
                        (planner, reverse("api:body", args=["body-a"])), (planner, reverse("api:units")),
                        (planner, reverse("api:unit", args=[a["unit"].pk])), (planner, reverse("api:development_plans")),
                        (planner, reverse("api:development_plan", args=[big.pk]))):
        with CaptureQueriesContext(connection) as q:
            r = client.get(url)
        out.append((url, r.status_code, len(q.captured_queries)))
        if "development-plans/" in url and n == 30:
            for x in q.captured_queries: print(x["sql"][:150])
    print(n, out)
