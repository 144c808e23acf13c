#!/usr/bin/env python3
"""numpy reference of the §9 engine on §10 simulated paths, for `make bench`.

The same work as `hedgebook-bench engine`'s simulate figure without the comparison runs and
without hedges (hedging off): each path plays METHOD §9's condor — strikes by delta, fills with
slippage and fees, daily marks, the stop of the step, expiry at intrinsic (a weekend expiry moved
back to Friday), entry gap 1, nothing opened on the last day, an open condor closed there — and the
modified martingale (steps, multipliers, stops by step, rule recover, cap), vectorised over the paths
(one numpy pass per trading day). Its random numbers are numpy's, not xoshiro's, so it plays other
paths of the same market: its figures agree with hedgebook's statistically, not to the cent.

Prints `name value unit` lines: path-days per second, and the mean P&L per trade for a sanity check.
"""
import math
import sys
import time

import numpy as np
from scipy.special import ndtr

PATHS, YEARS, SEED = 500, 10, 1
R, Q, SLIP, FEE = 0.04, 0.013, 0.05, 1.0
DTE, DELTA, WIDTH = 45, 0.16, 50.0
BASE, MULTS, STEPS, CAP, STOPS = 0.01, [1.8, 1.6, 1.6], 4, 0.10, [0.90, 0.90, 0.65, 0.65]
VRP, MU, RHO, KAPPA, THETA, ETA, LAM, JS, JV = 0.8, 0.07, -0.7, 5.0, 18.0, 0.9, 0.3, -0.07, 1.6
EQUITY, SPX0, VIX0 = 1_000_000.0, 6000.0, 18.0
START = 20458  # 2026-01-05, a Monday (days since 1970-01-01)


def weekday(serial):
    return (serial + 4) % 7  # 0 = Sunday


def trading_days(years):
    end = START + 365 * years
    days, d = [START], START
    while True:
        w = weekday(d)
        d += 3 if w == 5 else (2 if w == 6 else 1)
        if d > end:
            return np.array(days)
        days.append(d)


def simulate_paths(days, rng):
    n, p = len(days), PATHS
    dt = np.diff(days) / 365.0
    x = np.empty((n, p)); s = np.empty((n, p))
    x[0] = math.log(VIX0); s[0] = math.log(SPX0)
    rbar = math.sqrt(1 - RHO * RHO)
    for i in range(1, n):
        z1 = rng.standard_normal(p); z2 = RHO * z1 + rbar * rng.standard_normal(p)
        d = dt[i - 1]; sig = VRP * np.exp(x[i - 1]) / 100
        x[i] = x[i - 1] + KAPPA * (math.log(THETA) - x[i - 1]) * d + ETA * math.sqrt(d) * z1
        s[i] = s[i - 1] + (MU - sig * sig / 2) * d + sig * math.sqrt(d) * z2
        jump = rng.random(p) < LAM * d
        s[i] += np.where(jump, math.log(1 + JS), 0.0); x[i] += np.where(jump, math.log(JV), 0.0)
    return np.exp(s), np.exp(x)


def bsm(call, s, k, t, v):
    vs = v * np.sqrt(t)
    d1 = (np.log(s / k) + (R - Q + v * v / 2) * t) / vs
    d2 = d1 - vs
    dq, dr = np.exp(-Q * t), np.exp(-R * t)
    return np.where(call, s * dq * ndtr(d1) - k * dr * ndtr(d2), k * dr * ndtr(-d2) - s * dq * ndtr(-d1))


def short_strikes(s, v, t):
    """Listed strikes (every 5) closest in delta to 16, searched among ±40 strikes of the estimate."""
    vs = v * np.sqrt(t)
    offsets = np.arange(-40, 41) * 5.0
    out = []
    for call in (False, True):
        # d1 at the target delta (N(d1) = 0.16 e^{qT} for calls, N(−d1) for puts), then its strike
        z = -0.994457883209753  # N^-1(0.16)
        d1 = -z if not call else z
        est = s * np.exp(-(d1 * vs) + (R - Q + v * v / 2) * t)
        base = np.round(est / 5) * 5
        k = base[:, None] + offsets[None, :]
        k = np.where(call, np.maximum(k, (np.floor(s / 5)[:, None] + 1) * 5), np.minimum(k, (np.ceil(s / 5)[:, None] - 1) * 5))
        dd1 = (np.log(s[:, None] / k) + (R - Q + v[:, None] ** 2 / 2) * t[:, None]) / vs[:, None]
        delta = np.exp(-Q * t)[:, None] * (ndtr(dd1) if call else ndtr(-dd1))
        err = np.abs(delta - DELTA) + np.where(call, -k, k) * 1e-12  # ties: higher call, lower put
        out.append(k[np.arange(len(s)), np.argmin(err, axis=1)])
    return out[0], out[1]


def play(days, spx, vix):
    n, p = len(days), PATHS
    equity = np.full(p, EQUITY); base = BASE * equity; step = np.ones(p, int); cyc = np.zeros(p)
    open_ = np.zeros(p, bool); expiry = np.zeros(p, int); n_c = np.zeros(p)
    sp = np.zeros(p); lp = np.zeros(p); sc = np.zeros(p); lc = np.zeros(p); credit = np.zeros(p)
    tstep = np.ones(p, int); next_entry = np.zeros(p, int)
    mult = np.array([1.0] + [float(np.prod(MULTS[:k])) for k in range(1, STEPS)])
    stops = np.array(STOPS)
    pnls = []
    for i in range(n):
        d, s, v = days[i], spx[i], vix[i] / 100
        last = i == n - 1
        # exits
        if open_.any():
            t = np.maximum(expiry - d, 0) / 365.0
            tt = np.where(t > 0, t, 1.0)
            m = lambda call, k: np.where(t > 0, bsm(call, s, k, tt, v), np.maximum(np.where(call, s - k, k - s), 0))
            cost = (m(False, sp) + SLIP + m(True, sc) + SLIP - np.maximum(m(False, lp) - SLIP, 0) - np.maximum(m(True, lc) - SLIP, 0)) * 100 * n_c
            pnl_open = credit * n_c - cost - 4 * FEE * n_c
            intrinsic = (np.maximum(sp - s, 0) - np.maximum(lp - s, 0) + np.maximum(s - sc, 0) - np.maximum(s - lc, 0)) * 100 * n_c
            exp_now = open_ & (d >= expiry)
            stop_now = open_ & ~exp_now & (pnl_open <= -stops[tstep - 1] * credit * n_c)
            end_now = open_ & ~exp_now & ~stop_now & last
            pnl = np.where(exp_now, credit * n_c - intrinsic, pnl_open)
            closing = exp_now | stop_now | end_now
            if closing.any():
                r = pnl[closing]; pnls.append(r)
                idx = np.where(closing)[0]
                equity[idx] += r; cyc[idx] += r
                loss = r < -0.005; win = r >= 0.005
                at_last = step[idx] >= STEPS
                reset = (loss & at_last) | (win & (cyc[idx] >= 0))
                step[idx] = np.where(loss & ~at_last, step[idx] + 1, step[idx])
                step[idx[reset]] = 1; cyc[idx[reset]] = 0; base[idx[reset]] = BASE * equity[idx[reset]]
                open_[idx] = False; next_entry[idx] = i + 1
        # entries
        entering = ~open_ & (next_entry <= i) & (not last)
        if entering.any():
            idx = np.where(entering)[0]
            exp_d = d + DTE
            w = weekday(exp_d); exp_d -= 1 if w == 6 else (2 if w == 0 else 0)
            t = np.full(len(idx), (exp_d - d) / 365.0)
            ss = s[idx]
            ksp, ksc = short_strikes(ss, v[idx], t)
            klp, klc = ksp - WIDTH, ksc + WIDTH
            per = 100 * (np.maximum(bsm(False, ss, ksp, t, v[idx]) - SLIP, 0) + np.maximum(bsm(True, ss, ksc, t, v[idx]) - SLIP, 0)
                         - bsm(False, ss, klp, t, v[idx]) - SLIP - bsm(True, ss, klc, t, v[idx]) - SLIP) - 4 * FEE
            maxloss = 100 * WIDTH - per
            budget = np.minimum(base[idx] * mult[step[idx] - 1], CAP * equity[idx])
            risk = np.minimum(stops[step[idx] - 1] * per, maxloss)
            nc = np.where((per > 0) & (equity[idx] > 0), np.floor(budget / risk * (1 + 1e-12)), 0)
            ok = nc > 0
            j = idx[ok]
            open_[j] = True; expiry[j] = exp_d; n_c[j] = nc[ok]; credit[j] = per[ok]
            sp[j], lp[j], sc[j], lc[j] = ksp[ok], klp[ok], ksc[ok], klc[ok]; tstep[j] = step[j]
            next_entry[idx[~ok]] = i + 1
    allp = np.concatenate(pnls) if pnls else np.zeros(0)
    return allp, equity


def main():
    days = trading_days(YEARS)
    rng = np.random.default_rng(SEED)
    start, cpu = time.perf_counter(), time.process_time()
    spx, vix = simulate_paths(days, rng)
    pnls, equity = play(days, spx, vix)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"simulate_unhedged_path_days_per_second {int(PATHS * len(days) / seconds)} path-days/s")
    # numpy's element-wise work runs on one core: what that core does when no other process takes it.
    print(f"simulate_unhedged_path_days_per_cpu {int(PATHS * len(days) / cpu)} path-days/s")
    print(f"engine_reference_trades {len(pnls)} trades")
    print(f"engine_unhedged_mean_pnl_per_trade {pnls.mean():.2f} dollars")


if __name__ == "__main__":
    main()
