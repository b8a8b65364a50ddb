# touch_lib.bash — helpers for the end-to-end touch tests (sourced; not *.sh,
# so CMake does not take it for a test): the real kiosk on an Xvfb screen,
# driven by xdotool, its screenshots matched against `kiosk --render` of the
# same content and size, and read back by OCR.
#
# Coordinates are layout pixels (what --render's boxes.tsv gives); tap and
# drag turn them through the kiosk's rotation to screen pixels, and shot turns
# the screenshot back, so a test reads the same at every rotation.

. "$SRC/tests/render/lib.bash"
. "$SRC/tests/e2e/pace.bash"

# The kiosk turns its picture clockwise by ROTATE on a SW x SH screen; the
# layout is LW x LH.
ROTATE=0 SW=0 SH=0 LW=0 LH=0
XVFB_PID='' KIOSK_PID='' T0=$SECONDS
# Screens are told apart first on small grey thumbnails (one awk pass over
# all of them), then confirmed at full size.
THUMB="-resize 80x48! -colorspace Gray -depth 8" THUMB_BYTES=3840

log() { printf '[%3ds] %s\n' $((SECONDS - T0)) "$*"; }

# Deadlines: how long a screen may take to come on a busy machine (a Pi 3
# always is; CI keeps both cores busy). A screen that is right comes at once;
# only a failing test waits this long.
WAIT_S=${TOUCH_WAIT_S:-15}

# Milliseconds of wall-clock time (bash's own clock: no process started).
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }

cleanup() {
    # Each step may fail (the process already gone): none may stop the rest.
    if [ -n "$KIOSK_PID" ]; then kill "$KIOSK_PID" 2>/dev/null || true; wait "$KIOSK_PID" 2>/dev/null || true; fi
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; fi
    if [ -n "${TOUCH_KEEP:-}" ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
    return 0
}

# use_test_input: KIOSK becomes kiosk_testinput, the kiosk's test twin that
# reads pretend finger events from the FIFO named by KIOSK_TEST_INPUT. It is
# built beside the kiosk with -DKIOSK_TEST_INPUT=ON (tests/run.sh does); the
# installed kiosk has no test input. SKIP without it.
use_test_input() {
    local twin
    twin=$(dirname "$KIOSK")/kiosk_testinput
    [ -x "$twin" ] || { echo "SKIP: $twin is not built (configure with -DKIOSK_TEST_INPUT=ON)"; exit 77; }
    KIOSK=$twin
}

# setup_tmp: a scratch folder, removed with everything started in it.
setup_tmp() {
    TMP=$(mktemp -d)
    trap cleanup EXIT
}

# start_x W H: an Xvfb screen on a free display (Xvfb picks it: -displayfd).
start_x() {
    SW=$1 SH=$2
    rm -f "$TMP/display"
    Xvfb -displayfd 3 -screen 0 "${SW}x${SH}x24" -nolisten tcp \
        3>"$TMP/display" >"$TMP/xvfb.log" 2>&1 &
    XVFB_PID=$!
    local i
    for i in $(seq 50); do
        [ -s "$TMP/display" ] && break
        sleep 0.1
    done
    [ -s "$TMP/display" ] || fail "Xvfb did not start: $(cat "$TMP/xvfb.log")"
    DISPLAY=":$(head -1 "$TMP/display")"
    export DISPLAY
    unset WAYLAND_DISPLAY
    export SDL_VIDEODRIVER=x11
}

# content_copy: the bundled content in $TMP/content, for ini_set to change.
content_copy() {
    rm -rf "$TMP/content"
    cp -r "$SRC/content" "$TMP/content"
}

# ini_set SECTION KEY VALUE: in the copy's kiosk.ini, adding the section or
# key when missing.
# walk_setup WxH: for a visitor's walk, a copy of the bundled content with
# no idle return and a loop card every 3 s, turned by ROTATE; X at WxH and
# the reference renders.
walk_setup() {
    setup_tmp
    content_copy
    ini_set kiosk idle_timeout 3600
    ini_set loop min_seconds 3
    ini_set loop max_seconds 3
    ini_set screen rotate "$ROTATE"
    start_x "${1%x*}" "${1#*x}"
    render_refs
}

ini_set() {
    local sec=$1 key=$2 val=$3 f=$TMP/content/kiosk.ini
    grep -q "^\[$sec\]" "$f" || printf '\n[%s]\n' "$sec" >> "$f"
    if sed -n "/^\[$sec\]/,/^\[/p" "$f" | grep -q "^$key *="; then
        sed -i "/^\[$sec\]/,/^\[/ s/^$key *=.*/$key = $val/" "$f"
    else
        sed -i "/^\[$sec\]/a $key = $val" "$f"
    fi
}

# every_day HOURS: [hours] of the content copy the same every day ("closed",
# "00:00-24:00").
every_day() {
    local d
    for d in monday tuesday wednesday thursday friday saturday sunday; do
        ini_set hours "$d" "$1"
    done
}

# black NAME: the brightest pixel of the shot NAME is black.
black() { [ "$(convert "$TMP/$1.png" -format '%[fx:maxima]' info:)" = 0 ]; }

# wait_dark TEXT NAME: the kiosk's log says TEXT, then the shot NAME is
# black, within WAIT_S in all. The log line first: Xvfb's root window is
# black too before the kiosk has drawn anything, so a black shot alone can
# come before the kiosk decided (seen under load: black at once, the line
# not yet written).
wait_dark() {
    local until=$((SECONDS + WAIT_S))
    until grep -q "$1" "$TMP/kiosk.log"; do
        alive
        [ $SECONDS -lt $until ] || fail "the log does not say \"$1\": $(cat "$TMP/kiosk.log")"
        sleep 0.2
    done
    until shot "$2" && black "$2"; do
        [ $SECONDS -lt $until ] || fail "outside opening hours the screen is not black"
        sleep 0.3
    done
}

# render_refs: --render of the test's content at the layout size, the
# screens a screenshot is matched against.
render_refs() {
    LW=$SW LH=$SH
    case $ROTATE in 90|270) LW=$SH LH=$SW ;; esac
    "$KIOSK" --render "$TMP/ref" --size "${LW}x$LH" --content "$TMP/content" >/dev/null ||
        fail "kiosk --render failed"
    rm -f "$TMP/ref.names" "$TMP/ref.thumbs"
    ref_thumbs .
}

# render_more DIR ARGS: more reference screens in $TMP/ref/DIR, drawn with
# --render ARGS (--lang es, --large-text, --notice; a later --content
# another folder); named DIR/<screen>, like es/menu.png.
render_more() {
    local dir=$1
    shift
    "$KIOSK" --render "$TMP/ref/$dir" --size "${LW}x$LH" --content "$TMP/content" "$@" \
        >/dev/null || fail "kiosk --render $* failed"
    ref_thumbs "$dir"
}

# ref_thumbs DIR: thumbnails of the reference screens in $TMP/ref/DIR (.:
# all), one line of grey levels each, added to those which_screen compares.
ref_thumbs() {
    local names
    mapfile -t names < <(cd "$TMP/ref" && find "$1" -name '*.png' | sed 's|^\./||' | sort)
    printf '%s\n' "${names[@]}" >> "$TMP/ref.names"
    # Forty at a time: ImageMagick holds every picture of one command in
    # memory, and hundreds (translations, large text) exhaust its cache.
    (cd "$TMP/ref" && printf '%s\0' "${names[@]}" |
        xargs -0 -n 40 sh -c "convert \"\$@\" $THUMB gray:-" thumbs) |
        od -An -v -tu1 -w$THUMB_BYTES >> "$TMP/ref.thumbs"
}

# stop_kiosk: ends the kiosk started last (to start it again on other settings).
stop_kiosk() {
    kill "$KIOSK_PID" 2>/dev/null || true
    wait "$KIOSK_PID" 2>/dev/null || true
    KIOSK_PID=''
}

# start_kiosk ARGS: fullscreen on the Xvfb screen; waits for its window.
start_kiosk() {
    # Emptied here, not by the redirection below: that happens in the child,
    # after the loop may already have read the last kiosk's "showing" line.
    : > "$TMP/kiosk.log"
    "$KIOSK" "$@" >"$TMP/kiosk.log" 2>&1 &
    KIOSK_PID=$!
    local i
    for i in $(seq $((WAIT_S * 10))); do
        grep -q "^kiosk: showing" "$TMP/kiosk.log" && break
        kill -0 "$KIOSK_PID" 2>/dev/null || fail "the kiosk ended: $(cat "$TMP/kiosk.log")"
        sleep 0.1
    done
    grep "^kiosk: showing" "$TMP/kiosk.log" || fail "the kiosk did not start"
}

alive() { kill -0 "$KIOSK_PID" 2>/dev/null || fail "the kiosk died: $(cat "$TMP/kiosk.log")"; }

# screen_xy LX LY: screen pixels of a layout point in SX SY (the kiosk's
# clockwise turn about the centre, as in platform_end_frame). No subshell:
# callers timing a gesture start no process.
screen_xy() {
    local x=$1 y=$2
    case $ROTATE in
        90) SX=$((SW - 1 - y)) SY=$x ;;
        180) SX=$((SW - 1 - x)) SY=$((SH - 1 - y)) ;;
        270) SX=$y SY=$((SH - 1 - x)) ;;
        *) SX=$x SY=$y ;;
    esac
}

# to_screen LX LY: prints screen_xy's "SX SY".
to_screen() { screen_xy "$1" "$2"; echo "$SX $SY"; }

tap() {
    alive
    pace_tap
    # shellcheck disable=SC2046
    xdotool mousemove $(to_screen "$1" "$2") click 1
}

# drag LX0 LY0 LX1 LY1: a finger pressed, moved in ten steps over ~0.3 s,
# lifted: a swipe. One xdotool for the whole drag: started once per step, on
# a busy machine the drag took longer than a swipe may (NAV_SWIPE_MAX_MS) and
# paged nothing.
drag() {
    local x0=$1 y0=$2 x1=$3 y1=$4 i steps=()
    alive
    for i in 1 2 3 4 5 6 7 8 9 10; do
        screen_xy $((x0 + (x1 - x0) * i / 10)) $((y0 + (y1 - y0) * i / 10))
        steps+=(sleep 0.03 mousemove "$SX" "$SY")
    done
    screen_xy "$x0" "$y0"
    xdotool mousemove "$SX" "$SY" mousedown 1 "${steps[@]}" mouseup 1
}

# ref_tsv SCREEN FILE: sets TSV to the FILE (boxes.tsv, screens.tsv) that
# lists SCREEN and NAME to SCREEN's name in it: es/menu.png is menu.png of
# $TMP/ref/es/.
ref_tsv() {
    TSV=$TMP/ref/$2 NAME=$1
    case $1 in */*) TSV=$TMP/ref/${1%/*}/$2 NAME=${1##*/} ;; esac
}

# box SCREEN ACTION [TOPIC]: "cx cy", the centre of that tap target on that
# screen of --render's boxes.tsv.
box() {
    local b
    ref_tsv "$1" boxes.tsv
    b=$(awk -F '\t' -v s="$NAME" -v a="$2" -v t="${3:-0}" \
        '$1 == s && $2 == a && $3 == t { print int($4 + $6 / 2), int($5 + $7 / 2); exit }' \
        "$TSV")
    [ -n "$b" ] || fail "no $2 ${3:-} on $1 in boxes.tsv"
    echo "$b"
}

# read_box SHOT SCREEN ACTION TOPIC TEXT: OCR of that tap target's rectangle
# on the screenshot finds TEXT's words (a tile read alone: columns of tiles
# side by side confuse OCR of the whole screen). The crop is made black on
# white and doubled: tesseract misses a lone word on a tile's mid-tone.
read_box() {
    local r text w neg total=0 found=0
    ref_tsv "$2" boxes.tsv
    r=$(awk -F '\t' -v s="$NAME" -v a="$3" -v t="$4" \
        '$1 == s && $2 == a && $3 == t { print $6 "x" $7 "+" $4 "+" $5; exit }' \
        "$TSV")
    [ -n "$r" ] || fail "no $3 $4 on $2 in boxes.tsv"
    # Dark words on a light button (the accent colour) are print already.
    neg=-negate
    convert "$TMP/$1.png" -crop "$r" +repage -colorspace Gray -format '%[fx:mean]' info: |
        awk '{ exit !($1 > 0.5) }' && neg=''
    # shellcheck disable=SC2086
    text=$(convert "$TMP/$1.png" -crop "$r" +repage -colorspace Gray $neg \
               -threshold 50% -bordercolor white -border 20 -resize 200% png:- |
           OMP_THREAD_LIMIT=1 tesseract - - --psm 6 2>/dev/null |
           iconv -f UTF-8 -t ASCII//TRANSLIT 2>/dev/null | tr 'A-Z' 'a-z' | tr -c 'a-z' ' ')
    for w in $(words "$5"); do
        total=$((total + 1))
        case " $text " in *"$w"*) found=$((found + 1)) ;; esac
    done
    [ "$total" -eq 0 ] && return 0
    [ "$found" -ge 1 ] && [ $((found * 4)) -ge $((total * 3)) ] && return 0
    echo "  OCR of $3 $4 on $1 found $found of $total words of \"$5\"; it read: $text" >&2
    return 1
}

# tap_box SCREEN ACTION [TOPIC]
tap_box() {
    # shellcheck disable=SC2046
    tap $(box "$@")
}

# shot NAME: the screen, turned back to the layout's way up, in $TMP/NAME.png.
shot() {
    import -window root "$TMP/raw.png" || fail "no screenshot"
    if [ "$ROTATE" = 0 ]; then
        mv "$TMP/raw.png" "$TMP/$1.png"
    else
        convert "$TMP/raw.png" -rotate $((360 - ROTATE)) +repage "$TMP/$1.png"
    fi
}

# looks_like SHOT REF: 0 when SHOT looks like the reference screen REF (a name
# in $TMP/ref): RMSE under 3% (GL and the software renderer differ by ~0.2%
# in anti-aliasing; two different screens by 10% or more).
looks_like() {
    local e
    e=$(compare -metric RMSE "$TMP/$1.png" "$TMP/ref/$2" null: 2>&1 | sed 's/.*(\(.*\))/\1/')
    awk -v e="$e" 'BEGIN { exit !(e + 0 < 0.03) }'
}

# which_screen SHOT [PREFIX]: the reference screen SHOT shows (among those
# whose names start with PREFIX), or nothing.
which_screen() {
    local best
    # shellcheck disable=SC2086
    best=$(convert "$TMP/$1.png" $THUMB gray:- | od -An -v -tu1 -w$THUMB_BYTES |
        awk -v p="${2:-}" 'NR == FNR { shot = $0; next }
            FNR == 1 { while ((getline n < names) > 0) name[++k] = n }
            index(name[FNR], p) == 1 {
                split(shot, a); e = 0
                for (i = 1; i <= NF; i++) e += ($i - a[i]) ^ 2
                if (best == "" || e < be) { best = name[FNR]; be = e }
            }
            END { print best }' names="$TMP/ref.names" - "$TMP/ref.thumbs")
    [ -n "$best" ] && looks_like "$1" "$best" && echo "$best"
}

# wait_for REF [SECONDS]: shots until the screen is REF (a fade may be
# mid-way at the first); fails naming what shows instead.
wait_for() {
    local ref=$1 until=$((SECONDS + ${2:-$WAIT_S})) began
    while :; do
        began=$SECONDS
        shot now
        looks_like now "$ref" && { log "shows $ref"; return 0; }
        [ "$began" -ge "$until" ] && break   # a shot begun after the deadline
        sleep 0.3
    done
    fail "expected $ref, the screen shows $(which_screen now || echo 'none of the screens')"
}

# wait_loop [SECONDS] [NOT]: shots until a loop screen other than NOT shows;
# prints its name.
wait_loop() {
    local until=$((SECONDS + ${1:-$WAIT_S})) not=${2:-} got began
    while :; do
        began=$SECONDS
        shot now
        got=$(which_screen now loop-) && [ "$got" != "$not" ] && { echo "$got"; return 0; }
        [ "$began" -ge "$until" ] && break
        sleep 0.3
    done
    fail "expected a loop screen${not:+ other than $not}, the screen shows $(which_screen now || echo 'none of the screens')"
}

# title REF: the title screens.tsv gives for a reference screen.
title() { ref_tsv "$1" screens.tsv; awk -F '\t' -v s="$NAME" '$1 == s { print $2; exit }' "$TSV"; }

# read_title SHOT REF: OCR of the live screenshot finds REF's title.
read_title() {
    ocr_has "$TMP/$1.png" "$(title "$2")" || fail "OCR did not read \"$(title "$2")\" on $1"
    log "read \"$(title "$2")\""
}

# topic_name N: the file name part of the N-th topic (0-based, menu order),
# as --render names its screens.
topic_name() {
    local f
    f=$(find "$TMP/content" -maxdepth 1 -name '[0-9]*.md' | sort | sed -n "$(($1 + 1))p")
    f=$(basename "$f" .md)
    echo "${f#*-}"
}

# pages NAME: how many screens the topic has.
pages() { grep -c "^$1-[0-9]*\.png" "$TMP/ref/screens.tsv"; }

# cpu_ticks: utime + stime of the kiosk so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$KIOSK_PID/stat"; }
