#!/usr/bin/env bash
# Data-prep benchmarks in Release: the battery recipe against the pandas reference on the same raw file, and CSV
# ingest into a dataset version against DuckDB's own read_csv -> Parquet. Appends a section to bench/RESULTS.md.
# Usage: bench/run-data.sh            # 2,000 batteries, about 10.1 million raw rows / 576 MB
#        BATTERIES=400 bench/run-data.sh   # smaller, for a quicker look
# Env: BATTERIES (default 2000), SEED (42), MEMORY_LIMIT for the recipe (1.5GB), INGEST_RUNS (1),
#      DATA_DIR (bench/out/data; the sample is generated once per size and seed, then reused),
#      INGEST_BREAKDOWN (true: also time the registry's phases one by one),
#      PANDAS_FROM=DIR to take pandas' figures from an earlier run of this script on the same file instead of
#      running it again (DIR must hold pandas.csv, pandas.time and pandas.err; the section then says so).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

batteries="${BATTERIES:-2000}"
seed="${SEED:-42}"
memory_limit="${MEMORY_LIMIT:-1.5GB}"
ingest_runs="${INGEST_RUNS:-1}"
data_dir="${DATA_DIR:-bench/out/data}/connected-car-$batteries-$seed"
results="bench/RESULTS.md"
python=/usr/bin/python3
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
"$python" -c 'import pandas' 2>/dev/null || { echo "needs Debian pandas: apt-get install -y python3-pandas" >&2; exit 1; }

dotnet build -c Release src/Prognos.Cli -nologo -v q >/dev/null
dotnet build -c Release bench/Prognos.Bench -nologo -v q >/dev/null
bench=(dotnet bench/Prognos.Bench/bin/Release/net10.0/Prognos.Bench.dll)
raw="$data_dir/battery-raw.csv"
if [[ ! -f "$raw" ]]; then
    src/Prognos.Cli/bin/Release/net10.0/prognos sample connected-car --batteries "$batteries" --seed "$seed" --out "$data_dir" | head -2
fi
raw_rows=$(($(wc -l < "$raw") - 1))
raw_mb=$(awk -v b="$(stat -c %s "$raw")" 'BEGIN { printf "%.0f", b / 1e6 }')
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu_s() { awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.0f", t }' "$1"; }
peak_mib() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
field() { grep -o "$2=[^ ]*" "$1" | tail -1 | cut -d= -f2; }

started="$(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== ours: battery recipe on $raw ($raw_rows rows, $raw_mb MB)"
load_ours="$(load)"
/usr/bin/time -v -o "$work/ours.time" "${bench[@]}" prep-battery --raw "$raw" --out "$work/ours.parquet" --memory-limit "$memory_limit" | tee "$work/ours.out"

if [[ -n "${PANDAS_FROM:-}" ]]; then
    pandas_dir="$PANDAS_FROM"
    load_pandas="$(sed -n 2p "$pandas_dir/pandas.load" 2>/dev/null || echo 'not recorded')"
    pandas_note="pandas figures taken from an earlier run on the same file ($(head -1 "$pandas_dir/pandas.load" 2>/dev/null || echo 'time not recorded')), not re-run"
else
    pandas_dir="$work"
    echo "== pandas: tools/reference/battery_prep_pandas.py on the same file"
    load_pandas="$(load)"
    printf '%s\n%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$load_pandas" > "$work/pandas.load"
    /usr/bin/time -v -o "$work/pandas.time" "$python" tools/reference/battery_prep_pandas.py "$raw" "$work/pandas.csv" --time 2> "$work/pandas.err"
    cat "$work/pandas.err"
    pandas_note="pandas run in this script, right after ours"
fi

echo "== same table? our Parquet against pandas' CSV"
compare_status=0
"${bench[@]}" prep-compare --ours "$work/ours.parquet" --pandas "$pandas_dir/pandas.csv" | tee "$work/compare.out" || compare_status=$?

echo "== ingest: dataset register (snapshot) against DuckDB read_csv -> Parquet"
load_ingest="$(load)"
/usr/bin/time -v -o "$work/ingest.time" "${bench[@]}" ingest-csv --csv "$raw" --runs "$ingest_runs" --scratch "$work" --breakdown "${INGEST_BREAKDOWN:-true}" | tee "$work/ingest.out"

ours_s="$(field "$work/ours.out" wall_seconds)"
ours_rows="$(field "$work/ours.out" rows_out)"
ours_peak="$(peak_mib "$work/ours.time")"
ours_elapsed="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/ours.time")"
pandas_s="$(field "$pandas_dir/pandas.err" wall_seconds)"
pandas_rows="$(field "$pandas_dir/pandas.err" rows_out)"
pandas_peak="$(peak_mib "$pandas_dir/pandas.time")"
pandas_elapsed="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$pandas_dir/pandas.time")"
ours_cpu="$(cpu_s "$work/ours.time")"
pandas_cpu="$(cpu_s "$pandas_dir/pandas.time")"
cpu_ratio="$(awk -v a="$pandas_cpu" -v b="$ours_cpu" 'BEGIN { printf "%.1f", a / b }')"
speedup="$(awk -v a="$pandas_s" -v b="$ours_s" 'BEGIN { printf "%.1f", a / b }')"
speed_pass="$(awk -v s="$speedup" 'BEGIN { print (s >= 5 ? "pass" : "FAIL") }')"
memory_pass="$(awk -v m="$ours_peak" 'BEGIN { print (m < 2048 ? "pass" : "FAIL") }')"
equal="$(field "$work/compare.out" equal)"
ours_mb_s="$(field "$work/ingest.out" ours_mb_s)"
duck_mb_s="$(field "$work/ingest.out" duckdb_mb_s)"
share="$(field "$work/ingest.out" share)"
share_pct="$(awk -v s="$share" 'BEGIN { printf "%.0f %%", s * 100 }')"
share_pass="$(awk -v s="$share" 'BEGIN { print (s >= 0.70 ? "pass" : "FAIL") }')"
ingest_peak="$(peak_mib "$work/ingest.time")"

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
ram="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench tools examples || echo '-dirty')"
duckdb_version="$(grep -o 'DuckDB.NET.Data.Full" Version="[^"]*' Directory.Packages.props | cut -d'"' -f3)"
pandas_version="$("$python" -c 'import pandas; print(pandas.__version__)')"

if [[ ! -f "$results" ]]; then
    printf '# Benchmark results\n' > "$results"
fi
{
    printf '\n## Data prep: battery recipe vs pandas, CSV ingest vs DuckDB — %s\n\n' "$started"
    printf -- '- machine: %s cores, %s, %s RAM; shared with other builds\n' "$(nproc)" "$cpu" "$ram"
    printf -- '- load average (1/5/15 min) at the start of: ours %s; pandas %s; ingest %s\n' "$load_ours" "$load_pandas" "$load_ingest"
    printf -- '- commit: %s; .NET %s, DuckDB.NET %s, pandas %s (Debian python3-pandas, %s)\n' "$commit" "$(dotnet --version)" "$duckdb_version" "$pandas_version" "$("$python" --version 2>&1)"
    printf -- '- command: `BATTERIES=%s SEED=%s MEMORY_LIMIT=%s INGEST_RUNS=%s%s bench/run-data.sh`\n' "$batteries" "$seed" "$memory_limit" "$ingest_runs" "${PANDAS_FROM:+ PANDAS_FROM=$PANDAS_FROM}"
    printf -- '- input: `prognos sample connected-car --batteries %s --seed %s`, %s raw rows, %s MB\n' "$batteries" "$seed" "$raw_rows" "$raw_mb"
    printf -- '- ours: `Prognos.Bench prep-battery` runs examples/connected-car/battery-prep.yaml through RecipeRunner (memory_limit %s) with its outputs replaced by one Parquet file; pandas: `tools/reference/battery_prep_pandas.py RAW OUT.csv --time` (writes CSV). Seconds are each tool'"'"'s own wall clock from start of work to written output (process wall incl. start-up: ours %s, pandas %s); peak = max RSS from `/usr/bin/time -v`; %s\n' "$memory_limit" "$ours_elapsed" "$pandas_elapsed" "$pandas_note"
    printf -- '- same table: %s (rows ours %s / pandas %s; per-column sums and every row matched on Battery_ID, Date within 1e-6 relative)\n\n' "$equal" "$ours_rows" "$pandas_rows"
    printf '| benchmark | rows | ours | pandas / DuckDB | ratio | ours peak MiB | pandas peak MiB | target | result |\n'
    printf '|---|---:|---:|---:|---:|---:|---:|---|---|\n'
    printf '| battery recipe | %s raw → %s | %s s | %s s | speed-up %s× | %s | %s | ≥ 5× faster | %s |\n' "$raw_rows" "$ours_rows" "$ours_s" "$pandas_s" "$speedup" "$ours_peak" "$pandas_peak" "$speed_pass"
    printf '| battery recipe, CPU seconds (user + sys) | | %s s | %s s | pandas CPU / ours %s× | | | (diagnostic) | |\n' "$ours_cpu" "$pandas_cpu" "$cpu_ratio"
    printf '| battery recipe memory | | | | | %s | %s | ours < 2 GB (2048 MiB) | %s |\n' "$ours_peak" "$pandas_peak" "$memory_pass"
    printf '| CSV → dataset version | %s (%s MB) | %s MB/s | %s MB/s | %s of DuckDB | %s | | ≥ 70 %% of DuckDB | %s |\n\n' "$raw_rows" "$raw_mb" "$ours_mb_s" "$duck_mb_s" "$share_pct" "$ingest_peak" "$share_pass"
    printf 'Recipe steps (ours, materialised one table each):\n\n```\n%s\n```\n\n' "$(grep StepResult "$work/ours.out" | sed -E 's/.*Kind = ([a-z]+),.*RowsIn = ([0-9]+), RowsOut = ([0-9]+), Elapsed = ([0-9:.]+).*/\1 \2 -> \3 rows \4/')"
    printf 'Ingest detail (best of %s; ours = `DatasetRegistry.RegisterAsync` snapshot in a fresh workspace: SHA-256 of the source, typed load, profile + plot, ZSTD Parquet; DuckDB = `COPY (SELECT * FROM read_csv(f)) TO f.parquet (FORMAT PARQUET)` in the same process; ingest peak MiB covers both):\n\n```\n%s\n```\n' "$ingest_runs" "$(grep -v '^    ' "$work/ingest.out")"
} >> "$results"
echo "appended to $results"
exit "$compare_status"
