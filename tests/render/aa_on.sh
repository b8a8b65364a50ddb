#!/bin/bash
# aa_on.sh — the Aa button shows that large text is on (issue 15), in the
# pixels `kiosk --render` draws: at 800x480 and 1920x1080, on the menu and a
# card, without --large-text Aa is filled like Back (a plain key), with it
# Aa is filled otherwise than Back, Next and the ground (so a visitor sees
# what the tap did, and where to turn it off); its word reads on its fill
# at WCAG's 4.5:1 in both states (the extremes of the key's middle are the
# word's ink and the key's fill).
# Args: path-to-kiosk source-dir
set -eu
kiosk=$1 src=$2
. "$src/tests/render/lib.bash"
need convert

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# box DIR PNG ACTION: "x y w h" of the first box of ACTION on PNG.
box() {
    awk -F '\t' -v p="$2" -v a="$3" '$1 == p && $2 == a { print $4, $5, $6, $7; exit }' \
        "$1/boxes.tsv"
}

# pixel PNG X Y: the colour there as "r,g,b" (0-255).
pixel() {
    convert "$1" -format "%[fx:int(255*p{$2,$3}.r)],%[fx:int(255*p{$2,$3}.g)],%[fx:int(255*p{$2,$3}.b)]" info:
}

# fill PNG "x y w h": the key's fill, just inside its left edge at mid height
# (before the word, clear of the rounded corners).
fill() {
    local x y w h
    read -r x y w h <<< "$2"
    pixel "$1" $((x + 3)) $((y + h / 2))
}

# contrast PNG "x y w h": WCAG contrast of the darkest and the lightest
# colour in the key's middle (its word on its fill), two decimals.
contrast() {
    local x y w h
    read -r x y w h <<< "$2"
    convert "$1" -crop "$((w / 2))x$((h / 2))+$((x + w / 4))+$((y + h / 4))" +repage \
        -depth 8 -format %c histogram:info:- |
        sed -n 's/.*(\([0-9]*\),\([0-9]*\),\([0-9]*\).*/\1 \2 \3/p' |
        awk 'function lin(c) { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ^ 2.4 }
             { l = 0.2126 * lin($1) + 0.7152 * lin($2) + 0.0722 * lin($3)
               if (NR == 1 || l < lo) lo = l; if (NR == 1 || l > hi) hi = l }
             END { printf "%.2f", (hi + 0.05) / (lo + 0.05) }'
}

for size in 800x480 1920x1080; do
    for mode in off on; do
        d=$out/$size-$mode
        large=()
        [ "$mode" = off ] || large=(--large-text)
        "$kiosk" --render "$d" --size "$size" --content "$src/content" "${large[@]}" >/dev/null ||
            fail "--render at $size ($mode) failed"
        card=$(awk -F '\t' '$2 == "next" && $1 !~ /^(loop|menu)/ { print $1; exit }' "$d/boxes.tsv")
        [ -n "$card" ] || fail "$d: no card with Next"
        for png in menu.png "$card"; do
            aa=$(box "$d" "$png" large_text) back=$(box "$d" "$png" back)
            if [ -z "$aa" ] || [ -z "$back" ]; then fail "$size $png ($mode): no Aa or Back"; fi
            fa=$(fill "$d/$png" "$aa") fb=$(fill "$d/$png" "$back")
            ground=$(pixel "$d/$png" 2 2)
            c=$(contrast "$d/$png" "$aa")
            echo "$size $png Aa $mode: fill $fa (Back $fb, ground $ground), word on it $c:1"
            awk -v c="$c" 'BEGIN { exit !(c >= 4.5) }' ||
                fail "$size $png: Aa's word on its fill ($mode) has a contrast of $c:1"
            if [ "$mode" = off ]; then
                [ "$fa" = "$fb" ] || fail "$size $png: Aa off is not a plain key like Back"
            else
                if [ "$fa" = "$fb" ] || [ "$fa" = "$ground" ]; then
                    fail "$size $png: Aa on looks like Back or the ground ($fa)"
                fi
                nx=$(box "$d" "$png" next)
                [ -z "$nx" ] || [ "$fa" != "$(fill "$d/$png" "$nx")" ] ||
                    fail "$size $png: Aa on looks like Next"
            fi
        done
    done
done
echo "ok: Aa shows its state"
