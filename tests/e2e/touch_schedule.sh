#!/bin/bash
# touch_schedule.sh — the screen schedule in the real kiosk under Xvfb, with
# [hours] that keep it closed every day: the screen is black from the start
# and costs no CPU; a tap wakes it to the loop (the waking tap is not a tap
# on the loop, so the menu does not open); a second tap opens the menu; after
# idle_timeout without a touch it is black again.
# Args: kiosk-binary source-dir.
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/e2e/touch_lib.bash"
need Xvfb xdotool import convert compare
IDLE=10

setup_tmp
content_copy
ini_set kiosk idle_timeout $IDLE
ini_set kiosk idle_notice 4
every_day closed
start_x 800 480
render_refs
start_kiosk --content "$TMP/content"

wait_dark "outside opening hours" dark1
t0=$(cpu_ticks)
sleep 5   # not a wait for something: 5 s over which it must stay black
shot dark2
black dark2 || fail "the screen did not stay black"
log "black; CPU while dark: $(( ($(cpu_ticks) - t0) * 100 / $(getconf CLK_TCK) / 5 ))% of a core"

tap $((LW / 2)) $((LH / 2))
woke=$(wait_loop "$WAIT_S")
log "a tap woke it to the loop ($woke), not to the menu"
touched=$(now_ms)   # the kiosk's last touch is after this
tap $((LW / 2)) $((LH / 2))
wait_for menu.png
# Shots until black, each judged by the clock around it (a screenshot is
# taken some time between starting and returning): black before the
# timeout fails, as does none long after it.
while :; do
    s0=$(now_ms)
    shot late
    s1=$(now_ms)
    if black late; then
        [ "$s1" -ge $((touched + IDLE * 1000)) ] ||
            fail "dark again $((s1 - touched)) ms after the last touch, before idle_timeout ($IDLE s)"
        break
    fi
    [ "$s0" -le $((touched + (IDLE + WAIT_S) * 1000)) ] ||
        fail "not dark again $(((s0 - touched) / 1000)) s after the last touch (idle_timeout $IDLE)"
    sleep 0.5
done
log "dark again $(((s1 - touched) / 1000)) s after the last touch (idle_timeout $IDLE)"
alive
echo "ok: dark outside opening hours, a tap wakes it, dark again after idle_timeout"
