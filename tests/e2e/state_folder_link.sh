#!/bin/bash
# state_folder_link.sh — issue 12: the state folder given as a link to a
# folder (/var/lib/kiosk/state -> /data/kiosk-state) saves the last good copy
# through the link: STATE/last-good appears after the first frame, is
# replaced after an edit, nothing in the log or STATUS.txt says a save
# failed, and a start with broken content brings it back.
# Args: kiosk-binary source-dir.
set -euo pipefail
KIOSK=${1:?usage: state_folder_link.sh kiosk-binary source-dir}
SRC=${2:?usage: state_folder_link.sh kiosk-binary source-dir}
. "$SRC/tests/e2e/live_lib.bash"
setup
ini_loop_slow
topic=10-runners-knee.md
mkdir "$TMP/data-state"
ln -s data-state "$S"

no_failure() {
    ! grep -qi "backup copy\|could not be saved\|SD card" "$C/STATUS.txt" "$TMP/kiosk.err" ||
        fail "a save failed: $(grep -hi "backup copy" "$C/STATUS.txt" "$TMP/kiosk.err")"
}
stamp_is_not() { [ -f "$S/last-good/.saved-at" ] && [ "$(cat "$S/last-good/.saved-at")" != "$1" ]; }

start_kiosk
wait_for 10000 test -f "$TMP/data-state/last-good/kiosk.ini" ||
    fail "no last good copy in the linked state folder: $(cat "$C/STATUS.txt")"
[ -L "$S" ] || fail "the state folder link was replaced"
first=$(cat "$S/last-good/.saved-at")
log "saved through the link at $first"
no_failure

# An edit saves again (the stamp has seconds: wait until it can differ).
new_second() { [ "$(date '+%S')" != "${first: -2}" ]; }
wait_for 3000 new_second || true
n=$(swaps)
set_title $topic "Linked State Walk"
wait_for 5000 swapped_past "$n" || fail "the edit was not taken: $(tail -5 "$TMP/kiosk.err")"
wait_for 5000 stamp_is_not "$first" ||
    fail "the edit was not saved: $(cat "$C/STATUS.txt")"
grep -q "Linked State Walk" "$TMP/data-state/last-good/$topic" || fail "the saved copy is not the edit"
{ [ ! -e "$S/.previous" ] && [ ! -e "$S/.incoming" ]; } || fail "litter left in the state folder"
no_failure
log "edit saved again through the link"
stop_kiosk

# Broken content at the start: the copy behind the link comes back.
sed -i '3s/.*/Caf\xe9 again./' "$C/$topic"
start_kiosk
grep -q "last good content" "$C/STATUS.txt" ||
    fail "with broken content the last good copy is not shown: $(cat "$C/STATUS.txt")"
stop_kiosk
echo "ok: state folder as a link: saved, replaced, brought back"
