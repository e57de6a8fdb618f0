"""An event cancelled by an amendment after it fell due stays in the cumulative (official) report,
struck through with what was reported on it; it leaves the quarter view and the work lists."""
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from jospar.documents.assembly.form2 import form2_document
from jospar.documents.writers.render import render
from jospar.monitoring import selectors
from tests.documents.readback import docx_rows
from tests.monitoring.test_work_list import _amend
from tests.monitoring.world import report_all


def rows_of(world, quarter, view=selectors.CUMULATIVE):
    return {r.label: r for r in selectors.form2_rows(world.period(quarter), "en", view=view) if r.kind == "event"}


def test_a_cancelled_event_keeps_what_fell_due_before_its_cancellation(world):
    report_all(world, 1, "2026-04-08", status="not_executed")
    _amend(world, date(2026, 5, 4), cancel="a_march", rename="b_q3")
    cumulative = rows_of(world, 2)
    march = cumulative["Event a_march"]
    assert march.cancelled and march.status == "not_executed" and march.reasons == "Причина"
    assert not any(r.cancelled for name, r in cumulative.items() if name != "Event a_march")
    assert "Event a_march" not in rows_of(world, 2, view=selectors.QUARTER)
    listing = selectors.work_list(world.period(2), world.units["a"], "en")
    assert world.events["a_march"] not in [w.info.event_id for w in listing.items]  # no longer carried over


def test_what_falls_due_after_the_cancellation_is_not_in_the_report(world):
    report_all(world, 1, "2026-04-08")
    _amend(world, date(2026, 2, 1), cancel="a_march", rename="b_q3")  # cancelled before its March deadline
    assert "Event a_march" not in rows_of(world, 2)


def test_the_official_documents_strike_it_through(world):
    report_all(world, 1, "2026-04-08", status="not_executed")
    _amend(world, date(2026, 5, 4), cancel="a_march", rename="b_q3")
    doc = form2_document(world.period(2), "ru")
    march = next(line for line in doc.events() if line.cells[1] == "Мероприятие a_march")
    assert march.cancelled
    document, _ = docx_rows(render(doc, "docx"))
    strikes = [r for r in document.element.body.iter() if r.tag.endswith("}strike")]
    assert strikes


def test_cancellations_cost_one_query_whatever_their_number(world):
    report_all(world, 1, "2026-04-08")
    with CaptureQueriesContext(connection) as before:
        selectors.form2_rows(world.period(2), "en")
    _amend(world, date(2026, 5, 4), cancel="a_march", rename="b_q3")
    with CaptureQueriesContext(connection) as after:
        selectors.form2_rows(world.period(2), "en")
    assert len(after.captured_queries) <= len(before.captured_queries) + 1
