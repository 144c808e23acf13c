#!/usr/bin/env python3
"""An independent reimplementation of METHOD §9 and §12 (the engine), written from the text, for
PathReferenceTests: one hand-made path played trade by trade, every figure printed to 1e-6.

Settings: $1,000,000, the defaults (SPX condor 45 DTE, 16 delta, 50 wide; base 1 %, 1.8 1.6 1.6,
4 steps, recover, stops 90 90 65 65 %; ALVH 4/4/2; slippage 0.05, fees $1; hedging on, withcondor,
netting net) except the per-layer cap at 100 % (so that the §5 cap, which is changing, does not
bind). Market r 4 %, q 1.3 %, skew 0, VVIX 90, VIX futures θ 20, κ 4.
"""
import math
from scipy.stats import norm

R, Q, SLIP, FEE = 0.04, 0.013, 0.05, 1.0
DTE, DELTA, WIDTH = 45, 0.16, 50.0
BASE, MULTS, STEPS, CAP, STOPS = 0.01, [1.8, 1.6, 1.6], 4, 1.0, [0.90, 0.90, 0.65, 0.65]
UNITS, BUDGETS, LDTE, GROSS = [4, 4, 2], [0.012, 0.012, 0.004], [30, 60, 120], 0.18
VVIX, THETA, KAPPA = 90.0, 20.0, 4.0
HEDGECLOSE = "withcondor"  # the second scenario sets "expiry"
TOL = 1e-9


def floor_tol(x):
    return 0 if not (x > 0) else math.floor(x * (1 + TOL))


def weekday(serial):
    return (serial + 4) % 7  # 0 = Sunday (1970-01-01 was a Thursday)


def listed_expiry(serial):
    w = weekday(serial)
    return serial - 1 if w == 6 else (serial - 2 if w == 0 else serial)


def iso(serial):
    import datetime
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=serial)).isoformat()


def bsm(call, s, k, t, v):
    if t <= 0:
        return max(s - k, 0) if call else max(k - s, 0)
    d1 = (math.log(s / k) + (R - Q + v * v / 2) * t) / (v * math.sqrt(t))
    d2 = d1 - v * math.sqrt(t)
    if call:
        return s * math.exp(-Q * t) * norm.cdf(d1) - k * math.exp(-R * t) * norm.cdf(d2)
    return k * math.exp(-R * t) * norm.cdf(-d2) - s * math.exp(-Q * t) * norm.cdf(-d1)


def bsm_delta(call, s, k, t, v):
    d1 = (math.log(s / k) + (R - Q + v * v / 2) * t) / (v * math.sqrt(t))
    return math.exp(-Q * t) * norm.cdf(d1) if call else -math.exp(-Q * t) * norm.cdf(-d1)


def b76(f, k, t, v):
    if t <= 0:
        return max(f - k, 0)
    d1 = (math.log(f / k) + v * v * t / 2) / (v * math.sqrt(t))
    return math.exp(-R * t) * (f * norm.cdf(d1) - k * norm.cdf(d1 - v * math.sqrt(t)))


def sell(mid):
    return max(0.0, mid - SLIP)


def buy(mid):
    return mid + SLIP


def product(step):
    p = 1.0
    for j in range(2, step + 1):
        p *= MULTS[min(j - 2, len(MULTS) - 1)]
    return p


class Engine:
    def __init__(self, equity):
        self.equity = equity
        self.base = BASE * equity
        self.step = 1
        self.cycle_pnl = 0.0
        self.condor = None
        self.layers = []  # dicts
        self.trades, self.records = [], []
        self.next_entry = 0
        self.today = 0.0

    # -- the martingale (§5, §12 items 6, 7, 18)
    def record(self, result, change):
        self.equity += change
        if abs(result) < 0.005:
            return
        self.cycle_pnl += result
        if result < 0:
            if self.step < STEPS:
                self.step += 1
                return
        elif self.cycle_pnl < 0:
            return
        self.base, self.step, self.cycle_pnl = BASE * self.equity, 1, 0.0

    # -- condor marks and fills (§9)
    def condor_cost(self, c, d, s, v):
        t = (c["expiry"] - d) / 365
        m = lambda call, k: bsm(call, s, k, t, v)
        return (buy(m(False, c["sp"])) + buy(m(True, c["sc"])) - sell(m(False, c["lp"])) - sell(m(True, c["lc"]))) * 100 * c["n"]

    def open_condor(self, i, d, s, vix):
        v = vix / 100
        exp = listed_expiry(d + DTE)
        t = (exp - d) / 365
        strikes = [5 * j for j in range(1, int(3 * s / 5) + 1)]
        puts = [k for k in strikes if k < s]
        calls = [k for k in strikes if k > s]
        sp = min(puts, key=lambda k: (abs(abs(bsm_delta(False, s, k, t, v)) - DELTA), k))
        sc = min(calls, key=lambda k: (abs(bsm_delta(True, s, k, t, v) - DELTA), -k))
        lp, lc = sp - WIDTH, sc + WIDTH
        per = 100 * (sell(bsm(False, s, sp, t, v)) + sell(bsm(True, s, sc, t, v))
                     - buy(bsm(False, s, lp, t, v)) - buy(bsm(True, s, lc, t, v))) - 4 * FEE
        maxloss = 100 * WIDTH - per
        budget = min(self.base * product(self.step), CAP * self.equity)
        risk = min(STOPS[self.step - 1] * per, maxloss)
        n = floor_tol(budget / risk) if per > 0 and self.equity > 0 else 0
        if n == 0:
            self.next_entry = i + 1
            return
        self.condor = dict(open=d, expiry=exp, step=self.step, n=n, sp=sp, lp=lp, sc=sc, lc=lc, per=per,
                           ref=vix, be=(sp - per / 100, sc + per / 100), netted=self.today, bought=set())

    def close_condor(self, i, d, s, vix, reason, cost, fees_out):
        c = self.condor
        if reason == "end":
            for l in sorted(self.layers, key=lambda l: l["kind"]):
                self.sell_layer(l, d, vix, "end")
        elif HEDGECLOSE == "withcondor":
            for l in sorted([l for l in self.layers if l["kind"] < 3], key=lambda l: l["kind"]):
                self.sell_layer(l, d, vix, "withcondor")
        pnl = c["per"] * c["n"] - cost - fees_out
        result = pnl + c["netted"]
        self.record(result, pnl)
        self.trades.append((iso(c["open"]), iso(d), reason, c["step"], c["n"], c["per"] * c["n"], cost, pnl, c["netted"], self.equity))
        self.condor = None
        self.next_entry = i + 1

    # -- layers (§6, §9, §12 items 1, 3)
    def layer_mids(self, l, d, vix):
        days = l["expiry"] - d
        t = days / 365
        f = THETA + (vix - THETA) * math.exp(-KAPPA * t)
        sv = VVIX / 100 * (30 / max(days, 1)) ** 0.35
        return b76(f, l["long"], t, sv), (b76(f, l["short"], t, sv) if l["short"] else None)

    def liquidation(self, l, d, vix):
        lm, sm = self.layer_mids(l, d, vix)
        sale = (sell(lm) - (buy(sm) if sm is not None else 0)) * 100 * l["n"]
        fees = (2 if l["short"] else 1) * FEE * l["n"]
        return (sale, fees) if sale > fees else (0.0, 0.0)

    def realise(self, l, d, reason, proceeds, fees_out):
        self.layers.remove(l)
        pnl = proceeds - l["premium"] - l["fees"] - fees_out
        self.equity += pnl
        if self.condor is not None:
            self.condor["netted"] += pnl
        else:
            self.today += pnl
        self.records.append((f"L{l['kind']}", iso(l["bought"]), iso(d), reason, l["n"], l["premium"], proceeds, pnl))

    def sell_layer(self, l, d, vix, reason):
        proceeds, fees = self.liquidation(l, d, vix)
        self.realise(l, d, "writeoff" if proceeds == 0 and reason == "withcondor" else reason, proceeds, fees)

    def buy_layer(self, kind, d, vix):
        c = self.condor
        exp = listed_expiry(d + LDTE[kind - 1])
        days = exp - d
        t = days / 365
        f = THETA + (vix - THETA) * math.exp(-KAPPA * t)
        sv = VVIX / 100 * (30 / days) ** 0.35
        long = math.ceil(f * (1.10 if kind < 3 else 1.25) * (1 - TOL))
        short = long + 10 if kind < 3 else None
        fill = buy(b76(f, long, t, sv)) - (sell(b76(f, short, t, sv)) if short else 0)
        cost = 100 * fill
        per_unit = 40 * self.equity / 2_000_000 * product(c["step"])
        held = sum(l["premium"] for l in self.layers)
        n = min(floor_tol(UNITS[kind - 1] * per_unit), floor_tol(BUDGETS[kind - 1] * self.equity / cost),
                floor_tol(CAP * self.equity / cost), floor_tol((GROSS * self.equity - held) / cost))
        if n <= 0:
            return
        self.layers.append(dict(kind=kind, bought=d, expiry=exp, n=n, long=long, short=short,
                                premium=cost * n, fees=(2 if short else 1) * FEE * n))
        c["bought"].add(kind)

    def triggers(self, d, s, vix):
        c = self.condor
        for kind in (1, 2, 3):
            if kind in c["bought"] or any(l["kind"] == kind for l in self.layers):
                continue
            if kind == 1:
                fires = vix >= 1.2 * c["ref"] * (1 - 1e-12) or s < c["be"][0] or s > c["be"][1]
            elif kind == 2:
                l1 = [l for l in self.layers if l["kind"] == 1]
                if not l1:
                    continue
                l1 = l1[0]
                proceeds, fees = self.liquidation(l1, d, vix)
                fires = l1["bought"] + 7 <= d <= l1["bought"] + 14 and proceeds - fees - l1["premium"] - l1["fees"] < 0
            else:
                fires = c["step"] >= 3 or vix >= 30 * (1 - 1e-12)
            if fires:
                self.buy_layer(kind, d, vix)

    # -- one close, in §9's order
    def play(self, i, d, nxt, s, vix):
        self.today = 0.0
        settles = lambda e: d >= e or (nxt is not None and nxt > e)
        for l in sorted([l for l in self.layers if settles(l["expiry"])], key=lambda l: l["kind"]):
            unit = max(0, vix - l["long"]) - (max(0, vix - l["short"]) if l["short"] else 0)
            self.realise(l, d, "expiry", unit * 100 * l["n"], 0.0)
        c = self.condor
        if c is not None:
            if settles(c["expiry"]):
                intrinsic = (max(0, c["sp"] - s) - max(0, c["lp"] - s) + max(0, s - c["sc"]) - max(0, s - c["lc"])) * 100 * c["n"]
                self.close_condor(i, d, s, vix, "expiry", intrinsic, 0.0)
            else:
                cost = self.condor_cost(c, d, s, vix / 100)
                fees = 4 * FEE * c["n"]
                pnl = c["per"] * c["n"] - cost - fees
                if pnl <= -STOPS[c["step"] - 1] * c["per"] * c["n"]:
                    self.close_condor(i, d, s, vix, "stop", cost, fees)
        if self.condor is None and i >= self.next_entry and nxt is not None:
            self.open_condor(i, d, s, vix)
        if self.condor is not None and nxt is not None:
            self.triggers(d, s, vix)
        if nxt is None:
            if self.condor is not None:
                c = self.condor
                self.close_condor(i, d, s, vix, "end", self.condor_cost(c, d, s, vix / 100), 4 * FEE * c["n"])
            for l in sorted(list(self.layers), key=lambda l: l["kind"]):
                self.sell_layer(l, d, vix, "end")


def path():
    """90 weekdays from Monday 2026-01-05: a drift up, a VIX spike, a crash, a recovery."""
    days, d = [], 20458
    while len(days) < 90:
        if weekday(d) not in (0, 6):
            days.append(d)
        d += 1
    out = []
    for i, d in enumerate(days):
        if i < 18:
            s, v = 6000 + 8 * i, 18.0
        elif i < 20:
            s, v = 6130 - 30 * (i - 17), 23.0
        elif i < 23:
            s, v = 5650 - 60 * (i - 20), 31.0 + i - 20
        else:
            s, v = 5530 + 12 * (i - 23), max(17.0, 33.0 - 0.6 * (i - 23))
        out.append((d, s, v))
    return out


def path2():
    """160 weekdays from 2026-01-05: two falls a month apart, VIX spikes that fade."""
    days, d = [], 20458
    while len(days) < 160:
        if weekday(d) not in (0, 6):
            days.append(d)
        d += 1
    out = []
    for i, d in enumerate(days):
        s = 6000 + 6 * i - (250 if 15 <= i < 40 else 0) - (320 if 45 <= i < 80 else 0) - (200 if 100 <= i < 104 else 0)
        v = 18.0 + (6 if 15 <= i < 25 else 0) + (9 if 45 <= i < 52 else 0) - (0.1 * i if i > 120 else 0)
        out.append((d, float(s), v))
    return out


def main(p):
    e = Engine(1_000_000)
    for i, (d, s, v) in enumerate(p):
        e.play(i, d, p[i + 1][0] if i + 1 < len(p) else None, s, v)
    print("// trades: open, close, reason, step, contracts, credit, closeCost, pnl, hedgePnl, equity")
    for t in e.trades:
        print(f'("{t[0]}", "{t[1]}", "{t[2]}", {t[3]}, {t[4]}, {t[5]:.6f}, {t[6]:.6f}, {t[7]:.6f}, {t[8]:.6f}, {t[9]:.6f}),')
    print("// layers: layer, bought, sold, reason, contracts, premium, proceeds, pnl")
    for l in e.records:
        print(f'("{l[0]}", "{l[1]}", "{l[2]}", "{l[3]}", {l[4]}, {l[5]:.6f}, {l[6]:.6f}, {l[7]:.6f}),')
    print(f"// final equity {e.equity:.6f}")


if __name__ == "__main__":
    import sys
    if len(sys.argv) > 1 and sys.argv[1] == "2":
        HEDGECLOSE = "expiry"
        main(path2())
    else:
        main(path())
