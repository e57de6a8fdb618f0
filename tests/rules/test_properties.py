"""Property tests: the invariants hold for every date, period, deadline and code, not just the examples."""

import dataclasses
import json
from datetime import date, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from jospar.rules.budget import (
    CANONICAL_RE,
    BudgetCode,
    format_budget_codes,
    is_canonical,
    parse_budget_codes,
)
from jospar.rules.deadlines import Deadline, DeadlineKind, parse_wording
from jospar.rules.errors import BudgetCodeError, DeadlineError
from jospar.rules.periods import (
    ReportingPeriod,
    approval_due,
    days_left,
    delay_days,
    is_non_working_day,
    is_overdue,
    quarter_bounds,
    quarter_of,
)
from jospar.rules.rulebook import edition_by_key

K = DeadlineKind
LANGS = ("kk", "ru", "en")
plan_years = st.integers(min_value=2000, max_value=2200)
any_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2300, 12, 31))
periods = st.builds(ReportingPeriod, year=st.integers(min_value=2, max_value=9997), quarter=st.integers(1, 4))
edition_periods = st.builds(
    ReportingPeriod, year=st.integers(min_value=2020, max_value=2300), quarter=st.integers(1, 4)
)
days = st.integers(min_value=1, max_value=31)

valid_deadlines = st.one_of(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2200, 12, 31)).map(
        lambda d: Deadline(K.DATE, date=d)
    ),
    st.integers(1, 12).map(lambda m: Deadline(K.MONTH, month=m)),
    st.integers(1, 4).map(lambda q: Deadline(K.QUARTER, quarter=q)),
    # a leap year, so 29 February is among the yearly deadlines
    st.dates(min_value=date(2000, 1, 1), max_value=date(2000, 12, 31)).map(
        lambda d: Deadline(K.YEARLY, month=d.month, day=d.day)
    ),
    st.just(Deadline(K.HALF_YEARLY)),
    st.just(Deadline(K.WITHIN_YEAR)),
    st.one_of(st.none(), days).map(lambda d: Deadline(K.QUARTERLY, day=d)),
    st.one_of(st.none(), days).map(lambda d: Deadline(K.MONTHLY, day=d)),
)
field_values = st.one_of(st.none(), st.integers(-5, 40), st.booleans(), st.text(max_size=3), st.floats(0, 5))
any_deadlines = st.builds(
    Deadline,
    kind=st.one_of(st.sampled_from(list(K)), st.text(max_size=8)),
    date=st.one_of(st.none(), any_dates, st.text(max_size=10)),
    month=field_values,
    quarter=field_values,
    day=field_values,
)
parts = st.integers(0, 999).map(lambda n: f"{n:03d}")
budget_codes = st.lists(st.builds(BudgetCode, parts, st.one_of(st.none(), parts)), max_size=6, unique=True)


# ---- periods ---------------------------------------------------------------------------------


@given(st.dates(min_value=date(2020, 2, 15), max_value=date(9999, 12, 1)))
def test_approval_is_ten_calendar_days_after_signing(d):
    assert approval_due(d) - d == timedelta(days=10)


@given(edition_periods)
def test_info_and_report_due_after_the_quarter_in_the_next_month(p):
    info, report = p.info_due, p.report_due
    assert p.end < info < report
    assert (info.year, info.month) == ((p.year + 1, 1) if p.quarter == 4 else (p.year, p.quarter * 3 + 1))
    assert (report.year, report.month) == (info.year, info.month)
    assert (info.day, report.day) == (10, 15)


@given(edition_periods)
def test_shifted_due_dates_are_the_first_working_day_on_or_after(p):
    edition = dataclasses.replace(edition_by_key("mne-45-2022"), shift_to_workday=True)
    plain, shifted = p.info_due_on(edition_by_key("mne-45-2022")), p.info_due_on(edition)
    assert shifted >= plain and not is_non_working_day(shifted)
    assert all(is_non_working_day(plain + timedelta(days=i)) for i in range((shifted - plain).days))


@given(periods)
def test_next_previous_are_inverse(p):
    assert p.next().previous() == p
    assert p.previous().next() == p
    assert p.next() > p > p.previous()
    assert p.next().start == p.end + timedelta(days=1)


@given(st.integers(min_value=1, max_value=9999))
def test_quarter_bounds_cover_the_year_without_gaps(year):
    bounds = [quarter_bounds(year, q) for q in (1, 2, 3, 4)]
    assert bounds[0][0] == date(year, 1, 1) and bounds[-1][1] == date(year, 12, 31)
    for (_, end), (start, _) in zip(bounds, bounds[1:], strict=False):
        assert start == end + timedelta(days=1)
    assert (
        sum((end - start).days + 1 for start, end in bounds)
        == (date(year, 12, 31) - date(year, 1, 1)).days + 1
    )


@given(st.dates(max_value=date(9998, 12, 31)))
def test_a_date_is_in_the_period_containing_it(d):
    p = ReportingPeriod.containing(d)
    assert p.start <= d <= p.end and p.quarter == quarter_of(d) and p.contains(d)


@given(any_dates, any_dates)
def test_overdue_agrees_with_days_left_and_delay(due, other):
    assert is_overdue(due, other) is (days_left(due, other) < 0)
    assert delay_days(due, other) == max(0, -days_left(due, other))
    assert is_overdue(due, date(1900, 1, 1), done_on=other) is (delay_days(due, other) > 0)


# ---- deadlines -------------------------------------------------------------------------------


@given(valid_deadlines)
def test_dict_round_trip(deadline):
    assert Deadline.parse_dict(deadline.to_dict()) == deadline
    assert Deadline.parse_dict(json.loads(json.dumps(deadline.to_dict()))) == deadline


@given(valid_deadlines, plan_years)
def test_occurrences_are_in_or_right_after_the_plan_year(deadline, year):
    occ = deadline.occurrences(year)
    assert [o.index for o in occ] == list(range(1, len(occ) + 1))
    assert [o.due for o in occ] == sorted(o.due for o in occ)
    for o in occ:
        start, end = quarter_bounds(year, o.quarter)
        if deadline.day is not None and deadline.kind in (K.QUARTERLY, K.MONTHLY):
            # due in the month after the quarter (quarterly) or after its month (monthly)
            earliest = end if deadline.kind is K.QUARTERLY else start
            assert earliest < o.due <= end + timedelta(days=31)
            assert o.due.year == year or (o.due.year == year + 1 and o.due.month == 1 and o.quarter == 4)
        else:
            assert start <= o.due <= end and o.due.year == year
    if deadline.kind is K.DATE:
        assert len(occ) == (1 if deadline.date.year == year else 0)


@given(valid_deadlines, plan_years)
def test_falls_due_in_matches_the_occurrences(deadline, year):
    quarters = {o.quarter for o in deadline.occurrences(year)}
    for p in ReportingPeriod.all_for_year(year):
        assert deadline.falls_due_in(p) is (p.quarter in quarters)
        assert deadline.reportable_in(p) is (deadline.falls_due_in(p) or deadline.in_progress_in(p))
        if deadline.in_progress_in(p):
            assert deadline.not_yet_due_in(p)
    assert sum(len(deadline.occurrences_in(p)) for p in ReportingPeriod.all_for_year(year)) == len(
        deadline.occurrences(year)
    )


@given(valid_deadlines, st.sampled_from(LANGS), st.one_of(st.none(), plan_years))
def test_wording_reads_back(deadline, lang, year):
    text = deadline.wording(lang, year)
    assert parse_wording(text, lang) == deadline
    assert parse_wording(text.upper(), lang) == deadline


@given(valid_deadlines)
def test_reading_without_a_language_never_confuses_languages(deadline):
    assert all(parse_wording(deadline.wording(lang)) == deadline for lang in LANGS)


@given(any_deadlines)
def test_validate_raises_only_deadline_errors(deadline):
    try:
        deadline.validate()
    except DeadlineError as exc:
        assert set(exc.messages) == {"kk", "ru", "en"}
        return
    assert Deadline.parse_dict(deadline.to_dict()) == deadline


@given(st.text(max_size=40), st.sampled_from([None, *LANGS]))
def test_parse_wording_raises_only_deadline_errors(text, lang):
    try:
        deadline = parse_wording(text, lang)
    except DeadlineError:
        return
    assert deadline.is_valid


# ---- budget codes ----------------------------------------------------------------------------


@given(budget_codes, st.sampled_from(LANGS))
def test_budget_codes_round_trip(codes, lang):
    text = format_budget_codes(codes, lang)
    assert parse_budget_codes(text) == tuple(codes)
    assert is_canonical(text) is bool(codes)


@given(
    budget_codes.filter(bool),
    st.sampled_from([", ", ",", "; ", " ; "]),
    st.sampled_from([" ", "/", "-", "  "]),
)
def test_budget_codes_read_any_separators(codes, between, within):
    text = between.join(
        c.program if c.subprogram is None else f"{c.program}{within}{c.subprogram}" for c in codes
    )
    parsed = parse_budget_codes(text)
    assert parsed == tuple(codes)
    assert format_budget_codes(parsed) == ", ".join(map(str, codes))


@given(st.text(max_size=30))
def test_parse_budget_codes_raises_only_budget_errors(text):
    try:
        codes = parse_budget_codes(text)
    except BudgetCodeError as exc:
        assert set(exc.messages) == {"kk", "ru", "en"}
        return
    assume(codes)
    assert is_canonical(format_budget_codes(codes))
    assert CANONICAL_RE.startswith("^")
