#!/bin/bash
# notify.sh — src/platform/notify.c really speaks the sd_notify protocol: a
# driver program sends through it to a socket this test reads, checking
# READY/STATUS/RELOADING/STOPPING and that WATCHDOG=1 is rate-limited to a
# quarter of WATCHDOG_USEC, while the loop may sleep only until the next one
# is due (a quarter at most). Also checks the no-systemd build compiles to
# no-ops.
# Args: kiosk-binary source-dir (the binary is not used here).
set -euo pipefail
src=${2:?usage: notify.sh kiosk-binary source-dir}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cc=${CC:-cc}
# shellcheck disable=SC2046 # pkg-config output is a list of flags
"$cc" -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -DKIOSK_HAVE_SYSTEMD=1 \
    -I"$src/src" "$src/tests/deploy/notify_driver.c" "$src/src/platform/notify.c" \
    -o "$tmp/driver" $(pkg-config --cflags --libs libsystemd)
"$cc" -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -I"$src/src" \
    "$src/tests/deploy/notify_driver.c" "$src/src/platform/notify.c" -o "$tmp/driver-plain"

# Without systemd support every call is a no-op and there is no watchdog.
out=$(NOTIFY_SOCKET="$tmp/none" WATCHDOG_USEC=400000 "$tmp/driver-plain")
[ "$out" = "$(printf 'max_sleep_ms=-1\nsleep_ms=-1..-1')" ] ||
    { echo "FAIL: plain build said: $out"; exit 1; }

python3 - "$tmp" "$src" <<'PY'
import os, subprocess, sys
tmp, src = sys.argv[1:3]
sys.path.insert(0, os.path.join(src, "tests", "deploy"))
from notify_lib import Notify
notify = Notify(tmp, 0.2)
proc = subprocess.Popen([os.path.join(tmp, "driver")], env=notify.env(400000),
                        stdout=subprocess.PIPE, text=True)
notify.drain(proc, float("inf"))
msgs = notify.msgs
out = proc.stdout.read().strip()
fail = []
if proc.returncode != 0:
    fail.append("driver exited with %d" % proc.returncode)
lines = out.splitlines()
if lines[:1] != ["max_sleep_ms=100"]:
    fail.append("max sleep: %r, want max_sleep_ms=100" % lines[:1])
# 1 ms turns: the allowed sleep counts down from 100 ms to about 0 as each
# ping falls due, never more than the quarter.
span = lines[1] if len(lines) > 1 else ""
lo, _, hi = span.partition("=")[2].partition("..")
if not (lo.isdigit() and hi.isdigit() and int(lo) <= 5 and 95 <= int(hi) <= 100):
    fail.append("sleep between pings: %r, want from 0..5 up to 95..100" % span)
texts = [m for _, m in msgs]
dogs = [t for t, m in msgs if m == "WATCHDOG=1"]
others = [m for m in texts if m != "WATCHDOG=1"]
want = ["STATUS=starting second line", "READY=1",
        "STATUS=x" + "\u00e9" * 99, "RELOADING=1", "READY=1", "STOPPING=1"]
if others != want:
    fail.append("messages %r, want %r" % (others, want))
# 1.1 s or a little more of 1 ms turns, one message per 100 ms at most.
if not 9 <= len(dogs) <= 14:
    fail.append("%d WATCHDOG=1 in about 1.1 s, want 9..14" % len(dogs))
gaps = [b - a for a, b in zip(dogs, dogs[1:])]
# Gaps are read by when this script received each message: on a loaded
# machine that jitters by tens of ms; a missing rate limit gives 1 ms gaps.
if any(g < 0.05 for g in gaps):
    fail.append("WATCHDOG=1 came too often: gaps %r" % gaps)
if texts and texts.index("READY=1") > texts.index("WATCHDOG=1"):
    fail.append("WATCHDOG=1 before READY=1")
if fail:
    print("FAIL:\n  " + "\n  ".join(fail))
    print("got:", texts)
    sys.exit(1)
print("notify: %d messages, %d watchdog pings, gaps %s ms" %
      (len(texts), len(dogs), [round(g * 1000) for g in gaps]))
PY
echo "PASS notify"
