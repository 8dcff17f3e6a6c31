#!/usr/bin/env bash
# Runs the tracking benchmarks in Release and appends a section to bench/RESULTS.md.
# Usage: bench/run-tracking.sh [tracking-ingest|tracking-search|all] [Prognos.Bench options...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

benchmark="${1:-all}"
shift || true
results="bench/RESULTS.md"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT

dotnet build -c Release bench/Prognos.Bench -nologo -v q >/dev/null
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
command=(dotnet bench/Prognos.Bench/bin/Release/net10.0/Prognos.Bench.dll "$benchmark" "$@" --report "$report")
"${command[@]}"

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
ram="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo '-dirty')"
postgres="$(PGPASSWORD=prognos psql -h 127.0.0.1 -U prognos -d prognos_test -tAc 'SHOW server_version' 2>/dev/null || echo 'not reached')"

if [[ ! -f "$results" ]]; then
    printf '# Benchmark results\n\nEach section is appended by a `bench/run-*.sh` script: machine, date, commit, command and figures,\nour figure always beside its ceiling measured in the same run. See bench/README.md.\n' > "$results"
fi

{
    printf '\n## Tracking (%s) — %s\n\n' "$benchmark" "$started"
    printf -- '- machine: %s cores, %s, %s RAM; load average at start %s (1/5/15 min)\n' "$(nproc)" "$cpu" "$ram" "$load_before"
    printf -- '- PostgreSQL %s on 127.0.0.1; .NET %s\n' "$postgres" "$(dotnet --version)"
    printf -- '- commit: %s\n' "$commit"
    printf -- '- command: `bench/run-tracking.sh %s`, i.e. `%s`\n\n' "$(echo "$benchmark" "$@")" "dotnet bench/Prognos.Bench/bin/Release/net10.0/Prognos.Bench.dll $(echo "$benchmark" "$@")"
    cat "$report"
} >> "$results"
echo "appended to $results"
