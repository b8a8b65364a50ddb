#!/bin/bash
# run.sh [seconds] — builds the content parser's libFuzzer harness with clang
# (ASan + UBSan, its own build folder) and runs it for a bounded time
# (default 60 s), seeded from the bundled content/. A crash leaves its input
# as build-fuzz/crash-* and fails this script.
#   KIOSK_FUZZ_DIR  build folder (default build-fuzz in the source tree)
set -euo pipefail
secs=${1:-60}
src=$(cd "$(dirname "$0")/../.." && pwd)
out=${KIOSK_FUZZ_DIR:-$src/build-fuzz}
mkdir -p "$out/corpus" "$out/seeds"

# shellcheck disable=SC2046 # pkg-config prints a list of flags
clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer \
    -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DKIOSK_VERSION='"fuzz"' \
    -I"$src/src/core" "$src/tests/fuzz/fuzz_content.c" \
    "$src/src/core/arena.c" "$src/src/core/status.c" "$src/src/core"/content*.c \
    "$src/src/core/contrast.c" "$src/src/core/qr.c" \
    $(pkg-config --cflags --libs md4c inih libqrencode) -lm -o "$out/fuzz_content"

# Seeds: kiosk.ini with each topic, and each pair of topics (the FAQ and
# reviews under their own names), with the bundled image.
sep=$'\n@@@@\n'
content=$src/content
image=$(find "$content/images" -type f \( -name '*.png' -o -name '*.jpg' \) 2>/dev/null | head -n 1)
seed() {   # flag first second name
    {
        printf '%b' "\\x$1"
        cat "$content/kiosk.ini"
        printf '%s' "$sep"
        cat "$2"
        printf '%s' "$sep"
        cat "$3"
        printf '%s' "$sep"
        if [ -n "$image" ]; then cat "$image"; fi
    } >"$out/seeds/$4"
}
prev=""
for t in "$content"/[0-9]*.md; do
    name=$(basename "$t" .md)
    case "$name" in
        *-faq) seed 01 "$t" "$t" "$name" ;;
        *-reviews) seed 02 "$t" "$t" "$name" ;;
        *) seed 00 "$t" "${prev:-$t}" "$name" ;;
    esac
    prev=$t
done

echo "fuzzing the content parse for $secs s (corpus in $out/corpus)"
"$out/fuzz_content" -max_total_time="$secs" -max_len=300000 -timeout=5 \
    -rss_limit_mb=1024 -dict="$src/tests/fuzz/content.dict" \
    -artifact_prefix="$out/" -print_final_stats=1 "$out/corpus" "$out/seeds"
