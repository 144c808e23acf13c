#!/usr/bin/env python3
"""The Python reference for `make bench`: the same work as hedgebook-bench, in numpy/scipy.

Prints `name value unit` lines like the Swift harness, so bench/run.sh can set them side by side.
Groups: bsm, condor, replay, montecarlo (all when none is named). `reference.py parse FILE` reads
and tokenises a hedgebook script (the Python side of the end-to-end `hedgebook run` timing).
"""
import math
import sys
import time

if __name__ == "__main__" and sys.argv[1:2] == ["parse"]:
    np = ndtr = norm = None  # reading a script needs neither, and importing them takes longer than the read
else:
    import numpy as np
    from scipy.special import ndtr
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


# --- The condor (METHOD §4), as IronCondor.build does it, with scipy's normal -----------------

def condor(spot, vix=18.0, r=0.04, q=0.013, dte=45, delta=0.16, width=50.0, step=5.0):
    """Strike search by delta over listed strikes, the four BSM prices, credit, break-evens,
    probabilities (profit, max loss, touching each short) and the net greeks, flat skew."""
    t = dte / 365
    sigma = vix / 100
    sq = math.sqrt(t)
    dq, dr = math.exp(-q * t), math.exp(-r * t)

    def d1(k):
        return (np.log(spot / k) + (r - q + 0.5 * sigma * sigma) * t) / (sigma * sq)

    below = np.arange(math.floor(spot / step) * step, spot * 0.5, -step)
    below = below[below < spot]
    above = np.arange(math.ceil(spot / step) * step, spot * 1.5, step)
    above = above[above > spot]
    put_delta = -dq * ndtr(-d1(below))
    call_delta = dq * ndtr(d1(above))
    short_put = below[np.argmin(np.abs(put_delta + delta))]
    short_call = above[np.argmin(np.abs(call_delta - delta))]
    strikes = np.array([short_put - width, short_put, short_call, short_call + width])
    a = d1(strikes)
    b = a - sigma * sq
    calls = spot * dq * ndtr(a) - strikes * dr * ndtr(b)
    puts = strikes * dr * ndtr(-b) - spot * dq * ndtr(-a)
    credit = 100 * (puts[1] - puts[0] + calls[2] - calls[3])
    max_loss = 100 * width - credit
    lower, upper = short_put - credit / 100, short_call + credit / 100
    mu = (r - q - 0.5 * sigma * sigma) * t
    z = lambda x: (math.log(x / spot) - mu) / (sigma * sq)
    pop = ndtr(z(upper)) - ndtr(z(lower))
    p_max_loss = ndtr(z(strikes[0])) + ndtr(-z(strikes[3]))
    m = r - q - 0.5 * sigma * sigma

    def touch(h):
        bb = math.log(h / spot)
        sign = 1 if h < spot else -1
        return ndtr(sign * (bb - m * t) / (sigma * sq)) + (h / spot) ** (2 * m / sigma ** 2) * ndtr(sign * (bb + m * t) / (sigma * sq))

    pdf = np.exp(-0.5 * a * a) / math.sqrt(2 * math.pi)
    signs = np.array([1, -1, -1, 1])
    deltas = np.array([-dq * ndtr(-a[0]), -dq * ndtr(-a[1]), dq * ndtr(a[2]), dq * ndtr(a[3])])
    greeks = (
        100 * (signs * deltas).sum(),
        100 * (signs * dq * pdf / (spot * sigma * sq)).sum(),
        (signs * spot * dq * pdf * sq).sum(),
    )
    return credit, max_loss, pop, p_max_loss, touch(short_put), touch(short_call), greeks


def bench_condor():
    """Microseconds per condor, over spot moving from 5,500 to 6,500 as in the Swift harness."""
    n = 2_000
    seconds = best(3, lambda: [condor(5500.0 + (i % 1000)) for i in range(n)])
    print(f"condor_build_us {seconds / n * 1e6:.3f} us")


# --- The Monte Carlo of the progression (MonteCarlo.run's rules), vectorised over paths -------

def bench_montecarlo():
    """10,000 paths of 1,000 trades: the progression (base 1 %, multipliers 1.8 1.6 1.6, four
    steps, rule recover, cap 10 %, stops 90 90 65 65 %) beside flat sizing on the same draws,
    win $144 / max loss $356 per contract, win rate 70 %, from $100,000, as the Swift harness."""
    paths, trades, p, start = 10_000, 1_000, 0.70, 100_000.0
    credit, max_loss, base, cap = 144.0, 356.0, 0.01, 0.10
    stops = [0.90, 0.90, 0.65, 0.65]
    steps = 4
    products = np.array([1.0, 1.8, 1.8 * 1.6, 1.8 * 1.6 * 1.6])
    risk = np.array([min(s * credit, max_loss) for s in stops])

    def units(amount, per):
        return np.floor(amount * (1 + 1e-12) / per)

    def account():
        return {
            "equity": np.full(paths, start), "base": np.full(paths, base * start),
            "pnl": np.zeros(paths), "step": np.zeros(paths, dtype=np.int64), "peak": np.full(paths, start),
            "dd": np.zeros(paths), "ddf": np.zeros(paths), "cycles": np.zeros(paths, dtype=np.int64),
            "failed": np.zeros(paths, dtype=np.int64), "sum": np.zeros(paths), "squares": np.zeros(paths),
            "trades": np.zeros(paths, dtype=np.int64), "on": np.ones(paths, dtype=bool),
        }

    def trade(a, won, contracts, loss, k, reset_on_win):
        pnl = np.where(won, contracts * credit, -(contracts * loss))
        after = a["equity"] + pnl
        ok = a["on"] & (contracts > 0) & (after > 0)
        a["on"] = ok
        a["equity"] = np.where(ok, after, a["equity"])
        a["pnl"] = np.where(ok, a["pnl"] + pnl, a["pnl"])
        a["trades"] += ok
        a["peak"] = np.maximum(a["peak"], a["equity"])
        fall = a["peak"] - a["equity"]
        a["dd"] = np.maximum(a["dd"], fall)
        a["ddf"] = np.maximum(a["ddf"], fall / a["peak"])
        lost = ok & ~won
        advance = lost & (a["step"] < k - 1)
        failed = lost & ~advance
        ends = failed | (ok & won & (reset_on_win | (a["pnl"] >= 0)))
        a["step"] += advance
        a["failed"] += failed
        a["cycles"] += ends
        a["sum"] += np.where(ends, a["pnl"], 0)
        a["squares"] += np.where(ends, a["pnl"] ** 2, 0)
        a["pnl"] = np.where(ends, 0, a["pnl"])
        a["step"] = np.where(ends, 0, a["step"])
        a["base"] = np.where(ends, base * a["equity"], a["base"])
        return ok

    def run():
        rng = np.random.default_rng(1)
        prog, flat = account(), account()
        for _ in range(trades):
            won = rng.random(paths) < p
            step = prog["step"]
            c = units(np.minimum(prog["base"] * products[step], cap * prog["equity"]), risk[step])
            playing = trade(prog, won, c, risk[step], steps, False)
            flat["on"] &= playing
            cf = units(np.minimum(flat["base"], cap * flat["equity"]), risk[0])
            trade(flat, won, cf, risk[0], 1, True)
        for a in (prog, flat):
            np.percentile(a["equity"], [5, 25, 50, 75, 95])
            np.percentile(a["ddf"], [5, 25, 50, 75, 95])
            np.percentile(a["dd"], [5, 25, 50, 75, 95])
        return int(prog["trades"].sum())

    played = [0]

    def timed():
        played[0] = run()

    seconds = best(2, timed)
    print(f"montecarlo_trades_per_second {int(played[0] / seconds)} trades/s")


# --- Reading a script ------------------------------------------------------------------------

def parse(path):
    """Reads a hedgebook script and tokenises every line: words, numbers (with %, $, k, m) and
    `;`-separated commands. Far less than hedgebook does per line; a floor for Python."""
    commands = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0]
            for command in line.split(";"):
                words = command.split()
                if not words:
                    continue
                commands += 1
                for word in words[1:]:
                    text = word.lstrip("$").rstrip("%").replace(",", "")
                    scale = {"k": 1e3, "m": 1e6}.get(text[-1:].lower(), 1)
                    try:
                        float(text.rstrip("kKmM")) * scale
                    except ValueError:
                        pass
    return commands


if __name__ == "__main__":
    if sys.argv[1:2] == ["parse"]:
        parse(sys.argv[2])
        sys.exit(0)
    wanted = set(sys.argv[1:])
    if not wanted or "bsm" in wanted:
        bench_bsm()
    if not wanted or "condor" in wanted:
        bench_condor()
    if not wanted or "montecarlo" in wanted:
        bench_montecarlo()
