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
# buttons SCREEN: the words on its buttons, each read alone from boxes.tsv's
# rectangle (light words on a dark button, or the reverse), one a line.
buttons() {
    local r neg
    for r in $(awk -F '\t' -v s="$1" '$1 == s && $2 != "entry" && $2 != "topic" {
                   print $6 "x" $7 "+" $4 "+" $5 }' "$dir/out/boxes.tsv"); do
        neg=-negate
        [ "$(convert "$dir/out/$1" -crop "$r" +repage -colorspace Gray \
             -format '%[fx:mean>0.5]' info:)" = 1 ] && neg=
        convert "$dir/out/$1" -crop "$r" +repage -colorspace Gray $neg -threshold 50% \
            -bordercolor white -border 20 -resize 200% png:- |
            OMP_THREAD_LIMIT=1 tesseract - - --psm 7 2>/dev/null
    done
}
# The words on the buttons come from this kiosk.ini, not from the program
# (Start, Home, only where Return goes elsewhere: to the FAQ's contents).
got=$(buttons hot-springs-02.png | tr -c 'A-Za-z\n' ' ')
for w in Before Return Onward; do
    grep -qw "$w" <<<"$got" || fail "the buttons do not show this folder's $w (read: $got)"
done
grep -qw Start <<<"$got" && fail "Start beside Return, which goes to the same menu"
got=$(buttons faq-01.png | tr -c 'A-Za-z\n' ' ')
for w in Return Start; do
    grep -qw "$w" <<<"$got" || fail "a FAQ card does not show this folder's $w (read: $got)"
done
[ -f "$dir/out/faq-contents-01.png" ] || fail "the FAQ has no contents screen"
ocr_has "$dir/out/loop-01.png" "Tap anywhere to begin" || fail "the loop does not show this folder's cue"
ocr_all "$dir/out"
"$kiosk" --render "$dir/tall" --size 720x1280 --content "$dir/content" >/dev/null ||
    fail "kiosk --render of another folder at 720x1280 exited with $?"
check_pngs "$dir/tall" 720 1280
