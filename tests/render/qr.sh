#!/bin/bash
# qr.sh — the booking QR code read back from `kiosk --render` PNGs by
# zbarimg, the way a phone camera reads the screen: on every loop screen and
# on the booking card, at 800x480, 720x1280 and 1920x1080, it says exactly
# kiosk.ini's [booking] link, in English and in Spanish (whose booking card,
# matched by its order, has a heading of its own). Then the longest link allowed (a version-4
# code, the smallest modules) at 800x480, and no code at all once the link
# is switched off.
# Args: path-to-kiosk source-dir
set -eu
kiosk=$1 src=$2
. "$src/tests/render/lib.bash"
need zbarimg

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# The value of [booking] link in a kiosk.ini.
ini_link() {
    awk -F '=' '/^\[/ { sec = $0 } sec == "[booking]" && $1 ~ /^link *$/ {
        v = $2; for (i = 3; i <= NF; i++) v = v "=" $i
        gsub(/^[ \t]+|[ \t]+$/, "", v); print v }' "$1"
}

# decodes PNG: what zbarimg reads in it, one code a line ("" when none).
decodes() {
    zbarimg --quiet --raw --nodbus -Sdisable -Sqrcode.enable "$1" 2>/dev/null || true
}

# expect_code PNG LINK: the PNG holds exactly one code, saying LINK.
expect_code() {
    local got
    got=$(decodes "$1")
    [ "$got" = "$2" ] || fail "$1: read \"$got\", expected \"$2\""
}

# check_dir DIR LINK CARD: every loop screen and the pages of the card
# titled CARD read back as LINK; a topic screen of another card has no code.
check_dir() {
    local d=$1 link=$2 card=$3 n=0 name title
    while IFS="$(printf '\t')" read -r name title; do
        case "$name" in
            loop-*) expect_code "$d/$name" "$link"; n=$((n + 1)) ;;
            *) if [ "$title" = "$card" ]; then
                   expect_code "$d/$name" "$link"; n=$((n + 1))
               fi ;;
        esac
    done < "$d/screens.tsv"
    name=$(awk -F '\t' '$1 ~ /^symptoms-/ { print $1; exit }' "$d/screens.tsv")
    [ -n "$name" ] || fail "$d: no symptoms card to compare with"
    [ -z "$(decodes "$d/$name")" ] || fail "$d/$name: a code on a card that invites no booking"
    echo "ok: $n screens in $d read back as $link"
}

# check_translation DIR LANG LINK CARD: in DIR/LANG the first loop screen
# and the booking card, found by the English screen names (the same card,
# the same name), read back as LINK (each loop screen once is enough).
check_translation() {
    local d=$1 lang=$2 link=$3 card=$4 n=1 name title
    expect_code "$d/$lang/loop-01.png" "$link"
    while IFS="$(printf '\t')" read -r name title; do
        case "$name" in loop-*) continue ;; esac
        [ "$title" = "$card" ] || continue
        expect_code "$d/$lang/$name" "$link"
        n=$((n + 1))
    done < "$d/screens.tsv"
    [ "$n" -gt 1 ] || fail "$d/$lang: no booking card to read"
    echo "ok: $n screens in $d/$lang read back as $link"
}

link=$(ini_link "$src/content/kiosk.ini")
card=$(awk -F '=' '/^\[/ { sec = $0 } sec == "[booking]" && $1 ~ /^card *$/ {
    v = $2; gsub(/^[ \t]+|[ \t]+$/, "", v); print v }' "$src/content/kiosk.ini")
[ -n "$link" ] || fail "the bundled kiosk.ini has no [booking] link"
[ -n "$card" ] || fail "the bundled kiosk.ini has no [booking] card"
for size in 800x480 720x1280 1920x1080; do
    "$kiosk" --render "$dir/$size" --size "$size" --content "$src/content" --lang all \
        >/dev/null
    check_dir "$dir/$size" "$link" "$card"
    check_translation "$dir/$size" es "$link" "$card"
done

# The longest link --check lets through: 62 bytes, a version-4 code, drawn
# in 4 px modules on 800x480.
cp -R "$src/content" "$dir/long"
long="https://matrixspa.example/book-a-sports-massage-for-runners-kn"
[ "${#long}" -eq 62 ] || fail "the long link is ${#long} bytes, not 62"
sed -i "s|^link = .*|link = $long|" "$dir/long/kiosk.ini"
[ "$(ini_link "$dir/long/kiosk.ini")" = "$long" ] || fail "could not set the long link"
"$kiosk" --check --content "$dir/long" >/dev/null || fail "--check refuses a 62-byte link"
"$kiosk" --render "$dir/long/out" --size 800x480 --content "$dir/long" >/dev/null
expect_code "$dir/long/out/loop-01.png" "$long"
echo "ok: a 62-byte link reads back at 800x480"

# Link switched off: no code anywhere.
cp -R "$src/content" "$dir/off"
sed -i 's|^link = |;link = |' "$dir/off/kiosk.ini"
"$kiosk" --render "$dir/off/out" --size 800x480 --content "$dir/off" >/dev/null
for f in "$dir/off/out/loop-01.png" "$dir/off/out/massage-types-03.png"; do
    [ -z "$(decodes "$f")" ] || fail "$f: a code with no link set"
done
echo "ok: no link, no code"
