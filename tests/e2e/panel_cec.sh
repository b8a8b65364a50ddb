#!/bin/bash
# panel_cec.sh — an HDMI TV put to standby outside opening hours and woken by
# a tap (issue 13), over the kernel's CEC framework with a TV emulated on the
# vivid module's CEC adapters: cec-follower plays the TV on the HDMI input's
# adapter, the kiosk ([screen] sleep = cec) uses the HDMI output's. The TV's
# state is read back independently (cec-ctl asks it). Then a TV that ignores
# Image View On: the kiosk retries and says once, in plain words, that the
# TV did not confirm. Needs the vivid module (modprobe vivid): without it
# (a kernel without modules, a container) this test is skipped.
# Args: kiosk-binary source-dir.
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/e2e/touch_lib.bash"
need cec-ctl cec-follower Xvfb xdotool import convert compare

# adapter NAME: the /dev/cecN whose adapter has that name, or nothing.
adapter() {
    local d
    for d in /dev/cec*; do
        [ -e "$d" ] || continue
        cec-ctl -d "$d" 2>/dev/null | grep -q "Adapter Name *: *$1\$" && { echo "$d"; return 0; }
    done
    return 1
}
TV=$(adapter vivid-000-vid-cap0 || true)
if [ -z "$TV" ] && command -v modprobe >/dev/null; then
    modprobe vivid n_devs=1 >/dev/null 2>&1 || true
    for _ in $(seq 20); do TV=$(adapter vivid-000-vid-cap0 || true); [ -n "$TV" ] && break; sleep 0.2; done
fi
OUT=$(adapter vivid-000-vid-out0 || true)
if [ -z "$TV" ] || [ -z "$OUT" ]; then
    echo "SKIP: no vivid CEC adapters (modprobe vivid is not possible here)"
    exit 77
fi

FOLLOWER_PID=''
setup_tmp
trap 'if [ -n "$FOLLOWER_PID" ]; then kill "$FOLLOWER_PID" 2>/dev/null || true; fi; cleanup' EXIT
cec-ctl -d "$TV" --tv >/dev/null || fail "cannot make $TV a TV"
start_follower() {
    if [ -n "$FOLLOWER_PID" ]; then kill "$FOLLOWER_PID" 2>/dev/null || true; wait "$FOLLOWER_PID" 2>/dev/null || true; fi
    cec-follower -d "$TV" -s "$@" >"$TMP/follower.log" 2>&1 &
    FOLLOWER_PID=$!
}
start_follower

content_copy
ini_set kiosk idle_timeout 10
ini_set kiosk idle_notice 4
ini_set screen sleep cec
for d in monday tuesday wednesday thursday friday saturday sunday; do
    ini_set hours "$d" closed
done
export KIOSK_CEC_DEVICE=$OUT
start_x 800 480
render_refs
start_kiosk --content "$TMP/content"

# tv_is STATE: the TV, asked from the output's adapter, says STATE.
tv_is() { cec-ctl -d "$OUT" --to 0 --give-device-power-status 2>/dev/null | grep -q "pwr-state: $1"; }
# wait_log TEXT SECONDS [COUNT]: the kiosk's log says TEXT (COUNT times).
wait_log() {
    local until=$((SECONDS + $2))
    until [ "$(grep -c "$1" "$TMP/kiosk.log")" -ge "${3:-1}" ]; do
        alive
        [ $SECONDS -lt $until ] || fail "the kiosk did not say \"$1\" ${3:-1} times within $2 s: $(cat "$TMP/kiosk.log")"
        sleep 0.3
    done
}

wait_log "the TV says it is in standby" 30
tv_is standby || fail "the kiosk says standby, the TV does not"
log "closed: the TV is in standby"

tap $((LW / 2)) $((LH / 2))
wait_log "the TV says it is on" 30
tv_is on || fail "the kiosk says on, the TV does not"
log "a tap: the TV is on"

# A TV that ignores Image View On: after idle_timeout it goes to standby, the
# next tap's wake is never confirmed; five tries (about 30 s), said once.
start_follower --ignore all,0x04
wait_log "the TV says it is in standby" 40 2
tap $((LW / 2)) $((LH / 2))
wait_log "the TV did not confirm it is on after 5 tries" 60
tv_is standby || fail "a TV ignoring Image View On is on"
[ "$(grep -c "did not confirm" "$TMP/kiosk.log")" = 1 ] || fail "the give-up was said more than once"
log "a TV that ignores the wake: retried, given up, said once"
echo "ok: the TV sleeps outside opening hours, wakes at a tap, and a deaf TV is reported"
