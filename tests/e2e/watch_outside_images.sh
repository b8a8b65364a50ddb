#!/bin/bash
# watch_outside_images.sh — issue 12: a topic may show a picture from any
# folder of the content, not only images/, and the watcher must see it go.
# The real kiosk under Xvfb on a temporary copy of content/:
#  (a) a picture in photos/spa/ deleted while the kiosk runs: STATUS.txt
#      names it within 5 s (it said "No problems found" for good);
#  (b) the same with a folder tree made while the kiosk runs;
#  (c) more folders than KIOSK_MAX_WATCHED_FOLDERS (1024): STATUS.txt says in
#      a plain line that changes in some folders are not noticed; the line
#      goes once the folders are gone.
# Args: kiosk-binary source-dir.
set -euo pipefail
KIOSK=${1:?usage: watch_outside_images.sh kiosk-binary source-dir}
SRC=${2:?usage: watch_outside_images.sh kiosk-binary source-dir}
. "$SRC/tests/e2e/live_lib.bash"
setup
ini_loop_slow
topic=60-massage-types.md

# show_picture REL: the topic's picture is REL (copied there first).
show_picture() {
    mkdir -p "$(dirname "$C/$1")"
    cp "$SRC/content/images/evening-calm.jpg" "$C/$1"
    sed -i "s#](\([^)]*\.jpg\))#]($1)#" "$C/$topic"
    grep -q "]($1)" "$C/$topic" || fail "the topic does not show $1"
}
status_has() { grep -q -- "$1" "$C/STATUS.txt"; }
status_lacks() { ! grep -q -- "$1" "$C/STATUS.txt"; }

# deleted_is_named REL: REL deleted, STATUS.txt names it within 5 s.
deleted_is_named() {
    local t
    t=$(now_ms)
    rm "$C/$1"
    wait_for 5000 status_has "$1" ||
        fail "$1 deleted, STATUS.txt does not name it after 5 s: $(cat "$C/STATUS.txt")"
    log "deleted $1: named in STATUS.txt after $(( $(now_ms) - t )) ms"
}

# (a) a picture outside images/, there at the start
show_picture photos/spa/calm.jpg
start_kiosk
wait_for 5000 status_has "No problems found" ||
    fail "the content with photos/spa/calm.jpg has problems: $(cat "$C/STATUS.txt")"
deleted_is_named photos/spa/calm.jpg

# (b) a folder tree made while the kiosk runs
show_picture gallery/a/b/calm.jpg
wait_for 5000 status_has "No problems found" ||
    fail "gallery/a/b/calm.jpg is not taken: $(cat "$C/STATUS.txt")"
deleted_is_named gallery/a/b/calm.jpg
show_picture gallery/a/b/calm.jpg
wait_for 5000 status_has "No problems found" ||
    fail "gallery/a/b/calm.jpg put back is not taken: $(cat "$C/STATUS.txt")"

# (c) the bound on watched folders
mkdir "$C/many"
(cd "$C/many" && mkdir $(seq -f 'f%04g' 1 1100))
wait_for 10000 status_has "Watching for changes: .*more than 1024 folders" ||
    fail "1100 folders, STATUS.txt does not say some are not watched: $(cat "$C/STATUS.txt")"
log "(c) 1100 folders: $(grep "Watching for changes" "$C/STATUS.txt" | cut -c1-100)..."
rm -rf "$C/many"
wait_for 10000 status_lacks "Watching for changes" ||
    fail "the folders are gone, STATUS.txt still says some are not watched"
# Watched again: the picture deep in gallery/ is missed at once.
deleted_is_named gallery/a/b/calm.jpg
stop_kiosk
echo "ok: pictures outside images/ watched; the bound on folders said in STATUS.txt"
