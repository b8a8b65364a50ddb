#!/bin/bash
# staff.sh — the hidden staff view in the real kiosk under Xvfb, driven with
# xdotool as staff would: a long press in the top-left corner opens the PIN
# pad; a wrong PIN says so, Cancel goes back; the right PIN shows the staff
# screen (address, version, status), Next leads to the charts of what
# visitors read; "Reload now" reads the folder again;
# Close goes back; idle closes it; three wrong PINs lock it for a minute and
# send whoever tried to the loop (not back to the menu they held the corner on).
# Key places are those of the 800x480 layout (kiosk --render's staff-pin.png).
# Args: kiosk-binary source-dir.
set -euo pipefail
KIOSK=${1:?usage: staff.sh kiosk-binary source-dir}
SRC=${2:?usage: staff.sh kiosk-binary source-dir}
. "$SRC/tests/e2e/live_lib.bash"
need xdotool
setup
ini_loop_slow
sed -i -e '/^\[kiosk\]/,/^\[/ s/^idle_timeout *=.*/idle_timeout = 10/' \
    -e '/^\[kiosk\]/,/^\[/ s/^idle_notice *=.*/idle_notice = 4/' "$C/kiosk.ini"
ini_pin 2580

# Centres of the staff screen's keys at 800x480; the PIN pad's from live_lib.
key_xy() {
    case $1 in
        reload) echo "512 405" ;;
        close) echo "698 405" ;;
        next) echo "282 405" ;;
        *) pad_xy "$1" ;;
    esac
}
long_press() {
    xdotool mousemove 20 20 mousedown 1
    sleep 3.4
    xdotool mouseup 1
    sleep 0.4
}
on_menu() { shows "would" "like"; }

start_kiosk
on_loop || fail "the loop is not on screen: $(cat "$TMP/ocr.txt")"

long_press
shows "staff" "pin" || fail "no PIN pad after the long press: $(cat "$TMP/ocr.txt")"
pin 1111
shows "wrong" || fail "a wrong PIN is not said: $(cat "$TMP/ocr.txt")"
tap padcancel
wait_for 5000 on_loop || fail "Cancel did not go back to the loop: $(cat "$TMP/ocr.txt")"
log "PIN pad: wrong PIN said, Cancel goes back"

long_press
pin 2580
shows "staff view" "network" "version" "on screen" ||
    fail "the staff screen is not shown: $(cat "$TMP/ocr.txt")"
# Next, page by page, reaches the charts of what visitors read (the kiosk
# counts: it has a state folder); Previous's place is at the left.
charts=0
for i in 1 2 3 4 5 6; do
    shows "visitors" "read" && { charts=1; break; }
    tap next
done
[ "$charts" = 1 ] || fail "Next does not reach the charts of visits: $(cat "$TMP/ocr.txt")"
log "staff screen: its last page is the charts of what visitors read"
n=$(loads)
tap reload
wait_for 3000 loaded_past "$n" || fail "Reload now did not read the folder again"
tap close
wait_for 5000 on_loop || fail "Close did not go back to the loop: $(cat "$TMP/ocr.txt")"
log "staff screen: shown after the PIN; Reload now reads the folder; Close goes back"

long_press
pin 2580
shows "staff view" || fail "the staff screen did not open again"
wait_for 20000 on_loop || fail "the staff view did not close after idle_timeout: $(cat "$TMP/ocr.txt")"
log "staff screen closed itself after idle_timeout"

xdotool mousemove 400 300 click 1   # the loop opens the menu
wait_for 5000 on_menu || fail "the menu did not open: $(cat "$TMP/ocr.txt")"
long_press
pin 1111; pin 2222; pin 3333
on_loop || fail "three wrong PINs did not go back to the loop: $(cat "$TMP/ocr.txt")"
! on_menu || fail "three wrong PINs went back to the menu, not the loop"
long_press
on_loop || fail "the PIN pad opened again within a minute of three wrong PINs"
grep -q "locked for a minute" "$TMP/kiosk.err" || fail "the lock is not in the journal"
log "three wrong PINs: back to the loop, long press refused"
stop_kiosk
echo "ok: staff view"
