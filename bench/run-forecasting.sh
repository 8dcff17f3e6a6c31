#!/usr/bin/env bash
# Prognos vs R forecast: fit + 12-step forecast of auto ETS, auto ARIMA and Theta, timed side by side, with the
# accuracy table next to the times; appends a section to bench/RESULTS.md.
# Usage: bench/run-forecasting.sh [N]    (N = series of the side-by-side subset, default 100)
# Environment: R_RESULT=FILE reuses the summary JSON of an earlier `Rscript tools/reference/bench_r_forecast.R FILE N`
#              on the same N instead of running R again (the section says so, with that run's own time and load);
#              FULL=0 skips our run on all 1,000 series.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

n="${1:-100}"
panel="bench/data/panel_monthly_1000.csv"
fixture="tests/Prognos.Learning.Tests/Fixtures/forecasting/r_forecast.json"
results="bench/RESULTS.md"
out="$(mktemp -d /tmp/prognos-fbench.XXXXXX)"
bench=(dotnet bench/Prognos.Bench/bin/Release/net10.0/Prognos.Bench.dll forecast-panel)
load() { cut -d' ' -f1-3 /proc/loadavg; }
log="$out/steps.tsv"   # step, command, UTC start, load at start, load at end

step() {
    local name="$1"; shift
    local started loaded
    started="$(date -u '+%H:%M:%S')"; loaded="$(load)"
    echo ">> $name: $*" >&2
    "$@"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$*" "$started" "$loaded" "$(load)" >> "$log"
}

dotnet build -c Release bench/Prognos.Bench -nologo -v q >/dev/null
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
load_before="$(load)"

if [[ -n "${R_RESULT:-}" ]]; then
    cp "$R_RESULT" "$out/r_$n.json"
    printf '%s\t%s\t%s\t%s\t%s\n' "r_$n" "reused: Rscript tools/reference/bench_r_forecast.R $R_RESULT $n (${R_RESULT_NOTE:-earlier run})" "-" "-" "-" >> "$log"
else
    step "r_$n" Rscript tools/reference/bench_r_forecast.R "$out/r_$n.json" "$n" "$panel" "$out/r_${n}_forecasts.csv"
fi
step "ours_${n}_2" "${bench[@]}" --series "$n" --threads 2 --json "$out/ours_${n}_2.json"
step "ours_${n}_1" "${bench[@]}" --series "$n" --threads 1 --json "$out/ours_${n}_1.json"
step "fixtures_2" "${bench[@]}" --fixtures "$fixture" --threads 2 --json "$out/fixtures_2.json"
step "fixtures_1" "${bench[@]}" --fixtures "$fixture" --threads 1 --json "$out/fixtures_1.json"
if [[ "${FULL:-1}" != 0 ]]; then
    step "ours_all_2" "${bench[@]}" --series 0 --threads 2 --json "$out/ours_all_2.json"
fi

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
ram="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo '-dirty')"
rversion="$(Rscript -e 'cat(R.version$major, ".", R.version$minor, " / forecast ", as.character(packageVersion("forecast")), sep="")' 2>/dev/null)"

{
    printf '\n## Forecasting: Prognos vs R forecast — %s\n\n' "$started"
    printf -- '- machine: %s cores, %s, %s RAM, shared with other builds; load average at start %s (1/5/15 min)\n' "$(nproc)" "$cpu" "$ram" "$load_before"
    printf -- '- R %s (single process, single-threaded); .NET %s\n' "$rversion" "$(dotnet --version)"
    printf -- '- commit: %s\n' "$commit"
    printf -- '- command: `bench/run-forecasting.sh %s`%s\n\n' "$n" "${R_RESULT:+ with \`R_RESULT=$R_RESULT\`}"
    python3 - "$out" "$n" "$fixture" "$panel" <<'PY'
import csv, json, sys
from collections import defaultdict
out, n, fixture, panel = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
def load(name):
    try:
        return json.load(open(f"{out}/{name}.json"))
    except FileNotFoundError:
        return None
steps = [l.rstrip("\n").split("\t") for l in open(f"{out}/steps.tsv")]
print("Steps, in the order run (UTC start, load average at start → end):\n")
for name, cmd, t, l0, l1 in steps:
    print(f"- `{name}`: `{cmd}` — {t}, load {l0} → {l1}")
print()
r, o2, o1, oall = load(f"r_{n}"), load(f"ours_{n}_2"), load(f"ours_{n}_1"), load("ours_all_2")
f2, f1 = load("fixtures_2"), load("fixtures_1")
methods = [("ets", "auto ETS"), ("auto_arima", "auto ARIMA"), ("theta", "Theta")]
def fmt(x, d=3): return "–" if x is None else f"{x:,.{d}f}"
print(f"Wall seconds of fit + forecast summed over series; speed-up = R wall / ours (2 threads) wall, in brackets R CPU / ours CPU (process user+system seconds, less sensitive to the shared machine's load). MASE scaled by the in-sample seasonal naive (m = 12), sMAPE in %, means over series.\n")
print("| series | method | R seconds (CPU) | ours seconds, 2 threads (CPU) | ours, 1 thread | speed-up wall (CPU) | R MASE | our MASE | R sMAPE | our sMAPE |")
print("|---|---|---|---|---|---|---|---|---|---|")
verdict = []
tot = defaultdict(float)
for m, label in methods:
    rm, a, b = r["methods"][m], o2["methods"][m], o1["methods"][m]
    tot["r"] += rm["total_wall_seconds"]; tot["rc"] += rm["total_cpu_seconds"]
    tot["o"] += a["total_wall_seconds"]; tot["oc"] += a["total_cpu_seconds"]; tot["o1"] += b["total_wall_seconds"]
    print(f"| first {n} | {label} | {fmt(rm['total_wall_seconds'],2)} ({fmt(rm['total_cpu_seconds'],2)}) | {fmt(a['total_wall_seconds'])} ({fmt(a['total_cpu_seconds'])}) | {fmt(b['total_wall_seconds'])} "
          f"| {rm['total_wall_seconds']/a['total_wall_seconds']:.1f}x ({rm['total_cpu_seconds']/a['total_cpu_seconds']:.1f}x) "
          f"| {rm['mean_mase']:.4f} | {a['mean_mase']:.4f} | {rm['mean_smape']:.3f} | {a['mean_smape']:.3f} |")
    worse = (a["mean_mase"] - rm["mean_mase"]) / rm["mean_mase"]
    verdict.append((label, m, worse))
speed = tot["r"] / tot["o"]
print(f"| first {n} | **total** | {tot['r']:,.1f} ({tot['rc']:,.1f}) | {tot['o']:,.3f} ({tot['oc']:,.3f}) | {tot['o1']:,.3f} | **{speed:.1f}x** ({tot['rc']/tot['oc']:.1f}x); 1 thread {tot['r']/tot['o1']:.1f}x | | | | |")
if oall:
    rate = tot["r"] / int(n)
    t = 0.0
    for m, label in methods:
        a = oall["methods"][m]; t += a["total_wall_seconds"]
        rm = r["methods"][m]
        print(f"| all {oall['n_series']} | {label} | ≈ {rm['total_wall_seconds']/int(n)*oall['n_series']:,.0f} (extrapolated) | {fmt(a['total_wall_seconds'])} ({fmt(a['total_cpu_seconds'])}) | – | ≈ {rm['total_wall_seconds']/int(n)*oall['n_series']/a['total_wall_seconds']:.0f}x (extrapolated) | – | {a['mean_mase']:.4f} | – | {a['mean_smape']:.3f} |")
    print(f"| all {oall['n_series']} | **total** | ≈ {rate*oall['n_series']:,.0f} (extrapolated) | {t:,.3f} | – | ≈ {rate*oall['n_series']/t:.0f}x (extrapolated) | | | | |")
fx = json.load(open(fixture))["series"]
rt = ot = ot1 = 0.0
for m, label in methods:
    rsec = sum(s[m]["fit_seconds"] for s in fx.values())
    rmase = sum(s[m]["mase"] for s in fx.values()) / len(fx); rsm = sum(s[m]["smape"] for s in fx.values()) / len(fx)
    a, b = f2["methods"][m], f1["methods"][m]
    rt += rsec; ot += a["total_wall_seconds"]; ot1 += b["total_wall_seconds"]
    print(f"| {len(fx)} R datasets | {label} | {rsec:,.2f} (fixture) | {fmt(a['total_wall_seconds'])} ({fmt(a['total_cpu_seconds'])}) | {fmt(b['total_wall_seconds'])} | {rsec/a['total_wall_seconds']:.1f}x | {rmase:.4f} | {a['mean_mase']:.4f} | {rsm:.3f} | {a['mean_smape']:.3f} |")
print(f"| {len(fx)} R datasets | **total** | {rt:,.2f} (fixture) | {ot:,.3f} | {ot1:,.3f} | **{rt/ot:.1f}x**; 1 thread {rt/ot1:.1f}x | | | | |")
print()
print(f"R's 1,000-series figures are an extrapolation: its {n}-series wall seconds per series × 1,000, not a measurement. "
      f"R's fixture seconds are the per-call `fit_seconds` (the model fit; the forecast call adds little) recorded in {fixture} by tools/reference/forecast_r.R when the fixture was made "
      f"({json.load(open(fixture))['generated_utc']}), not re-timed in this run; the fixture series use their own holdout (the last 2 periods: 24 months, 8 quarters).\n")
print(f"**Verdict, first {n} series:**\n")
print(f"- ≥ 5x faster than R in total wall time: **{'pass' if speed >= 5 else 'FAIL'}** ({speed:.1f}x on 2 threads; {tot['r']/tot['o1']:.1f}x on 1 thread; {tot['rc']/tot['oc']:.1f}x in CPU seconds).")
for label, m, worse in verdict:
    print(f"- {label} mean MASE no more than 2 % worse than R's: **{'pass' if worse <= 0.02 else 'FAIL'}** ({worse*100:+.1f} %).")
for label, m, worse in verdict:
    if worse <= 0.02:
        continue
    ours = {s["series_id"]: s for s in o2["methods"][m]["per_series"]}
    rows = defaultdict(list)
    for row in csv.DictReader(open(r["forecasts_csv"])):
        if row["method"] == m:
            rows[row["series_id"]].append(row)
    series = defaultdict(list)
    for row in csv.DictReader(open(panel)):
        series[row["series_id"]].append(float(row["value"]))
    diffs = []
    for sid, rr in rows.items():
        train = series[sid][:-12]
        scale = sum(abs(train[i] - train[i - 12]) for i in range(12, len(train))) / (len(train) - 12)
        rmase = sum(abs(float(x["actual"]) - float(x["forecast"])) for x in rr) / len(rr) / scale
        diffs.append((ours[sid]["mase"] - rmase, sid, rr[0]["model"], ours[sid]["model"], rmase, ours[sid]["mase"]))
    diffs.sort(reverse=True)
    total = sum(d[0] for d in diffs)
    print(f"\n{label}: our MASE minus R's summed over series = {total:+.3f}; the series that cost most (ours − R):\n")
    print("| series | R model | our model | R MASE | our MASE | difference |")
    print("|---|---|---|---|---|---|")
    for d, sid, rmod, omod, rm_, om in diffs[:10]:
        print(f"| {sid} | {rmod} | {omod} | {rm_:.4f} | {om:.4f} | {d:+.4f} |")
    same = sum(1 for d in diffs if d[2].replace(' ', '') == d[3].replace(' ', ''))
    print(f"\nSame model chosen as R on {same} of {len(diffs)} series.")
PY
} > "$out/section.md"
cat "$out/section.md" >> "$results"
cat "$out/section.md"
echo "appended to $results; raw JSON in $out"
