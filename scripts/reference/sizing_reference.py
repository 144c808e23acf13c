#!/usr/bin/env python3
"""Independent reference numbers for hedgebook's sizing, hedge and XIRR tests.

Black-76 with scipy's normal CDF, the VIX futures curve and VIX option volatility of
METHOD §2, the ALVH layer sizes of METHOD §6, and XIRR solved with scipy's brentq.
Run: python3 scripts/reference/sizing_reference.py
"""
import math
from datetime import date
from scipy.stats import norm
from scipy.optimize import brentq

V, THETA, KAPPA, R, VVIX = 18.0, 20.0, 4.0, 0.04, 90.0


def future(dte):
    return THETA + (V - THETA) * math.exp(-KAPPA * dte / 365)


def vol(dte):
    return VVIX / 100 * (30 / dte) ** 0.35


def call(f, k, t, r, s):
    d1 = (math.log(f / k) + 0.5 * s * s * t) / (s * math.sqrt(t))
    d2 = d1 - s * math.sqrt(t)
    return math.exp(-r * t) * (f * norm.cdf(d1) - k * norm.cdf(d2))


def layers(equity, ratio=1.0, cap=0.10, gross=0.18):
    per_unit = 40 * equity / 2_000_000 * ratio
    spec = [("L1", 4, 0.012, 30, 1.10, 10), ("L2", 4, 0.012, 60, 1.10, 10), ("L3", 2, 0.004, 120, 1.25, None)]
    room = gross * equity
    for name, units, budget, dte, factor, width in spec:
        f, s, t = future(dte), vol(dte), dte / 365
        k = math.ceil(f * factor - 1e-9)
        cost = call(f, k, t, R, s) - (call(f, k + width, t, R, s) if width else 0)
        cost *= 100
        limits = {"scale": math.floor(units * per_unit + 1e-12), "budget": math.floor(budget * equity / cost),
                  "cap": math.floor(cap * equity / cost)}
        n = min(limits.values())
        bound = min(limits, key=lambda key: (limits[key], ["scale", "budget", "cap"].index(key)))
        g = math.floor(room / cost)
        if g < n:
            n, bound = g, "grossCap"
        room -= n * cost
        print(f"{name} equity={equity:.0f} F={f:.10f} sigma={s:.10f} K={k} cost={cost:.10f} "
              f"limits={limits} contracts={n} bound={bound}")


def xirr(flows):
    d0 = flows[0][0]
    f = lambda r: sum(a * (1 + r) ** (-(d - d0).days / 365) for d, a in flows)
    return brentq(f, -0.99, 100, xtol=1e-14)


if __name__ == "__main__":
    layers(100_000)
    layers(2_000_000)
    layers(100_000, ratio=1.8 * 1.6 * 1.6)
    flows = [(date(2026, 1, 2), -100_000), (date(2026, 3, 15), -20_000),
             (date(2026, 7, 1), 5_000), (date(2026, 12, 31), 130_000)]
    print(f"xirr mixed = {xirr(flows):.12f}")
    print(f"xirr closed = {(110_000 / 100_000) ** (365 / 180) - 1:.12f}")
