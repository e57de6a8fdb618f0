"""The LOAD figures from locust's counts: pure functions, tested without running a load (tests/loadtest).

A page kind's counts are `Counts`: requests, failures and the histogram of response times (milliseconds
rounded as locust rounds them -> number of requests), which is what locust keeps for each request name.
"""
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

P95_LIMIT_MS = 300  # rps_max: the highest rate whose p95 stays under this


@dataclass
class Counts:
    requests: int = 0
    failures: int = 0
    times: Counter = field(default_factory=Counter)


def merge(many: Iterable[Counts]) -> Counts:
    total = Counts()
    for counts in many:
        total.requests += counts.requests
        total.failures += counts.failures
        total.times.update(counts.times)
    return total


def percentile(times: Counter, q: float) -> int:
    """Nearest rank: the smallest time that at least a share q of the requests did not exceed (0 if none)."""
    n = sum(times.values())
    if not n:
        return 0
    rank, seen = max(1, math.ceil(q * n)), 0
    for ms in sorted(times):
        seen += times[ms]
        if seen >= rank:
            return ms
    raise AssertionError("unreachable: the ranks add up to n")


def line(name: str, value, unit: str) -> str:
    return f"LOAD {name} {value} {unit}"


def phase_lines(tag: str, kinds: dict[str, Counts], seconds: float) -> list[str]:
    """rps, p50/p95/p99 and errors of a phase, then p50/p95/p99 of each page kind."""
    total = merge(kinds.values())
    out = [line(f"rps_{tag}", round(total.requests / seconds, 1), "req/s")]
    out += [line(f"p{q}_ms_{tag}", percentile(total.times, q / 100), "ms") for q in (50, 95, 99)]
    out.append(line(f"errors_{tag}", total.failures, "requests"))
    for kind in sorted(kinds):
        out += [line(f"p{q}_ms_{tag}_{kind}", percentile(kinds[kind].times, q / 100), "ms") for q in (50, 95, 99)]
    return out


def capacity(steps: Iterable[tuple[int, float, int]], limit_ms: int = P95_LIMIT_MS) -> float:
    """rps_max from the steps of the ramp, each (offered req/s, served req/s, p95 ms): the highest req/s served
    whose p95 was under the limit; 0 when even the first step's was not."""
    return max((rps for _offered, rps, p95 in steps if p95 < limit_ms), default=0.0)


def fault_users(rps_max: float, think_mean_s: float, most: int) -> int:
    """Users (with think time) for the runs that lose an app server or the replica: half the capacity, which
    the one app server left can carry alone, so that their errors are the fault's, not an overload's."""
    return max(4, min(most, round(rps_max / 2 * think_mean_s)))


def error_pct(counts: Counts) -> float:
    return round(100 * counts.failures / counts.requests, 2) if counts.requests else 0.0
