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
IDLE=10 NOTICE=4

setup_tmp
content_copy
ini_set kiosk idle_timeout $IDLE
ini_set kiosk idle_notice $NOTICE
ini_set loop min_seconds 3
ini_set loop max_seconds 3
ini_set screen rotate "$ROTATE"
start_x "${size%x*}" "${size#*x}"
render_refs
start_kiosk --content "$TMP/content"
log "screen ${SW}x$SH, rotate $ROTATE, layout ${LW}x$LH"

# The loop: its first card, then another, both read.
wait_for loop-01.png 5
read_title now loop-01.png
next=$(wait_loop 6 loop-01.png)
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

# Back to the menu, another topic, Home to the menu, Back to the loop.
tap_box "$name-01.png" back
wait_for menu.png
other=$(( (t + 1) % $(find "$TMP/content" -maxdepth 1 -name '[0-9]*.md' | wc -l) ))
oname=$(topic_name $other)
tap_box menu.png topic $other
wait_for "$oname-01.png"
read_title now "$oname-01.png"
tap_box "$oname-01.png" home
wait_for menu.png
tap_box menu.png back
back=$(wait_loop 3)
log "Back on the menu returned to the loop ($back)"

# Idle: in a topic, the notice shows idle_notice before idle_timeout; a tap
# where nothing is cancels it; a full idle_timeout later the loop returns.
tap $((LW / 2)) $((LH / 2))
wait_for menu.png
tap_box menu.png topic $t
wait_for "$name-01.png"
start=$SECONDS
sleep $((IDLE - NOTICE + 1))
shot notice
looks_like notice "$name-01.png" && fail "no idle notice after $((IDLE - NOTICE + 1)) s"
ocr_has "$TMP/notice.png" "Going back to the start" || fail "the idle notice is not readable"
log "the idle notice shows $((SECONDS - start)) s after the last touch"
tap $((LW / 2)) $((LH * 2 / 5))
start=$SECONDS
# A loaded machine may take a while over each screenshot: allow 3 s for the
# notice to go, and take the "still there" shot by the clock of the tap.
wait_for "$name-01.png" 3
log "a tap on the page took the notice away and stayed"
left=$((IDLE - 3 - (SECONDS - start)))
[ "$left" -gt 0 ] && sleep "$left"
shot still
which_screen still loop- >/dev/null && fail "back to the loop before idle_timeout"
back=$(wait_loop 5)
log "back to the loop ($back) $((SECONDS - start)) s after the last touch (idle_timeout $IDLE)"
alive
echo "ok: loop, menu, topic, paging, Back, Home and idle return at ${LW}x$LH (rotate $ROTATE)"
