#!/usr/bin/env python3
"""The calibration statistics of docs/calibration.md, computed from the market store with numpy,
independently of the Swift code: mean and SD of VIX, SD of daily log VIX changes, the SPX-VIX
correlation of daily log changes, realised / implied volatility, and the share of days SPX falls
3 % or more, over the days on which both SPX and VIX have a close.

    scripts/reference/history_statistics.py [STORE] [FROM] [TO]

STORE defaults to $HEDGEBOOK_DATA/market.sqlite, $XDG_DATA_HOME/hedgebook/market.sqlite or
~/.local/share/hedgebook/market.sqlite; FROM and TO to 2014-01-01 and 2018-12-31.
"""
import os
import sqlite3
import sys

import numpy as np


def default_store():
    if os.environ.get("HEDGEBOOK_DATA"):
        return os.path.join(os.environ["HEDGEBOOK_DATA"], "market.sqlite")
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "hedgebook", "market.sqlite")


def main():
    store = sys.argv[1] if len(sys.argv) > 1 else default_store()
    start = sys.argv[2] if len(sys.argv) > 2 else "2014-01-01"
    end = sys.argv[3] if len(sys.argv) > 3 else "2018-12-31"
    db = sqlite3.connect(store)
    rows = db.execute(
        "SELECT s.close, v.close FROM closes s JOIN closes v ON v.series = 'vix' AND v.day = s.day"
        " WHERE s.series = 'spx' AND s.day >= ? AND s.day <= ? ORDER BY s.day", (start, end)).fetchall()
    spx = np.array([r[0] for r in rows])
    vix = np.array([r[1] for r in rows])
    x = np.diff(np.log(vix))
    s = np.diff(np.log(spx))
    print(f"days {len(rows)}")
    print(f"vix_mean {vix.mean():.6f}")
    print(f"vix_sd {vix.std():.6f}")
    print(f"log_vix_change_sd {x.std():.6f}")
    print(f"spx_vix_correlation {np.corrcoef(x, s)[0, 1]:.6f}")
    print(f"realised_over_implied {s.std() * np.sqrt(252) / (vix.mean() / 100):.6f}")
    print(f"share_of_days_spx_falls_3pct {np.mean(spx[1:] / spx[:-1] - 1 <= -0.03):.6f}")


if __name__ == "__main__":
    main()
