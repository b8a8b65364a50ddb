# live_lib.bash — helpers for the live-content end-to-end tests (sourced; not
# *.sh, so CMake does not take it for a test): the real kiosk on an Xvfb
# screen with a temporary copy of content/ and a state folder, screenshots,
# OCR of what it shows, and waiting for its journal lines.
# Needs KIOSK (the binary) and SRC (the source folder) set.

. "$SRC/tests/render/lib.bash"
. "$SRC/tests/e2e/pace.bash"

XVFB_PID='' KIOSK_PID='' T0=$SECONDS
W=800 H=480

log() { printf '[%3ds] %s\n' $((SECONDS - T0)) "$*"; }

# Milliseconds of wall-clock time (bash's own clock: no process started).
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }

cleanup() {
    if [ -n "$KIOSK_PID" ]; then kill "$KIOSK_PID" 2>/dev/null; wait "$KIOSK_PID" 2>/dev/null; fi
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null; fi
    if [ -n "${LIVE_KEEP:-}" ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}

setup() {
    need Xvfb import convert compare tesseract
    TMP=$(mktemp -d)
    trap cleanup EXIT
    # ASan builds: libdbus and the GL drivers keep memory until exit.
    export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$SRC/tests/lsan.supp:print_suppressions=0}"
    Xvfb -displayfd 3 -screen 0 "${W}x${H}x24" -nolisten tcp \
        3>"$TMP/display" >"$TMP/xvfb.log" 2>&1 &
    XVFB_PID=$!

    for _ in $(seq 50); do
        [ -s "$TMP/display" ] && break
        sleep 0.1
    done
    [ -s "$TMP/display" ] || fail "Xvfb did not start: $(cat "$TMP/xvfb.log")"
    DISPLAY=":$(head -1 "$TMP/display")"
    export DISPLAY SDL_VIDEODRIVER=x11
    unset WAYLAND_DISPLAY NOTIFY_SOCKET
    # Bytes, not characters: sed must match a line that is not UTF-8.
    export LC_ALL=C
    C="$TMP/content" S="$TMP/state"
    cp -r "$SRC/content" "$C"
    rm -f "$C/STATUS.txt"
}

# ini_loop_slow: the first loop card stays a minute, so what is on screen
# changes only when the content does.
ini_loop_slow() {
    sed -i -e 's/^min_seconds *=.*/min_seconds = 60/' \
        -e 's/^max_seconds *=.*/max_seconds = 120/' "$C/kiosk.ini"
}

# kiosk_env: how the kiosk is started. In the sanitizer build, Mesa's GL
# libraries (which SDL's X11 driver loads even for the software renderer)
# are unloaded at exit, and LeakSanitizer cannot name an unloaded library in
# a suppression; preloaded, they stay, and tests/lsan.supp names them.
kiosk_env() {
    local pre='' l
    if ldd "$KIOSK" 2>/dev/null | grep -q libasan; then
        for l in /usr/lib/*/libGLX_mesa.so.0 /usr/lib/*/dri/swrast_dri.so; do
            [ -e "$l" ] && pre="$pre:$l"
        done
        echo env "ASAN_OPTIONS=verify_asan_link_order=0:${ASAN_OPTIONS:-}" "LD_PRELOAD=${pre#:}"
    fi
}

# start_kiosk: the kiosk on the copy, its output in $TMP/kiosk.err; waits
# for its first frame (STATUS.txt written after it).
start_kiosk() {
    rm -f "$C/STATUS.txt"
    : > "$TMP/kiosk.err"
    # shellcheck disable=SC2046 # kiosk_env's words are meant to be split
    $(kiosk_env) "$KIOSK" --content "$C" --state "$S" --window "${W}x$H" \
        >"$TMP/kiosk.out" 2>"$TMP/kiosk.err" &
    KIOSK_PID=$!
    wait_for 10000 test -s "$C/STATUS.txt" || fail "no first frame: $(cat "$TMP/kiosk.err")"
    # The window mapped and drawn under Xvfb: more than flat colours.
    wait_for 10000 drawn || fail "the kiosk's window never showed on the screen"
}

drawn() {
    shot "$TMP/drawn.png"
    [ "$(convert "$TMP/drawn.png" -sample 200x120 -format %k info:)" -gt 8 ]
}

# stop_kiosk: SIGTERM; it must be gone within a second, with status 0.
stop_kiosk() {
    local t rc=0
    t=$(now_ms)
    kill -TERM "$KIOSK_PID"
    wait "$KIOSK_PID" || rc=$?
    local took=$(( $(now_ms) - t ))
    KIOSK_PID=''
    [ "$rc" -eq 0 ] || fail "the kiosk ended with status $rc on SIGTERM: $(tail -5 "$TMP/kiosk.err")"
    [ "$took" -le 1000 ] || fail "the kiosk took $took ms to stop on SIGTERM (1000 allowed)"
    log "stopped on SIGTERM in $took ms"
}

# wait_for MS COMMAND...: runs COMMAND every 50 ms until it succeeds; fails
# once a try that began MS or more after the start failed. A try (a
# screenshot read by OCR) may itself take seconds on a busy machine: one that
# began before the deadline says nothing about the screen at the deadline.
wait_for() {
    local until=$(( $(now_ms) + $1 )) began
    shift
    while :; do
        began=$(now_ms)
        "$@" >/dev/null 2>&1 && return 0
        [ "$began" -lt "$until" ] || return 1
        sleep 0.05
    done
}

# swaps: how many times new content went on screen so far.
swaps() { grep -c "new content on screen" "$TMP/kiosk.err" || true; }
loads() { grep -c "kiosk: read " "$TMP/kiosk.err" || true; }

# shot FILE: the screen as PNG.
shot() { import -window root "png:$1"; }

# shows WORDS...: a screenshot read back by OCR has every word.
shows() {
    shot "$TMP/ocr.png"
    local text w
    text=$(convert "$TMP/ocr.png" -colorspace Gray -negate png:- |
           OMP_THREAD_LIMIT=1 tesseract - - --psm 3 2>/dev/null | tr '[:upper:]' '[:lower:]')
    for w in "$@"; do
        case "$text" in *"$w"*) ;; *) echo "$text" > "$TMP/ocr.txt"; return 1 ;; esac
    done
}

# set_title FILE TITLE: the topic's # heading, written in place (same inode,
# as an editor saving in place or SFTP overwriting does).
set_title() {
    local f="$C/$1" body
    body=$(sed "1s/^# .*/# $2/" "$f")
    printf '%s\n' "$body" > "$f"
}

# ini_pin PIN: the copy's kiosk.ini gets [staff] pin = PIN (the bundled one
# ships without: staff set their own), and still passes --check.
ini_pin() {
    local f=$C/kiosk.ini
    sed -i '/^[;# ]*pin *=/d' "$f"
    if grep -q '^\[staff\]' "$f"; then
        sed -i "s/^\[staff\]\$/[staff]\npin = $1/" "$f"
    else
        printf '\n[staff]\npin = %s\n' "$1" >>"$f"
    fi
    "$KIOSK" --check --content "$C" >/dev/null || fail "the content with PIN $1 does not pass --check"
}

# pad_xy KEY: the centre (x y at 800x480, kiosk --render's staff-pin.png) of
# a PIN pad key: a digit, clear or padcancel; for the tests' key_xy.
pad_xy() {
    case $1 in
        0) echo "612 397" ;;
        clear) echo "99 397" ;;
        padcancel) echo "249 397" ;;
        [1-9]) local i=$(( $1 - 1 )); echo "$(( 507 + i % 3 * 105 )) $(( 82 + (i / 3) * 105 ))" ;;
        *) return 1 ;;
    esac
}

# The loop, at any page: its cue (kiosk.ini tap_cue) shows on every one.
on_loop() { shows "touch the screen" "explore"; }

# tap KEY: a click on the key the test's key_xy KEY places (x y at 800x480),
# and a moment for the press to be seen as a tap before the next.
tap() {
    local x y
    read -r x y <<< "$(key_xy "$1")"
    pace_tap
    xdotool mousemove "$x" "$y" click 1
    sleep 0.15
}
# pin DIGITS: each digit tapped on the PIN pad (key_xy names them 0-9).
pin() { local d; for d in $(echo "$1" | fold -w1); do tap "$d"; done; sleep 0.3; }

swapped_past() { [ "$(swaps)" -gt "$1" ]; }
loaded_past() { [ "$(loads)" -gt "$1" ]; }

# latency T0 N: ms from T0 until the swap count passes N (5 s at most).
latency() {
    wait_for 5000 swapped_past "$2" || return 1
    echo $(( $(now_ms) - $1 ))
}
