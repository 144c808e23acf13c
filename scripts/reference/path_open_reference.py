#!/usr/bin/env python3
"""Independent reference for the opening of a condor on a path (METHOD §4, §9, §12 item 1).

Brute-force strike search over every listed strike (5 points on SPX, one step to 3 x spot), BSM with
scipy's normal CDF, fills at mid -/+ slippage, fees per leg. Prints what PathEngineTests asserts.
"""
import math
from scipy.stats import norm

def bsm(kind, s, k, t, r, q, v):
    d1 = (math.log(s / k) + (r - q + v * v / 2) * t) / (v * math.sqrt(t))
    d2 = d1 - v * math.sqrt(t)
    if kind == "call":
        return s * math.exp(-q * t) * norm.cdf(d1) - k * math.exp(-r * t) * norm.cdf(d2)
    return k * math.exp(-r * t) * norm.cdf(-d2) - s * math.exp(-q * t) * norm.cdf(-d1)

def delta(kind, s, k, t, r, q, v):
    d1 = (math.log(s / k) + (r - q + v * v / 2) * t) / (v * math.sqrt(t))
    return math.exp(-q * t) * norm.cdf(d1) if kind == "call" else -math.exp(-q * t) * norm.cdf(-d1)

def condor_open(spx, vix, days, r, q, target=0.16, width=50, slip=0.05, fee=1.0):
    t = days / 365
    v = vix / 100
    strikes = [5 * i for i in range(1, int(2 * spx / 5) + 1)]
    puts = [k for k in strikes if k < spx]
    calls = [k for k in strikes if k > spx]
    # closest |delta| to the target; ties to the lower put / the higher call
    sp = min(puts, key=lambda k: (abs(abs(delta("put", spx, k, t, r, q, v)) - target), k))
    sc = min(calls, key=lambda k: (abs(delta("call", spx, k, t, r, q, v) - target), -k))
    lp, lc = sp - width, sc + width
    mids = {k: bsm(kind, spx, k, t, r, q, v) for k, kind in [(sp, "put"), (lp, "put"), (sc, "call"), (lc, "call")]}
    per = 100 * (max(0, mids[sp] - slip) + max(0, mids[sc] - slip) - (mids[lp] + slip) - (mids[lc] + slip)) - 4 * fee
    return (lp, sp, sc, lc), per, mids

if __name__ == "__main__":
    # 2026-01-05 (a Monday) + 45 days = 2026-02-19, a Thursday: 45 days to expiry.
    strikes, per, mids = condor_open(6000, 18, 45, 0.04, 0.013)
    print("defaults, 45 days:", strikes, f"credit as filled per contract {per:.10f}")
    print("max loss per contract", f"{5000 - per:.10f}")
    # 1,000,000 at step 1: budget 10,000; risk per contract = 0.9 x credit -> contracts
    print("contracts", math.floor(10000 / (0.9 * per)), "cap", math.floor(0.10 * 1_000_000 / (5000 - per)))
