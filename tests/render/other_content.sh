#!/bin/bash
# other_content.sh — a different content folder (other topics, other titles,
# another palette, a picture) renders with no change to the program.
# Args: path-to-kiosk source-dir
set -eu
kiosk=$1 src=$2
. "$src/tests/render/lib.bash"
need identify convert tesseract iconv

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/content/images"
convert -size 3000x2000 gradient:'#6b8f71-#f2e8cf' "$dir/content/images/garden.jpg"
cat > "$dir/content/kiosk.ini" <<'INI'
[spa]
name = Juniper Bathhouse
phone = (555) 010-2030

[colours]
ground      = #2b1d2e
surface     = #3f2b43
text        = #fbf3ea
muted       = #dccfc2
accent      = #f0b68a
accent_text = #2b1d2e

[labels]
tap_cue      = Tap anywhere to begin
menu_title   = Choose a subject
back         = Return
home         = Start
next         = Onward
previous     = Before
idle_notice  = Back to the beginning soon. Tap to stay here.
position     = {n} of {total}
phone_prefix = Phone
continued    = more
INI
cat > "$dir/content/10-hot-springs.md" <<'MD'
# Hot Springs

Our pools are fed by a spring that rises at body temperature.

## Opening Times

Every day from seven in the morning until ten at night.

## Garden Pavilion

![A garden path between pools](images/garden.jpg)

Quiet pavilion beside the cedar garden.
MD
cat > "$dir/content/20-faq.md" <<'MD'
# Questions

## Do I need a towel?

No. Towels and robes are waiting in the changing rooms.
MD
cat > "$dir/content/30-reviews.md" <<'MD'
# Guests Say

## Marguerite L. · 2 March 2024

> Warm water, cold air, and nobody in a hurry. Perfect.
MD

"$kiosk" --check --content "$dir/content" >/dev/null || fail "kiosk --check found errors in the test content"
"$kiosk" --render "$dir/out" --size 800x480 --content "$dir/content" >/dev/null ||
    fail "kiosk --render of another folder exited with $?"
check_pngs "$dir/out" 800 480
for f in menu.png hot-springs-01.png hot-springs-03.png faq-01.png reviews-01.png loop-01.png; do
    [ -f "$dir/out/$f" ] || fail "$f was not written"
done
grep -q "Hot Springs" "$dir/out/screens.tsv" || fail "screens.tsv does not name the new titles"
# The words on the buttons come from this kiosk.ini, not from the program.
# Each button is read alone (cut out where boxes.tsv says it is): the whole
# card read as a page loses a short word on an accent button. Home ("Start")
# shows only where it goes further than Back: on the FAQ, which has a
# contents screen; on Hot Springs (three cards) Back alone leads to the menu.
button_says() {   # PNG BUTTON WORD
    local x y w h
    read -r x y w h < <(awk -F'\t' -v p="$1" -v b="$2" '$1 == p && $2 == b { print $4, $5, $6, $7 }' \
                        "$dir/out/boxes.tsv")
    [ -n "${h:-}" ] || fail "$1 has no $2 button"
    convert "$dir/out/$1" -crop "${w}x$h+$x+$y" +repage "$dir/button.png"
    ocr_has "$dir/button.png" "$3" || fail "$2 on $1 does not say \"$3\" from this folder's labels"
}
button_says hot-springs-02.png previous Before
button_says hot-springs-02.png back Return
button_says hot-springs-02.png next Onward
button_says faq-01.png home Start
! grep -q "^hot-springs-02.png	home" "$dir/out/boxes.tsv" ||
    fail "Hot Springs has no contents screen, yet shows Home beside Back (both lead to the menu)"
[ -f "$dir/out/faq-contents-01.png" ] || fail "the FAQ has no contents screen"
ocr_has "$dir/out/loop-01.png" "Tap anywhere to begin" || fail "the loop does not show this folder's cue"
ocr_all "$dir/out"
"$kiosk" --render "$dir/tall" --size 720x1280 --content "$dir/content" >/dev/null ||
    fail "kiosk --render of another folder at 720x1280 exited with $?"
check_pngs "$dir/tall" 720 1280
