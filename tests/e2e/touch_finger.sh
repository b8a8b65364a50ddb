#!/bin/bash
# touch_finger.sh — SDL finger events really drive the kiosk: the loop, a tap
# to the menu, a tile to its topic, Next, a swipe, Back, all by finger (the
# KIOSK_TEST_INPUT FIFO of the kiosk's test twin, kiosk_testinput, pushes them
# into SDL's queue as a touch panel's driver would; Xvfb has no touch
# device). SDL's emulation of one input by the other is never read twice:
# fingers made from the mouse and mouse clicks made from a finger do nothing
# alone, and a finger tap on Next that arrives with its mouse twin turns one
# page, not two.
# Args: kiosk-binary source-dir. FINGER_ROTATE (0) turns the panel
# (touch_finger_rotate.sh).
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/e2e/touch_lib.bash"
need Xvfb import convert compare tesseract iconv
use_test_input
ROTATE=${FINGER_ROTATE:-0}

setup_tmp
content_copy
# The loop stays on its first card while the emulated taps are checked.
ini_set loop min_seconds 30
ini_set loop max_seconds 30
ini_set screen rotate "$ROTATE"
start_x 800 480
render_refs
FIFO=$TMP/input
mkfifo "$FIFO"
KIOSK_TEST_INPUT=$FIFO start_kiosk --content "$TMP/content"
grep -q "TEST ONLY: reading touch events" "$TMP/kiosk.log" ||
    fail "the kiosk does not read KIOSK_TEST_INPUT: $(cat "$TMP/kiosk.log")"
log "screen ${SW}x$SH, rotate $ROTATE, layout ${LW}x$LH"

# The events go down one file descriptor, with pauses that start no process
# (a read that times out on a FIFO nobody writes): a process per event took
# so long on a busy machine that a tap became a long press or a swipe too slow.
exec {FD}>"$FIFO"
mkfifo "$TMP/nap"
exec {NAP}<>"$TMP/nap"
nap() { read -rt "$1" -u "$NAP" _ || true; }

# finger KIND LX LY [SOURCE]: one finger event at a layout point, sent where
# the turned picture shows it, normalised across the screen as SDL does.
finger() {
    alive
    screen_xy "$2" "$3"
    printf '%s 1 0.%06d 0.%06d %s\n' "$1" $(((2 * SX + 1) * 500000 / SW)) \
        $(((2 * SY + 1) * 500000 / SH)) "${4:-touch}" >&"$FD"
}

# ftap LX LY [SOURCE]: press and lift a finger.
ftap() {
    pace_tap
    finger down "$1" "$2" "${3:-}"
    nap 0.05
    finger up "$1" "$2" "${3:-}"
}

# fswipe LX0 LY0 LX1 LY1: a finger pressed, moved in ten steps, lifted.
fswipe() {
    local i
    finger down "$1" "$2"
    for i in 1 2 3 4 5 6 7 8 9 10; do
        nap 0.03
        finger move $(($1 + ($3 - $1) * i / 10)) $(($2 + ($4 - $2) * i / 10))
    done
    finger up "$3" "$4"
}

wait_for loop-01.png 5

# Emulated input alone does nothing: the loop stays, no menu opens. Then a
# real tap where the menu has its first tile (a second past the double-tap
# window): on the loop it opens the menu; had an emulated tap opened the menu
# already, it would open a topic instead.
ftap $((LW / 2)) $((LH / 2)) mouse-as-touch
ftap $((LW / 2)) $((LH / 2)) touch-as-mouse
nap 1
# shellcheck disable=SC2046
ftap $(box menu.png topic 0)
wait_for menu.png
log "taps made by SDL's emulation (mouse-as-touch, touch-as-mouse) were ignored"

# A tile opens its topic: the first with three pages or more.
t=0
while [ "$(pages "$(topic_name $t)")" -lt 3 ]; do t=$((t + 1)); done
name=$(topic_name $t)
# shellcheck disable=SC2046
ftap $(box menu.png topic $t)
wait_for "$name-01.png"
read_title now "$name-01.png"

# Next by finger, with the mouse twin a driver ignoring the hint would send
# right after each finger event: one page on, not two (and not none). Then
# Previous (a second later, past the double-tap window) must show page 1:
# after two pages it would show page 2.
read -r nx ny < <(box "$name-01.png" next)
finger down "$nx" "$ny"
finger down "$nx" "$ny" touch-as-mouse
nap 0.05
finger up "$nx" "$ny"
finger up "$nx" "$ny" touch-as-mouse
wait_for "$name-02.png"
nap 1
# shellcheck disable=SC2046
ftap $(box "$name-02.png" previous)
wait_for "$name-01.png"
log "Next with its emulated mouse twin turned one page"

# A finger swipe to the left pages on; Back returns to the menu.
fswipe $((LW * 3 / 4)) $((LH / 2)) $((LW / 4)) $((LH / 2))
wait_for "$name-02.png"
# shellcheck disable=SC2046
ftap $(box "$name-02.png" back)
wait_for menu.png
alive
echo "ok: finger taps, a swipe and ignored emulation at ${LW}x$LH (rotate $ROTATE)"
