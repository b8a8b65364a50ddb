#!/bin/bash
# kiosk_notify.sh — the kiosk itself speaks sd_notify as kiosk.service needs:
# READY=1 once its first frame is on screen, WATCHDOG=1 again and again while
# it idles, and on SIGTERM STOPPING=1 and a clean exit within a second.
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

cat >"$tmp/harness.py" <<'PY'
import os, signal, socket, subprocess, sys, time
kiosk, src, tmp = sys.argv[1:4]
path = os.path.join(tmp, "notify.sock")
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
sock.settimeout(0.1)
# A 1 s watchdog: the kiosk must ping at least every 0.5 s, also when idle.
env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC="1000000",
           SDL_VIDEODRIVER="x11")
env.pop("WATCHDOG_PID", None)
start = time.monotonic()
proc = subprocess.Popen([kiosk, "--window", "800x480",
                         "--content", os.path.join(src, "content")],
                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
msgs = []
def drain(until):
    while time.monotonic() < until:
        try:
            msgs.append((time.monotonic(), sock.recv(4096).decode()))
        except socket.timeout:
            if proc.poll() is not None:
                return
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
    drain(time.monotonic() + 3.0)
    dogs = [t for t, m in msgs if m == "WATCHDOG=1" and t >= ready[0]]
    gaps = [b - a for a, b in zip([ready[0]] + dogs, dogs)]
    if len(dogs) < 4:
        fail.append("only %d WATCHDOG=1 in 3 s of idling, want one per 0.5 s" % len(dogs))
    elif max(gaps) > 0.6:
        fail.append("WATCHDOG=1 gap of %.2f s: over half the 1 s interval" % max(gaps))
    print("%d WATCHDOG=1 in 3 s, longest gap %.2f s" % (len(dogs), max(gaps or [0])))
if proc.poll() is None:
    t0 = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(timeout=5)
        took = time.monotonic() - t0
        if rc != 0:
            fail.append("exit code %d after SIGTERM, want 0" % rc)
        if took > 1.0:
            fail.append("took %.2f s to exit after SIGTERM, want under 1 s" % took)
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
