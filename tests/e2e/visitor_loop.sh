#!/bin/bash
# visitor_loop.sh — [loop] languages = all in a real window under Xvfb: the
# loop shows its round in English, then the same round in Spanish (OCR reads
# a Spanish loop title); a tap on the Spanish loop opens the menu in Spanish
# (the visitor starts in the language on screen), the language button still
# switches it to English, Back returns to the loop's own round (still in
# Spanish, at the page left), and after that round the loop is English
# again. A two-card loop of 5 s cards keeps it short. Args: kiosk-binary
# source-dir.
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/e2e/touch_lib.bash"
need Xvfb xdotool import convert compare tesseract iconv
PAGE_S=5
ROTATE=0

setup_tmp
content_copy
[ -f "$TMP/content/es/kiosk.ini" ] || fail "the bundled content has no Spanish translation"
topic=$(cd "$TMP/content" && ls [0-9]*-diagnosis.md)
ini_set kiosk idle_timeout 3600
ini_set loop topics "$topic"
ini_set loop languages all
ini_set loop min_seconds $PAGE_S
ini_set loop max_seconds $PAGE_S
start_x 800 480
render_refs
render_more es --lang es
n=$(grep -c '^loop-' "$TMP/ref/screens.tsv")
[ "$n" -ge 2 ] || fail "the loop of $topic has $n pages, the test wants two or more"
round=$((n * PAGE_S))
start_kiosk --content "$TMP/content"
log "screen ${SW}x$SH, a loop of $n cards of $PAGE_S s in each language"

wait_for loop-01.png
read_title now loop-01.png
wait_for es/loop-01.png $((round + WAIT_S))
read_title now es/loop-01.png
# At once, the page has PAGE_S s: the menu in the language on screen.
tap $((LW / 2)) $((LH / 2))
wait_for es/menu.png
read_title now es/menu.png
tap_box es/menu.png language
wait_for menu.png
read_title now menu.png
# Back: the loop's own round goes on, in Spanish, from the page left; then
# English again.
tap_box menu.png back
until=$((SECONDS + WAIT_S))
until shot now && got=$(which_screen now es/loop-); do
    [ $SECONDS -lt $until ] ||
        fail "Back on the menu did not return to the loop in Spanish: the screen shows $(which_screen now || echo 'none of the screens')"
    sleep 0.3
done
log "Back: $got"
wait_for loop-01.png $((round + WAIT_S))
read_title now loop-01.png
alive
echo "ok: the loop in English then Spanish, a touch on it in Spanish, the language button, Back to its round, English again"
