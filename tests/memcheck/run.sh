#!/bin/sh
# run.sh — the unit tests under valgrind's memcheck: a read of memory never
# written, which ASan does not see. Such a read once drew the contents
# screen's lead differently from run to run, and only the ARM build in CI
# showed it (a byte past a copied string, tested as a UTF-8 continuation).
#   tests/memcheck/run.sh BUILD_DIR
# Fails on any error memcheck reports; leaks are the ASan build's job.
# test_content_linear is left out: it times its parse against a budget,
# and memcheck runs code 20 to 50 times slower.
set -eu
build=${1:?usage: tests/memcheck/run.sh BUILD_DIR}
command -v valgrind >/dev/null || { echo "FAIL: valgrind is missing (deploy/deps.sh --test)" >&2; exit 1; }
jobs=$(nproc 2>/dev/null || echo 2)
# The tests that time a content load allow it this many times their second.
export KIOSK_TEST_TIME_SCALE=40
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
ctest --test-dir "$build" --show-only=json-v1 -L unit |
    python3 -c 'import json, sys
for t in json.load(sys.stdin)["tests"]:
    if t["name"] != "test_content_linear":
        print(t["command"][0])' >"$log/list"
[ -s "$log/list" ] || { echo "FAIL: no unit tests found in $build" >&2; exit 1; }
# One line per failed test; its memcheck report stays in $log/NAME.
# shellcheck disable=SC2016 # expanded by the inner sh
xargs -P "$jobs" -I{} sh -c 'n=$(basename "$1")
    if ! (cd "$2" && valgrind -q --error-exitcode=99 --track-origins=yes \
            --leak-check=no "$1") >/dev/null 2>"$3/$n"; then
        echo "$n" >>"$3/failed"; fi' sh {} "$build" "$log" <"$log/list"
if [ -s "$log/failed" ]; then
    while read -r n; do
        echo "== $n under memcheck:"; head -n 60 "$log/$n"
    done <"$log/failed"
    echo "FAIL (tests/memcheck): $(wc -l <"$log/failed") unit tests read memory wrongly (above)" >&2
    exit 1
fi
echo "tests/memcheck: $(wc -l <"$log/list") unit tests clean under memcheck"
