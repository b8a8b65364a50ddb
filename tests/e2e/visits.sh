#!/bin/bash
# visits.sh — what visitors read, counted: the real kiosk under Xvfb, a
# visitor's walk by xdotool (a tap on the loop, a tile, Next, two swipes,
# Previous, Back, the FAQ's tile, a row of its contents, Home, Back to the loop; then a second visit
# that the idle return ends), then the kiosk stopped: the daily CSV in the
# state folder and in the content folder has the expected row, the topics
# CSV each topic's, `kiosk --stats` prints them, and neither the watcher
# (no reload) nor --check takes the CSVs for content. It starts on a hostile
# visits.bin, which is reported and kept aside.
# Args: kiosk-binary source-dir.
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/e2e/touch_lib.bash"
need Xvfb xdotool import convert compare
IDLE=10

walk_setup 800x480
mkdir -p "$TMP/state"
# A hostile counts file (it claims a million days) is set aside, not read.
printf 'KVISITS1\001\0\0\0\0\0\0\0\100\102\017\0\0\0\0\0' > "$TMP/state/visits.bin"
start_kiosk --content "$TMP/content" --state "$TMP/state"

wait_for loop-01.png
grep -q "visits.bin could not be read (it says it holds more than the kiosk keeps); it was kept as visits.bin.bad, and visits are counted afresh" "$TMP/kiosk.log" ||
    fail "the hostile visits.bin is not reported in plain words: $(cat "$TMP/kiosk.log")"
if [ ! -s "$TMP/state/visits.bin.bad" ] || [ -e "$TMP/state/visits.bin" ]; then
    fail "the hostile visits.bin was not kept aside: $(ls -la "$TMP/state")"
fi
log "a hostile visits.bin was kept aside as visits.bin.bad"
tap $((LW / 2)) $((LH / 2))
wait_for menu.png
t=0
while [ "$(pages "$(topic_name $t)")" -lt 3 ]; do t=$((t + 1)); done
name=$(topic_name $t)
tap_box menu.png topic $t
wait_for "$name-01.png"
tap_box "$name-01.png" next
wait_for "$name-02.png"
drag $((LW * 3 / 4)) $((LH / 2)) $((LW / 4)) $((LH / 2))
wait_for "$name-03.png"
drag $((LW / 4)) $((LH / 2)) $((LW * 3 / 4)) $((LH / 2))
wait_for "$name-02.png"
tap_box "$name-02.png" previous
wait_for "$name-01.png"
tap_box "$name-01.png" back
wait_for menu.png
# The FAQ opens on its contents screen (it always has one): its first row,
# then Home (which a card shows only where Back goes to the contents).
other=0
while [ "$(topic_name $other)" != faq ]; do
    other=$((other + 1))
    [ "$other" -lt 30 ] || fail "the content has no faq topic"
done
oname=faq
tap_box menu.png topic $other
wait_for "$oname-contents-01.png"
tap_box "$oname-contents-01.png" entry 0
wait_for "$oname-01.png"
tap_box "$oname-01.png" home
wait_for menu.png
tap_box menu.png back
wait_loop "$WAIT_S" >/dev/null
log "one visit: $name (3 pages by Next, swipes and Previous), $oname (its contents, a row, Home), Back"
stop_kiosk
grep -q "reload\|read $TMP/content.*again" "$TMP/kiosk.log" &&
    fail "the kiosk read its folder again while it ran: $(cat "$TMP/kiosk.log")"

# The second visit, ended by the idle return, on a kiosk started again: the
# counts of the first are read back from the state folder and added to.
ini_set kiosk idle_timeout $IDLE
ini_set kiosk idle_notice 3
start_kiosk --content "$TMP/content" --state "$TMP/state"
wait_for loop-01.png
tap $((LW / 2)) $((LH / 2))
wait_for menu.png
tap_box menu.png topic $t
wait_for "$name-01.png"
wait_loop $((IDLE + WAIT_S)) >/dev/null
log "a second visit to $name, ended by the idle return"
stop_kiosk

host=$(hostname | sed 's/[^A-Za-z0-9_-]/-/g')
for f in "$TMP/state/visits-days.csv" "$TMP/content/VISITS-$host.csv" \
         "$TMP/content/VISITS-$host-topics.csv" "$TMP/state/visits.bin"; do
    [ -s "$f" ] || fail "$f was not written: $(ls -la "$TMP/state" "$TMP/content")"
done
cmp -s "$TMP/state/visits-days.csv" "$TMP/content/VISITS-$host.csv" ||
    fail "the content folder's CSV differs from the state folder's"
head -1 "$TMP/state/visits-days.csv" | grep -q '^date,sessions,minutes,topics opened,pages read,contents rows,previous,next,back,home,swipes,language switches,large text switches,touches,touches 00-01,' ||
    fail "the CSV's heading is not the documented one: $(head -1 "$TMP/state/visits-days.csv")"
# Sums over the rows (a test that runs over midnight has two).
sums=$(tail -n +2 "$TMP/state/visits-days.csv" | tr -d '\r' | awk -F, '
    { for (i = 2; i <= NF; i++) s[i] += $i }
    END { printf "%d %d %d %d %d %d %d %d %d %d", s[2], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[14] }')
read -r sessions topics pages rows prev next back home swipes touches <<<"$sums"
log "CSV: sessions $sessions, topics $topics, pages $pages, previous $prev, next $next, back $back, home $home, swipes $swipes, touches $touches"
# Visit 1: pages 1,2,3,2,1 of $name and 1 of $oname (by a contents row);
# visit 2: page 1 of $name.
[ "$sessions $topics $pages $rows" = "2 3 7 1" ] ||
    fail "sessions/topics/pages/rows are $sessions/$topics/$pages/$rows, not 2/3/7/1"
[ "$prev $next $back $home $swipes" = "1 1 2 1 2" ] ||
    fail "previous/next/back/home/swipes are $prev/$next/$back/$home/$swipes, not 1/1/2/1/2"
# Every tap and drag put one finger down: 11 in the first visit, 2 in the second.
[ "$touches" = 13 ] || fail "touches $touches, not 13"
hours=$(tail -n +2 "$TMP/state/visits-days.csv" | tr -d '\r' |
        awk -F, '{ for (i = 15; i <= NF; i++) s += $i } END { print s }')
[ "$hours" = 13 ] || fail "the touches per hour add up to $hours, not 13"
minutes=$(tail -n +2 "$TMP/state/visits-days.csv" | tr -d '\r' | awk -F, '{ s += $3 } END { print s }')
awk -v m="$minutes" 'BEGIN { exit !(m > 0 && m < 30) }' ||
    fail "minutes spent $minutes: not the few the visits took"
tr -d '\r' < "$TMP/content/VISITS-$host-topics.csv" | awk -F, -v a="\"$name\"" -v b="\"$oname\"" '
    $2 == a { ao += $3; ap += $4 } $2 == b { bo += $3; bp += $4 }
    END { exit !(ao == 2 && ap == 6 && bo == 1 && bp == 1) }' ||
    fail "the topics CSV is not $name 2 opened 6 pages, $oname 1 and 1: $(cat "$TMP/content/VISITS-$host-topics.csv")"
log "the CSV rows are right"

"$KIOSK" --stats --state "$TMP/state" --days 2 > "$TMP/stats.txt" ||
    fail "kiosk --stats failed: $(cat "$TMP/stats.txt")"
grep -q "^all days  *2 " "$TMP/stats.txt" || fail "kiosk --stats does not say 2 visits: $(cat "$TMP/stats.txt")"
grep -q "^$name  *2  *6$" "$TMP/stats.txt" || fail "kiosk --stats does not list $name: $(cat "$TMP/stats.txt")"
"$KIOSK" --check --content "$TMP/content" > "$TMP/check.txt" 2>&1 ||
    fail "kiosk --check failed beside the CSVs: $(cat "$TMP/check.txt")"
grep -qi "visits" "$TMP/check.txt" && fail "kiosk --check mentions the CSVs: $(cat "$TMP/check.txt")"
log "kiosk --stats prints them; --check ignores the CSVs"
