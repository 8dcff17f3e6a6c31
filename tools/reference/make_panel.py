#!/usr/bin/python3
"""Generate a synthetic panel of monthly series for forecasting benchmarks.

numpy only, fully determined by --seed. Each series:
  * 8..15 whole years of monthly data, random start year (2000..2012), start month January;
  * a trend (linear-additive or exponential, slope may be negative, sometimes damped);
  * period-12 seasonality, additive or multiplicative (1-2 Fourier harmonics, random amplitude);
  * noise (additive Gaussian or multiplicative log-normal);
  * for ~30% of series, 1-2 level shifts (multiplicative step);
  * all values strictly positive (clipped at 1% of the base level as a last resort).

Usage (from the repository root):
  /usr/bin/python3 tools/reference/make_panel.py [--n 1000] [--seed 20261125] \
      [--out bench/data/panel_monthly_1000.csv]

Writes CSV with columns series_id,date,value (date as YYYY-MM-01, value with
4 decimals) and, beside it, <out>_meta.csv with the generating parameters.
"""
import argparse
import os

import numpy as np


def make_series(rng):
    years = int(rng.integers(8, 16))          # 8..15 inclusive
    n = 12 * years
    start_year = int(rng.integers(2000, 2013))
    t = np.arange(n, dtype=float)

    base = float(np.exp(rng.normal(5.0, 1.2)))   # typical level ~150, wide spread
    trend_kind = rng.choice(["additive", "exponential"])
    slope = float(rng.normal(0.003, 0.004))      # relative change per month
    damped = bool(rng.random() < 0.25)
    if damped:
        phi = float(rng.uniform(0.9, 0.99))
        tt = phi * (1 - phi ** t) / (1 - phi)    # damped cumulative time
    else:
        phi = 1.0
        tt = t
    if trend_kind == "additive":
        level = base * (1.0 + slope * tt)
        level = np.maximum(level, 0.2 * base)
    else:
        level = base * np.exp(slope * tt)

    # level shifts
    n_shifts = 0
    shift_pos, shift_fac = [], []
    if rng.random() < 0.3:
        n_shifts = int(rng.integers(1, 3))
        for _ in range(n_shifts):
            pos = int(rng.integers(12, n - 6))
            fac = float(rng.uniform(0.7, 1.4))
            level[pos:] *= fac
            shift_pos.append(pos)
            shift_fac.append(fac)

    # seasonality, period 12, zero-mean pattern scaled to unit max-abs
    season_kind = rng.choice(["multiplicative", "additive"])
    k = np.arange(12)
    pattern = np.zeros(12)
    for h in range(1, int(rng.integers(1, 3)) + 1):
        pattern += rng.normal(0, 1.0 / h) * np.sin(2 * np.pi * h * k / 12 + rng.uniform(0, 2 * np.pi))
    pattern -= pattern.mean()
    pattern /= max(np.abs(pattern).max(), 1e-9)
    amp = float(rng.uniform(0.0, 0.4))
    s = pattern[np.arange(n) % 12]

    noise_kind = rng.choice(["additive", "multiplicative"])
    noise_sd = float(rng.uniform(0.01, 0.10))
    if season_kind == "multiplicative":
        y = level * (1.0 + amp * s)
    else:
        y = level + amp * base * s
    if noise_kind == "multiplicative":
        y = y * np.exp(rng.normal(0, noise_sd, n))
    else:
        y = y + rng.normal(0, noise_sd * base, n)
    y = np.maximum(y, 0.01 * base)

    meta = dict(n=n, years=years, start_year=start_year, base=base, trend_kind=str(trend_kind),
                slope=slope, damped=damped, phi=phi, season_kind=str(season_kind), amp=amp,
                noise_kind=str(noise_kind), noise_sd=noise_sd, n_shifts=n_shifts,
                shift_pos=";".join(map(str, shift_pos)),
                shift_fac=";".join(f"{f:.4f}" for f in shift_fac))
    return y, start_year, meta


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--out", default="bench/data/panel_monthly_1000.csv")
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    meta_path = os.path.splitext(args.out)[0] + "_meta.csv"
    width = max(4, len(str(args.n)))
    rows = 0
    with open(args.out, "w", newline="\n") as fh, open(meta_path, "w", newline="\n") as mh:
        fh.write("series_id,date,value\n")
        meta_cols = None
        for i in range(1, args.n + 1):
            sid = f"S{i:0{width}d}"
            y, start_year, meta = make_series(rng)
            assert np.all(y > 0) and np.all(np.isfinite(y))
            if meta_cols is None:
                meta_cols = list(meta)
                mh.write("series_id," + ",".join(meta_cols) + "\n")
            mh.write(sid + "," + ",".join(
                (f"{v:.6g}" if isinstance(v, float) else str(v)) for v in meta.values()) + "\n")
            for j, v in enumerate(y):
                yr = start_year + j // 12
                mo = j % 12 + 1
                fh.write(f"{sid},{yr:04d}-{mo:02d}-01,{v:.4f}\n")
                rows += 1
    print(f"wrote {args.out} ({rows} rows, {args.n} series) and {meta_path}")


if __name__ == "__main__":
    main()
