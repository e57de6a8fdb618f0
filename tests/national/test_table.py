"""The national table: kept figures of every body side by side, filters, sorting, totals, query counts."""
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from jospar.monitoring.summary_models import PlanState
from jospar.orgs.models import BodyKind, Region
from tests.factories import StateBodyFactory
from tests.national.factories import QuarterSummaryFactory, YearSummaryFactory, kept_body, national_user

pytestmark = pytest.mark.django_db
TODAY = "2026-08-20 10:00 +05:00"  # Q1 and Q2 are past their deadlines, Q3 is running


@pytest.fixture
def national(client):
    client.force_login(national_user())
    client.cookies["django_language"] = "en"
    return client


def page(client, **query):
    with time_machine.travel(TODAY, tick=False):
        response = client.get(reverse("national:bodies"), {"year": 2026, **query})
    assert response.status_code == 200
    return response.content.decode()


def body_order(html: str, codes) -> list[str]:
    found = sorted((html.index(f'data-body="{c}"'), c) for c in codes if f'data-body="{c}"' in html)
    return [c for _, c in found]


def test_the_table_shows_each_bodys_kept_figures(national):
    kept_body("water", name_en="Ministry of Water", quarters=2, report_late=True)
    html = page(national)
    assert 'data-body="water"' in html and "Ministry of Water" in html
    # Q1: 6 on time, 1 late, 1 missing of 8 units with anything due; the report late by 5 days
    assert '<span class="n-on_time">6</span> · <span class="n-late">1</span> · <span class="n-missing">1</span>' in html
    assert "20.04.2026 (+5)" in html
    assert "70.0%" in html  # 28 of 40 occurrences due executed



def test_a_body_without_kept_figures_shows_no_plan_and_its_name_is_text(national):
    StateBodyFactory(code="newbody", name_en="<b>New</b> committee")
    html = page(national)
    assert "&lt;b&gt;New&lt;/b&gt; committee" in html and "<b>New</b>" not in html
    row = html[html.index('data-body="newbody"'):]
    row = row[:row.index("</tr>")]
    assert "no plan" in row and "—" in row


def test_filters_by_kind_region_and_status(national):
    kept_body("water", kind=BodyKind.CENTRAL, name_en="Water ministry")
    kept_body("almaty", kind=BodyKind.REGIONAL_AKIMAT, region=Region.ALMATY, name_en="Almaty region akimat")
    draft = StateBodyFactory(code="astana", kind=BodyKind.REGIONAL_AKIMAT, region=Region.ASTANA,
                             name_en="Astana akimat")
    YearSummaryFactory(body=draft, state=PlanState.DRAFT, version_in_force=0, approved_on=None)
    codes = ["water", "almaty", "astana", "mne"]
    assert body_order(page(national, kind="regional_akimat"), codes) == ["almaty", "astana"]
    assert body_order(page(national, region="almaty"), codes) == ["almaty"]
    assert body_order(page(national, region="none"), codes) == ["mne", "water"]
    assert body_order(page(national, status="draft"), codes) == ["astana"]
    assert body_order(page(national, status="none"), codes) == ["mne"]
    html = page(national, kind="nonsense", region="<script>", status="x")  # unknown values: no filter
    assert body_order(html, codes) == ["almaty", "astana", "mne", "water"] and "<script>" not in html


def test_every_column_sorts_both_ways_and_empty_values_come_last(national):
    early = kept_body("early", name_en="Alpha")
    late = kept_body("late", name_en="Beta")
    YearSummaryFactory._meta.model.objects.filter(body=late).update(approved_on=date(2026, 1, 20))  # 20 days late
    YearSummaryFactory._meta.model.objects.filter(body=early).update(amendments=2)
    codes = ["early", "late", "mne"]
    assert body_order(page(national, sort="late", dir="desc"), codes) == ["late", "early", "mne"]
    assert body_order(page(national, sort="late"), codes) == ["early", "late", "mne"]  # no plan: last both ways
    assert body_order(page(national, sort="amendments", dir="desc"), codes) == ["early", "late", "mne"]
    assert body_order(page(national, sort="body", dir="desc"), codes) == ["mne", "late", "early"]
    from jospar.national.selectors import SORT_KEYS
    for key in SORT_KEYS:  # every column is a sort link and sorts without an error
        for direction in ("asc", "desc"):
            html = page(national, sort=key, dir=direction)
            assert 'aria-sort="%s"' % ("ascending" if direction == "asc" else "descending") in html
    html = page(national, sort="late", dir="desc")
    assert 'href="?year=2026&amp;sort=late&amp;dir=asc"' in html  # the sorted column's link turns it round


def test_totals_add_up_the_rows(national):
    kept_body("one", quarters=2)
    kept_body("two", quarters=1, report_late=True)
    YearSummaryFactory._meta.model.objects.filter(body__code="two").update(
        decisions_open=3, open_decision_due_dates=["2026-08-01", "2026-09-01"], amendments=1)
    html = page(national)
    totals = html[html.index('<tr class="totals">'):]
    totals = totals[:totals.index("</tr>")]
    assert "Total: 3 bodies" in totals
    # Q1 of both: 12 on time, 2 late, 2 missing of 16
    assert ('<span class="n-on_time">12</span> · <span class="n-late">2</span> · <span class="n-missing">2</span>'
            in totals)
    assert '<td class="num">3</td><td class="num">1</td><td class="num">1</td></tr>' in totals + "</tr>"
    assert "70.0%" in totals  # (28 + 14) of 60
    # the overdue decision (due 01.08, open on 20.08) is derived from today, not kept
    row = html[html.index('data-body="two"'):]
    assert '<td class="num late">1</td>' in row[:row.index("</tr>")]


def test_units_not_yet_due_are_pending_not_missing(national):
    b = kept_body("water", quarters=0)
    QuarterSummaryFactory(body=b, quarter=3, units_due=5, units_on_time=2)
    html = page(national)  # 20.08: Q3's information is due on 10.10
    row = html[html.index('data-body="water"'):]
    row = row[:row.index("</tr>")]
    assert '<span class="n-missing">0</span> <span class="of">/ 5</span>' in row and ">+3</span>" in row
    assert "not yet due" in row  # the report of Q3 is not due either


def test_units_with_nothing_due_are_not_counted(national):
    b = kept_body("water", quarters=0)
    QuarterSummaryFactory(body=b, quarter=1, units_due=0)
    html = page(national)
    assert 'title="no unit had anything due">0</td>' in html


@pytest.mark.parametrize("n", [3, 30])
def test_the_page_takes_the_same_queries_for_3_and_30_bodies(national, django_assert_num_queries, n):
    for i in range(n):
        kept_body(f"b{i:02d}", quarters=4, report_late=i % 2 == 0)
    page(national)  # warm: the session, the user, the translations
    # the session, the user, the membership; the bodies with their year's row, the year's quarters, two trends;
    # the page's frame: unread notifications, the user's name
    with django_assert_num_queries(12):  # 9, and the indicators on track per body (issue 18)
        page(national, sort="q2r", dir="desc")


def test_the_charts_are_inline_svg_with_a_text_alternative(national):
    kept_body("water", quarters=2, report_late=True)
    html = page(national)
    assert html.count('<svg class="chart" role="img"') == 7
    assert '<title id="chart-q-reports-title">Reports (§15), 2026</title>' in html
    assert '<desc id="chart-q-reports-desc">' in html
    assert "<summary>The chart&#x27;s figures</summary>" in html or "<summary>The chart's figures</summary>" in html
    assert "<title>Q1: late 1 (100.0%)</title>" in html  # each bar's figures where the pointer rests
    assert "cdn" not in html.lower() and "<script" not in html.split("</head>")[1]


def test_the_export_is_the_table_as_a_workbook_with_safe_cells(national):
    from io import BytesIO

    from openpyxl import load_workbook

    kept_body("water", name_en="=HYPERLINK(\"http://evil\")", report_late=True)
    kept_body("other", name_en="Other ministry")
    with time_machine.travel(TODAY, tick=False):
        response = national.get(reverse("national:export"), {"year": 2026, "sort": "body", "dir": "desc"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert 'filename="national-2026-en.xlsx"' in response["Content-Disposition"]
    ws = load_workbook(BytesIO(response.content)).active
    names = [ws.cell(row=r, column=1) for r in range(4, 7)]
    assert [c.value for c in names] == ["Other ministry", "Ministry of National Economy", '=HYPERLINK("http://evil")']
    evil = names[2]
    assert evil.data_type == "s" and evil.quotePrefix  # text, never a formula
    header = [c.value for c in ws[3]]
    assert header[:3] == ["State body", "Code", "Kind of body"] and "Q1: late" in header
    row = {h: c.value for h, c in zip(header, ws[6], strict=True)}
    assert row["Q1: on time"] == 6 and row["Q1: Report"] == "late" and row["executed, %"] == 70.0
    assert ws.cell(row=7, column=1).value == "Total: 3 bodies"


def test_the_national_user_finds_the_view_from_home_and_the_menu(client):
    client.force_login(national_user())
    client.cookies["django_language"] = "en"
    with time_machine.travel(TODAY, tick=False):
        html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("national:bodies")}?year=2026"' in html and "National view" in html
    assert f'href="{reverse("national:bodies")}"' in html  # the main menu
    assert reverse("planning:plan_list") not in html  # no body's own pages for the national role alone
