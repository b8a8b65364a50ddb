#!/bin/bash
# reload_same_text.sh — a file touched, or saved with the same text, is read
# again but is not news (issue 17): with errors on screen (only the valid
# topics shown, no last good copy ever) each touch used to log "new content
# on screen" and renew STATUS.txt's "Since". Now:
#  (a) with one topic broken from the start, three touches: three reads, no
#      "new content on screen", "Since" unchanged;
#  (b) an edit of a valid topic while the errors stay: announced and shown;
#  (c) the broken topic fixed (the folder good), then touched: not news.
# Args: kiosk-binary source-dir.
set -euo pipefail
KIOSK=${1:?usage: reload_same_text.sh kiosk-binary source-dir}
SRC=${2:?usage: reload_same_text.sh kiosk-binary source-dir}
. "$SRC/tests/e2e/live_lib.bash"
setup
ini_loop_slow
shown=10-runners-knee.md broken=20-symptoms.md
sed -i '3s/.*/Caf\xe9 au lait./' "$C/$broken"

since() { grep '^Since: ' "$C/STATUS.txt"; }

# touches WHAT: three touches of the broken file, each read; "Since" is as
# before (a stamp to the second, hence the second between touches).
touches() {
    local l s0 i
    s0=$(since)
    for i in 1 2 3; do
        l=$(loads)
        sleep 1.1
        touch "$C/$broken"
        wait_for 5000 loaded_past "$l" || fail "$1: touch $i was not read: $(tail -3 "$TMP/kiosk.err")"
    done
    [ "$(since)" = "$s0" ] || fail "$1: STATUS.txt's '$s0' became '$(since)'"
}

# only_one_swap_since N WHAT: the edit that followed the touches is the one
# swap since N (a touch's swap would have come before the edit's read).
only_one_swap_since() {
    [ "$(swaps)" -eq $(( $1 + 1 )) ] ||
        fail "$2: $(( $(swaps) - $1 - 1 )) times 'new content on screen' for three touches"
    log "$2: three touches read, not announced; $(since)"
}

start_kiosk
grep -q "only the topics of this folder that have no problems" "$C/STATUS.txt" ||
    fail "with one topic broken at the first start the valid ones are not shown: $(cat "$C/STATUS.txt")"
n=$(swaps)
touches "(a) errors on screen"
t=$(now_ms)
set_title $shown "Quiet Cedar Path"
ms=$(latency "$t" "$n") || fail "(b) an edit beside the errors was not taken: $(tail -3 "$TMP/kiosk.err")"
only_one_swap_since "$n" "(a) errors on screen"
wait_for 3000 shows "cedar" || fail "(b) the edit is not on screen: $(cat "$TMP/ocr.txt")"
grep -q "^$broken:3: " "$C/STATUS.txt" || fail "(b) STATUS.txt lost the broken line"
log "(b) edit beside the errors on screen after $ms ms"

n=$(swaps)
sed -i '3s/.*/Coffee for runners./' "$C/$broken"
wait_for 5000 swapped_past "$n" || fail "(c) the fix was not taken"
wait_for 3000 grep -q "No problems found" "$C/STATUS.txt" || fail "(c) STATUS.txt still lists problems"
n=$(swaps)
touches "(c) good content"
set_title $shown "Amber Stone Path"
wait_for 5000 swapped_past "$n" || fail "(c) the last edit was not taken"
only_one_swap_since "$n" "(c) good content"
stop_kiosk
echo "ok: the same text read again is not news; edits still are"
