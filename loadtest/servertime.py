"""Where the app servers' time went: their JSON access lines (`jospar.access`, duration_ms) summed by page kind.

Locust's times include the wait in HAProxy's queue; these are the app's own, so the figures show which page
kinds a capacity is spent on. Printed to stderr after the run: requests, mean and p95 in ms, and the share of
all server time, per kind (`python -m loadtest.servertime journeys.json gunicorn-*.log`).
"""
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from .figures import percentile


def kinds_by_path(journeys: dict) -> dict[str, str]:
    """Each journey URL's page kind (the same URL has the same kind for every account)."""
    return {url: kind for account in journeys["accounts"].values() for kind, url in account["urls"].items()}


def kind_of(method: str, path: str, known: dict[str, str]) -> str:
    if method == "POST":
        return "login" if path.startswith("/accounts/login") else "save"
    return known.get(path, "login" if path.startswith("/accounts/login") else "other")


def summary(lines, known: dict[str, str]) -> list[tuple[str, int, float, int, float]]:
    """(kind, requests, mean ms, p95 ms, share of all server time %) by falling total time."""
    times: dict[str, Counter] = defaultdict(Counter)
    for text in lines:
        if not text.startswith("{"):
            continue
        entry = json.loads(text)
        if entry.get("logger") != "jospar.access" or entry.get("path") == "/healthz":
            continue
        times[kind_of(entry["method"], entry["path"], known)][round(entry["duration_ms"])] += 1
    total = sum(ms * n for counts in times.values() for ms, n in counts.items()) or 1
    rows = []
    for kind, counts in times.items():
        n, spent = sum(counts.values()), sum(ms * k for ms, k in counts.items())
        rows.append((kind, n, round(spent / n, 1), percentile(counts, 0.95), round(100 * spent / total, 1)))
    return sorted(rows, key=lambda row: -row[1] * row[2])


def main(journeys: Path, logs: list[Path]) -> None:
    known = kinds_by_path(json.loads(journeys.read_text()))
    lines = [line for log in logs for line in log.read_text(errors="replace").splitlines()]
    for kind, n, mean, p95, share in summary(lines, known):
        print(f"loadtest: server time {kind}: {n} requests, mean {mean} ms, p95 {p95} ms, {share} % of the "
              "servers' time", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
