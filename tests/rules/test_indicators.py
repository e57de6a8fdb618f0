"""The rule of an indicator's achievement and status (jospar.rules.indicators), stated as tests, no database."""
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jospar.rules import edition_from_dict, edition_to_dict
from jospar.rules.edition_data import Problem, edition_problems
from jospar.rules.indicators import (
    Accumulation,
    IndicatorStatus,
    Polarity,
    Thresholds,
    achievement,
    expected_value,
    parse_value,
    share_of_year,
)
from jospar.rules.rulebook import EDITIONS

H, L, T = Polarity.HIGHER, Polarity.LOWER, Polarity.TARGET
CUM, PER = Accumulation.CUMULATIVE, Accumulation.PERIOD
S = IndicatorStatus


def status(**kw):
    return achievement(**kw).status


def test_cumulative_indicator_is_expected_to_grow_by_quarters():
    # 100 km a year: by the end of II quarter half is expected; 40 km is 80 % of that
    a = achievement(planned=D(100), actual=D(40), polarity=H, accumulation=CUM, quarter=2)
    assert (a.expected, a.percent, a.of_year, a.status) == (D(50), D("80.0"), D("40.0"), S.AT_RISK)
    assert status(planned=D(100), actual=D(46), polarity=H, accumulation=CUM, quarter=2) == S.ON_TRACK  # 92 %
    # the year's plan reached already: it cannot fall back
    assert status(planned=D(100), actual=D(100), polarity=H, accumulation=CUM, quarter=3) == S.ACHIEVED


def test_a_level_moves_from_the_previous_years_plan():
    # unemployment 5.0 % → 4.6 % planned: by the II quarter 4.8 is expected; 4.85 is 99 % of that (on track)
    a = achievement(planned=D("4.6"), actual=D("4.85"), polarity=L, accumulation=PER, quarter=2, baseline=D("5.0"))
    assert a.expected == D("4.8") and a.status == S.ON_TRACK and a.percent == D("99.0")
    # without a start the level is compared with the year's plan itself
    assert achievement(planned=D("4.6"), actual=D("4.85"), polarity=L, accumulation=PER, quarter=2).expected == D("4.6")
    # a level never counts as achieved before the year ends
    assert status(planned=D("4.6"), actual=D("4.0"), polarity=L, accumulation=PER, quarter=3) == S.ON_TRACK


def test_only_a_final_value_is_not_achieved():
    assert status(planned=D(100), actual=D(10), polarity=H, accumulation=CUM, quarter=4) == S.AT_RISK
    assert status(planned=D(100), actual=D(99), polarity=H, accumulation=CUM, final=True) == S.NOT_ACHIEVED
    assert status(planned=D(100), actual=D(100), polarity=H, accumulation=CUM, final=True) == S.ACHIEVED
    assert status(planned=D(10), actual=D(9), polarity=L, accumulation=PER, final=True) == S.ACHIEVED
    assert status(planned=D(10), actual=D(11), polarity=L, accumulation=PER, final=True) == S.NOT_ACHIEVED


def test_a_target_to_hit_allows_the_tolerance():
    a = achievement(planned=D(50), actual=D(48), polarity=T, accumulation=PER, final=True)
    assert a.percent == D("96.0") and a.status == S.ACHIEVED  # 4 % off, within 5 %
    assert status(planned=D(50), actual=D(53), polarity=T, accumulation=PER, final=True) == S.NOT_ACHIEVED
    assert status(planned=D(50), actual=D(53), polarity=T, accumulation=PER, final=True,
                  thresholds=Thresholds(tolerance=10)) == S.ACHIEVED


def test_zero_and_negative_values_fall_back_to_the_plain_comparison():
    assert achievement(planned=D(0), actual=D(0), polarity=L, accumulation=PER, final=True).status == S.ACHIEVED
    assert achievement(planned=D(0), actual=D(2), polarity=L, accumulation=PER, final=True).percent == 0
    assert achievement(planned=D(0), actual=D(2), polarity=H, accumulation=PER, final=True).percent is None
    assert status(planned=D(0), actual=D(2), polarity=L, accumulation=PER, final=True) == S.NOT_ACHIEVED
    assert status(planned=D(-5), actual=D(-3), polarity=H, accumulation=PER, final=True) == S.ACHIEVED


def test_no_value_or_no_plan():
    assert status(planned=None, actual=D(1), polarity=H, accumulation=CUM, quarter=1) == S.NO_VALUE
    assert status(planned=D(1), actual=None, polarity=H, accumulation=CUM, quarter=1) == S.NO_VALUE


def test_thresholds_are_tunable_and_checked():
    kw = {"planned": D(100), "actual": D(85), "polarity": H, "accumulation": CUM, "quarter": 4}
    assert status(**kw) == S.AT_RISK
    assert status(**kw, thresholds=Thresholds(on_track=80)) == S.ON_TRACK
    assert status(planned=D(100), actual=D(96), polarity=H, accumulation=CUM, final=True,
                  thresholds=Thresholds(achieved=95)) == S.ACHIEVED
    assert Thresholds(achieved=90, on_track=95).problems() == ["order"]
    assert Thresholds(tolerance=100).problems() == ["tolerance"]


def test_the_thresholds_live_in_the_rulebook_edition():
    edition = EDITIONS[-1]
    assert edition.thresholds == Thresholds(100, 90, 5)
    data = edition_to_dict(edition) | {"indicator_on_track": 80}
    assert edition_from_dict(data).thresholds.on_track == 80
    old = {k: v for k, v in edition_to_dict(edition).items() if not k.startswith("indicator_")}
    assert edition_from_dict(old).thresholds == Thresholds()  # an edition kept before them reads the defaults
    broken = edition_from_dict(data | {"indicator_on_track": 120})
    assert [f.problem for f in edition_problems([broken])] == [Problem.THRESHOLDS]


def test_labels_in_every_language():
    assert S.AT_RISK.label("kk") and S.AT_RISK.label("ru") == "под угрозой недостижения"
    assert Accumulation.CUMULATIVE.label("ru") == "нарастающим итогом"


def test_share_and_parse():
    assert [share_of_year(q) for q in (1, 2, 3, 4, None)] == [D("0.25"), D("0.5"), D("0.75"), D(1), D(1)]
    with pytest.raises(ValueError):
        share_of_year(5)
    assert parse_value("1 200,5") == D("1200.5") and parse_value("") is None and parse_value(" ") is None
    for bad in ("abc", "1e20", "NaN", True):
        with pytest.raises(ValueError):
            parse_value(bad)


values = st.decimals(min_value=D("0.01"), max_value=D(10**9), places=2, allow_nan=False)


@given(planned=values, actual=values, quarter=st.integers(1, 4), polarity=st.sampled_from(list(Polarity)),
       accumulation=st.sampled_from(list(Accumulation)))
def test_a_quarter_is_never_not_achieved_and_a_final_value_is_one_of_two(planned, actual, quarter, polarity,
                                                                       accumulation):
    interim = achievement(planned=planned, actual=actual, polarity=polarity, accumulation=accumulation,
                          quarter=quarter)
    final = achievement(planned=planned, actual=actual, polarity=polarity, accumulation=accumulation, final=True)
    assert interim.status in (S.ACHIEVED, S.ON_TRACK, S.AT_RISK)
    assert final.status in (S.ACHIEVED, S.NOT_ACHIEVED)
    assert final.percent is None or final.percent >= 0


@given(planned=values, low=values, high=values)
def test_more_is_never_worse_when_higher_is_better(planned, low, high):
    low, high = min(low, high), max(low, high)
    rank = {S.NOT_ACHIEVED: 0, S.AT_RISK: 0, S.ON_TRACK: 1, S.ACHIEVED: 2}
    for kw in ({"final": True}, {"quarter": 2}):
        a = achievement(planned=planned, actual=low, polarity=H, accumulation=CUM, **kw)
        b = achievement(planned=planned, actual=high, polarity=H, accumulation=CUM, **kw)
        assert rank[b.status] >= rank[a.status]
        a = achievement(planned=planned, actual=high, polarity=L, accumulation=PER, **kw)
        b = achievement(planned=planned, actual=low, polarity=L, accumulation=PER, **kw)
        assert rank[b.status] >= rank[a.status]


@given(planned=values, start=values, quarter=st.integers(1, 4))
def test_the_expected_value_lies_between_the_start_and_the_plan(planned, start, quarter):
    share = share_of_year(quarter)
    level = expected_value(planned, accumulation=PER, share=share, start=start)
    assert min(start, planned) <= level <= max(start, planned)
    assert expected_value(planned, accumulation=CUM, share=share) == planned * share
