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
# never an offer, nothing said). Args: kiosk-binary source-dir.
set -euo pipefail
KIOSK=${1:?usage: usb_sandbox.sh kiosk-binary source-dir}
SRC=${2:?usage: usb_sandbox.sh kiosk-binary source-dir}
. "$SRC/tests/e2e/live_lib.bash"
py=""
for p in python3 /usr/bin/python3; do
    if "$p" -c 'import seccomp' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || { echo "SKIP: python3-seccomp is not installed (deploy/deps.sh --test)"; exit 77; }
setup
ini_pin 246810
sandboxed() { "$py" "$SRC/tests/deploy/restrict_suid.py" "$@"; }

# The filter refuses what systemd's does, also for a folder already there.
mkdir -p "$S/usb"
chmod 2750 "$S/usb"   # install.sh: kiosk-usb:kiosk 2750
if sandboxed mkdir -m 2750 "$S/usb" 2>"$TMP/mkdir.err" ||
        ! grep -q "Operation not permitted" "$TMP/mkdir.err"; then
    fail "the filter let a set-group-ID mkdir through: $(cat "$TMP/mkdir.err")"
fi

# The kiosk under the filter (not through the function: $! must be its pid):
# its first frame, and its watch on STATE/usb.
rm -f "$C/STATUS.txt"   # --check (ini_pin) wrote one
: >"$TMP/kiosk.err"
"$py" "$SRC/tests/deploy/restrict_suid.py" "$KIOSK" --content "$C" --state "$S" --window "${W}x$H" \
    >"$TMP/kiosk.out" 2>"$TMP/kiosk.err" &
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
stop_kiosk
echo "ok: usb sandbox"
