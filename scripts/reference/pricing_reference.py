#!/usr/bin/env python3
"""Independent reference values for hedgebook's pricing model (METHOD.md sections 1-4).

Computes, with scipy.stats.norm and numpy and without reading any Swift code:
BSM prices and greeks, Black-76 prices and greeks, implied-volatility cases, the `price`
command's inputs (sigma(K), XSP scaling, the VIX future and VIX option vol), and full iron
condors (strikes found by brute force over every listed strike, credit, break-evens,
probabilities at expiry and touch probabilities).

Writes Tests/HedgebookModelTests/PricingReferenceValues.swift. Regenerate with
    python3 scripts/reference/pricing_reference.py
from the repository root.
"""
import math
import pathlib

import numpy as np
from scipy.stats import norm

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/HedgebookModelTests/PricingReferenceValues.swift"

DEFAULT = dict(spx=6000.0, vix=18.0, rate=0.04, dividend=0.013, skew=0.0, vvix=90.0, theta=20.0, kappa=4.0)


def bsm(kind, s, k, t, r, q, v):
    """Price, delta, gamma, vega per vol point, theta per day (METHOD 3)."""
    st = v * math.sqrt(t)
    d1 = (math.log(s / k) + (r - q + v * v / 2) * t) / st
    d2 = d1 - st
    dq, dr = math.exp(-q * t), math.exp(-r * t)
    gamma = dq * norm.pdf(d1) / (s * st)
    vega = s * dq * norm.pdf(d1) * math.sqrt(t) / 100
    decay = -s * dq * norm.pdf(d1) * v / (2 * math.sqrt(t))
    if kind == "call":
        price = s * dq * norm.cdf(d1) - k * dr * norm.cdf(d2)
        delta = dq * norm.cdf(d1)
        theta = (decay - r * k * dr * norm.cdf(d2) + q * s * dq * norm.cdf(d1)) / 365
    else:
        price = k * dr * norm.cdf(-d2) - s * dq * norm.cdf(-d1)
        delta = -dq * norm.cdf(-d1)
        theta = (decay + r * k * dr * norm.cdf(-d2) - q * s * dq * norm.cdf(-d1)) / 365
    return price, delta, gamma, vega, theta


def black76(kind, f, k, t, r, v):
    """Price, delta, gamma, vega per vol point (greeks with respect to the future)."""
    st = v * math.sqrt(t)
    d1 = (math.log(f / k) + v * v * t / 2) / st
    d2 = d1 - st
    dr = math.exp(-r * t)
    if kind == "call":
        price, delta = dr * (f * norm.cdf(d1) - k * norm.cdf(d2)), dr * norm.cdf(d1)
    else:
        price, delta = dr * (k * norm.cdf(-d2) - f * norm.cdf(-d1)), -dr * norm.cdf(-d1)
    return price, delta, dr * norm.pdf(d1) / (f * st), f * dr * norm.pdf(d1) * math.sqrt(t) / 100


def sigma_k(m, k, fwd):
    atm = m["vix"] / 100
    return max(0.01, atm + (m["skew"] / 100) * (-math.log(k / fwd) / 0.10))


def vix_future(m, dte):
    return m["theta"] + (m["vix"] - m["theta"]) * math.exp(-m["kappa"] * dte / 365)


def vix_vol(m, dte):
    return (m["vvix"] / 100) * (30 / dte) ** 0.35


def level_of(m, und):
    return m["spx"] / 10 if und == "xsp" else m["spx"]


def price_command(m, und, kind, k, dte):
    """The `price` command: (price, delta, volatility, forward)."""
    t = dte / 365
    if und == "vix":
        f, v = vix_future(m, dte), vix_vol(m, dte)
        p, d, _, _ = black76(kind, f, k, t, m["rate"], v)
        return p, d, v, f
    s = level_of(m, und)
    fwd = s * math.exp((m["rate"] - m["dividend"]) * t)
    v = sigma_k(m, k, fwd)
    p, d, _, _, _ = bsm(kind, s, k, t, m["rate"], m["dividend"], v)
    return p, d, v, fwd


def short_strike(m, und, kind, dte, delta):
    """Brute force over every listed strike (step multiples up to 2S), strictly beyond S."""
    s, t = level_of(m, und), dte / 365
    step = 5.0 if und == "spx" else 1.0
    fwd = s * math.exp((m["rate"] - m["dividend"]) * t)
    strikes = np.arange(1, math.floor(2 * s / step) + 1) * step
    strikes = strikes[strikes < s] if kind == "put" else strikes[strikes > s]
    best, best_dist = None, math.inf
    for k in strikes:  # ascending: puts keep the first of a tie (lower), calls the last (higher)
        d = bsm(kind, s, k, t, m["rate"], m["dividend"], sigma_k(m, k, fwd))[1]
        dist = abs(abs(d) - delta)
        if dist < best_dist or (kind == "call" and dist == best_dist):
            best, best_dist = float(k), dist
    return best


def touch(s, h, mu, sig, t):
    b, st = math.log(h / s), sig * math.sqrt(t)
    if h < s:
        return norm.cdf((b - mu * t) / st) + (h / s) ** (2 * mu / sig**2) * norm.cdf((b + mu * t) / st)
    return norm.cdf((-b + mu * t) / st) + (h / s) ** (2 * mu / sig**2) * norm.cdf((-b - mu * t) / st)


def condor(m, und, dte, delta, width):
    s, t = level_of(m, und), dte / 365
    fwd = s * math.exp((m["rate"] - m["dividend"]) * t)
    ksp, ksc = short_strike(m, und, "put", dte, delta), short_strike(m, und, "call", dte, delta)
    klp, klc = ksp - width, ksc + width
    legs = [("put", ksp, -1), ("put", klp, 1), ("call", ksc, -1), ("call", klc, 1)]
    quotes = [bsm(kind, s, k, t, m["rate"], m["dividend"], sigma_k(m, k, fwd)) for kind, k, _ in legs]
    credit = -100 * sum(sign * qt[0] for (_, _, sign), qt in zip(legs, quotes))
    max_loss = 100 * width - credit
    lo, hi = ksp - credit / 100, ksc + credit / 100
    sig = m["vix"] / 100
    mu = m["rate"] - m["dividend"] - sig**2 / 2
    z = lambda x: (math.log(x / s) - mu * t) / (sig * math.sqrt(t))
    pop = norm.cdf(z(hi)) - norm.cdf(z(lo))
    pml = norm.cdf(z(klp)) + norm.sf(z(klc))
    greeks = [100 * sum(sign * qt[i] for (_, _, sign), qt in zip(legs, quotes)) for i in (1, 2, 3, 4)]
    return dict(
        shortPut=ksp, longPut=klp, shortCall=ksc, longCall=klc, credit=credit, maxLoss=max_loss,
        lowerBreakEven=lo, upperBreakEven=hi, pop=pop, pml=pml, touchPut=touch(s, ksp, mu, sig, t),
        touchCall=touch(s, ksc, mu, sig, t), returnOnRisk=credit / max_loss, greekDelta=greeks[0],
        greekGamma=greeks[1], greekVega=greeks[2], greekTheta=greeks[3])


def num(x):
    return repr(float(x))


def market_literal(m):
    return "PricingReference.market(" + ", ".join(f"{k}: {num(m[k])}" for k in DEFAULT) + ")"


def main():
    lines = [
        "// GENERATED by scripts/reference/pricing_reference.py — do not edit.",
        "// Regenerate from the repository root with: python3 scripts/reference/pricing_reference.py",
        "// Values come from scipy.stats.norm and numpy, independently of the Swift model.",
        "",
        "extension PricingReference {",
    ]
    bsm_cases = [
        ("call", 6000, 6000, 45 / 365, 0.04, 0.013, 0.18), ("put", 6000, 6000, 45 / 365, 0.04, 0.013, 0.18),
        ("call", 6000, 6300, 45 / 365, 0.04, 0.013, 0.16), ("put", 6000, 5600, 45 / 365, 0.04, 0.013, 0.22),
        ("call", 100, 80, 1.0, 0.05, 0.0, 0.3), ("put", 100, 120, 2.0, 0.01, 0.03, 0.45),
        ("call", 600, 610, 7 / 365, 0.0, 0.0, 0.12), ("put", 600, 590, 1 / 365, -0.01, 0.02, 0.35),
        ("call", 5000, 7000, 3.0, 0.06, 0.015, 0.25), ("put", 5000, 3000, 0.5, 0.02, 0.0, 0.6),
    ]
    lines.append("    static let blackScholes: [BSMCase] = [")
    for kind, s, k, t, r, q, v in bsm_cases:
        p, d, g, ve, th = bsm(kind, s, k, t, r, q, v)
        lines.append(f"        BSMCase(kind: .{kind}, spot: {num(s)}, strike: {num(k)}, years: {num(t)}, rate: {num(r)}, "
                     f"dividend: {num(q)}, volatility: {num(v)}, price: {num(p)}, delta: {num(d)}, gamma: {num(g)}, "
                     f"vega: {num(ve)}, theta: {num(th)}),")
    lines += ["    ]", "", "    static let black76: [Black76Case] = ["]
    for kind, f, k, t, r, v in [("call", 19.5, 22, 30 / 365, 0.04, 0.9), ("put", 19.5, 17, 30 / 365, 0.04, 0.9),
                                ("call", 25, 20, 0.25, 0.03, 0.7), ("put", 15, 30, 1.0, 0.05, 1.2),
                                ("call", 18, 40, 120 / 365, 0.04, 0.55)]:
        p, d, g, ve = black76(kind, f, k, t, r, v)
        lines.append(f"        Black76Case(kind: .{kind}, forward: {num(f)}, strike: {num(k)}, years: {num(t)}, "
                     f"rate: {num(r)}, volatility: {num(v)}, price: {num(p)}, delta: {num(d)}, gamma: {num(g)}, vega: {num(ve)}),")
    lines += ["    ]", "", "    static let impliedVolatility: [ImpliedVolCase] = ["]
    for model, kind, s, k, t, r, q, v in [
        ("bsm", "call", 6000, 6000, 45 / 365, 0.04, 0.013, 0.18), ("bsm", "put", 6000, 5500, 45 / 365, 0.04, 0.013, 0.24),
        ("bsm", "call", 6000, 5000, 0.5, 0.04, 0.013, 0.2), ("bsm", "put", 600, 650, 1.0, 0.03, 0.0, 0.35),
        ("bsm", "call", 100, 150, 2.0, 0.0, 0.0, 0.8), ("bsm", "put", 100, 98, 3 / 365, 0.05, 0.02, 0.1),
        ("b76", "call", 19.5, 25, 30 / 365, 0.04, 0.0, 0.95), ("b76", "put", 22, 30, 60 / 365, 0.04, 0.0, 0.7),
        ("b76", "call", 18, 14, 0.3, 0.02, 0.0, 1.5),
    ]:
        p = bsm(kind, s, k, t, r, q, v)[0] if model == "bsm" else black76(kind, s, k, t, r, v)[0]
        lines.append(f"        ImpliedVolCase(black76: {'true' if model == 'b76' else 'false'}, kind: .{kind}, price: {num(p)}, "
                     f"spot: {num(s)}, strike: {num(k)}, years: {num(t)}, rate: {num(r)}, dividend: {num(q)}, volatility: {num(v)}),")
    skewed = dict(DEFAULT, skew=-4.0)
    other = dict(DEFAULT, spx=5234.5, vix=27.3, rate=0.051, dividend=0.0145, skew=3.0, vvix=120.0, theta=21.0, kappa=3.0)
    lines += ["    ]", "", "    static let priceCommand: [PriceCase] = ["]
    for m, und, kind, k, dte in [
        (DEFAULT, "spx", "put", 5800, 45), (DEFAULT, "spx", "call", 6200, 45), (skewed, "spx", "put", 5500, 30),
        (skewed, "spx", "call", 6400, 60), (DEFAULT, "xsp", "put", 580, 45), (skewed, "xsp", "call", 615, 20),
        (other, "spx", "put", 4900, 90), (DEFAULT, "vix", "call", 22, 30), (DEFAULT, "vix", "put", 17, 60),
        (other, "vix", "call", 40, 120),
    ]:
        p, d, v, f = price_command(m, und, kind, k, dte)
        lines.append(f"        PriceCase(market: {market_literal(m)}, underlying: .{und}, kind: .{kind}, strike: {num(k)}, "
                     f"dte: {dte}, price: {num(p)}, delta: {num(d)}, volatility: {num(v)}, forward: {num(f)}),")
    lines += ["    ]", "", "    static let condors: [CondorCase] = ["]
    for m, und, dte, delta, width in [
        (DEFAULT, "spx", 45, 0.16, 50), (skewed, "spx", 45, 0.16, 50), (DEFAULT, "xsp", 45, 0.16, 5),
        (skewed, "xsp", 30, 0.10, 3), (DEFAULT, "spx", 7, 0.05, 25), (other, "spx", 60, 0.20, 100),
        (dict(DEFAULT, skew=4.0), "spx", 90, 0.30, 50),
    ]:
        c = condor(m, und, dte, delta, width)
        fields = ", ".join(f"{k}: {num(v)}" for k, v in c.items())
        lines.append(f"        CondorCase(market: {market_literal(m)}, underlying: .{und}, dte: {dte}, delta: {num(delta)}, "
                     f"width: {num(width)}, {fields}),")
    lines += ["    ]", "}", ""]
    OUT.write_text("\n".join(lines))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
