"""The garbage collector of a web worker (gunicorn's post_fork; the benchmarks run pages the same way).

A large page (the report, a home page over a big plan) makes hundreds of thousands of short-lived objects;
with CPython's default thresholds the collector runs a young collection every 700 allocations and scans the
survivors again and again. A worker therefore freezes what it inherited from the master (Django and the app,
loaded once: never scanned again, and its memory pages stay shared) and raises the young generation's
threshold, so a collection runs a few times per page instead of hundreds. Reference counting still frees
almost everything at once; only cycles wait a little longer (README, «Deployment»: what was measured).
"""
import gc

THRESHOLDS = (200_000, 20, 100)  # young generation; then how many young / middle collections before the next


def settle_worker() -> None:
    """Freeze the heap as it is now and set the worker's thresholds."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
