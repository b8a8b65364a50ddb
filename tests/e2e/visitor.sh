#!/bin/bash
# visitor.sh — one visitor's own choices, in a real window under Xvfb driven
# by xdotool (issue 15): from the loop a tap opens the menu, the language
# button turns it Spanish (OCR reads its Spanish title), a topic and a card
# open in Spanish (OCR reads the card's Spanish title), and with no touch
# the idle return brings the loop back in English (OCR reads the English
# invitation). Then Aa on a card: the screen --render --large-text draws,
# its words measured taller by OCR's boxes. Then the idle notice with More
# time: the notice shows, a tap on More time, and the loop does not come at
# the usual time after that tap but does at more_time times it. Every tap
# lands on a target --render's boxes.tsv names; every wait polls the screen
# with a deadline. Short idle settings in the test's content copy keep it
# to about a minute. tesseract has English data only: Spanish words are
# compared without accents (tests/render/spanish.sh). Args: kiosk-binary
# source-dir.
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/e2e/touch_lib.bash"
need Xvfb xdotool import convert compare tesseract iconv
IDLE=10 NOTICE=6 MORE=2
ROTATE=0

setup_tmp
content_copy
[ -f "$TMP/content/es/kiosk.ini" ] || fail "the bundled content has no Spanish translation"
ini_set kiosk idle_timeout $IDLE
ini_set kiosk idle_notice $NOTICE
ini_set kiosk more_time $MORE
ini_set loop min_seconds 3
ini_set loop max_seconds 3
start_x 800 480
render_refs
render_more es --lang es
# The first topic and the screen it opens on (its contents, when it has them).
name=$(topic_name 0)
first=$name-01.png
[ -e "$TMP/ref/$name-contents-01.png" ] && first=$name-contents-01.png
# Its cards with large text and with the notice, drawn from a copy holding
# that topic alone in every language (a card is laid out from its own topic
# and the languages there are: the same pictures, in a fraction of the time
# of every screen).
mkdir "$TMP/one"
cp -r "$TMP/content/images" "$TMP/one/"
for d in "$TMP/content" "$TMP/content"/*/; do
    [ -f "$d/kiosk.ini" ] || continue
    sub=$TMP/one/${d#"$TMP/content"}
    mkdir -p "$sub"
    cp "$d/kiosk.ini" "$d"/[0-9]*"-$name.md" "$sub/"
done
render_more large --large-text --content "$TMP/one"
render_more notice --notice --content "$TMP/one"
start_kiosk --content "$TMP/content"
log "screen ${SW}x$SH"

# label KEY: the default language's [labels] KEY in the content copy.
label() {
    sed -n '/^\[labels\]/,/^\[/p' "$TMP/content/kiosk.ini" |
        awk -F ' *= *' -v k="$1" '$1 == k { print $2; exit }'
}

# words_h SHOT: the median height in pixels of the words OCR reads with
# confidence on the shot (tesseract's word boxes).
words_h() {
    convert "$TMP/$1.png" -colorspace Gray -negate png:- |
        OMP_THREAD_LIMIT=1 tesseract - - --psm 3 tsv 2>/dev/null |
        awk -F '\t' '$1 == 5 && $11 >= 70 && length($12) >= 3 { print $10 }' |
        sort -n | awk '{ h[NR] = $1 } END { print NR ? h[int((NR + 1) / 2)] : 0 }'
}

# Spanish: the menu, a topic, a card; then the idle return in English.
wait_loop "$WAIT_S" >/dev/null
tap $((LW / 2)) $((LH / 2))
wait_for menu.png
tap_box menu.png language
wait_for es/menu.png
read_title now es/menu.png
ocr_has "$TMP/now.png" "$(title menu.png)" 2>/dev/null &&
    fail "the menu still reads \"$(title menu.png)\" after the language button"
tap_box es/menu.png topic 0
wait_for "es/$first"
if [ "$first" != "$name-01.png" ]; then     # a contents screen: its first row
    tap_box "es/$first" entry 0
    wait_for "es/$name-01.png"
fi
read_title now "es/$name-01.png"
left=$(now_ms)
back=$(wait_loop $((IDLE + WAIT_S)))
log "the idle return after $(( ($(now_ms) - left) / 1000 )) s: $back"
ocr_has "$TMP/now.png" "$(title "$back")" || fail "the loop is not in English again"
# The invitation: dark words on the light accent, which whole-screen OCR
# of the negated shot misses on some cards; the shot made black and white
# at mid-grey reads them as print.
convert "$TMP/now.png" -colorspace Gray -threshold 55% -negate "$TMP/cue.png"
ocr_has "$TMP/cue.png" "$(label tap_cue)" || ocr_has "$TMP/now.png" "$(label tap_cue)" ||
    fail "the loop does not invite in English again"
log "the loop is in English again"

# Aa: the card as --render --large-text draws it, its words taller.
tap $((LW / 2)) $((LH / 2))
wait_for menu.png
tap_box menu.png topic 0
wait_for "$first"
if [ "$first" != "$name-01.png" ]; then
    tap_box "$first" entry 0
    wait_for "$name-01.png"
fi
cp "$TMP/now.png" "$TMP/usual.png"
tap_box "$name-01.png" large_text
wait_for "large/$name-01.png"
usual=$(words_h usual) large=$(words_h now)
log "words ${usual} px high, ${large} px with Aa"
[ "$usual" -gt 0 ] || fail "OCR read no words on $name-01.png"
[ $((large * 100)) -ge $((usual * 120)) ] ||
    fail "Aa did not make the words larger: $usual px, then $large px"
tap_box "large/$name-01.png" large_text
wait_for "$name-01.png"
touched=$(now_ms)   # after the last touch

# More time: the notice comes, a tap on its More time, and the loop comes
# back MORE times IDLE after that tap, not IDLE after it.
until=$((SECONDS + IDLE + WAIT_S))
until shot now && looks_like now "notice/$name-01.png"; do
    [ $SECONDS -lt $until ] || fail "no idle notice: the screen shows $(which_screen now || echo 'none of the screens')"
    which_screen now loop- >/dev/null && fail "back to the loop without an idle notice"
    sleep 0.2
done
tap0=$(now_ms)
tap_box "notice/$name-01.png" more_time   # at once: the loop is NOTICE s away
tap1=$(now_ms)
log "the idle notice after $(( (tap0 - touched) / 1000 )) s; tapped More time"
cp "$TMP/now.png" "$TMP/notice.png"
read_box notice "notice/$name-01.png" more_time 0 "$(label more_time)" ||
    fail "the notice has no readable More time button"
wait_for "$name-01.png"
# Until MORE x IDLE after the tap, the card (with the notice again at the
# end), never the loop; at least one shot after the usual return.
proved=0
while [ "$(now_ms)" -lt $((tap0 + MORE * IDLE * 1000 - 500)) ]; do
    s0=$(now_ms)
    shot still
    if which_screen still loop- >/dev/null; then
        [ "$(now_ms)" -ge $((tap0 + MORE * IDLE * 1000)) ] && break
        fail "back to the loop $(( ($(now_ms) - tap0) / 1000 )) s after More time (idle_timeout $IDLE, more_time $MORE)"
    fi
    looks_like still "$name-01.png" || looks_like still "notice/$name-01.png" ||
        fail "after More time the screen shows $(which_screen still || echo 'none of the screens')"
    [ "$s0" -gt $((tap1 + IDLE * 1000 + 1000)) ] && proved=1
    sleep 0.5
done
[ "$proved" = 1 ] || fail "too slow to judge: no screenshot after the usual return time"
log "still on the card $(( (s0 - tap1) / 1000 )) s after More time (idle_timeout $IDLE)"
back=$(wait_loop $((MORE * IDLE + WAIT_S)))
log "back to the loop ($back) $(( ($(now_ms) - tap0) / 1000 )) s after More time"
alive
echo "ok: Spanish menu and card, the idle return in English, Aa ($usual -> $large px), More time (${MORE}x ${IDLE} s)"
