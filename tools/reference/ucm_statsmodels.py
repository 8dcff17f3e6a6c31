#!/usr/bin/python3
"""Reference fixtures for Prognos' unobserved-components (structural) models.

Uses Debian's statsmodels (apt: python3-statsmodels python3-pandas python3-numpy).
Run with the system interpreter, /usr/bin/python3, so the Debian packages are
the ones imported (a pyenv/venv python3 earlier on PATH will not see them).

Usage (from the repository root):
  /usr/bin/python3 tools/reference/ucm_statsmodels.py \
      [--csv /work/shared/data/AirPassengers.csv] \
      [--out tests/Prognos.Learning.Tests/Fixtures/forecasting/statsmodels_ucm.json]

Data: AirPassengers, first 132 months (1949-01 .. 1959-12) as training data;
forecasts for the next 24 months. Only 12 actual months follow in the data,
they are recorded as `test` (length 12).
"""
import argparse
import datetime as _dt
import json
import math
import platform
import sys
import time
import warnings

import numpy as np
import pandas as pd
import scipy
import statsmodels
from statsmodels.tsa.statespace.structural import UnobservedComponents

N_TRAIN = 132
HORIZON = 24
MAXITERS = [50, 500, 5000]  # 50 is statsmodels' default for method='bfgs'
CROSS_CHECK_METHODS = ["lbfgs", "nm", "powell"]  # maxiter=5000 each

SPECS = [
    # key, kwargs for UnobservedComponents (besides endog)
    ("local_linear_trend", dict(level="local linear trend")),
    ("local_level_seasonal12", dict(level="local level", seasonal=12)),
    ("local_linear_trend_seasonal12", dict(level="local linear trend", seasonal=12)),
]


def clean(x):
    """Convert numpy scalars/arrays to JSON-friendly Python values; NaN/inf -> None."""
    if isinstance(x, dict):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, np.ndarray):
        return [clean(v) for v in x.tolist()]
    if isinstance(x, (np.bool_, bool)):
        return bool(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (np.floating, float)):
        x = float(x)
        return x if math.isfinite(x) else None
    return x


def fit_spec(y, test, kwargs):
    mod = UnobservedComponents(y, **kwargs)
    attempts = []
    res = None
    for maxiter in MAXITERS:
        t0 = time.perf_counter()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            res = mod.fit(method="bfgs", maxiter=maxiter, disp=False)
        secs = time.perf_counter() - t0
        conv = bool(res.mle_retvals.get("converged", False))
        attempts.append({
            "maxiter": maxiter,
            "converged": conv,
            "fcalls": res.mle_retvals.get("fcalls"),
            "gcalls": res.mle_retvals.get("gcalls"),
            "warnflag": res.mle_retvals.get("warnflag"),
            "llf": res.llf,
            "fit_seconds": round(secs, 4),
            "warnings": [str(w.message) for w in caught],
        })
        if conv:
            break

    fc = res.get_forecast(HORIZON)
    point = np.asarray(fc.predicted_mean)
    ci80 = np.asarray(fc.conf_int(alpha=0.20))
    ci95 = np.asarray(fc.conf_int(alpha=0.05))
    se = np.asarray(fc.se_mean)

    f_test = point[: len(test)]
    smape = float(np.mean(200 * np.abs(test - f_test) / (np.abs(test) + np.abs(f_test))))
    scale = float(np.mean(np.abs(y[12:] - y[:-12])))
    mase = float(np.mean(np.abs(test - f_test)) / scale)

    names = list(mod.param_names)
    params = dict(zip(names, np.asarray(res.params)))
    bse = dict(zip(names, np.asarray(res.bse))) if res.bse is not None else {}

    last_state = np.asarray(res.filtered_state)[:, -1]

    # Cross-check: the BFGS optimum is not always the global one (e.g. plain
    # local linear trend on AirPassengers). Record what other optimisers reach
    # so a C# port is not held to a local optimum by mistake.
    cross = {}
    for meth in CROSS_CHECK_METHODS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = mod.fit(method=meth, maxiter=5000, disp=False)
        cross[meth] = {
            "llf": r.llf,
            "params": dict(zip(mod.param_names, np.asarray(r.params))),
            "converged": bool(r.mle_retvals.get("converged", False)),
        }
    best_llf = max([res.llf] + [c["llf"] for c in cross.values()])
    return {
        "spec": {k: v for k, v in kwargs.items()},
        "param_names": names,
        "params": params,
        "params_se": bse,
        "start_params": dict(zip(names, np.asarray(mod.start_params))),
        "converged": bool(res.mle_retvals.get("converged", False)),
        "fit_attempts": attempts,
        "llf": res.llf,
        "aic": res.aic,
        "bic": res.bic,
        "hqic": res.hqic,
        "k_params": len(names),
        "nobs": int(res.nobs),
        "nobs_diffuse": int(res.nobs_diffuse),
        "nobs_effective": int(res.nobs_effective),
        "loglikelihood_burn": int(res.loglikelihood_burn),
        "k_states": int(mod.k_states),
        "initialization": mod.ssm.initialization.initialization_type,
        "approximate_diffuse_variance": mod.ssm.initialization.approximate_diffuse_variance,
        "use_exact_diffuse": bool(mod.use_exact_diffuse),
        "filtered_state_last": last_state,
        "forecast": {
            "horizon": HORIZON,
            "point": point,
            "se": se,
            "lower_80": ci80[:, 0],
            "upper_80": ci80[:, 1],
            "lower_95": ci95[:, 0],
            "upper_95": ci95[:, 1],
        },
        "optimizer_cross_check": cross,
        "bfgs_is_best_found": bool(res.llf >= best_llf - 1e-3),
        "best_llf_found": best_llf,
        "mase_first_12": mase,
        "smape_first_12": smape,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="/work/shared/data/AirPassengers.csv")
    ap.add_argument("--out", default="tests/Prognos.Learning.Tests/Fixtures/forecasting/statsmodels_ucm.json")
    args = ap.parse_args()

    df = pd.read_csv(args.csv)
    values = df["#Passengers"].to_numpy(dtype=float)
    months = df["Month"].tolist()
    y = values[:N_TRAIN]
    test = values[N_TRAIN:N_TRAIN + HORIZON]

    models = {}
    for key, kwargs in SPECS:
        print(f"== {key}", file=sys.stderr)
        models[key] = fit_spec(y, test, kwargs)
        m = models[key]
        print(f"   converged={m['converged']} llf={m['llf']:.4f} params={m['params']}", file=sys.stderr)

    out = {
        "schema_version": 1,
        "generator": "tools/reference/ucm_statsmodels.py",
        "generated_utc": _dt.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python_version": platform.python_version(),
        "statsmodels_version": statsmodels.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "pandas_version": pd.__version__,
        "notes": ("AirPassengers, first 132 months as train (1949-01..1959-12), fitted with "
                  "UnobservedComponents(...).fit(method='bfgs'); maxiter raised (50 -> 500 -> 5000) "
                  "until converged. Parameters are variances in statsmodels naming. Forecast intervals "
                  "from get_forecast(24).conf_int(alpha=0.2 / 0.05). Only 12 actuals follow the "
                  "training data, so test has 12 values and MASE/sMAPE use the first 12 forecasts; "
                  "MASE scale = mean |y_t - y_{t-12}| over train. statsmodels' default initialisation for "
                  "UnobservedComponents is approximate diffuse (initial state variance "
                  "approximate_diffuse_variance = 1e6, use_exact_diffuse=False, so nobs_diffuse = 0) and "
                  "llf excludes the first loglikelihood_burn (= k_states) observations; "
                  "nobs_effective = nobs - loglikelihood_burn is what aic/bic use. The optimiser works on "
                  "unconstrained parameters (variance = u^2). filtered_state_last is the filtered state "
                  "after the last training point, in statsmodels' state order (level, trend, seasonal...). "
                  "optimizer_cross_check holds fits by other optimisers from the same start_params; "
                  "bfgs_is_best_found is false when one of them reached a higher llf (the BFGS result is "
                  "then a local optimum)."),
        "series": {
            "name": "AirPassengers",
            "frequency": 12,
            "start_year": 1949,
            "start_period": 1,
            "n_train": int(len(y)),
            "first_month": months[0],
            "last_train_month": months[N_TRAIN - 1],
            "train": y,
            "test": test,
        },
        "models": models,
    }
    with open(args.out, "w") as fh:
        json.dump(clean(out), fh, indent=2, allow_nan=False)
        fh.write("\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
