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

# KIOSK_RENDER_SIZES: fewer sizes, for a kiosk run under emulation (tests/arm/run.sh).
sizes=${KIOSK_RENDER_SIZES:-"800x480 720x1280 1280x800 1920x1080 3840x2160"}
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

# The menu shows every topic's title on its tile: each tile read alone, from
# boxes.tsv (tiles side by side, a word beside a two-line title, confuse OCR
# of the whole screen: "Massage" read as "PW PESE"), its light words made
# black on white and doubled, as the touch tests read them.
t=0
for f in $(find "$src/content" -maxdepth 1 -name '[0-9]*.md' | sort); do
    r=$(awk -F '\t' -v t="$t" '$1 == "menu.png" && $2 == "topic" && $3 == t {
            print $6 "x" $7 "+" $4 "+" $5; exit }' "$out/800x480/boxes.tsv")
    [ -n "$r" ] || fail "no tile for $f in boxes.tsv"
    convert "$out/800x480/menu.png" -crop "$r" +repage -colorspace Gray -threshold 50% \
        -bordercolor black -border 20 -resize 200% "$out/tile.png"
    ocr_has "$out/tile.png" "$(sed -n 's/^# //p' "$f" | head -1)" ||
        fail "the menu does not show the title of $f"
    t=$((t + 1))
done

ocr_all "$out/800x480"
