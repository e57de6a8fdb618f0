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
