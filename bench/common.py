"""Shared helpers for benchmarks: Django set-up, timing, and the BENCH line format."""
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jospar.settings_test")

import django  # noqa: E402

django.setup()


def report(name: str, value, unit: str) -> None:
    print(f"BENCH {name} {value} {unit}", flush=True)


def median_ms(fn, runs: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(samples), 1)


def cached_lines(name: str, size: int, get) -> None:
    """`<name>_ms_<size>_cold` (the cache emptied before each request), `_cached` (the cache warm) and `_304`
    (the browser revalidating its copy), and `<name>_queries_<size>_cached` and `_304`: `get(etag=None)` answers
    the page (a 304 when given the ETag)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cold():
        cache.clear()
        get()

    report(f"{name}_ms_{size}_cold", median_ms(cold), "ms")
    etag = get()["ETag"]
    report(f"{name}_ms_{size}_cached", median_ms(get), "ms")
    report(f"{name}_ms_{size}_304", median_ms(lambda: get(etag)), "ms")
    for kind, fn in (("cached", get), ("304", lambda: get(etag))):
        with CaptureQueriesContext(connection) as ctx:
            fn()
        report(f"{name}_queries_{size}_{kind}", len(ctx.captured_queries), "queries")
