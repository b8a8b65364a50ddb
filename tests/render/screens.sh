#!/bin/bash
# screens.sh — `kiosk --render` of the bundled content at the five supported
# sizes: every screen written, the size asked, not blank; and at 800x480 each
# screen's title read back by OCR (only there: tesseract is slow on big PNGs).
# Args: path-to-kiosk source-dir
set -eu
kiosk=$1 src=$2
. "$src/tests/render/lib.bash"
need identify convert tesseract iconv

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

sizes="800x480 720x1280 1280x800 1920x1080 3840x2160"
# Two sizes at a time: the test machine has two cores.
# shellcheck disable=SC2086 # one size a line
printf '%s\n' $sizes | xargs -P 2 -I{} "$kiosk" --render "$out/{}" --size {} \
    --content "$src/content" >/dev/null || fail "kiosk --render failed at some size"
for size in $sizes; do
    check_pngs "$out/$size" "${size%x*}" "${size#*x}"
done

# The loop, the menu and the calm screen for no content are all there.
for f in loop-01.png menu.png empty.png; do
    grep -q "^$f" "$out/800x480/screens.tsv" || fail "no $f"
done

# Each topic's first screen shows one of its file's own headings.
for f in "$src"/content/[0-9]*.md; do
    name=$(basename "$f" .md); name=${name#*-}
    title=$(grep "^$name-01.png" "$out/800x480/screens.tsv" | cut -f2)
    [ -n "$title" ] || fail "no screen for $f"
    grep -qxF -e "# $title" -e "## $title" "$f" ||
        grep -qF "## $title ·" "$f" || fail "$name-01.png shows \"$title\", not a heading of $f"
done

# The menu shows every topic's title on a tile.
for f in "$src"/content/[0-9]*.md; do
    ocr_has "$out/800x480/menu.png" "$(sed -n 's/^# //p' "$f" | head -1)" ||
        fail "the menu does not show the title of $f"
done

ocr_all "$out/800x480"
