#!/usr/bin/python3
"""Reference cleaning of raw connected-car battery telemetry with pandas (Debian python3-pandas).

The DuckDB recipe in src/Prognos.Data/Prep must produce the same table; every semantic choice is spelled
out in tools/reference/README.md ("Connected-car battery preparation"). In short, per Battery_ID:

  1. drop rows whose (Battery_ID, Date) was already seen, keeping the first in file order;
  2. twice-daily part (Date < 2015-01-01): regularise to a 12 h grid from the battery's first to its last
     timestamp (asfreq), time-interpolate every numeric column, then resample to 1 day:
     Battery_Age_Days min, Number_Of_Trips / Daily_Trip_Duration / Daily_Cycles_Used sum,
     Battery_Rated_Cycles min;
  3. daily part (Date >= 2015-01-01): regularise to a 1 day grid from first to last timestamp and
     time-interpolate every numeric column;
  4. concatenate, sort by Battery_ID, Date and recompute Lifetime_Cycles_Used as the cumulative sum of
     Daily_Cycles_Used.

Usage (from the repository root):
  /usr/bin/python3 tools/reference/battery_prep_pandas.py RAW.csv OUT.csv [--time]

--time prints wall time and peak resident memory to stderr, for the benchmark against the DuckDB recipe.
"""
import argparse
import resource
import sys
import time

import numpy as np
import pandas as pd

COLUMNS = [
    "Date",
    "Battery_ID",
    "Battery_Age_Days",
    "Number_Of_Trips",
    "Daily_Trip_Duration",
    "Daily_Cycles_Used",
    "Lifetime_Cycles_Used",
    "Battery_Rated_Cycles",
]
NUMERIC = COLUMNS[2:]
DAILY_FROM = pd.Timestamp("2015-01-01 00:00:00")
HALF_DAY_TO_DAY = {
    "Battery_Age_Days": "min",
    "Number_Of_Trips": "sum",
    "Daily_Trip_Duration": "sum",
    "Daily_Cycles_Used": "sum",
    "Battery_Rated_Cycles": "min",
}
RESAMPLED = list(HALF_DAY_TO_DAY)


def read_raw(path):
    # Only an empty cell is missing (no "NA"/"null" spellings); every measure is float64.
    raw = pd.read_csv(
        path,
        dtype={"Battery_ID": str, **{column: "float64" for column in NUMERIC}},
        keep_default_na=False,
        na_values={column: [""] for column in NUMERIC},
    )
    if list(raw.columns) != COLUMNS:
        sys.exit(f"expected columns {COLUMNS}, got {list(raw.columns)}")
    raw["Date"] = pd.to_datetime(raw["Date"], format="%Y-%m-%d %H:%M:%S")
    return raw


def regularise(part, step):
    """Every battery of `part` on a regular grid from its first to its last timestamp, gaps time-interpolated.

    Vectorised over batteries, it computes exactly what, per battery,
    `battery.set_index('Date')[NUMERIC].asfreq(step).interpolate(method='time')` computes (same float
    operations as numpy.interp, which that call uses), without a Python loop over thousands of batteries.
    """
    bounds = part.groupby("Battery_ID", sort=True)["Date"].agg(["min", "max"])
    counts = ((bounds["max"] - bounds["min"]) // step).astype("int64").to_numpy() + 1
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    grid = pd.DataFrame({
        "Battery_ID": np.repeat(bounds.index.to_numpy(), counts),
        "Date": np.repeat(bounds["min"].to_numpy(), counts) + offsets * step.to_timedelta64(),
    })
    # A left join onto the grid: missing grid points become all-missing rows, off-grid rows are dropped.
    regular = grid.merge(part[["Battery_ID", "Date", *NUMERIC]], on=["Battery_ID", "Date"], how="left")

    battery = pd.factorize(regular["Battery_ID"])[0]
    time_ns = regular["Date"].to_numpy().astype("int64").astype("float64")
    for column in NUMERIC:
        values = regular[column].to_numpy(dtype="float64")
        valid = ~np.isnan(values)
        known_time = pd.Series(np.where(valid, time_ns, np.nan))
        known_value = pd.Series(values)
        before_time = known_time.groupby(battery).ffill().to_numpy()
        before_value = known_value.groupby(battery).ffill().to_numpy()
        after_time = known_time.groupby(battery).bfill().to_numpy()
        after_value = known_value.groupby(battery).bfill().to_numpy()
        with np.errstate(invalid="ignore", divide="ignore"):
            slope = (after_value - before_value) / (after_time - before_time)
            between = slope * (time_ns - before_time) + before_value
        # Interior gaps: linear in time. After the last known value: that value. Before the first: missing.
        regular[column] = np.where(valid, values, np.where(np.isnan(after_time), before_value, between))
    return regular


def prepare(raw):
    unique = raw.drop_duplicates(subset=["Battery_ID", "Date"], keep="first")
    twice_daily = regularise(unique[unique["Date"] < DAILY_FROM], pd.Timedelta(hours=12))
    daily = regularise(unique[unique["Date"] >= DAILY_FROM], pd.Timedelta(days=1))

    # 12 h -> 1 day: bins [D 00:00, D+1 00:00) labelled D. Sums of all-missing bins are 0, mins are missing.
    day = twice_daily["Date"].dt.floor("D").rename("Day")
    per_day = (
        twice_daily.groupby([twice_daily["Battery_ID"], day], sort=True)[RESAMPLED]
        .agg(HALF_DAY_TO_DAY)
        .reset_index()
        .rename(columns={"Day": "Date"})
    )

    clean = pd.concat([per_day, daily[["Battery_ID", "Date", *RESAMPLED]]], ignore_index=True)
    clean = clean.sort_values(["Battery_ID", "Date"], kind="stable").reset_index(drop=True)
    clean["Lifetime_Cycles_Used"] = clean.groupby("Battery_ID")["Daily_Cycles_Used"].cumsum()
    return clean[COLUMNS]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raw", help="raw telemetry CSV")
    parser.add_argument("out", help="cleaned daily CSV to write")
    parser.add_argument("--time", action="store_true", help="print wall time and peak RSS to stderr")
    arguments = parser.parse_args()

    started = time.perf_counter()
    clean = prepare(read_raw(arguments.raw))
    clean.to_csv(arguments.out, index=False, date_format="%Y-%m-%d", na_rep="", lineterminator="\n")
    if arguments.time:
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        print(
            f"rows_out={len(clean)} wall_seconds={time.perf_counter() - started:.3f} peak_rss_mib={peak_kib / 1024:.1f}",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
