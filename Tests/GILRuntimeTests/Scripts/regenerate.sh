#!/bin/sh
# Regenerates the expected output of every script from CPython (3.11 is the reference).
# For each NN_topic.py: stdout → NN_topic.out; if the program exits non-zero, the last line of
# stderr → NN_topic.err (and the run must exit with status 1). Run from anywhere:
#   Tests/GILRuntimeTests/Scripts/regenerate.sh
set -eu
cd "$(dirname "$0")"
python=${PYTHON:-python3}
# Scripts import helper packages from this directory: leave no __pycache__ behind.
export PYTHONDONTWRITEBYTECODE=1
"$python" -c 'import sys; assert sys.version_info[:2] == (3, 11), "expected CPython 3.11, got " + sys.version' || exit 1
for script in [0-9]*.py; do
    base=${script%.py}
    status=0
    "$python" "$script" > "$base.out" 2> "$base.stderr" || status=$?
    if [ "$status" -ne 0 ]; then
        [ "$status" -eq 1 ] || { echo "$script: exit status $status (expected 0 or 1)" >&2; exit 1; }
        tail -n 1 "$base.stderr" > "$base.err"
    else
        rm -f "$base.err"
        [ ! -s "$base.stderr" ] || { echo "$script: wrote to stderr but exited 0" >&2; cat "$base.stderr" >&2; exit 1; }
    fi
    rm -f "$base.stderr"
done
echo "regenerated $(ls [0-9]*.py | wc -l) scripts"
