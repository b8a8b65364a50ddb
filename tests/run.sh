#!/bin/sh
# run.sh — the whole test suite, as CI runs it: installs what is missing,
# builds a normal and a sanitizer (ASan + UBSan) build, runs every test in both.
set -eu
cd "$(dirname "$0")/.."
deploy/deps.sh --test
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs" -L 'unit|render'
# The whole content parse (kiosk.ini and topic files) under libFuzzer with
# ASan + UBSan, for a bounded time.
if ! tests/fuzz/run.sh "${KIOSK_FUZZ_SECONDS:-60}" >build/fuzz.log 2>&1; then
    tail -n 40 build/fuzz.log
    echo "The fuzzer found a problem (input saved in build-fuzz/)." >&2
    exit 1
fi
tail -n 12 build/fuzz.log
echo "All tests passed."
