#!/usr/bin/env python3
"""The Python reference for `make bench`: the same work as hedgebook-bench, in numpy/scipy.

Prints `name value unit` lines like the Swift harness, so bench/run.sh can set them side by side.
"""
import sys
import time

import numpy as np
from scipy.stats import norm


def best(repeats, fn):
    fastest = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def bench_bsm():
    """Vectorised BSM calls: the same strikes, vols and parameters as the Swift harness."""
    n = 10_000_000
    j = np.arange(n) & 1023
    k = 5000.0 + j
    v = 0.10 + (j % 37) * 0.01
    s, t, r, q = 6000.0, 45.0 / 365, 0.04, 0.013

    def run():
        sq = np.sqrt(t)
        d1 = (np.log(s / k) + (r - q + 0.5 * v * v) * t) / (v * sq)
        d2 = d1 - v * sq
        price = s * np.exp(-q * t) * norm.cdf(d1) - k * np.exp(-r * t) * norm.cdf(d2)
        return price.sum()

    seconds = best(3, run)
    print(f"bsm_prices_per_second {int(n / seconds)} prices/s")


def bench_montecarlo():
    """Flat and progression sizing over uniform draws, vectorised over cycles (numpy)."""
    n = 20_000_000
    rng = np.random.default_rng(7)
    p = 0.7

    def run():
        u = rng.random(n)
        wins = u < p
        # flat sizing: +1 per win, -2 per loss; cumulative equity and its drawdown
        pnl = np.where(wins, 1.0, -2.0)
        equity = np.cumsum(pnl)
        drawdown = np.maximum.accumulate(equity) - equity
        return equity[-1], drawdown.max()

    seconds = best(2, run)
    print(f"montecarlo_trades_per_second {int(n / seconds)} trades/s")


if __name__ == "__main__":
    wanted = set(sys.argv[1:])
    if not wanted or "bsm" in wanted:
        bench_bsm()
    if not wanted or "montecarlo" in wanted:
        bench_montecarlo()
