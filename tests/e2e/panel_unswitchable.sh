#!/bin/bash
# panel_unswitchable.sh — a panel the kiosk cannot switch (issue 13): a
# backlight whose bl_power cannot be written (a folder in its place, which
# even root cannot write) and an HDMI-CEC device that is not there. Each is
# said once in the log, in plain words; the kiosk goes on: black outside
# opening hours, woken by a tap to the loop.
# Args: kiosk-binary source-dir.
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/e2e/touch_lib.bash"
need Xvfb xdotool import convert compare

setup_tmp
content_copy
ini_set kiosk idle_timeout 10
ini_set kiosk idle_notice 4   # shorter than the timeout, as --check asks
every_day closed
mkdir -p "$TMP/backlight/10-0045/bl_power"
export KIOSK_BACKLIGHT_DIR=$TMP/backlight KIOSK_CEC_DEVICE=$TMP/no-cec
start_x 800 480
render_refs

# said_once_and_goes_on TEXT: the log says TEXT (polled with a deadline), then the screen is
# black, a tap wakes it to the loop, and TEXT was said once only.
said_once_and_goes_on() {
    wait_dark "$1" dark
    tap $((LW / 2)) $((LH / 2))
    wait_loop "$WAIT_S" >/dev/null
    stop_kiosk   # a third try: the backlight put back on at the stop
    [ "$(grep -c "$1" "$TMP/kiosk.log")" = 1 ] ||
        fail "\"$1\" said more than once: $(cat "$TMP/kiosk.log")"
    if grep -E "errno|[Ee]rror [0-9]|ioctl" "$TMP/kiosk.log"; then
        fail "the log speaks in numbers, not words"
    fi
}

ini_set screen sleep backlight
start_kiosk --content "$TMP/content"
said_once_and_goes_on "cannot switch the screen's backlight ($TMP/backlight/10-0045/bl_power): Is a directory"
log "backlight not writable: said once, black, a tap wakes it"

ini_set screen sleep cec
start_kiosk --content "$TMP/content"
said_once_and_goes_on "cannot open the HDMI-CEC device $TMP/no-cec: No such file or directory"
log "no CEC device: said once, black, a tap wakes it"
echo "ok: a panel that cannot be switched is said once and the kiosk goes on"
