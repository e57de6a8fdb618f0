"""The load phases of `make loadtest`, with locust as a library; prints their LOAD lines.

(a) 100 users with think time; (b) the same journeys, every role in its share (RAMP_USERS users), paced at a
rate raised step by step until p95 passes the limit or the rate is no longer served (rps_max); (c) the
second app server killed in the middle of a run at half the capacity; (d) the replica
stopped in the middle of such a run. The journeys' file is the first argument; LOADTEST_KILL_APP names the
pid file of the app server to kill (its process group), LOADTEST_STOP_REPLICA the command that stops the
replica.
"""
import os
import signal
import subprocess
import sys
import time

import gevent
import locust  # noqa: F401 (before the rest of locust: it monkey-patches the standard library for gevent)
from locust.env import Environment

os.environ.setdefault("LOADTEST_JOURNEYS", sys.argv[1] if len(sys.argv) > 1 else "")

from . import cpu, figures, journeys  # noqa: E402
from .haproxy import BALANCER  # noqa: E402

THINK = (1.0, 3.0)  # seconds between a user's requests in (a), (c) and (d)
USERS, SPAWN_RATE = 100, 10
PHASE_A_SECONDS, FAULT_SECONDS, FAULT_AT = 120, 60, 20
# The ramp: 48 users are four of each weight unit of journeys.ROLES (12), so every step offers the same mix;
# each user is paced at rate / 48 and waits no longer than that (none at all once answers are slower).
RAMP_USERS, RATES = 48, (20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 140, 160)
STEP_SECONDS, SETTLE_SECONDS, FIRST_SETTLE_SECONDS = 15, 3, 10


def by_kind(env: Environment, methods: tuple[str, ...] = ("GET", "POST")) -> dict[str, figures.Counts]:
    kinds: dict[str, figures.Counts] = {}
    for (name, method), entry in env.stats.entries.items():
        if method in methods:
            kind = kinds.setdefault(name, figures.Counts())
            kind.requests += entry.num_requests
            kind.failures += entry.num_failures
            kind.times.update(entry.response_times)
    return kinds


def start(users: int, think: tuple[float, float] | None, paced: bool = False) -> Environment:
    if not paced:
        journeys.think(think)
    env = Environment(user_classes=journeys.ROLES, host=f"http://{BALANCER}")
    env.create_local_runner().start(users, spawn_rate=SPAWN_RATE)
    return env


def report_failures(env: Environment, phase: str) -> None:
    for error in list(env.stats.errors.values())[:10]:
        print(f"loadtest: {phase}: {error.occurrences} x {error.method} {error.name}: {error.error}", file=sys.stderr)


def phase_100() -> list[str]:
    env, t0, used = start(USERS, THINK), time.monotonic(), cpu.snapshot()
    gevent.sleep(PHASE_A_SECONDS)
    print(f"loadtest: CPU of 100 users: {cpu.shares(used, cpu.snapshot(), time.monotonic() - t0)}", file=sys.stderr)
    env.runner.quit()
    report_failures(env, "100 users")
    return figures.phase_lines("100", by_kind(env), time.monotonic() - t0)


def capacity() -> list[tuple[int, float, int]]:
    """The ramp's steps: (offered req/s, served req/s, p95 ms) each."""
    journeys.pace(RATES[0] / RAMP_USERS)
    env, steps = start(RAMP_USERS, None, paced=True), []
    gevent.sleep(FIRST_SETTLE_SECONDS)  # every user logged in
    for rate in RATES:
        journeys.pace(rate / RAMP_USERS)
        gevent.sleep(SETTLE_SECONDS)
        env.stats.reset_all()
        t0, used = time.monotonic(), cpu.snapshot()
        gevent.sleep(STEP_SECONDS)
        total = figures.merge(by_kind(env).values())
        print(f"loadtest: CPU at {rate} req/s: {cpu.shares(used, cpu.snapshot(), time.monotonic() - t0)}",
              file=sys.stderr)
        step = (rate, round(total.requests / (time.monotonic() - t0), 1), figures.percentile(total.times, 0.95))
        steps.append(step)
        print(f"loadtest: capacity step {rate} req/s offered by {RAMP_USERS} users: {step[1]} req/s served, "
              f"p95 {step[2]} ms", file=sys.stderr)
        if step[2] >= 2 * figures.P95_LIMIT_MS or step[1] < 0.85 * rate:
            break
    env.runner.quit()
    return steps


def with_fault(users: int, fault) -> Environment:
    """A run of FAULT_SECONDS with think time; `fault()` at FAULT_AT, after which the counts start again
    when it returns True."""
    env = start(users, THINK)
    gevent.sleep(FAULT_AT)
    if fault():
        env.stats.reset_all()
    gevent.sleep(FAULT_SECONDS - FAULT_AT)
    env.runner.quit()
    return env


def kill_app() -> bool:
    with open(os.environ["LOADTEST_KILL_APP"]) as pid_file:
        os.killpg(int(pid_file.read()), signal.SIGKILL)
    print("loadtest: killed the second app server", file=sys.stderr)
    return False


def stop_replica() -> bool:
    subprocess.run(os.environ["LOADTEST_STOP_REPLICA"].split(), check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    print("loadtest: stopped the replica", file=sys.stderr)
    return True


def main() -> None:
    for line in phase_100():
        print(line, flush=True)
    steps = capacity()
    rps_max, rps_peak = figures.capacity(steps), max(rps for _rate, rps, _p95 in steps)
    print(figures.line("rps_max", rps_max, "req/s"), flush=True)
    print(figures.line("rps_peak", rps_peak, "req/s"), flush=True)  # the most any step served, whatever its p95
    users = figures.fault_users(rps_max or rps_peak, sum(THINK) / 2, USERS)
    print(f"loadtest: the app server and the replica are stopped under {users} users", file=sys.stderr)
    env = with_fault(users, kill_app)
    report_failures(env, "app server down")
    print(figures.line("app_down_error_pct", figures.error_pct(figures.merge(by_kind(env).values())), "%"))
    env = with_fault(users, stop_replica)
    report_failures(env, "replica down")
    reads = figures.merge(by_kind(env, methods=("GET",)).values())
    print(figures.line("replica_down_failed_reads", reads.failures, "requests"), flush=True)


if __name__ == "__main__":
    main()
