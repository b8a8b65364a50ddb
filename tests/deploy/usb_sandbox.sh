#!/bin/bash
# usb_sandbox.sh — a USB stick's offer reaches the kiosk with systemd's
# RestrictSUIDSGID=yes around both sides, as kiosk.service and
# kiosk-usb-stage@.service set it: the kiosk (under Xvfb) and the stage step
# (deploy/kiosk-usb-stage.sh) each run under tests/deploy/restrict_suid.py, a
# seccomp filter like systemd's (a mode with the set-user-ID or set-group-ID
# bit is refused with EPERM). STATE/usb is made as install.sh makes it
# (2750). The kiosk must watch STATE/usb (inotify, by its /proc fdinfo), the
# stage step must stage with no refusal and leave folders the kiosk's group
# can read, and the kiosk must log the offer. The e2e tests run both without
# the filter and saw neither fault the VM test found: the stage step's chmod
# keeping the set-group-ID bit (refused: staged folders 0700) and the kiosk's
# mkdir(STATE/usb, 02750) (refused even with the folder there: no watch,
# never an offer, nothing said). Then the import itself, the kiosk still under
# the filter and with the unit's UMask=0007, into a content folder made as
# install.sh makes it (2775, group staff): the new folder must be 2775 and
# group staff again (the VM found 2770: the import's chmod to 2775 refused,
# unchecked). Args: kiosk-binary source-dir.
set -euo pipefail
KIOSK=${1:?usage: usb_sandbox.sh kiosk-binary source-dir}
SRC=${2:?usage: usb_sandbox.sh kiosk-binary source-dir}
. "$SRC/tests/e2e/live_lib.bash"
py=""
for p in python3 /usr/bin/python3; do
    if "$p" -c 'import seccomp' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || { echo "SKIP: python3-seccomp is not installed (deploy/deps.sh --test)"; exit 77; }
need xdotool
setup
PIN=246810
ini_pin "$PIN"
# The content folder as install.sh leaves it: 2775, group staff (any group
# not the kiosk's own here: the new folder can only have it by the kernel's
# inheritance from a set-group-ID folder, as the unit allows no chown).
gid=$(getent group staff | cut -d: -f3) || true
gid=${gid:-4242}
chgrp -R "$gid" "$C"
chmod 2775 "$C"
sandboxed() { "$py" "$SRC/tests/deploy/restrict_suid.py" "$@"; }

# The filter refuses what systemd's does, also for a folder already there.
mkdir -p "$S/usb"
chmod 2750 "$S/usb"   # install.sh: kiosk-usb:kiosk 2750
if sandboxed mkdir -m 2750 "$S/usb" 2>"$TMP/mkdir.err" ||
        ! grep -q "Operation not permitted" "$TMP/mkdir.err"; then
    fail "the filter let a set-group-ID mkdir through: $(cat "$TMP/mkdir.err")"
fi

# The kiosk under the filter and the unit's UMask=0007 (not through the
# function: $! must be its pid, which the subshell's exec keeps): its first
# frame, and its watch on STATE/usb.
rm -f "$C/STATUS.txt"   # --check (ini_pin) wrote one
: >"$TMP/kiosk.err"
(umask 0007 && exec "$py" "$SRC/tests/deploy/restrict_suid.py" "$KIOSK" --content "$C" \
    --state "$S" --window "${W}x$H" >"$TMP/kiosk.out" 2>"$TMP/kiosk.err") &
KIOSK_PID=$!
wait_for 10000 test -s "$C/STATUS.txt" || fail "no first frame: $(cat "$TMP/kiosk.err")"
watches() {
    local ino
    ino=$(printf '%x' "$(stat -c %i "$S/usb")")
    grep -qs "^inotify .* ino:$ino " /proc/"$KIOSK_PID"/fdinfo/*
}
watches || fail "the kiosk under RestrictSUIDSGID has no inotify watch on $S/usb: \
$(grep -i usb "$TMP/kiosk.err" || echo 'and says nothing about it')"
log "the kiosk under the filter watches STATE/usb"

# The stage step under the filter, on a stick with the content and its PIN.
stick=$TMP/stick
mkdir -p "$stick/kiosk/images"
cp -R "$C/." "$stick/kiosk/"
rm -f "$stick/kiosk/STATUS.txt"
KIOSK_BIN=$KIOSK KIOSK_STATE=$S sandboxed bash "$SRC/deploy/kiosk-usb-stage.sh" \
    --mounted "$stick" --name sdb1 >"$TMP/stage.log" 2>&1 ||
    fail "the stage step failed under the filter: $(cat "$TMP/stage.log")"
if grep -q "not permitted" "$TMP/stage.log"; then
    fail "the stage step was refused something under the filter: $(cat "$TMP/stage.log")"
fi
closed=$(find "$S/usb/stick-sdb1" -type d ! -perm -g=rx)
[ -z "$closed" ] || fail "staged folders the kiosk's group cannot read: $closed"
log "the stage step under the filter: $(tail -1 "$TMP/stage.log")"

wait_for 10000 grep -q "USB stick sdb1 offered" "$TMP/kiosk.err" ||
    fail "the kiosk under the filter did not notice the offer: $(tail -5 "$TMP/kiosk.err")"
log "the kiosk noticed the offer: $(grep -m1 'USB stick sdb1 offered' "$TMP/kiosk.err")"

# The import, confirmed with the PIN (usb_offer.sh's taps at 800x480).
key_xy() { if [ "$1" = import ]; then echo "529 406"; else pad_xy "$1"; fi; }
wait_for 8000 shows "usb stick" "topics" || fail "the offer is not shown: $(cat "$TMP/ocr.txt")"
tap import
pin "$PIN"
wait_for 10000 grep -q "USB stick sdb1 imported" "$TMP/kiosk.err" ||
    fail "the import under the filter did not happen: $(tail -5 "$TMP/kiosk.err")"
[ -d "$C.previous" ] || fail "no content.previous: the folder was not swapped"
mode=$(stat -c %a "$C") group=$(stat -c %g "$C")
[ "$mode" = 2775 ] || fail "the imported content folder is $mode, not 2775 as before"
[ "$group" = "$gid" ] || fail "the imported content folder has group $group, not $gid as before"
! grep -q "USB import:" "$TMP/kiosk.err" ||
    fail "the kiosk complained about the import: $(grep "USB import:" "$TMP/kiosk.err")"
log "imported under the filter: the content folder is $mode, group $group"
stop_kiosk
echo "ok: usb sandbox"
