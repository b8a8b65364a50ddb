#!/bin/bash
# spanish.sh — `kiosk --render OUT --lang all` also draws every translation
# of the content into OUT/<code>/, `--lang es` only the Spanish, and no
# --lang only the default language, as before. The bundled Spanish at
# 800x480 and 1920x1080: the same cards, none on more screens than its
# English one (the translation is written as short as the English),
# titles in Spanish and read back by OCR
# (tesseract has English data only and the words are compared without
# accents: that the accents are drawn was looked at by eye).
# Args: path-to-kiosk source-dir
set -eu
kiosk=$1 src=$2
. "$src/tests/render/lib.bash"
need identify convert tesseract iconv

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for size in 800x480 1920x1080; do
    w=${size%x*} h=${size#*x}
    "$kiosk" --render "$out/$size" --size "$size" --content "$src/content" --lang all \
        >/dev/null || fail "--render --lang all at $size failed"
    check_pngs "$out/$size/es" "$w" "$h"
    # The same cards in both languages, and no Spanish card on more screens
    # than its English one (a card's screens share its title in
    # screens.tsv). A contents screen may page differently: its rows are
    # the titles, and longer Spanish titles can need one screen more.
    cards() { grep -v -- '-contents-' "$1" | grep -E '^[a-z0-9-]+-[0-9]+\.png' |
        awk -F'\t' '{ split($1, n, /-[0-9]+\.png/); k = n[1] "\t" $2 }
                    k != last { if (NR > 1) print c; c = 0; last = k } { c++ }
                    END { print c }'; }
    longer=$(paste <(cards "$out/$size/screens.tsv") <(cards "$out/$size/es/screens.tsv") |
        awk -F'\t' 'NF != 2 || $2 > $1 { print NR }')
    [ "$(cards "$out/$size/screens.tsv" | wc -l)" = "$(cards "$out/$size/es/screens.tsv" | wc -l)" ] ||
        fail "the Spanish at $size has other cards than the English"
    [ -z "$longer" ] ||
        fail "Spanish cards at $size run onto more screens than the English (card numbers): $longer"
    # Spanish titles, not English ones, and the staff screens only once.
    grep -q "$(printf 'menu.png\t¿Qué le gustaría saber?')" "$out/$size/es/screens.tsv" ||
        fail "es/menu.png at $size does not have the Spanish menu title"
    grep -q "$(printf '\tDiagnóstico$')" "$out/$size/es/screens.tsv" ||
        fail "no Spanish topic title at $size"
    for f in "$out/$size/es"/staff*; do
        if [ -e "$f" ]; then fail "staff screens drawn in es/ too: $f"; fi
    done
    cmp -s "$out/$size/menu.png" "$out/$size/es/menu.png" &&
        fail "es/menu.png at $size is the English menu"
    # A sample read back: the menu and each topic's first card (at 800x480
    # only, as screens.sh: tesseract is slow on big PNGs).
    [ "$size" = 800x480 ] || continue
    grep -E '^(menu|[a-z-]+-01)\.png' "$out/$size/es/screens.tsv" > "$out/sample.tsv"
    mkdir -p "$out/sample-$size"
    while IFS="$(printf '\t')" read -r name _; do
        cp "$out/$size/es/$name" "$out/sample-$size/"
    done < "$out/sample.tsv"
    mv "$out/sample.tsv" "$out/sample-$size/screens.tsv"
    ocr_all "$out/sample-$size"
done
# --lang es: the same Spanish screens, into the folder given; no --lang:
# no translation drawn (the renders of every other test stay as they were).
"$kiosk" --render "$out/only-es" --lang es --content "$src/content" >/dev/null ||
    fail "--render --lang es failed"
cmp -s "$out/only-es/menu.png" "$out/800x480/es/menu.png" || fail "--lang es drew another menu"
diff "$out/only-es/screens.tsv" "$out/800x480/es/screens.tsv" >/dev/null ||
    fail "--lang es drew other screens than --lang all"
"$kiosk" --render "$out/plain" --content "$src/content" >/dev/null || fail "--render failed"
[ ! -e "$out/plain/es" ] || fail "--render without --lang drew the translation"
if "$kiosk" --render "$out/fr" --lang fr --content "$src/content" 2>"$out/fr.err"; then
    fail "--lang fr (no such translation) succeeded"
fi
grep -q "no translation fr" "$out/fr.err" || fail "--lang fr: $(cat "$out/fr.err")"
echo "ok: Spanish rendered beside English"
