# lib.bash — helpers the render tests share (sourced; not *.sh, so CMake does
# not take it for a test).

fail() { echo "FAIL: $*" >&2; exit 1; }

need() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
    done
}

# Lower-case words of three letters or more, accents and punctuation gone, one
# a line: what OCR can be expected to read back of a title.
words() {
    printf '%s\n' "$1" | iconv -f UTF-8 -t ASCII//TRANSLIT 2>/dev/null |
        tr 'A-Z' 'a-z' | tr -c 'a-z\n' ' ' | tr ' ' '\n' | awk 'length($0) >= 3'
}

# ocr_has PNG TITLE: most of the title's words are read back from the PNG.
# Light text on a dark ground: grey and negated, tesseract reads it as print.
# At most one word in four may be misread (and at least one must be found).
ocr_has() {
    local png=$1 title=$2 text total found w
    text=$(convert "$png" -colorspace Gray -negate png:- |
           OMP_THREAD_LIMIT=1 tesseract - - --psm 3 2>/dev/null |
           iconv -f UTF-8 -t ASCII//TRANSLIT 2>/dev/null |
           tr 'A-Z' 'a-z' | tr -c 'a-z' ' ')
    total=0 found=0
    for w in $(words "$title"); do
        total=$((total + 1))
        case " $text " in
            *"$w"*) found=$((found + 1)) ;;
        esac
    done
    [ "$total" -eq 0 ] && return 0
    [ "$found" -ge 1 ] && [ $((found * 4)) -ge $((total * 3)) ] && return 0
    echo "  OCR of $png found $found of $total words of \"$title\"; it read:" >&2
    printf '%s\n' "$text" | tr -s ' ' | cut -c1-300 >&2
    return 1
}

# check_pngs DIR W H: every PNG listed in DIR/screens.tsv exists, is W x H
# and is not blank (a screen of a few flat colours means nothing drew).
check_pngs() {
    local dir=$1 w=$2 h=$3 n bad
    [ -s "$dir/screens.tsv" ] || fail "$dir/screens.tsv is missing or empty"
    cut -f1 "$dir/screens.tsv" | sed "s|^|$dir/|" > "$dir/.list"
    n=$(wc -l < "$dir/.list")
    [ "$(ls "$dir"/*.png | wc -l)" -eq "$n" ] || fail "$dir has PNGs not in screens.tsv"
    while read -r f; do [ -f "$f" ] || fail "$f is listed but was not written"; done < "$dir/.list"
    # -ping reads only the header: the size, at once.
    bad=$(xargs identify -ping -format '%f %w %h\n' < "$dir/.list" | grep -v " $w $h\$" || true)
    [ -z "$bad" ] || fail "not ${w}x$h: $bad"
    # Colours counted on a reduced copy: same verdict, a fraction of the time.
    bad=$(xargs -P 2 -I{} convert {} -sample 480x480 -format '%f %k\n' info: < "$dir/.list" |
          awk '$2 <= 8' || true)
    [ -z "$bad" ] || fail "blank screens (name, colours): $bad"
    rm -f "$dir/.list"
    echo "ok: $n screens at ${w}x$h"
}

# ocr_all DIR: each screen's title is read back from its PNG, two at a time.
ocr_all() {
    local dir=$1 bad
    export -f ocr_has words
    bad=0
    while IFS="$(printf '\t')" read -r name title; do
        printf '%s\t%s\n' "$dir/$name" "$title"
    done < "$dir/screens.tsv" > "$dir/.ocr-jobs"
    # xargs runs the checks in parallel; each prints why it failed.
    if ! awk -F '\t' '{ printf "%s%c%s%c", $1, 0, $2, 0 }' "$dir/.ocr-jobs" |
        xargs -0 -n 2 -P 2 bash -c 'ocr_has "$0" "$1"'; then
        bad=1
    fi
    rm -f "$dir/.ocr-jobs"
    [ "$bad" -eq 0 ] || fail "some titles could not be read back from $dir"
    echo "ok: every title in $dir read back by OCR"
}
