#!/bin/bash
# syncthing.sh — the front desk's folder through Syncthing (issue 16), for
# real: three Syncthing instances on 127.0.0.1 only, set up by
# deploy/syncthing-setup.sh (config, then share) and introduced by their
# device IDs: "desk" (the front desk's folder), "kiosk" (the content folder
# of the real kiosk, under Xvfb) and "lobby2" (a second kiosk's folder,
# --status-stays). Then:
#  (a) nothing leaves the machine: no discovery, relays, NAT or reports in
#      any instance's config, every address loopback, every socket too;
#  (b) an edit at the desk reaches the kiosk's screen (median of three, from
#      the save to the kiosk's "new content on screen"; the title read back
#      by OCR) and the second kiosk's folder;
#  (c) big topics (two of Syncthing's blocks each) saved at the desk,
#      received slowly, the kiosk told to reload while they arrive: every
#      load saw each whole or not at all, never half;
#  (d) a broken edit at the desk: nothing new on screen, the broken title
#      never shows, and the kiosk's STATUS.txt naming file:line arrives back
#      at the desk;
#  (e) a conflict: the desk pauses the kiosk (REST), both edit the same file,
#      resume; a .sync-conflict file results, --check passes and does not
#      read it, and STATUS.txt (at the desk too) says which file and what to do;
#  (f) Syncthing's temporary files never reached the kiosk's log.
# Waits poll with deadlines meant for a busy machine (stress-ng on both
# cores). Args: kiosk-binary source-dir.
set -euo pipefail
KIOSK=${1:?usage: syncthing.sh kiosk-binary source-dir}
SRC=${2:?usage: syncthing.sh kiosk-binary source-dir}
. "$SRC/tests/e2e/live_lib.bash"
need syncthing curl python3 ss pgrep
setup
SETUP=$SRC/deploy/syncthing-setup.sh
NAMES="desk kiosk lobby2"
declare -A PID=() GUI=() PORT=() ID=() DIR=()
FOLDER=kiosk-content

st_cleanup() {
    local n
    for n in $NAMES; do
        [ -z "${PID[$n]:-}" ] || kill "${PID[$n]}" 2>/dev/null || true
    done
    for n in $NAMES; do
        [ -z "${PID[$n]:-}" ] || wait "${PID[$n]}" 2>/dev/null || true
    done
    cleanup
}
trap st_cleanup EXIT

# A TCP port nobody listens on now (random, so parallel tests rarely meet).
free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
}

# api NAME METHOD PATH [JSON]: the REST API of instance NAME.
api() {
    local key
    key=$(sed -n 's|.*<apikey>\(.*\)</apikey>.*|\1|p' "$TMP/st-$1/config.xml")
    curl -fsS --max-time 30 -H "X-API-Key: $key" -X "$2" ${4:+--data "$4"} \
        "http://${GUI[$1]}$3"
}

# json EXPR: EXPR (Python, over the document d) of the JSON on stdin.
json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

# The kiosk's runs with kiosk-syncthing.service's umask.
st_start() {
    local mask=0022
    [ "$1" != kiosk ] || mask=$(sed -n 's/^UMask=//p' "$SRC/deploy/kiosk-syncthing.service")
    umask "$mask"
    syncthing serve --home="$TMP/st-$1" --no-browser --no-restart --no-upgrade \
        --logflags=0 >"$TMP/st-$1.log" 2>&1 &
    PID[$1]=$!
    umask 0022
}

connected() { [ "$(api "$1" GET /rest/system/connections | json "d['connections']['$2']['connected']")" = True ]; }
apart() { ! connected "$@"; }

# --- the three instances --------------------------------------------------
mkdir -p "$TMP/desk" "$TMP/lobby2"
DIR=([desk]=$TMP/desk [kiosk]=$C [lobby2]=$TMP/lobby2)
for n in $NAMES; do
    PORT[$n]=$(free_port)
    GUI[$n]=127.0.0.1:$(free_port)
    sh "$SETUP" config "$TMP/st-$n" "tcp://127.0.0.1:${PORT[$n]}" "${GUI[$n]}" \
        --no-local-discovery || fail "syncthing-setup.sh config $n failed"
    ID[$n]=$(syncthing serve --home="$TMP/st-$n" --device-id)
    # Test-only: a refused connection (the other side does not know this
    # device yet) is tried again within seconds, not a minute.
    sed -i 's|<reconnectionIntervalS>[0-9]*<|<reconnectionIntervalS>2<|' "$TMP/st-$n/config.xml"
done

# The kiosk's content: a one-card topic alone in the loop, so the screen
# shows its title for as long as the test runs. Without the bundled
# translation: the test's new topic has none, and the warning saying so
# would keep STATUS.txt from ever saying "No problems found".
rm -rf "$C/es"
printf '# Garden Morning\n\nWelcome from the front desk.\n' >"$C/90-desk.md"
sed -i 's/^topics *=.*/topics = 90-desk.md/' "$C/kiosk.ini"
"$KIOSK" --check --content "$C" >/dev/null || fail "the test's content does not pass --check"
start_kiosk
wait_for 20000 shows "garden" "morning" || fail "the loop card is not on screen: $(cat "$TMP/ocr.txt")"
log "kiosk on screen"

for n in $NAMES; do st_start "$n"; done
for n in $NAMES; do
    wait_for 60000 api "$n" GET /rest/system/ping || fail "syncthing $n did not start: $(tail -5 "$TMP/st-$n.log")"
done
# A star, as the README's recipe: the desk shares with each kiosk.
t=$(now_ms)
sh "$SETUP" share "$TMP/st-kiosk" "$C" "${ID[desk]}" "tcp://127.0.0.1:${PORT[desk]}"
sh "$SETUP" share "$TMP/st-lobby2" "${DIR[lobby2]}" "${ID[desk]}" \
    "tcp://127.0.0.1:${PORT[desk]}" --status-stays
sh "$SETUP" share "$TMP/st-desk" "${DIR[desk]}" "${ID[kiosk]}" "tcp://127.0.0.1:${PORT[kiosk]}" \
    --name=Lobby
sh "$SETUP" share "$TMP/st-desk" "${DIR[desk]}" "${ID[lobby2]}" "tcp://127.0.0.1:${PORT[lobby2]}" \
    --name="Lobby 2"
for n in $NAMES; do
    # Test-only: changes are seen within a second or two.
    api "$n" PATCH "/rest/config/folders/$FOLDER" \
        '{"fsWatcherDelayS": 1, "rescanIntervalS": 10}' >/dev/null
done
# The README's step 7 gives the front desk the same ignore patterns.
# shellcheck disable=SC2016 # the backquotes are Markdown's, for awk
diff <(grep -v '^//' "${DIR[desk]}/.stignore") \
     <(awk '/^7\. So that files an editor leaves/ { f = 1 }
            f && /^   ```$/ { if (++n == 2) exit; next }
            n == 1 { sub(/^   /, ""); print }' "$SRC/README.md") ||
    fail "the README's ignore patterns for the front desk are not those of the kiosk's .stignore"
log "devices: desk ${ID[desk]:0:7}, kiosk ${ID[kiosk]:0:7}, lobby2 ${ID[lobby2]:0:7}"

# --- (a) nothing leaves the machine ---------------------------------------
# off NAME: instance NAME's options have everything that could reach beyond
# this machine off, and every address it has is its loopback one.
off() {
    api "$1" GET /rest/config | python3 -c '
import json, sys
d, port, gui = json.load(sys.stdin), sys.argv[1], sys.argv[2]
o, bad = d["options"], []
for k in ("globalAnnounceEnabled", "localAnnounceEnabled", "relaysEnabled",
          "natEnabled", "crashReportingEnabled", "startBrowser"):
    if o[k] is not False: bad.append(k + " is on")
if o["urAccepted"] != -1: bad.append("usage reports not declined")
if o["autoUpgradeIntervalH"] != 0: bad.append("upgrade checks are on")
if o["listenAddresses"] != ["tcp://127.0.0.1:" + port]:
    bad.append("listens at %s" % o["listenAddresses"])
if d["gui"]["address"] != gui: bad.append("web page at " + d["gui"]["address"])
for dev in d["devices"]:
    for a in dev["addresses"]:
        if a != "dynamic" and not a.startswith("tcp://127.0.0.1:"):
            bad.append("device %s at %s" % (dev["name"], a))
print("; ".join(bad))
sys.exit(1 if bad else 0)' "${PORT[$1]}" "${GUI[$1]}"
}
for n in $NAMES; do
    why=$(off "$n") || fail "syncthing $n could reach beyond this machine: $why"
done
log "(a) config: no discovery, relays, NAT, reports or upgrades; loopback only"

# --- first sync: the kiosk's folder reaches the desk and lobby2 -----------
wait_for 120000 test -s "${DIR[desk]}/90-desk.md" ||
    fail "the kiosk's content never reached the desk: $(tail -5 "$TMP/st-desk.log")"
wait_for 120000 test -s "${DIR[lobby2]}/90-desk.md" || fail "the content never reached lobby2"
wait_for 120000 grep -q "On screen" "${DIR[desk]}/STATUS.txt" ||
    fail "the kiosk's STATUS.txt never reached the desk"
log "first sync, from the first share, in $(( $(now_ms) - t )) ms"

# Every Syncthing socket is on loopback (TCP and UDP, listening or not).
for n in $NAMES; do
    # syncthing serve runs itself again as a child, which holds the sockets.
    pids=$(pgrep -P "${PID[$n]}" | sed 's/.*/pid=&,/' | paste -sd'|')
    ss -Htunap | grep -E "pid=${PID[$n]},${pids:+|$pids}" >"$TMP/ss-$n" || true
    [ -s "$TMP/ss-$n" ] || fail "no sockets seen for syncthing $n (ss cannot see them?)"
    ! awk '{ print $5, $6 }' "$TMP/ss-$n" | tr ' ' '\n' |
        grep -v -e '^127\.0\.0\.1:' -e '^\[::ffff:127\.0\.0\.1\]:' -e '^0\.0\.0\.0:\*$' \
                -e '^\*$' -e '^\[::\]:\*$' ||
        fail "syncthing $n has a socket beyond loopback: $(cat "$TMP/ss-$n")"
done
log "(a) sockets: loopback only"

# --- (b) an edit at the desk reaches the screen ---------------------------
# desk_write FILE TEXT: saved at the desk the way editors do: a temporary
# file, renamed over the old one.
desk_write() {
    printf '%b' "$2" >"${DIR[desk]}/.$1.tmp"
    mv "${DIR[desk]}/.$1.tmp" "${DIR[desk]}/$1"
}

times=()
for title in "Sunrise Terrace" "Lantern Courtyard" "Meadow Pavilion"; do
    n=$(swaps); t=$(now_ms)
    desk_write 90-desk.md "# $title\n\nWelcome from the front desk.\n"
    wait_for 90000 swapped_past "$n" ||
        fail "the desk's edit \"$title\" never reached the screen: $(tail -5 "$TMP/kiosk.err")"
    ms=$(( $(now_ms) - t ))
    read -r w1 w2 <<<"$(echo "$title" | tr '[:upper:]' '[:lower:]')"
    wait_for 20000 shows "$w1" "$w2" || fail "\"$title\" is not on screen: $(cat "$TMP/ocr.txt")"
    times+=("$ms")
    log "(b) desk edit \"$title\" on screen after $ms ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
log "(b) edit at the desk to the kiosk's screen: median $median ms (${times[*]})"
wait_for 60000 grep -q "Meadow Pavilion" "${DIR[lobby2]}/90-desk.md" ||
    fail "the desk's edit never reached lobby2"

# --- (c) big topics: every load saw each of them all or not at all -------
# Four topics of 201 cards, about 200 KB each (two of Syncthing's blocks),
# received slowly (40 KiB/s, the kiosk's limit applied on the LAN too), so
# they spend seconds in Syncthing's temporary files; the kiosk is told to
# reload (SIGHUP) again and again meanwhile.
cards0=$(grep "kiosk: read " "$TMP/kiosk.err" | tail -1 | sed 's/.* topics, \([0-9]*\) cards.*/\1/')
{
    printf '# Long Read\n\nOpening words.\n'
    for i in $(seq 200); do
        printf '\n## Card %d\n\n' "$i"
        for _ in $(seq 26); do printf 'Warm stones and quiet water for tired legs. '; done
        printf '\n'
    done
} >"$TMP/long.md"
size=$(stat -c %s "$TMP/long.md")
if [ "$size" -le $((128 * 1024)) ] || [ "$size" -ge $((256 * 1024)) ]; then
    fail "the long topic is $size bytes: not two Syncthing blocks within the kiosk's limit"
fi
api kiosk PATCH /rest/config/options '{"limitBandwidthInLan": true}' >/dev/null
api kiosk PATCH "/rest/config/devices/${ID[desk]}" '{"maxRecvKbps": 40}' >/dev/null
n=$(loads); t=$(now_ms)
for k in 1 2 3 4; do
    cp "$TMP/long.md" "${DIR[desk]}/.9$k-long.md.tmp"
    mv "${DIR[desk]}/.9$k-long.md.tmp" "${DIR[desk]}/9$k-long.md"
done
cards1=$((cards0 + 4 * 201))
hups=0 arrived=0
until [ "$arrived" = 4 ]; do
    [ $(( $(now_ms) - t )) -lt 180000 ] || fail "the long topics never all reached the kiosk's folder"
    if compgen -G "$C/.syncthing.9?-long.md.tmp" >/dev/null; then
        kill -HUP "$KIOSK_PID"
        hups=$((hups + 1))
        wait_for 5000 loaded_past $((n + hups - 1)) || true
    fi
    sleep 0.2
    arrived=$( (compgen -G "$C/9?-long.md" || true) | wc -l)
done
api kiosk PATCH "/rest/config/devices/${ID[desk]}" '{"maxRecvKbps": 0}' >/dev/null
[ "$hups" -ge 2 ] || fail "only $hups reloads while Syncthing's temporary files were there (2 wanted)"
loaded_cards() { grep "kiosk: read " "$TMP/kiosk.err" | tail -1 | grep -q " $cards1 cards"; }
wait_for 90000 loaded_cards || fail "the long topics never loaded whole: $(grep 'kiosk: read' "$TMP/kiosk.err" | tail -3)"
log "(c) 4 x $size bytes at the desk all loaded by the kiosk after $(( $(now_ms) - t )) ms;" \
    "$hups reloads while they were arriving"
# shown_cards N: the last content put on screen had N cards.
shown_cards() { grep "new content on screen" "$TMP/kiosk.err" | tail -1 | grep -q " $1 cards$"; }
wait_for 60000 shown_cards "$cards1" || fail "the long topics never went on screen"
# Every load since: the cards before plus 201 for each long topic in whole;
# a topic read in part would be off that step.
grep "kiosk: read " "$TMP/kiosk.err" | tail -n +"$((n + 1))" |
    sed 's/.* topics, \([0-9]*\) cards.*/\1/' >"$TMP/cards"
while read -r c; do
    if [ $(( (c - cards0) % 201 )) != 0 ] || [ "$c" -lt "$cards0" ] || [ "$c" -gt "$cards1" ]; then
        fail "a load saw part of a long topic: $c cards ($cards0 + 201 per topic expected): $(tr '\n' ' ' <"$TMP/cards")"
    fi
done <"$TMP/cards"
log "(c) loads saw $(sort -un "$TMP/cards" | tr '\n' ' ')cards: never part of a topic"
# Brought in by Syncthing: group staff may edit them, as the unit's umask means.
[ "$(stat -c %a "$C/91-long.md")" = 660 ] ||
    fail "Syncthing made 91-long.md mode $(stat -c %a "$C/91-long.md") at the kiosk, not 660"
# Deleted at the desk, gone from the screen.
rm "${DIR[desk]}"/9?-long.md
wait_for 90000 shown_cards "$cards0" || fail "the long topics deleted at the desk are still on screen"
log "(c) deleted at the desk: gone from the screen"

# --- (d) a broken edit at the desk ----------------------------------------
n=$(swaps); t=$(now_ms)
desk_write 90-desk.md "# Broken Harbour\n\nWelcome from the front desk.\nCaf\\xe9 au lait.\n"
wait_for 90000 grep -q '^90-desk.md:4: ' "${DIR[desk]}/STATUS.txt" ||
    fail "the kiosk's STATUS.txt naming 90-desk.md:4 never reached the desk: $(cat "${DIR[desk]}/STATUS.txt")"
log "(d) STATUS.txt with 90-desk.md:4 at the desk $(( $(now_ms) - t )) ms after the save"
grep -q "last good content" "${DIR[desk]}/STATUS.txt" || fail "STATUS.txt does not say the last good content is shown"
shows "meadow" "pavilion" || fail "the last good title is not on screen: $(cat "$TMP/ocr.txt")"
! shows "harbour" || fail "the broken edit's title is on screen"
[ "$(swaps)" -eq "$n" ] || fail "new content went on screen after a broken edit"
cp "${DIR[desk]}/STATUS.txt" "$TMP/status-broken.txt"
log "(d) last good still on screen; the desk's STATUS.txt:"
sed 's/^/      | /' "$TMP/status-broken.txt"
n=$(swaps)
desk_write 90-desk.md "# Harbour Lights\n\nWelcome from the front desk.\n"
wait_for 90000 swapped_past "$n" || fail "the fix never reached the screen"
wait_for 90000 grep -q "No problems found" "${DIR[desk]}/STATUS.txt" ||
    fail "the fixed STATUS.txt never reached the desk"
log "(d) fixed at the desk: on screen, STATUS.txt clean at the desk"

# --- (e) a conflict: both sides edit while apart --------------------------
file=20-symptoms.md
api desk POST "/rest/system/pause?device=${ID[kiosk]}" >/dev/null
wait_for 30000 apart desk "${ID[kiosk]}" || fail "the desk did not pause the kiosk"
# The desk's edit is the older one: Syncthing keeps the newer, and renames
# the older to a conflict copy (named after the device that found the
# conflict).
sed -i '1s/.*/# Symptoms From The Desk/' "${DIR[desk]}/$file"
touch -d '-2 minutes' "${DIR[desk]}/$file"
sed -i '1s/.*/# Symptoms From The Kiosk/' "$C/$file"
api desk POST "/rest/db/scan?folder=$FOLDER&sub=$file" >/dev/null
api kiosk POST "/rest/db/scan?folder=$FOLDER&sub=$file" >/dev/null
api desk POST "/rest/system/resume?device=${ID[kiosk]}" >/dev/null
conflict_in() { compgen -G "$1/20-symptoms.sync-conflict-*.md" >/dev/null; }
wait_for 120000 conflict_in "$C" || fail "no conflict copy at the kiosk: $(ls -a "$C")"
wait_for 120000 conflict_in "${DIR[desk]}" || fail "no conflict copy at the desk"
copy=$(basename "$(compgen -G "$C/20-symptoms.sync-conflict-*.md")")
log "(e) conflict copy: $copy"
case "$copy" in
    20-symptoms.sync-conflict-[0-9]*-[0-9]*-"${ID[desk]:0:7}".md) ;;
    20-symptoms.sync-conflict-[0-9]*-[0-9]*-"${ID[kiosk]:0:7}".md) ;;
    *) fail "the conflict copy $copy is not named after the desk or the kiosk" ;;
esac
grep -q "From The Desk" "$C/$copy" || fail "the conflict copy is not the desk's older edit"
grep -q "From The Kiosk" "$C/$file" || fail "the newer edit did not win"
wait_for 90000 grep -q "^$copy: not shown: a copy Syncthing kept because $file" "$C/STATUS.txt" ||
    fail "the kiosk's STATUS.txt does not mention $copy: $(cat "$C/STATUS.txt")"
wait_for 90000 grep -q "^$copy: .*delete this copy" "${DIR[desk]}/STATUS.txt" ||
    fail "the desk's STATUS.txt does not mention $copy"
grep -q "the content of this folder, as it is now" "${DIR[desk]}/STATUS.txt" ||
    fail "a conflict copy stopped the content from showing"
"$KIOSK" --check --content "${DIR[desk]}" >"$TMP/check.txt" ||
    fail "--check fails with a conflict copy: $(cat "$TMP/check.txt")"
grep -q "^$copy: not shown" "$TMP/check.txt" || fail "--check does not mention $copy"
topics=$(tail -1 "$TMP/check.txt" | sed 's/.*: \([0-9]*\) topics.*/\1/')
files=$(cd "${DIR[desk]}" && compgen -G '[0-9]*-*.md' | grep -vc 'sync-conflict')
[ "$topics" = "$files" ] ||
    fail "--check read the conflict copy as a topic: $(tail -1 "$TMP/check.txt")"
log "(e) STATUS.txt at the desk:"
grep "^$copy" "${DIR[desk]}/STATUS.txt" | sed 's/^/      | /'
cp "${DIR[desk]}/STATUS.txt" "$TMP/status-conflict.txt"

# --- (f) Syncthing's files never reached the kiosk's log ------------------
! grep -e '\.syncthing\.' -e '~syncthing~' -e '\.tmp' -e '\.st\(folder\|versions\|ignore\)' \
    "$TMP/kiosk.err" ||
    fail "the kiosk's log mentions Syncthing's files"
# lobby2 keeps its own STATUS.txt: none came, none went, no conflict copy of it.
[ ! -e "${DIR[lobby2]}/STATUS.txt" ] || fail "lobby2 received the kiosk's STATUS.txt"
! compgen -G "${DIR[desk]}/STATUS.sync-conflict-*" >/dev/null || fail "STATUS.txt conflicted"
stop_kiosk
echo "ok: syncthing on loopback; desk edit to screen median $median ms; broken edit reported back; conflict $copy reported"
