#!/bin/bash
# touch_idle_cpu.sh — what the attract loop costs when nobody touches it: the
# kiosk's CPU time sampled every second for 30 s (utime + stime from
# /proc/PID/stat), median and mean printed for the log. Between transitions
# it must sleep: the median second is under 2% of a core. (Xvfb draws with
# software GL, so the transitions themselves cost more here than on a Pi's GPU.)
# Args: kiosk-binary source-dir.
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/e2e/touch_lib.bash"
need Xvfb
SECS=${TOUCH_CPU_SECONDS:-30}

setup_tmp
content_copy
start_x 800 480
start_kiosk --content "$TMP/content"
sleep 2
hz=$(getconf CLK_TCK)
prev=$(cpu_ticks)
for _ in $(seq "$SECS"); do
    sleep 1
    alive
    now=$(cpu_ticks)
    echo $((now - prev))
    prev=$now
done > "$TMP/samples"
# Ticks per second to percent of one core.
sort -n "$TMP/samples" | awk -v hz="$hz" '
    { v[NR] = $1 * 100 / hz; sum += v[NR] }
    END {
        med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "idle loop CPU over %d s (per-second samples, %% of one core): median %.1f, mean %.1f, max %.1f\n",
            NR, med, sum / NR, v[NR]
        exit !(med < 2)
    }' || fail "the idle loop keeps the CPU busy between transitions"
echo "samples (% of a core, one a second): $(awk -v hz="$hz" '{ printf "%d ", $1 * 100 / hz }' "$TMP/samples")"
echo "ok: the loop sleeps between transitions"
