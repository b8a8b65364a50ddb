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
# with errors offers no Import. Driven with xdotool at 800x480.
# Args: kiosk-binary source-dir.
set -euo pipefail
KIOSK=${1:?usage: usb_offer.sh kiosk-binary source-dir}
SRC=${2:?usage: usb_offer.sh kiosk-binary source-dir}
. "$SRC/tests/e2e/live_lib.bash"
need xdotool
setup
ini_loop_slow
PIN=$(sed -n 's/^pin *= *\([0-9]*\) *$/\1/p' "$C/kiosk.ini")
if [ -z "$PIN" ]; then   # the bundled content ships without one
    PIN=246810
    sed -i '/^[;# ]*pin *=/d' "$C/kiosk.ini"
    if grep -q '^\[staff\]' "$C/kiosk.ini"; then
        sed -i "s/^\[staff\]\$/[staff]\npin = $PIN/" "$C/kiosk.ini"
    else
        printf '\n[staff]\npin = %s\n' "$PIN" >>"$C/kiosk.ini"
    fi
fi
"$KIOSK" --check --content "$C" >/dev/null || fail "the content with PIN $PIN does not pass --check"
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

# The buttons at 800x480 (offer: Import, Cancel; result: Close) and the PIN
# pad's keys (as in staff.sh).
key_xy() {
    case $1 in
        import) echo "529 406" ;;
        cancel) echo "689 406" ;;
        close) echo "705 406" ;;
        pad0) echo "612 397" ;;
        padcancel) echo "249 397" ;;
        pad*) local i=$(( ${1#pad} - 1 )); echo "$(( 507 + i % 3 * 105 )) $(( 82 + (i / 3) * 105 ))" ;;
    esac
}
tap() {
    local x y
    read -r x y <<< "$(key_xy "$1")"
    xdotool mousemove "$x" "$y" click 1
    sleep 0.15
}
pin() { local d; for d in $(echo "$1" | fold -w1); do tap "pad$d"; done; sleep 0.3; }
on_loop() { shows "touch the screen" "explore"; }
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
n=$(n_offers)
insert
wait_for 5000 offered "$n" || fail "the second offer was not noticed"
wait_for 8000 on_offer || fail "the offer is not shown: $(cat "$TMP/ocr.txt")"
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
n=$(n_offers)
s0=$(swaps)
insert
wait_for 5000 offered "$n" || fail "the third offer was not noticed"
wait_for 8000 on_offer || fail "the offer is not shown: $(cat "$TMP/ocr.txt")"
tap import
pin "$PIN"
wait_for 5000 grep -q "USB stick sdb1 imported" "$TMP/kiosk.err" ||
    fail "the right PIN did not import: $(tail -5 "$TMP/kiosk.err")"
wait_for 8000 shows "imported" "now shows" || fail "the result is not shown: $(cat "$TMP/ocr.txt")"
grep -q "Knees from the stick" "$C/10-runners-knee.md" || fail "the stick's content is not in $C"
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
n=$(n_offers)
insert
wait_for 5000 offered "$n" || fail "the fourth offer was not noticed"
wait_for 8000 on_offer || fail "the offer is not shown: $(cat "$TMP/ocr.txt")"
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
echo "ok: usb offer"
