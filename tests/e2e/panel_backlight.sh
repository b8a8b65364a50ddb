#!/bin/bash
# panel_backlight.sh — the panel really sleeps outside opening hours (issue
# 13): the real kiosk under Xvfb with [screen] sleep = backlight and a fake
# backlight folder (KIOSK_BACKLIGHT_DIR, laid out as /sys/class/backlight):
# bl_power goes to 4 (off) while closed, to 0 (on) at a tap, to 4 again
# after idle_timeout, to 0 when the hours open (a staff edit), and a kiosk
# stopped while dark leaves the backlight on. A folder without bl_power is
# never written; sleep = auto on a desktop leaves the backlight alone. Every
# step polls its file with a deadline.
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
ini_set screen sleep backlight
every_day closed

# The DSI panel's folder as the kernel lays it out, and one of a backlight
# without bl_power (some drivers' folders; it must be left alone).
BL=$TMP/backlight
mkdir -p "$BL/10-0045" "$BL/odd"
echo 0 >"$BL/10-0045/bl_power"
echo 255 >"$BL/10-0045/brightness"
echo 255 >"$BL/10-0045/max_brightness"
echo 17 >"$BL/odd/brightness"
export KIOSK_BACKLIGHT_DIR=$BL

start_x 800 480
render_refs
start_kiosk --content "$TMP/content"

power() { tr -d '[:space:]' <"$BL/10-0045/bl_power"; }
# wait_power VALUE SECONDS WHAT: polls bl_power until VALUE, else fails.
wait_power() {
    local until=$((SECONDS + $2))
    until [ "$(power)" = "$1" ]; do
        alive
        [ $SECONDS -lt $until ] || fail "bl_power is $(power), not $1, $2 s after $3"
        sleep 0.2
    done
}

wait_power 4 "$WAIT_S" "the start outside opening hours"
grep -q "backlight 10-0045 is off" "$TMP/kiosk.log" || fail "the log does not say the backlight is off"
log "closed: backlight off"

tapped=$(now_ms)   # the kiosk's last touch is after this
tap $((LW / 2)) $((LH / 2))
wait_power 0 "$WAIT_S" "a tap"
woke=$(wait_loop "$WAIT_S")
log "a tap: backlight on, the loop shows ($woke)"

# Off again after idle_timeout without a touch, and not before it.
while [ "$(power)" != 4 ]; do
    alive
    [ "$(now_ms)" -le $((tapped + (IDLE + WAIT_S) * 1000)) ] ||
        fail "the backlight is not off $((($(now_ms) - tapped) / 1000)) s after the last touch"
    sleep 0.3
done
off=$(now_ms)
[ "$off" -ge $((tapped + IDLE * 1000)) ] ||
    fail "off again $((off - tapped)) ms after the touch, before idle_timeout ($IDLE s)"
log "off again $(((off - tapped) / 1000)) s after the last touch (idle_timeout $IDLE)"

# Opening time: staff open the hours; the reload wakes the panel by itself.
every_day 00:00-24:00
wait_power 0 "$WAIT_S" "the hours opened"
wait_loop "$WAIT_S" >/dev/null
log "hours open: backlight on without a touch"

# Closed again, then the kiosk stops while dark: the backlight is left on.
every_day closed
wait_power 4 "$WAIT_S" "the hours closed again"
kill -TERM "$KIOSK_PID"
wait "$KIOSK_PID" || true
KIOSK_PID=''
[ "$(power)" = 0 ] || fail "a kiosk stopped while dark left bl_power at $(power)"
if [ "$(cat "$BL/odd/brightness")" != 17 ] || [ -e "$BL/odd/bl_power" ]; then
    fail "a backlight without bl_power was written to"
fi
log "stopped while dark: backlight on again"

# sleep = auto on a desktop (here X11) leaves the panel to the desktop's own
# power saving: the kiosk says so, goes dark, and bl_power stays 0.
ini_set screen sleep auto
start_kiosk --content "$TMP/content"
until=$((SECONDS + WAIT_S))
until grep -q "outside opening hours the screen only shows black" "$TMP/kiosk.log" &&
      grep -q "outside opening hours: the screen is dark" "$TMP/kiosk.log"; do
    alive
    [ $SECONDS -lt $until ] || fail "auto on a desktop: the log does not say black only: $(cat "$TMP/kiosk.log")"
    sleep 0.2
done
stop_kiosk
[ "$(power)" = 0 ] || fail "auto on a desktop switched the backlight (bl_power $(power))"
log "auto on a desktop: black only, backlight untouched"
echo "ok: bl_power 4 outside opening hours, 0 at a tap, at opening and after a stop"
