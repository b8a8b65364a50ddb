#!/bin/bash
# touch_contents.sh — a visitor finds an answer in a few taps, in a real
# window under Xvfb driven by xdotool: from the loop a tap opens the menu,
# the FAQ's tile its contents (a list of its questions), the row "How much
# do I tip?" its answer, and OCR reads "15–20%" on the screen; Back
# returns to the list (OCR reads the question on its row), Home from the
# card to the menu. Each screen is matched against `kiosk --render` of the
# same content and size. Args: kiosk-binary source-dir. TOUCH_SIZE (800x480)
# and TOUCH_ROTATE (0) run it on another screen (touch_contents_portrait.sh).
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/e2e/touch_lib.bash"
need Xvfb xdotool import convert compare tesseract iconv
size=${TOUCH_SIZE:-800x480}
ROTATE=${TOUCH_ROTATE:-0}
QUESTION="How much do I tip?"

walk_setup "$size"
start_kiosk --content "$TMP/content"
log "screen ${SW}x$SH, rotate $ROTATE, layout ${LW}x$LH"

# Where the question is: its page, and the contents screen whose row opens it.
page=$(awk -F '\t' -v q="$QUESTION" '$2 == q && $1 ~ /^faq-[0-9]+\.png$/ { print $1; exit }' \
           "$TMP/ref/screens.tsv")
[ -n "$page" ] || fail "--render wrote no page titled \"$QUESTION\""
arg=$(( 10#${page//[!0-9]/} - 1 ))
list=$(awk -F '\t' -v a="$arg" '$1 ~ /^faq-contents-/ && $2 == "entry" && $3 == a { print $1; exit }' \
           "$TMP/ref/boxes.tsv")
[ -n "$list" ] || fail "no contents row opens $page"
t=0
while [ "$(topic_name $t)" != faq ]; do
    t=$((t + 1))
    [ "$t" -lt 30 ] || fail "the content has no faq topic"
done

# The loop, a tap: the menu; the FAQ's tile: its first contents screen.
wait_loop "$WAIT_S" >/dev/null
tap $((LW / 2)) $((LH / 2))
wait_for menu.png
tap_box menu.png topic $t
wait_for faq-contents-01.png
read_title now faq-contents-01.png
# Next on the contents until the screen listing the question (none, when
# the questions fit one screen).
cur=faq-contents-01.png
while [ "$cur" != "$list" ]; do
    tap_box "$cur" next
    cur=$(printf 'faq-contents-%02d.png' $(( 10#${cur//[!0-9]/} + 1 )))
    wait_for "$cur"
done
read_box now "$list" entry "$arg" "$QUESTION" || fail "the list does not show \"$QUESTION\""
log "the list shows \"$QUESTION\""

# The row: the answer, read on the screen.
tap_box "$list" entry "$arg"
wait_for "$page"
read_title now "$page"
answer=$(convert "$TMP/now.png" -colorspace Gray -negate png:- |
         OMP_THREAD_LIMIT=1 tesseract - - --psm 3 2>/dev/null | tr '\n' ' ')
grep -Eq '15[^0-9]{0,3}20 ?%' <<<"$answer" ||
    fail "OCR did not read the answer (15-20%) on $page; it read: $answer"
log "read the answer: $(grep -Eo '[^ ]* *15[^0-9]{0,3}20 ?%[^ ]*' <<<"$answer" | head -1)"

# Back: one step, to the list; Home from the card: the menu.
tap_box "$page" back
wait_for "$list"
read_box now "$list" entry "$arg" "$QUESTION" || fail "Back did not return to the list"
tap_box "$list" entry "$arg"
wait_for "$page"
tap_box "$page" home
wait_for menu.png
alive
echo "ok: menu, FAQ contents, \"$QUESTION\", its answer, Back to the list, Home at ${LW}x$LH (rotate $ROTATE)"
