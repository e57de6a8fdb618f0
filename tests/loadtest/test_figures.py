"""The LOAD figures of `make loadtest` computed from locust's counts, without running a load (loadtest/figures.py)."""
from collections import Counter

import pytest

from loadtest import figures
from loadtest.figures import Counts

pytestmark = pytest.mark.once


def test_percentile_is_the_nearest_rank():
    times = Counter({10: 50, 20: 45, 400: 4, 900: 1})  # 100 requests
    assert figures.percentile(times, 0.50) == 10
    assert figures.percentile(times, 0.95) == 20
    assert figures.percentile(times, 0.96) == 400
    assert figures.percentile(times, 0.99) == 400
    assert figures.percentile(times, 1.0) == 900
    assert figures.percentile(Counter(), 0.95) == 0


def test_merge_adds_the_kinds_requests_failures_and_times():
    total = figures.merge([Counts(3, 1, Counter({10: 3})), Counts(2, 0, Counter({10: 1, 50: 1}))])
    assert (total.requests, total.failures, total.times) == (5, 1, Counter({10: 4, 50: 1}))


def test_phase_lines_name_the_contract_figures_and_each_page_kind():
    kinds = {"home": Counts(80, 0, Counter({20: 80})), "form1": Counts(20, 2, Counter({200: 19, 700: 1}))}
    lines = figures.phase_lines("100", kinds, seconds=10)
    assert lines[:5] == ["LOAD rps_100 10.0 req/s", "LOAD p50_ms_100 20 ms", "LOAD p95_ms_100 200 ms",
                         "LOAD p99_ms_100 200 ms", "LOAD errors_100 2 requests"]
    assert "LOAD p95_ms_100_form1 200 ms" in lines
    assert "LOAD p99_ms_100_form1 700 ms" in lines
    assert "LOAD p50_ms_100_home 20 ms" in lines
    assert len(lines) == 5 + 2 * 3


def test_capacity_is_the_highest_rate_whose_p95_is_under_the_limit():
    steps = [(4, 30.0, 80), (8, 55.5, 150), (16, 70.0, 310), (24, 62.0, 280)]
    assert figures.capacity(steps) == 62.0
    assert figures.capacity(steps, limit_ms=100) == 30.0
    assert figures.capacity([(4, 30.0, 300)]) == 0.0


def test_fault_runs_take_half_the_capacity_within_bounds():
    assert figures.fault_users(60.0, think_mean_s=2.0, most=100) == 60  # 30 req/s: half of 60
    assert figures.fault_users(300.0, think_mean_s=2.0, most=100) == 100
    assert figures.fault_users(0.0, think_mean_s=2.0, most=100) == 4


def test_error_pct():
    assert figures.error_pct(Counts(2000, 3)) == 0.15
    assert figures.error_pct(Counts()) == 0.0
