#!/bin/bash
# usb_worker.sh — the USB import's worker thread (src/platform/usb_worker.c,
# usb_import.c) on real folders, built with ASan and UBSan against the core
# sources (tests/e2e/usb_worker_driver.c says what it checks): sticks of 60
# pictures, some 60 MB, staged as the stage step leaves them.
# Args: kiosk-binary source-dir (the binary is not used here).
set -euo pipefail
src=${2:?usage: usb_worker.sh kiosk-binary source-dir}
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck disable=SC2046 # pkg-config prints a list of flags
"${CC:-cc}" -std=c11 -Wall -Wextra -Wno-unused-parameter -g -fsanitize=address,undefined \
    -fno-sanitize-recover=undefined -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    -I"$src/src" -I"$src/src/core" "$src/tests/e2e/usb_worker_driver.c" \
    "$src/src/platform/usb_worker.c" "$src/src/platform/usb_import.c" \
    "$src/src/core/arena.c" "$src/src/core/fs_posix.c" "$src/src/core"/content*.c \
    "$src/src/core/contrast.c" "$src/src/core/qr.c" \
    $(pkg-config --cflags --libs md4c inih libqrencode) -lm -pthread -o "$tmp/driver"

# The kiosk's content (with staff's notes), and staged sticks: a good one,
# and three big ones (60 pictures of about 1 MB each).
cp -R "$src/content" "$tmp/content"
printf 'call the plumber\n' >"$tmp/content/notes.txt"
usb=$tmp/state/usb
mkdir -p "$usb"
stage() {   # NAME TITLE
    mkdir -p "$usb/$1"
    cp -R "$src/content/." "$usb/$1/"
    rm -f "$usb/$1/README.md" "$usb/$1/STATUS.txt"
    sed -i 's/^;pin *=.*/pin = 246810/' "$usb/$1/kiosk.ini"
    grep -q '^pin *=' "$usb/$1/kiosk.ini" || printf '\n[staff]\npin = 246810\n' >>"$usb/$1/kiosk.ini"
    sed -i "1s/.*/# $2/" "$usb/$1/10-runners-knee.md"
}
stage stick-good "Good stick"
stage stick-big1 "Big stick"
python3 "$src/tests/e2e/noise_pictures.py" "$usb/stick-big1/images" 60 1000 \
    "$usb/stick-big1/90-gallery.md"
cp -R "$usb/stick-big1" "$usb/stick-big2"
cp -R "$usb/stick-big1" "$usb/stick-big3"
echo "staged: $(du -sm "$usb/stick-big1" | cut -f1) MB per big stick"
ASAN_OPTIONS=detect_leaks=1 "$tmp/driver" "$tmp"
echo "ok: usb worker"
