"""Structured deadlines: validation, JSON form, occurrences and what falls due in a period (§7)."""

import json
from datetime import date

import pytest

from jospar.rules.deadlines import Deadline, DeadlineKind, Occurrence
from jospar.rules.errors import DeadlineError
from jospar.rules.periods import ReportingPeriod

K = DeadlineKind


def test_kinds_are_strings():
    assert [k.value for k in K] == [
        "date",
        "month",
        "quarter",
        "yearly",
        "half_yearly",
        "quarterly",
        "monthly",
        "within_year",
    ]
    assert K.QUARTER == "quarter" and f"{K.QUARTER}" == "quarter" and isinstance(K.DATE, str)


def test_constructor_coerces_a_kind_string_and_does_not_validate():
    assert Deadline("quarter", quarter=4) == Deadline(K.QUARTER, quarter=4)
    assert hash(Deadline("quarter", quarter=4)) == hash(Deadline(K.QUARTER, quarter=4))
    Deadline(K.QUARTER, quarter=9)  # no exception until validate()
    assert Deadline(["quarter"]).is_valid is False
    assert not Deadline(K.QUARTER, quarter=9).is_valid


VALID = [
    Deadline(K.DATE, date=date(2026, 7, 1)),
    Deadline(K.MONTH, month=9),
    Deadline(K.QUARTER, quarter=4),
    Deadline(K.YEARLY, month=12, day=20),
    Deadline(K.YEARLY, month=2, day=29),
    Deadline(K.HALF_YEARLY),
    Deadline(K.QUARTERLY),
    Deadline(K.QUARTERLY, day=5),
    Deadline(K.MONTHLY),
    Deadline(K.MONTHLY, day=31),
    Deadline(K.WITHIN_YEAR),
]


@pytest.mark.parametrize("deadline", VALID, ids=str)
def test_valid_deadlines(deadline):
    assert deadline.validate() is deadline
    assert deadline.is_valid


@pytest.mark.parametrize(
    ("deadline", "code"),
    [
        (Deadline("soon"), "unknown_kind"),
        (Deadline(K.DATE), "missing_field"),
        (Deadline(K.DATE, date=date(2026, 1, 1), month=1), "extra_field"),
        (Deadline(K.DATE, date="2026-01-01"), "bad_type"),
        (Deadline(K.MONTH), "missing_field"),
        (Deadline(K.MONTH, month=13), "month_range"),
        (Deadline(K.MONTH, month=0), "month_range"),
        (Deadline(K.MONTH, month=9, day=1), "extra_field"),
        (Deadline(K.MONTH, month=True), "bad_type"),
        (Deadline(K.QUARTER), "missing_field"),
        (Deadline(K.QUARTER, quarter=0), "quarter_range"),
        (Deadline(K.QUARTER, quarter=5), "quarter_range"),
        (Deadline(K.QUARTER, quarter="4"), "bad_type"),
        (Deadline(K.QUARTER, quarter=4, month=12), "extra_field"),
        (Deadline(K.YEARLY, month=12), "missing_field"),
        (Deadline(K.YEARLY, day=20), "missing_field"),
        (Deadline(K.YEARLY, month=4, day=31), "impossible_day"),
        (Deadline(K.YEARLY, month=2, day=30), "impossible_day"),
        (Deadline(K.YEARLY, month=12, day=32), "day_range"),
        (Deadline(K.YEARLY, month=12, day=0), "day_range"),
        (Deadline(K.YEARLY, month=12, day=20, quarter=4), "extra_field"),
        (Deadline(K.HALF_YEARLY, day=1), "extra_field"),
        (Deadline(K.QUARTERLY, day=0), "day_range"),
        (Deadline(K.QUARTERLY, day=32), "day_range"),
        (Deadline(K.QUARTERLY, quarter=1), "extra_field"),
        (Deadline(K.MONTHLY, day=32), "day_range"),
        (Deadline(K.MONTHLY, day=1.5), "bad_type"),
        (Deadline(K.MONTHLY, month=1), "extra_field"),
        (Deadline(K.WITHIN_YEAR, date=date(2026, 1, 1)), "extra_field"),
    ],
)
def test_invalid_deadlines(deadline, code):
    with pytest.raises(DeadlineError) as exc:
        deadline.validate()
    assert exc.value.code == code
    assert set(exc.value.messages) == {"kk", "ru", "en"} and all(exc.value.messages.values())
    assert isinstance(exc.value, ValueError)


def test_error_messages_name_the_field_in_each_language():
    with pytest.raises(DeadlineError) as exc:
        Deadline(K.QUARTER).validate()
    assert "тоқсан" in exc.value.message("kk")
    assert "квартал" in exc.value.message("ru")
    assert "quarter" in exc.value.message("en")
    assert exc.value.message("de") == exc.value.messages["ru"]


@pytest.mark.parametrize(
    ("data", "deadline"),
    [
        ({"kind": "quarter", "quarter": 4}, Deadline(K.QUARTER, quarter=4)),
        ({"kind": "date", "date": "2026-07-01"}, Deadline(K.DATE, date=date(2026, 7, 1))),
        ({"kind": "yearly", "month": 12, "day": 20}, Deadline(K.YEARLY, month=12, day=20)),
        ({"kind": "quarterly", "day": 5}, Deadline(K.QUARTERLY, day=5)),
        ({"kind": "quarterly"}, Deadline(K.QUARTERLY)),
        ({"kind": "monthly"}, Deadline(K.MONTHLY)),
        ({"kind": "half_yearly"}, Deadline(K.HALF_YEARLY)),
        ({"kind": "within_year"}, Deadline(K.WITHIN_YEAR)),
        ({"kind": "month", "month": 9}, Deadline(K.MONTH, month=9)),
    ],
)
def test_dict_round_trip(data, deadline):
    assert Deadline.parse_dict(data) == deadline
    assert deadline.to_dict() == data
    assert Deadline.parse_dict(json.loads(json.dumps(deadline.to_dict()))) == deadline


def test_parse_dict_is_lenient_with_form_values():
    assert Deadline.parse_dict({"kind": "quarter", "quarter": "4"}) == Deadline(K.QUARTER, quarter=4)
    assert Deadline.parse_dict({"kind": "date", "date": date(2026, 1, 2)}) == Deadline(
        K.DATE, date=date(2026, 1, 2)
    )
    assert Deadline.parse_dict({"kind": "quarterly", "day": None}) == Deadline(K.QUARTERLY)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"kind": "quarter"}, "missing_field"),
        ({"kind": "quarter", "quarter": 5}, "quarter_range"),
        ({"kind": "quarter", "quarter": "IV"}, "bad_type"),
        ({"kind": "soon"}, "unknown_kind"),
        ({}, "unknown_kind"),
        ({"kind": "quarter", "quarter": 4, "year": 2026}, "unknown_field"),
        ({"kind": "date", "date": "2026-02-30"}, "bad_date"),
        ({"kind": "date", "date": "1 July"}, "bad_date"),
        ({"kind": "yearly", "month": 4, "day": 31}, "impossible_day"),
        (["quarter", 4], "bad_type"),
        ({"kind": ["quarter"]}, "unknown_kind"),
    ],
)
def test_parse_dict_errors(data, code):
    with pytest.raises(DeadlineError) as exc:
        Deadline.parse_dict(data)
    assert exc.value.code == code


class TestOccurrences:
    def test_date_in_and_outside_the_plan_year(self):
        d = Deadline(K.DATE, date=date(2026, 7, 1))
        assert d.occurrences(2026) == [Occurrence(3, date(2026, 7, 1), 1)]
        assert d.occurrences(2025) == [] and d.occurrences(2027) == []
        assert d.first_due(2027) is None

    def test_month_is_due_by_its_last_day(self):
        assert Deadline(K.MONTH, month=2).occurrences(2028) == [Occurrence(1, date(2028, 2, 29), 1)]
        assert Deadline(K.MONTH, month=9).occurrences(2026) == [Occurrence(3, date(2026, 9, 30), 1)]

    @pytest.mark.parametrize(
        ("quarter", "end"),
        [(1, date(2026, 3, 31)), (2, date(2026, 6, 30)), (3, date(2026, 9, 30)), (4, date(2026, 12, 31))],
    )
    def test_quarter_is_due_by_its_last_day(self, quarter, end):
        assert Deadline(K.QUARTER, quarter=quarter).occurrences(2026) == [Occurrence(quarter, end, 1)]

    def test_yearly(self):
        assert Deadline(K.YEARLY, month=12, day=20).occurrences(2026) == [
            Occurrence(4, date(2026, 12, 20), 1)
        ]
        assert Deadline(K.YEARLY, month=6, day=1).occurrences(2026) == [Occurrence(2, date(2026, 6, 1), 1)]

    def test_yearly_29_february(self):
        d = Deadline(K.YEARLY, month=2, day=29)
        assert d.occurrences(2027) == [Occurrence(1, date(2027, 2, 28), 1)]
        assert d.occurrences(2028) == [Occurrence(1, date(2028, 2, 29), 1)]

    def test_half_yearly(self):
        assert Deadline(K.HALF_YEARLY).occurrences(2026) == [
            Occurrence(2, date(2026, 6, 30), 1),
            Occurrence(4, date(2026, 12, 31), 2),
        ]

    def test_quarterly_without_day(self):
        assert [(o.quarter, o.due, o.index) for o in Deadline(K.QUARTERLY).occurrences(2026)] == [
            (1, date(2026, 3, 31), 1),
            (2, date(2026, 6, 30), 2),
            (3, date(2026, 9, 30), 3),
            (4, date(2026, 12, 31), 4),
        ]

    def test_quarterly_by_a_day_after_the_quarter(self):
        assert [(o.quarter, o.due) for o in Deadline(K.QUARTERLY, day=5).occurrences(2026)] == [
            (1, date(2026, 4, 5)),
            (2, date(2026, 7, 5)),
            (3, date(2026, 10, 5)),
            (4, date(2027, 1, 5)),
        ]

    def test_quarterly_day_31_clamps(self):
        dues = [o.due for o in Deadline(K.QUARTERLY, day=31).occurrences(2026)]
        assert dues == [date(2026, 4, 30), date(2026, 7, 31), date(2026, 10, 31), date(2027, 1, 31)]

    def test_monthly_without_day(self):
        occ = Deadline(K.MONTHLY).occurrences(2028)
        assert len(occ) == 12 and [o.index for o in occ] == list(range(1, 13))
        assert occ[1] == Occurrence(1, date(2028, 2, 29), 2)
        assert occ[11] == Occurrence(4, date(2028, 12, 31), 12)
        assert [o.quarter for o in occ] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]

    def test_monthly_by_a_day_of_the_following_month(self):
        occ = Deadline(K.MONTHLY, day=31).occurrences(2027)
        assert occ[0] == Occurrence(1, date(2027, 2, 28), 1)  # January's report, clamped in February
        assert occ[2] == Occurrence(1, date(2027, 4, 30), 3)
        assert occ[11] == Occurrence(4, date(2028, 1, 31), 12)

    def test_within_the_year(self):
        assert Deadline(K.WITHIN_YEAR).occurrences(2026) == [Occurrence(4, date(2026, 12, 31), 1)]

    def test_invalid_deadline_has_no_occurrences(self):
        with pytest.raises(DeadlineError):
            Deadline(K.QUARTER).occurrences(2026)


# deadline -> quarters in which it falls due, quarters in which it is "in progress"
MATRIX = [
    (Deadline(K.DATE, date=date(2026, 7, 1)), {3}, set()),
    (Deadline(K.DATE, date=date(2026, 1, 1)), {1}, set()),
    (Deadline(K.DATE, date=date(2026, 12, 31)), {4}, set()),
    (Deadline(K.DATE, date=date(2025, 12, 1)), set(), set()),
    (Deadline(K.MONTH, month=1), {1}, set()),
    (Deadline(K.MONTH, month=6), {2}, set()),
    (Deadline(K.MONTH, month=9), {3}, set()),
    (Deadline(K.MONTH, month=10), {4}, set()),
    (Deadline(K.QUARTER, quarter=1), {1}, set()),
    (Deadline(K.QUARTER, quarter=2), {2}, set()),
    (Deadline(K.QUARTER, quarter=3), {3}, set()),
    (Deadline(K.QUARTER, quarter=4), {4}, set()),
    (Deadline(K.YEARLY, month=6, day=1), {2}, set()),
    (Deadline(K.YEARLY, month=12, day=20), {4}, set()),
    (Deadline(K.YEARLY, month=2, day=29), {1}, set()),
    (Deadline(K.HALF_YEARLY), {2, 4}, set()),
    (Deadline(K.QUARTERLY), {1, 2, 3, 4}, set()),
    (Deadline(K.QUARTERLY, day=5), {1, 2, 3, 4}, set()),
    (Deadline(K.MONTHLY), {1, 2, 3, 4}, set()),
    (Deadline(K.MONTHLY, day=10), {1, 2, 3, 4}, set()),
    (Deadline(K.WITHIN_YEAR), {4}, {1, 2, 3}),
]


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
@pytest.mark.parametrize(("deadline", "due", "in_progress"), MATRIX, ids=lambda v: str(v))
def test_every_kind_in_every_quarter(deadline, due, in_progress, quarter):
    period = ReportingPeriod(2026, quarter)
    assert deadline.falls_due_in(period) is (quarter in due)
    assert deadline.in_progress_in(period) is (quarter in in_progress)
    assert deadline.reportable_in(period) is (quarter in due | in_progress)
    assert all(o.quarter == quarter for o in deadline.occurrences_in(period))
    assert bool(deadline.occurrences_in(period)) is (quarter in due)
    assert deadline.not_yet_due_in(period) is (bool(due) and quarter < min(due))


def test_monthly_has_three_occurrences_in_each_quarter():
    for period in ReportingPeriod.all_for_year(2026):
        assert len(Deadline(K.MONTHLY).occurrences_in(period)) == 3
        assert len(Deadline(K.QUARTERLY, day=5).occurrences_in(period)) == 1


def test_q4_occurrence_due_in_january_still_belongs_to_q4():
    d = Deadline(K.QUARTERLY, day=5)
    (occ,) = d.occurrences_in(ReportingPeriod(2026, 4))
    assert occ.due == date(2027, 1, 5)
    assert d.occurrences_in(ReportingPeriod(2027, 1))[0].due == date(2027, 4, 5)


def test_in_progress_only_for_within_the_year():
    q2 = ReportingPeriod(2026, 2)
    assert Deadline(K.WITHIN_YEAR).in_progress_in(q2)
    assert not Deadline(K.QUARTER, quarter=4).in_progress_in(q2)
    assert Deadline(K.QUARTER, quarter=4).not_yet_due_in(q2)
    assert not Deadline(K.QUARTER, quarter=4).reportable_in(q2)
    with pytest.raises(DeadlineError):
        Deadline(K.WITHIN_YEAR, day=3).in_progress_in(q2)
