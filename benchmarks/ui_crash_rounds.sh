#!/usr/bin/env bash
# Run UI test files N times, each in a fresh process, and count native crashes.
#
#   benchmarks/ui_crash_rounds.sh [--stress] [ROUNDS] [pytest args...]
#
# --stress: after each UI test, deleteLater'd widgets are deleted and gc.collect() runs
# (TIT_UI_STRESS_GC in tests/ui/conftest.py), which makes ownership bugs crash sooner.
# Defaults: 10 rounds of the files that start background work plus the desk forms.
# A round counts as a crash when the process dies of a signal (exit code >= 128, or
# negative) or prints "Fatal Python error"; faulthandler's stacks of crashed rounds are kept
# in $LOG_DIR (default /tmp/ui_crash_rounds). Set TIT_TEST_POSTGRES_URL to include
# PostgreSQL as in CI.
set -u
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--stress" ]; then
    export TIT_UI_STRESS_GC=1
    shift
fi
ROUNDS=${1:-10}
shift || true
if [ $# -eq 0 ]; then
    set -- tests/ui/test_import_export.py tests/ui/test_desk_forms.py
fi
LOG_DIR=${LOG_DIR:-/tmp/ui_crash_rounds}
mkdir -p "$LOG_DIR"
PY=${PYTHON:-.venv/bin/python}
crashes=0
failures=0
start=$(date +%s)
for i in $(seq 1 "$ROUNDS"); do
    log="$LOG_DIR/round-$i.log"
    QT_QPA_PLATFORM=offscreen PYTHONFAULTHANDLER=1 "$PY" -X dev -m pytest -q \
        -p no:cacheprovider -p no:randomly "$@" >"$log" 2>&1
    rc=$?
    if [ $rc -ge 128 ] || [ $rc -lt 0 ] || grep -q "Fatal Python error" "$log"; then
        crashes=$((crashes + 1))
        echo "round $i: CRASH (exit $rc) -> $log"
    elif [ $rc -ne 0 ]; then
        failures=$((failures + 1))
        echo "round $i: tests failed (exit $rc) -> $log"
    else
        echo "round $i: ok ($(tail -1 "$log"))"
        rm -f "$log"
    fi
done
echo "rounds=$ROUNDS crashes=$crashes failures=$failures seconds=$(( $(date +%s) - start ))"
[ $crashes -eq 0 ] && [ $failures -eq 0 ]
