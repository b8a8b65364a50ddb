#!/bin/bash
# kiosk_notify.sh — the kiosk itself speaks sd_notify as kiosk.service needs:
# READY=1 once its first frame is on screen, WATCHDOG=1 often enough that no
# gap reaches the watchdog interval (also while it lays out and idles), and
# on SIGTERM STOPPING=1 and a clean exit well within TimeoutStopSec.
# Runs the real program in a window on Xvfb, with NOTIFY_SOCKET pointing at
# a socket this test reads.
# Args: kiosk-binary source-dir
set -euo pipefail
kiosk=${1:?usage: kiosk_notify.sh kiosk-binary source-dir}
src=${2:?usage: kiosk_notify.sh kiosk-binary source-dir}
for tool in xvfb-run python3 import identify; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool missing (deploy/deps.sh --test)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A copy: the kiosk writes STATUS.txt (and its visit CSVs) into the folder
# it shows, and other tests compare the source tree's content with theirs.
cp -R "$src/content" "$tmp/content"

cat >"$tmp/harness.py" <<'PY'
import os, signal, subprocess, sys, time
kiosk, src, tmp = sys.argv[1:4]
sys.path.insert(0, os.path.join(src, "tests", "deploy"))
from notify_lib import Notify
notify = Notify(tmp)
msgs = notify.msgs
# What systemd needs: a WATCHDOG=1 before each interval runs out, also when
# idle. 3 s: five times stricter than kiosk.service (WatchdogSec=15s), yet
# room for a slow turn on a loaded machine (the kiosk pings every quarter).
interval = 3.0
start = time.monotonic()
proc = subprocess.Popen([kiosk, "--window", "800x480",
                         "--content", os.path.join(tmp, "content")],
                        env=notify.env(interval * 1e6),
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
def drain(until):
    notify.drain(proc, until)
fail = []
# Up to 20 s for the first frame (sanitizer builds are slow).
deadline = start + 20
while time.monotonic() < deadline and not any(m == "READY=1" for _, m in msgs):
    drain(time.monotonic() + 0.1)
    if proc.poll() is not None:
        break
ready = [t for t, m in msgs if m == "READY=1"]
if not ready:
    fail.append("no READY=1 within 20 s (exit code %s)" % proc.poll())
else:
    # READY=1 promises a frame: the screen must already show something.
    shot = os.path.join(tmp, "after-ready.png")
    subprocess.run(["import", "-window", "root", shot], check=False)
    colours = subprocess.run(["identify", "-format", "%k", shot],
                             capture_output=True, text=True).stdout.strip()
    if not colours.isdigit() or int(colours) <= 8:
        fail.append("screen after READY=1 looks blank (%s colours)" % colours)
    print("READY=1 after %.2f s; screen has %s colours" % (ready[0] - start, colours))
    # Two and a half intervals from READY=1 (the whole deck is laid out
    # right after it), then the kiosk idles.
    end = time.monotonic() + 2.5 * interval
    drain(end)
    # From READY=1 to the end of watching: a ping that stops leaves a gap
    # of the rest, so the last ping must also be less than an interval old.
    dogs, gaps = notify.watchdog_gaps(ready[0], end)
    gaps = [g for g, _ in gaps]
    if max(gaps) >= interval:
        fail.append("WATCHDOG=1 gap of %.2f s: systemd would have restarted the "
                    "kiosk (%.0f s interval)" % (max(gaps), interval))
    print("%d WATCHDOG=1 in %.1f s, longest gap %.2f s (interval %.0f s)"
          % (len(dogs), 2.5 * interval, max(gaps), interval))
if proc.poll() is None:
    t0 = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(timeout=5)
        took = time.monotonic() - t0
        if rc != 0:
            fail.append("exit code %d after SIGTERM, want 0" % rc)
        # kiosk.service gives TimeoutStopSec=5s before SIGKILL; half of it
        # leaves room for a loaded Pi (1.2 s seen with both cores busy).
        if took > 2.5:
            fail.append("took %.2f s to exit after SIGTERM, want under 2.5 s "
                        "(TimeoutStopSec=5s)" % took)
        print("exited %d, %.2f s after SIGTERM" % (rc, took))
    except subprocess.TimeoutExpired:
        proc.kill()
        fail.append("still running 5 s after SIGTERM")
    drain(time.monotonic() + 0.3)
    if not any(m == "STOPPING=1" for _, m in msgs):
        fail.append("no STOPPING=1 on SIGTERM")
err = proc.stderr.read().decode(errors="replace")
if fail:
    print("FAIL:\n  " + "\n  ".join(fail))
    print("messages:", [m for _, m in msgs][:20])
    print("kiosk stderr:", err[-2000:])
    sys.exit(1)
PY
xvfb-run -a -s "-screen 0 800x480x24" python3 "$tmp/harness.py" "$kiosk" "$src" "$tmp"
echo "PASS kiosk_notify"
