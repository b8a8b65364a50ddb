#!/bin/bash
# usb_offer.sh — a USB stick in the real kiosk under Xvfb, without a stick:
# the stage step (deploy/kiosk-usb-stage.sh --mounted) stages a folder
# standing in for it, as udev and systemd would. The kiosk shows what the
# stick holds over everything and changes nothing by itself; Cancel leaves
# the content as it was; a wrong PIN imports nothing; the stick taken out
# takes the offer away; the right PIN imports it (content swapped, the old
# kept as content.previous, staff's own files kept), and the screen and
# STATUS.txt say so, with a file name holding a newline escaped; three wrong
# PINs lock the pad, and the lock is still there after a restart; a stick
# with errors offers no Import; a big stick (60 MB of pictures) imports
# beside the screen, which says so while the kiosk goes on pinging the
# watchdog; SIGTERM during an import still stops it within a second with the
# content folder whole. Driven with xdotool at 800x480.
# Args: kiosk-binary source-dir.
set -euo pipefail
KIOSK=${1:?usage: usb_offer.sh kiosk-binary source-dir}
SRC=${2:?usage: usb_offer.sh kiosk-binary source-dir}
. "$SRC/tests/e2e/live_lib.bash"
need xdotool
setup
ini_loop_slow
PIN=246810
ini_pin "$PIN"
WRONG=$(printf '%0*d' "${#PIN}" 0 | tr 0 1)
[ "$WRONG" != "$PIN" ] || WRONG=$(printf '%0*d' "${#PIN}" 0 | tr 0 3)

# The content folder as the installer leaves it: group staff, setgid, so
# staff can edit what the import brings.
if getent group staff >/dev/null; then
    chgrp -R staff "$C"
    find "$C" -type d -exec chmod 2775 {} +
fi
# Staff's own files in the content folder, which an import must keep.
printf 'STATUS.txt\n' >"$C/.stignore"
mkdir -p "$C/.stfolder"
printf 'call the plumber\n' >"$C/notes.txt"

# The buttons at 800x480 (offer: Import, Cancel; result: Close); the PIN
# pad's keys from live_lib.
key_xy() {
    case $1 in
        import) echo "529 406" ;;
        cancel) echo "689 406" ;;
        close) echo "705 406" ;;
        *) pad_xy "$1" ;;
    esac
}
on_offer() { shows "usb stick" "topics"; }

stick=$TMP/stick
make_stick() {   # a stick with the bundled content, one title changed
    rm -rf "$stick"
    mkdir -p "$stick/kiosk"
    cp -R "$SRC/content/." "$stick/kiosk/"
    rm -f "$stick/kiosk/STATUS.txt" "$stick/kiosk/README.md"
    cp "$C/kiosk.ini" "$stick/kiosk/"   # with the PIN
    sed -i '1s/.*/# Knees from the stick/' "$stick/kiosk/10-runners-knee.md"
    printf '# Fake\n\nText.\n' >"$stick/kiosk/"$'30-a\nkiosk: fake line.md'
}
insert() {   # what kiosk-usb-stage@.service does when the stick goes in
    KIOSK_BIN=$KIOSK KIOSK_STATE=$S bash "$SRC/deploy/kiosk-usb-stage.sh" \
        --mounted "$stick" --name sdb1 >>"$TMP/stage.log" 2>&1
}
take_out() {
    KIOSK_BIN=$KIOSK KIOSK_STATE=$S bash "$SRC/deploy/kiosk-usb-stage.sh" \
        --forget sdb1 >>"$TMP/stage.log" 2>&1
}
offered() { [ "$(grep -c "USB stick sdb1 offered" "$TMP/kiosk.err")" -gt "$1" ]; }
unchanged() { ! grep -q "from the stick" "$C/10-runners-knee.md" && [ ! -e "$C.previous" ]; }
n_offers() { grep -c "USB stick sdb1 offered" "$TMP/kiosk.err" || true; }
# offer_shown WHICH: the stick staged, its offer noticed and on screen.
offer_shown() {
    local n
    n=$(n_offers)
    insert
    wait_for 5000 offered "$n" || fail "the $1 offer was not noticed: $(tail -3 "$TMP/kiosk.err")"
    wait_for 8000 on_offer || fail "the $1 offer is not shown: $(cat "$TMP/ocr.txt")"
}

start_kiosk
on_loop || fail "the loop is not on screen: $(cat "$TMP/ocr.txt")"

# --- inserted: shown, nothing changes by itself; Cancel: nothing changes ---
make_stick
n=$(n_offers)
insert
wait_for 5000 offered "$n" || fail "the kiosk did not notice the offer: $(cat "$TMP/kiosk.err")"
wait_for 8000 on_offer || fail "the offer is not shown: $(cat "$TMP/ocr.txt")"
shows "problems found" "fake line" || fail "the offer lacks its problems: $(cat "$TMP/ocr.txt")"
unchanged || fail "the content changed without the PIN"
tap cancel
wait_for 8000 on_loop || fail "Cancel did not go back to the loop: $(cat "$TMP/ocr.txt")"
unchanged || fail "Cancel changed the content"
log "offer shown over the loop; Cancel leaves everything as it was"

# --- a wrong PIN imports nothing; the stick taken out takes the offer ---
offer_shown second
tap import
wait_for 8000 shows "staff" "pin" || fail "Import did not ask the PIN: $(cat "$TMP/ocr.txt")"
pin "$WRONG"
wait_for 8000 shows "wrong" || fail "a wrong PIN is not said: $(cat "$TMP/ocr.txt")"
unchanged || fail "a wrong PIN imported"
tap padcancel
wait_for 8000 on_offer || fail "Cancel on the PIN pad did not go back to the offer: $(cat "$TMP/ocr.txt")"
take_out
wait_for 5000 grep -q "taken out; its offer is gone" "$TMP/kiosk.err" ||
    fail "the kiosk did not notice the stick going"
wait_for 8000 on_loop || fail "the offer stayed after the stick was taken out: $(cat "$TMP/ocr.txt")"
unchanged || fail "taking the stick out changed the content"
log "wrong PIN: nothing imported; stick taken out: offer gone"

# --- the right PIN: imported, staff's files kept, the screen says so ---
s0=$(swaps)
offer_shown third
tap import
pin "$PIN"
wait_for 5000 grep -q "USB stick sdb1 imported" "$TMP/kiosk.err" ||
    fail "the right PIN did not import: $(tail -5 "$TMP/kiosk.err")"
wait_for 8000 shows "imported" "now shows" || fail "the result is not shown: $(cat "$TMP/ocr.txt")"
grep -q "Knees from the stick" "$C/10-runners-knee.md" || fail "the stick's content is not in $C"
diff -r "$SRC/content/es" "$C/es" >/dev/null || fail "the stick's translation (es/) is not in $C"
[ -d "$C.previous" ] || fail "the old content was not kept as content.previous"
for f in .stignore .stfolder notes.txt README.md; do
    [ -e "$C/$f" ] || fail "staff's own $f did not survive the import"
done
grep -qx 'call the plumber' "$C/notes.txt" || fail "staff's notes changed"
if getent group staff >/dev/null; then
    for f in "$C" "$C/10-runners-knee.md" "$C/images" "$C/images/evening-calm.jpg"; do
        [ "$(stat -c %G "$f")" = staff ] || fail "$f: group $(stat -c %G "$f"), not staff"
    done
    [ -g "$C" ] || fail "the new content folder lost its setgid bit"
fi
ls -d "$C"/.kiosk-import-* "$TMP"/.content.import-* >/dev/null 2>&1 && fail "import temp folders left"
"$KIOSK" --check --content "$C" >/dev/null || fail "the imported content does not pass --check"
wait_for 5000 swapped_past "$s0" || fail "the imported content did not go on screen"
wait_for 5000 grep -q "USB stick sdb1 imported" "$C/STATUS.txt" ||
    fail "STATUS.txt does not say what happened: $(cat "$C/STATUS.txt")"
grep -q '^kiosk: fake line' "$C/STATUS.txt" "$S/usb-import.txt" "$TMP/kiosk.err" &&
    fail "a file name with a newline wrote a line of its own"
grep -qF 'kiosk/30-a\nkiosk: fake line.md' "$C/STATUS.txt" ||
    fail "the file name with a newline is not shown escaped: $(cat "$C/STATUS.txt")"
tap close
wait_for 8000 on_loop || fail "Close did not go back to the loop: $(cat "$TMP/ocr.txt")"
log "right PIN: imported, staff files kept, STATUS.txt says so with names escaped"

# --- three wrong PINs lock the pad, and a restart does not forgive them ---
take_out
wait_for 5000 grep -q "taken out" "$TMP/kiosk.err" || true
sed -i '1s/.*/# Second stick/' "$stick/kiosk/10-runners-knee.md"
offer_shown fourth
for _ in 1 2 3; do tap import; pin "$WRONG"; done
wait_for 8000 shows "too many wrong" || fail "the lock is not said on the offer: $(cat "$TMP/ocr.txt")"
grep -q "Knees from the stick" "$C/10-runners-knee.md" || fail "wrong PINs imported"
stop_kiosk
[ -s "$S/staff-lock" ] || fail "the lock is not kept in the state folder"
start_kiosk
wait_for 5000 grep -q "still locked" "$TMP/kiosk.err" || fail "the lock was forgotten by the restart: $(cat "$TMP/kiosk.err")"
wait_for 8000 shows "usb stick" "too many wrong" || fail "after a restart the offer does not say locked: $(cat "$TMP/ocr.txt")"
tap import
! shows "staff pin" || fail "the PIN pad opened after a restart within the lock"
tap cancel
log "three wrong PINs: locked, and still locked after a restart"

# --- a stick with errors, or without a PIN: offered, with no Import ---
take_out
wait_for 5000 on_loop || true
printf 'no title\n' >"$stick/kiosk/20-symptoms.md"
n=$(n_offers)
insert
wait_for 5000 offered "$n" || fail "the broken stick's offer was not noticed"
wait_for 8000 shows "has errors" "fix them" || fail "the broken stick's problems are not shown: $(cat "$TMP/ocr.txt")"
take_out
make_stick
sed -i '/^pin *=/d' "$stick/kiosk/kiosk.ini"
n=$(n_offers)
insert
wait_for 5000 offered "$n" || fail "the PIN-less stick's offer was not noticed"
grep -qx 'usable no' "$S/usb/offer" || fail "a stick without a PIN is offered as usable"
wait_for 8000 shows "has errors" "no staff pin" || fail "a stick without a PIN does not say so: $(cat "$TMP/ocr.txt")"
stop_kiosk

# --- a big stick (60 pictures, some 60 MB): the import runs beside the
# screen; the screen says so and the kiosk goes on pinging the watchdog
# (NOTIFY_SOCKET read here, as tests/deploy/kiosk_notify.sh does) ---
need python3
take_out
make_stick
python3 "$SRC/tests/e2e/noise_pictures.py" "$stick/kiosk/images" 60 1000 "$stick/kiosk/90-gallery.md"
python3 - "$TMP/notify.sock" "$TMP/notify.log" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "a") as log:
    while True:
        msg = s.recv(4096).decode(errors="replace")
        log.write("%d %s\n" % (time.time() * 1000, msg))
        log.flush()
PY
NOTIFY_PID=$!
trap 'kill "$NOTIFY_PID" 2>/dev/null; cleanup' EXIT
wait_for 5000 test -S "$TMP/notify.sock" || fail "the notify listener did not start"
# A 0.6 s watchdog (the Pi's is 15 s; the import here takes well under a
# second): the kiosk pings at least every 0.3 s, and an import on the main
# loop would leave a gap longer than the interval, which systemd kills.
NOTIFY_SOCKET=$TMP/notify.sock WATCHDOG_USEC=600000
export NOTIFY_SOCKET WATCHDOG_USEC
rm -f "$S/staff-lock"   # the wrong PINs above are forgiven
start_kiosk
unset NOTIFY_SOCKET WATCHDOG_USEC
n=$(n_offers)
t=$(now_ms)
insert
log "stage step: $(du -sm "$S/usb/stick-sdb1" | cut -f1) MB staged in $(( $(now_ms) - t )) ms"
wait_for 5000 offered "$n" || fail "the big stick's offer was not noticed"
wait_for 8000 on_offer || fail "the big stick's offer is not shown: $(cat "$TMP/ocr.txt")"
grep -qx 'pictures 61' "$S/usb/offer" || fail "the big stick's offer: $(cat "$S/usb/offer")"
tap import
imported() { grep -q "USB stick sdb1 imported" "$TMP/kiosk.err"; }
pin "${PIN%?}"
# Screenshots from the last digit until the import is done, read later:
# OCR takes longer than the import may.
( i=0; while ! imported && [ "$i" -lt 200 ]; do shot "$TMP/during-$((i += 1)).png"; done ) &
SHOTS_PID=$!
tap "${PIN: -1}"
t0=$(now_ms)
wait_for 60000 imported || fail "the big stick was not imported: $(tail -5 "$TMP/kiosk.err")"
t1=$(now_ms)
wait "$SHOTS_PID" || true
said=0 buttons=0
for f in "$TMP"/during-*.png; do
    [ -e "$f" ] || continue
    text=$(convert "$f" -colorspace Gray -negate png:- |
           OMP_THREAD_LIMIT=1 tesseract - - --psm 3 2>/dev/null | tr '[:upper:]' '[:lower:]')
    case "$text" in
        *importing*) said=$((said + 1))
            case "$text" in *cancel*) buttons=1 ;; esac ;;
    esac
done
log "$(find "$TMP" -name 'during-*.png' | wc -l) screenshots during the import, $said say importing"
[ "$buttons" = 0 ] || fail "Cancel shown while importing"
took=$(sed -n 's/.*USB stick sdb1 imported in \([0-9.]*\) s.*/\1/p' "$TMP/kiosk.err" | tail -1)
log "60 MB stick imported in $took s (kiosk's figure); PIN to log line $(( t1 - t0 )) ms"
# The import's own time: long enough for a screenshot or two to see it.
if [ "$said" = 0 ]; then
    [ "${took%.*}" -lt 1 ] || fail "the screen never said it was importing ($took s)"
    log "the import was too quick here for a screenshot to see it"
fi
# Every gap between pings that ends during the import (from the last
# digit to its log line): the ping before it counts, the content swap after
# it (new pictures drawn) does not.
gap=$(awk -v a="$t0" -v b="$t1" '$2 == "WATCHDOG=1" {
          if (last && $1 >= a && last <= b) { g = $1 - last; if (g > max) max = g }
          last = $1 } END { print max + 0 }' "$TMP/notify.log")
pings=$(awk -v a="$t0" -v b="$t1" '$2 == "WATCHDOG=1" && $1 >= a && $1 <= b' "$TMP/notify.log" | wc -l)
log "$pings WATCHDOG=1 during the import; longest gap $gap ms"
[ "$gap" -gt 0 ] || fail "no WATCHDOG=1 around the import: $(tail -3 "$TMP/notify.log")"
[ "$gap" -le 600 ] || fail "WATCHDOG=1 stopped for $gap ms during the import (0.6 s watchdog)"
wait_for 8000 shows "imported" "now shows" || fail "the big stick's result is not shown: $(cat "$TMP/ocr.txt")"
[ -f "$C/images/noise-059.png" ] || fail "the big stick's pictures are not in $C"
stop_kiosk
# --- SIGTERM during a big import: the kiosk still stops within a second
# (stop_kiosk), the content folder is whole (the stick before or this one,
# never neither), and the restart leaves no half-made copy beside it ---
take_out
sed -i '1s/.*/# Stopped stick/' "$stick/kiosk/10-runners-knee.md"
rm -f "$S/staff-lock"
start_kiosk
offer_shown "stick to stop's"
tap import
pin "${PIN%?}"
tap "${PIN: -1}"   # the import takes half a second here: SIGTERM at once
wait_for 5000 grep -q "importing USB stick sdb1" "$TMP/kiosk.err" || fail "the import did not start"
stop_kiosk
if grep -q "stopping during the import" "$TMP/kiosk.err"; then
    log "SIGTERM came during the import"
else
    log "the import was done before SIGTERM"
fi
[ -d "$C" ] || fail "no content folder after SIGTERM during the import"
"$KIOSK" --check --content "$C" >/dev/null || fail "the content after SIGTERM does not pass --check"
grep -qE '^# (Knees from the stick|Stopped stick)$' "$C/10-runners-knee.md" ||
    fail "the content after SIGTERM is neither stick's: $(head -1 "$C/10-runners-knee.md")"
start_kiosk
ls -d "$C"/.kiosk-import-* "$TMP"/.content.import-* >/dev/null 2>&1 &&
    fail "half-made copies left after the restart"
# The start's save of the last good copy (60 MB) done first: its time is
# the loader's, not the import's.
wait_for 20000 loaded_past 1 || fail "the restart did not read the content again"
stop_kiosk
echo "ok: usb offer"
