#!/bin/bash
# touch.sh — the kiosk as a visitor meets it, in a real window under Xvfb,
# driven by xdotool: the loop cycles, a tap opens the menu, a tile its topic,
# Next/Previous and swipes page, Back and Home work, and after idle_timeout
# the notice shows and the loop returns (a touch on the notice cancels it).
# Each screen is matched against `kiosk --render` of the same content and
# size, and its title read back by OCR.
# Args: kiosk-binary source-dir. TOUCH_SIZE (800x480) and TOUCH_ROTATE (0)
# run it on another screen (touch_rotate.sh).
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/e2e/touch_lib.bash"
need Xvfb xdotool import convert compare tesseract iconv
size=${TOUCH_SIZE:-800x480}
ROTATE=${TOUCH_ROTATE:-0}
# The walk-through reads screens by OCR, which takes seconds on a busy
# machine: the idle return must not come in the middle of it (idle_timeout
# 10 once sent the visitor back to the loop while the menu's tiles were being
# read, and the tap meant for a tile opened the menu again). The idle part
# runs afterwards on a kiosk started again with a short timeout.
IDLE=20 NOTICE=10

walk_setup "$size"
start_kiosk --content "$TMP/content"
log "screen ${SW}x$SH, rotate $ROTATE, layout ${LW}x$LH"

# The loop: its first card, then another, both read.
wait_for loop-01.png
read_title now loop-01.png
next=$(wait_loop "$WAIT_S" loop-01.png)
log "the loop moved on to $next"
read_title now "$next"

# A tap anywhere opens the menu; its tiles show the topics' titles.
tap $((LW / 2)) $((LH / 2))
wait_for menu.png
for t in 0 1 2; do
    f=$(find "$TMP/content" -maxdepth 1 -name '[0-9]*.md' | sort | sed -n "$((t + 1))p")
    read_box now menu.png topic $t "$(sed -n 's/^# //p' "$f" | head -1)" ||
        fail "the menu does not show the title of $f"
done
log "read the first tiles' titles"

# A tile opens its topic: the first with three pages or more, to page in.
t=0
while [ "$(pages "$(topic_name $t)")" -lt 3 ]; do t=$((t + 1)); done
name=$(topic_name $t)
tap_box menu.png topic $t
wait_for "$name-01.png"
read_title now "$name-01.png"

# Next, a swipe to the left, a swipe to the right, Previous.
tap_box "$name-01.png" next
wait_for "$name-02.png"
drag $((LW * 3 / 4)) $((LH / 2)) $((LW / 4)) $((LH / 2))
wait_for "$name-03.png"
read_title now "$name-03.png"
drag $((LW / 4)) $((LH / 2)) $((LW * 3 / 4)) $((LH / 2))
wait_for "$name-02.png"
tap_box "$name-02.png" previous
wait_for "$name-01.png"

# Back to the menu, another topic, Back to the menu (it has no contents
# screen, so no Home: Back leads to the menu already), Back to the loop.
tap_box "$name-01.png" back
wait_for menu.png
other=$(( (t + 1) % $(find "$TMP/content" -maxdepth 1 -name '[0-9]*.md' | wc -l) ))
oname=$(topic_name $other)
tap_box menu.png topic $other
wait_for "$oname-01.png"
read_title now "$oname-01.png"
tap_box "$oname-01.png" back
wait_for menu.png
tap_box menu.png back
back=$(wait_loop "$WAIT_S")
log "Back on the menu returned to the loop ($back)"

# Idle: in a topic, the notice shows idle_notice before idle_timeout; a tap
# where nothing is cancels it; a full idle_timeout later the loop returns.
# Timing is judged by the clock of each step (a screenshot is taken some time
# between starting and returning), never by a fixed sleep: the notice is
# tapped as soon as a shot shows it, and read afterwards.
stop_kiosk
ini_set kiosk idle_timeout $IDLE
ini_set kiosk idle_notice $NOTICE
start_kiosk --content "$TMP/content"
wait_loop "$WAIT_S" >/dev/null
tap $((LW / 2)) $((LH / 2))
wait_for menu.png
touched=$(now_ms)   # the tile's tap: the kiosk's last touch is after this
tap_box menu.png topic $t
wait_for "$name-01.png"
seen=$(now_ms)      # ... and before this
while :; do
    s0=$(now_ms)
    shot notice
    s1=$(now_ms)
    looks_like notice "$name-01.png" || break
    [ "$s1" -lt $((seen + IDLE * 1000)) ] ||
        fail "no idle notice $(( (s1 - touched) / 1000 )) s after the last touch (idle_timeout $IDLE, idle_notice $NOTICE)"
    sleep 0.2
done
[ "$s1" -ge $((touched + (IDLE - NOTICE) * 1000)) ] ||
    fail "the screen changed $((s1 - touched)) ms after the last touch, before the notice was due: $(which_screen notice || echo 'none of the screens')"
which_screen notice loop- >/dev/null &&
    fail "back to the loop without an idle notice ($((s1 - touched)) ms after the last touch)"
cancel=$(now_ms)
tap $((LW / 2)) $((LH * 2 / 5))
[ "$cancel" -lt $((touched + IDLE * 1000)) ] ||
    fail "too slow to judge: the notice was seen only $((cancel - touched)) ms after the last touch"
log "the idle notice showed $(( (s0 - touched) / 1000 ))..$(( (s1 - touched) / 1000 )) s after the last touch; tapped it"
ocr_has "$TMP/notice.png" "Going back to the start" || fail "the idle notice is not readable"
wait_for "$name-01.png"
log "a tap on the page took the notice away and stayed"
# Past the first touch's timeout and before the cancelling tap's, the loop
# must not show (the tap restarted the wait); at least one shot must fall in
# between for this to say anything.
proved=0
while [ "$(now_ms)" -lt $((cancel + IDLE * 1000 - 500)) ]; do
    s0=$(now_ms)
    shot still
    s1=$(now_ms)
    if which_screen still loop- >/dev/null; then
        [ "$s1" -ge $((cancel + IDLE * 1000)) ] && break
        fail "back to the loop $((s1 - cancel)) ms after the tap on the notice (idle_timeout $IDLE)"
    fi
    [ "$s0" -gt $((seen + IDLE * 1000)) ] && proved=$((proved + 1))
    sleep 0.5
done
[ "$proved" -gt 0 ] ||
    fail "too slow to judge: no screenshot between the first touch's timeout and the tap's"
back=$(wait_loop $((IDLE + WAIT_S)))
log "back to the loop ($back) $(( ($(now_ms) - cancel) / 1000 )) s after the last touch (idle_timeout $IDLE)"
alive
echo "ok: loop, menu, topic, paging, Back, Home and idle return at ${LW}x$LH (rotate $ROTATE)"
