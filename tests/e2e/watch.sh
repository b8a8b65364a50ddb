#!/bin/bash
# watch.sh — the content folder watcher (src/platform/watch.c) sees what staff
# do and ignores what they did not mean: edits in place, an editor's temp file
# renamed into place, images, the whole folder replaced, removed and made
# again; not STATUS.txt, dotfiles, editor leftovers or Syncthing's temporary
# files and folders. A file held open between two halves (as SFTP servers and
# upload tools write) is reloaded only once closed, unless open longer than
# the cap. No SDL, no kiosk.
# Args: kiosk-binary source-dir (the binary is not used here).
set -euo pipefail
src=${2:?usage: watch.sh kiosk-binary source-dir}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"${CC:-cc}" -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    -I"$src/src" "$src/tests/e2e/watch_driver.c" "$src/src/platform/watch.c" \
    -o "$tmp/driver"
mkdir "$tmp/root" "$tmp/root/content"
"$tmp/driver" "$tmp/root"
