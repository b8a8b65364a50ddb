#!/bin/bash
# loader.sh — the loader worker (src/platform/loader.c) on real folders, built
# with ASan and UBSan against the core sources: good content is handed over
# and saved as the last good copy, broken content is handed over but never
# saved, a burst of requests ends with the newest, stopping leaks nothing.
# Args: kiosk-binary source-dir (the binary is not used here).
set -euo pipefail
src=${2:?usage: loader.sh kiosk-binary source-dir}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck disable=SC2046 # pkg-config prints a list of flags
"${CC:-cc}" -std=c11 -Wall -Wextra -Wno-unused-parameter -g -fsanitize=address,undefined \
    -fno-sanitize-recover=undefined -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    -I"$src/src" -I"$src/src/core" "$src/tests/e2e/loader_driver.c" \
    "$src/src/platform/loader.c" "$src/src/core/arena.c" "$src/src/core/lastgood.c" \
    "$src/src/core/lastgood_posix.c" "$src/src/core/fs_posix.c" "$src/src/core/fs_durable.c" "$src/src/core"/content*.c \
    "$src/src/core/contrast.c" "$src/src/core/qr.c" \
    $(pkg-config --cflags --libs md4c inih libqrencode) -lm -pthread -o "$tmp/driver"

cp -R "$src/content" "$tmp/good"
cp -R "$src/content" "$tmp/broken"
printf 'no title line\n' >"$tmp/broken/20-symptoms.md"
ASAN_OPTIONS=detect_leaks=1 "$tmp/driver" "$tmp/good" "$tmp/broken" "$tmp/state"
