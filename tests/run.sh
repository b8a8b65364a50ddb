#!/bin/sh
# run.sh — the whole test suite, as CI runs it: installs what is missing,
# builds a normal and a sanitizer (ASan + UBSan) build, runs every test in the
# first (end-to-end and deploy tests with every core kept busy) and the unit
# and render tests in the second.
set -eu
cd "$(dirname "$0")/.."
deploy/deps.sh --test
jobs=$(nproc 2>/dev/null || echo 2)
out=$(mktemp -d)

# ctest, failing also when a test was skipped: a tool missing on the CI
# machine must not read as a pass (a skipped test exits 77).
run_ctest() {
    { rc=0; ctest "$@" || rc=$?; echo "$rc" >"$out/rc"; } 2>&1 | tee "$out/log"
    [ "$(cat "$out/rc")" -eq 0 ] || exit 1
    if grep -qE '\*\*\*Skipped|Not Run' "$out/log"; then
        echo "Some tests were skipped (listed above): install what they need (deploy/deps.sh --test)." >&2
        exit 1
    fi
}

# KIOSK_TEST_INPUT: also the kiosk's test twin, which the finger e2e tests drive.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_TEST_INPUT=ON >/dev/null
cmake --build build -j "$jobs"
run_ctest --test-dir build --output-on-failure -j "$jobs" -LE 'e2e|deploy'
# The unit tests again under valgrind: reads of memory never written.
tests/memcheck/run.sh build
# Figures (frame budget, idle CPU) are measured on a quiet machine.
run_ctest --test-dir build --output-on-failure -L measure
# The kiosk and its tests on a machine as busy as a Pi 3 in the lobby always
# is: every core kept busy by other processes (at nice 5: they lose to the
# kiosk a little, as a desktop's background work does) while the end-to-end
# and deploy tests run. Taps, idle timing and the watchdog must hold.
nice -n 5 stress-ng --cpu "$jobs" --timeout 3600 >/dev/null 2>&1 &
stress=$!
trap 'kill "$stress" 2>/dev/null || true' EXIT
run_ctest --test-dir build --output-on-failure -j "$jobs" -L 'e2e|deploy' -LE measure
kill "$stress" 2>/dev/null || true
wait "$stress" 2>/dev/null || true
trap - EXIT
# The kiosk installed by deploy/install.sh into a Debian 12 guest and booted
# under QEMU (software CPU, no KVM): READY, the screen on KMSDRM matching
# `kiosk --render`, a tap opening the menu (tests/vm/run.sh --quick, issue
# 13). Cold on a fresh 2-core machine (the guest's files built with
# mmdebstrap from Debian's mirror, the install, the boot): 3 min 36 s on
# 2026-12-02; cached in /var/cache/kiosk-vm after that. Needs root, as the
# rest of CI: not root, it says SKIP and CI fails, as on any skip.
# KIOSK_VM=0 leaves it out (a machine without Debian's mirror).
if [ "${KIOSK_VM:-1}" != 0 ]; then
    rc=0
    tests/vm/run.sh --quick --kiosk build/kiosk || rc=$?
    if [ "$rc" -eq 77 ]; then
        echo "The VM test was skipped (above): run CI as root with deploy/deps.sh --test." >&2
    fi
    [ "$rc" -eq 0 ] || exit 1
fi

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    run_ctest --test-dir build-asan --output-on-failure -j "$jobs" -L 'unit|render'
# The Pi's processors: arm64 and armhf builds under qemu-user, plain char unsigned.
tests/arm/run.sh
# The whole content parse (kiosk.ini and topic files) under libFuzzer with
# ASan + UBSan, for a bounded time.
if ! tests/fuzz/run.sh "${KIOSK_FUZZ_SECONDS:-60}" >build/fuzz.log 2>&1; then
    tail -n 40 build/fuzz.log
    echo "The fuzzer found a problem (input saved in build-fuzz/)." >&2
    exit 1
fi
tail -n 12 build/fuzz.log
echo "All tests passed."
