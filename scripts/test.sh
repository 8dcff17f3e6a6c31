#!/usr/bin/env bash
# Runs the whole Prognos test suite and prints "N passed, N failed, N skipped" as its last line.
# As root on Debian it first installs and starts the services the integration tests use
# (PostgreSQL 15, mosquitto) on loopback; elsewhere those tests are skipped with a message.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "${PROGNOS_SKIP_SERVICES:-0}" != "1" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  # shellcheck source=scripts/start-services.sh
  source scripts/start-services.sh
fi

results="$(pwd)/TestResults"
rm -rf "$results"
mkdir -p "$results"

dotnet build Prognos.slnx -c Release -warnaserror 2>&1 | tail -n 3
build_rc=${PIPESTATUS[0]}
if [ "$build_rc" -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

dotnet test --solution Prognos.slnx -c Release --no-build --report-xunit-trx --results-directory "$results" "$@"
test_rc=$?

python3 scripts/trx-summary.py "$results"
summary_rc=$?
if [ "$test_rc" -ne 0 ] || [ "$summary_rc" -ne 0 ]; then
  exit 1
fi
