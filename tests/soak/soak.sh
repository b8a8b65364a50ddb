#!/bin/bash
# soak.sh — the real kiosk under Xvfb for hours, driven like a lobby and
# edited like a spa's staff, with its memory, open files, threads and
# inotify watches sampled every minute; fails if it dies, stops answering or
# does not stay flat (issue 12 item 7).
#
# Run (about two hours; not in ctest, too long for CI):
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build build -j2
#   tests/soak/soak.sh build/kiosk . --minutes 120 --out soak-out
# A short trial: --minutes 5 --sample-seconds 20 --staff-seconds 20 --seed 7.
# Check the verdict itself: tests/soak/soak.sh --self-test
#
# Usage: soak.sh KIOSK_BINARY SOURCE_DIR [--minutes N] [--out DIR]
#        [--sample-seconds S] [--staff-seconds S] [--seed N]
#
# What it does: a copy of content/ (idle_timeout 10 s, so the idle return is
# exercised) and a temporary state folder; the kiosk in an 800x480 window on
# its own Xvfb. Visitor actions every 0.5 to 3 s from a seeded RNG (--seed
# repeats a run): taps at random points, taps on the tiles and buttons of
# `kiosk --render`'s boxes.tsv, swipes left and right, and long waits that
# let it drift back to the loop. About every --staff-seconds (default 90) a
# staff event, in turn from a shuffled list: a good edit (one word of a topic
# changed, written to a temp file and renamed in), a broken kiosk.ini, a
# broken topic (an overlong line, quotes nested too deep, a review without
# its " · "), the whole folder replaced by renames with a copy (as the USB
# import does), the picture replaced by another, the picture removed, and
# SIGHUP. Each breakage is put right 5 to 30 s later.
#
# Answering: at least every 5 minutes, after a long wait (idle_timeout and
# its notice gone by), a tap at the middle of the loop must bring the menu
# (matched against --render's menu.png) within 5 s.
#
# Sampled every --sample-seconds (default 60) into OUT/soak.csv: VmRSS and
# VmHWM, RssAnon (heap and other anonymous memory: what a leak grows) and
# RssFile (mapped files: libraries, fonts) from /proc/PID/status, Pss and
# private memory (Private_Clean + Private_Dirty, "uss") from
# /proc/PID/smaps_rollup, open fds
# (/proc/PID/fd), Threads, inotify watches (`inotify wd:` lines in the
# fdinfo of its inotify fds), and the actions, staff events and SIGHUPs so
# far. The kiosk's stderr goes to OUT/kiosk.log, the last STATUS.txt to
# OUT/STATUS.txt, the table to OUT/summary.txt.
#
# Flat, as judged here: the samples after a warm-up (10 minutes, or a
# quarter of the run if shorter) are split in quarters. RSS and RssAnon:
# the median of the last quarter is at most the median of the first
# quarter plus 10% plus 2 MiB. Pss and private memory are recorded but not
# judged: both move with sharing, not with the kiosk. Pss divides shared
# pages by how many processes share them (a first trial on a busy machine
# saw it go from 61 to 91 MiB while RSS moved 0.5 MiB); a page of a library
# or font is "private" while no other process maps it and "shared" when one
# does, and a forked picture decoder shares the heap until it execs (the
# 2-hour run of 2026-12-01 saw private go 47 -> 73 MiB, RSS unchanged).
# RssAnon counts anonymous pages whoever shares them. Open fds, threads and inotify
# watches: the last sample (taken after every breakage is put right and
# STATUS.txt says no problems) is at most the most seen in the first
# quarter. At least 8 samples after the warm-up are needed for a verdict.
# The limits are wide: a leak of a few MiB over the run passes; the slope
# printed beside each memory figure shows it.
#
# The edits must be seen too: kiosk.log must show new content on screen
# after good edits and content refused after breakages, and at the end,
# everything put right, STATUS.txt must say "No problems found".
#
# Exit: 0 flat and alive, 1 a failure (a plain message says which), 77 a
# tool is missing (Xvfb, xdotool, import, convert, compare).
#
# Bash reads a script as it runs it: the whole script is one block, read
# before any of it runs, and ends in exit, so a checkout or merge that
# changes this file during a two-hour run does not derail it.
# shellcheck disable=SC2317 # the staff events are called by name, on_exit by trap
{
set -euo pipefail

usage() {
    echo "usage: soak.sh KIOSK_BINARY SOURCE_DIR [--minutes N] [--out DIR] [--sample-seconds S] [--staff-seconds S] [--seed N] | soak.sh --self-test" >&2
    exit 2
}

# median_q / verdict CSV WARMUP_S: the flatness verdict on a soak.csv; prints
# one line per figure and returns 1 when any is not flat.
verdict() {
    awk -F, -v warm="$2" '
        function median(a, n,   i, j, t) {
            for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        $col["elapsed_s"] + 0 >= warm { n++; for (k in col) v[n, k] = $col[k] }
        END {
            if (n < 8) { printf "no verdict: %d samples after the warm-up, 8 needed\n", n; exit 1 }
            q = int(n / 4); bad = 0
            split("rss_kib anon_kib", mem, " ")
            for (m = 1; m <= 2; m++) {
                k = mem[m]
                for (i = 1; i <= q; i++) { a[i] = v[i, k] + 0 }; first = median(a, q)
                for (i = 1; i <= q; i++) { a[i] = v[n - q + i, k] + 0 }; last = median(a, q)
                limit = first * 1.10 + 2048
                ok = last <= limit; bad += !ok
                # The least-squares slope, for the record (not judged).
                sx = sy = sxx = sxy = 0
                for (i = 1; i <= n; i++) { x = v[i, "elapsed_s"] / 3600; y = v[i, k]; sx += x; sy += y; sxx += x * x; sxy += x * y }
                d = n * sxx - sx * sx; slope = d ? (n * sxy - sx * sy) / d : 0
                printf "%-16s first-quarter median %d KiB, last-quarter median %d KiB, limit %d KiB (slope %+d KiB/h): %s\n",
                    k, first, last, limit, slope, ok ? "flat" : "GROWS"
            }
            split("fds threads inotify_watches", cnt, " ")
            for (m = 1; m <= 3; m++) {
                k = cnt[m]; mx = 0
                for (i = 1; i <= q; i++) if (v[i, k] + 0 > mx) mx = v[i, k] + 0
                ok = v[n, k] + 0 <= mx; bad += !ok
                printf "%-16s most in the first quarter %d, at the end %d: %s\n",
                    k, mx, v[n, k], ok ? "flat" : "GROWS"
            }
            exit bad > 0
        }' "$1"
}

# summary CSV: first, median, max and last of each figure.
summary() {
    awk -F, '
        NR == 1 { for (i = 1; i <= NF; i++) name[i] = $i; nf = NF; next }
        { n++; for (i = 1; i <= nf; i++) v[i, n] = $i }
        END {
            printf "%-16s %10s %10s %10s %10s\n", "figure", "first", "median", "max", "last"
            for (i = 3; i <= nf; i++) {
                mx = 0
                for (j = 1; j <= n; j++) { a[j] = v[i, j] + 0; if (a[j] > mx) mx = a[j] }
                for (j = 2; j <= n; j++) { t = a[j]; for (k = j - 1; k >= 1 && a[k] > t; k--) a[k + 1] = a[k]; a[k + 1] = t }
                med = n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
                printf "%-16s %10s %10d %10d %10s\n", name[i], v[i, 1], med, mx, v[i, n]
            }
            printf "%d samples over %d s\n", n, v[2, n]
        }' "$1"
}

CSV_HEAD=utc,elapsed_s,rss_kib,hwm_kib,pss_kib,uss_kib,anon_kib,file_kib,fds,threads,inotify_watches,actions,staff_events,sighups

# self_test: the verdict on made-up series: flat ones pass, each kind of
# growth fails. Returns 1 when the verdict judges one wrongly.
self_test() {
    local d rc=0 name expect got
    d=$(mktemp -d)
    # series NAME RSS_STEP FD_STEP WATCH_STEP THREAD_STEP [ANON_STEP]
    # [USS_STEP]: 40 samples a minute apart, with noise; each figure grows
    # by its step a sample (anonymous and private memory with RSS, and by
    # ANON_STEP and USS_STEP more).
    series() {
        awk -v s1="$2" -v s2="$3" -v s3="$4" -v s4="$5" -v s5="${6:-0}" -v s6="${7:-0}" -v head="$CSV_HEAD" 'BEGIN {
            srand(7); print head
            for (i = 0; i < 40; i++) {
                r = 60000 + i * s1 + int(rand() * 3000)
                printf "t%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,0,0\n", i, i * 60, r, 70000 + i * s1, r - 20000, r - 30000 + i * s6,
                    r - 40000 + i * s5, 40000,
                    14 + int(i * s2) + (i % 3 == 0), 6 + int(i * s4), 3 + int(i * s3), i * 40
            }}' > "$d/$1.csv"
    }
    series flat 0 0 0 0
    series rss_leak 400 0 0 0
    series fd_leak 0 0.5 0 0
    series watch_leak 0 0 0.25 0
    series thread_leak 0 0 0 0.2
    series slow_rss 60 0 0 0
    series anon_leak 0 0 0 0 300
    series sharing_moves 0 0 0 0 0 600
    for name in flat slow_rss sharing_moves rss_leak anon_leak fd_leak watch_leak thread_leak; do
        case $name in flat|slow_rss|sharing_moves) expect=pass ;; *) expect=fail ;; esac
        if verdict "$d/$name.csv" 600 > "$d/$name.out"; then got=pass; else got=fail; fi
        printf '%-12s expected %s, got %s\n' "$name" "$expect" "$got"
        sed 's/^/    /' "$d/$name.out"
        [ "$got" = "$expect" ] || rc=1
    done
    rm -rf "$d"
    [ "$rc" = 0 ] && echo "self-test: ok" || echo "self-test: FAILED"
    return "$rc"
}

if [ "${1:-}" = --self-test ]; then self_test; exit; fi
[ $# -ge 2 ] || usage
KIOSK=$1 SRC=$2
shift 2
MINUTES=120 OUT=soak-out SAMPLE_S=60 STAFF_S=90 SEED=$(( $(date +%s) % 32768 ))
while [ $# -gt 0 ]; do
    case $1 in
        --minutes) MINUTES=${2:?}; shift 2 ;;
        --out) OUT=${2:?}; shift 2 ;;
        --sample-seconds) SAMPLE_S=${2:?}; shift 2 ;;
        --staff-seconds) STAFF_S=${2:?}; shift 2 ;;
        --seed) SEED=${2:?}; shift 2 ;;
        *) usage ;;
    esac
done
for tool in Xvfb xdotool import convert compare; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
[ -x "$KIOSK" ] || { echo "FAIL: $KIOSK is not a program" >&2; exit 1; }
KIOSK=$(realpath "$KIOSK") SRC=$(realpath "$SRC")
mkdir -p "$OUT"
OUT=$(realpath "$OUT")

# touch_lib: Xvfb on a free display, the content copy, ini_set, --render's
# reference screens, start_kiosk, tap, drag, box, shot, looks_like.
# shellcheck source=tests/e2e/touch_lib.bash
. "$SRC/tests/e2e/touch_lib.bash"

# alive: as touch_lib's, but a two-hour log is not printed whole.
alive() {
    kill -0 "$KIOSK_PID" 2>/dev/null && return 0
    local rc=0
    wait "$KIOSK_PID" || rc=$?
    KIOSK_PID=''
    fail "the kiosk died (exit status $rc) after $ACTIONS actions; the end of $OUT/kiosk.log:
$(tail -20 "$OUT/kiosk.log")"
}

IDLE=10 NOTICE=3
WARMUP_S=$(( MINUTES * 60 / 4 < 600 ? MINUTES * 60 / 4 : 600 ))
ACTIONS=0 STAFF=0 HUPS=0 PROBES=0 LAST_PROBE=$SECONDS
START=$SECONDS END_AT=$(( SECONDS + MINUTES * 60 ))
NEXT_SAMPLE=$SECONDS NEXT_STAFF=$(( SECONDS + STAFF_S ))
FIX='' FIX_AT=0 EVENTS=() GOOD=0 BROKEN=0
RANDOM=$SEED

setup_tmp
on_exit() {
    [ -n "${C:-}" ] && [ -f "$C/STATUS.txt" ] && cp "$C/STATUS.txt" "$OUT/STATUS.txt"
    cleanup
}
trap on_exit EXIT
content_copy
C=$TMP/content
ini_set kiosk idle_timeout $IDLE
ini_set kiosk idle_notice $NOTICE
cp -r "$C" "$TMP/pristine"
# The other picture: the same one turned upside down and tinted.
convert "$C/images/evening-calm.jpg" -flip -modulate 100,60,150 "$TMP/other.jpg"
start_x 800 480
render_refs
mapfile -t BOXES < <(awk -F '\t' 'NR > 1 && $6 > 0 { print int($4 + $6 / 2), int($5 + $7 / 2) }' "$TMP/ref/boxes.tsv" | sort -u)
TOPICS=("$C"/[0-9]*.md)
TOPICS=("${TOPICS[@]##*/}")
# The topics a good edit can change: those with a plain line (not only
# headings and quotes, as the reviews).
EDITABLE=()
for f in "${TOPICS[@]}"; do
    if grep -q '^\(- \)\?[A-Za-z]' "$C/$f"; then EDITABLE+=("$f"); fi
done
: > "$OUT/kiosk.log"
ln -s "$OUT/kiosk.log" "$TMP/kiosk.log"
mkdir -p "$TMP/state"
echo "$CSV_HEAD" > "$OUT/soak.csv"
start_kiosk --content "$C" --state "$TMP/state" --window 800x480 >/dev/null
log "soak: $MINUTES min, seed $SEED, kiosk pid $KIOSK_PID, samples every $SAMPLE_S s, staff every ~$STAFF_S s, out $OUT"

# rnd N: a number from 0 to N-1 in R (from the seeded RANDOM of this shell:
# never in a subshell, which would not advance it).
rnd() { R=$(( RANDOM % $1 )); }

# sample: one line of soak.csv.
sample() {
    alive
    local p=/proc/$KIOSK_PID rss hwm thr pss uss anon file fds=0 watches=0 fd n
    rss=$(awk '/^VmRSS:/ { print $2 }' "$p/status")
    hwm=$(awk '/^VmHWM:/ { print $2 }' "$p/status")
    thr=$(awk '/^Threads:/ { print $2 }' "$p/status")
    anon=$(awk '/^RssAnon:/ { print $2 }' "$p/status")
    file=$(awk '/^RssFile:/ { print $2 }' "$p/status")
    pss=$(awk '/^Pss:/ { print $2 }' "$p/smaps_rollup")
    uss=$(awk '/^Private_(Clean|Dirty):/ { s += $2 } END { print s }' "$p/smaps_rollup")
    for fd in "$p"/fd/*; do
        fds=$((fds + 1))
        if [ "$(readlink "$fd" 2>/dev/null)" = "anon_inode:inotify" ]; then
            n=$(grep -c '^inotify wd:' "$p/fdinfo/${fd##*/}" 2>/dev/null) || true
            watches=$((watches + ${n:-0}))
        fi
    done
    printf '%s,%d,%s,%s,%s,%s,%s,%s,%d,%s,%d,%d,%d,%d\n' "$(date -u +%FT%TZ)" $((SECONDS - START)) \
        "$rss" "$hwm" "$pss" "$uss" "$anon" "$file" "$fds" "$thr" "$watches" "$ACTIONS" "$STAFF" "$HUPS" >> "$OUT/soak.csv"
    log "sample: RSS $rss KiB (anon $anon, file $file), Pss $pss KiB, private $uss KiB, fds $fds, threads $thr, inotify watches $watches, $ACTIONS actions, $STAFF staff events"
}

maybe_sample() {
    [ $SECONDS -ge "$NEXT_SAMPLE" ] || return 0
    NEXT_SAMPLE=$((NEXT_SAMPLE + SAMPLE_S))
    sample
}

# pause S: S seconds of no touch, still sampling.
pause() {
    local until=$((SECONDS + $1))
    while [ $SECONDS -lt "$until" ]; do maybe_sample; sleep 1; done
}

# put FILE: FILE.new renamed over FILE, as an editor saves.
put() { mv -f "$1.new" "$1"; }

# probe: after the idle return, a tap on the loop must bring the menu.
probe() {
    pause $((IDLE + NOTICE + 3))
    shot before
    tap 400 240
    local until=$((SECONDS + 5))
    while :; do
        shot now
        looks_like now menu.png && break
        if [ $SECONDS -ge "$until" ]; then
            cp "$TMP/now.png" "$OUT/no-answer.png"
            fail "no answer: 5 s after a tap on the loop the screen is not the menu (it shows $(which_screen now || echo 'none of the reference screens')); kept as $OUT/no-answer.png"
        fi
        sleep 0.3
    done
    PROBES=$((PROBES + 1)) LAST_PROBE=$SECONDS ACTIONS=$((ACTIONS + 1))
    log "probe $PROBES: a tap on the loop brought the menu"
}

# visitor: one random action.
visitor() {
    local x y
    rnd 100
    if [ $R -lt 40 ]; then
        rnd 800; x=$R; rnd 480; y=$R
        tap "$x" "$y"
    elif [ $R -lt 70 ]; then
        rnd ${#BOXES[@]}
        # shellcheck disable=SC2086 # "x y"
        tap ${BOXES[$R]}
    elif [ $R -lt 98 ]; then
        rnd 300; y=$((90 + R))
        rnd 2
        if [ $R = 0 ]; then drag 650 "$y" 150 "$y"; else drag 150 "$y" 650 "$y"; fi
    else
        probe
        return
    fi
    ACTIONS=$((ACTIONS + 1))
}

# good_edit: one word at the end of a body line of a topic changed (from
# the pristine file, so edits do not pile up), saved by rename.
good_edit() {
    local f lines n w words=(calm gentle warm steady quiet easy)
    rnd ${#EDITABLE[@]}; f=${EDITABLE[$R]}
    mapfile -t lines < <(grep -n '^\(- \)\?[A-Za-z]' "$TMP/pristine/$f" | cut -d: -f1)
    rnd ${#lines[@]}; n=${lines[$R]}
    rnd ${#words[@]}; w=${words[$R]}
    sed -E "${n}s/[A-Za-z]+([^A-Za-z]*)\$/$w\\1/" "$TMP/pristine/$f" > "$C/$f.new"
    put "$C/$f"
    GOOD=$((GOOD + 1))
    log "staff: good edit, $f line $n ends in \"$w\""
}

# restore FILE...: the pristine copies renamed back in.
restore() {
    local f
    for f in "$@"; do cp "$TMP/pristine/$f" "$C/$f.new"; put "$C/$f"; done
    log "staff: put right: $*"
}

broken_ini() {
    rnd 3
    case $R in
        0) sed 's/^idle_timeout *=.*/idle_timeout = 5/' "$TMP/pristine/kiosk.ini" > "$C/kiosk.ini.new" ;;
        1) sed 's/^idle_notice /idle_notise /' "$TMP/pristine/kiosk.ini" > "$C/kiosk.ini.new" ;;
        2) { cat "$TMP/pristine/kiosk.ini"; echo "this line has no equals sign"; } > "$C/kiosk.ini.new" ;;
    esac
    put "$C/kiosk.ini"
    BROKEN=$((BROKEN + 1))
    log "staff: broken kiosk.ini ($R)"
    FIX=kiosk.ini
}

broken_topic() {
    local f
    rnd 3
    case $R in
        0) f=${TOPICS[0]}
           { cat "$TMP/pristine/$f"; echo; head -c 6000 /dev/zero | tr '\0' 'a'; echo; } > "$C/$f.new" ;;
        1) f=${TOPICS[1]}
           { cat "$TMP/pristine/$f"; echo; echo '>>>>>>>>>> too deep'; } > "$C/$f.new" ;;
        2) f=80-reviews.md
           sed 's/ · / /' "$TMP/pristine/$f" > "$C/$f.new" ;;
    esac
    put "$C/$f"
    BROKEN=$((BROKEN + 1))
    log "staff: broken topic $f ($R)"
    FIX=$f
}

# folder_swap: the folder replaced whole by two renames with a copy that has
# a good edit, as the USB import does.
folder_swap() {
    rm -rf "$TMP/next" "$TMP/previous"
    cp -r "$C" "$TMP/next"
    rm -f "$TMP/next/STATUS.txt"
    local saved=$C
    C=$TMP/next
    good_edit
    C=$saved
    mv -T "$C" "$TMP/previous"
    mv -T "$TMP/next" "$C"
    rm -rf "$TMP/previous"
    log "staff: folder swapped by renames"
}

picture_replace() {
    cp "$TMP/other.jpg" "$C/images/evening-calm.jpg.new"
    put "$C/images/evening-calm.jpg"
    log "staff: picture replaced"
    FIX=images/evening-calm.jpg
}

picture_remove() {
    rm "$C/images/evening-calm.jpg"
    BROKEN=$((BROKEN + 1))
    log "staff: picture removed"
    FIX=images/evening-calm.jpg
}

sighup() {
    kill -HUP "$KIOSK_PID"
    HUPS=$((HUPS + 1))
    log "staff: SIGHUP"
}

# staff: the next event of a shuffled list (shuffled again when used up).
staff() {
    if [ ${#EVENTS[@]} = 0 ]; then
        EVENTS=(good_edit broken_ini broken_topic folder_swap picture_replace picture_remove sighup)
        local i j t
        for ((i = ${#EVENTS[@]} - 1; i > 0; i--)); do
            rnd $((i + 1)); j=$R
            t=${EVENTS[i]} EVENTS[i]=${EVENTS[j]} EVENTS[j]=$t
        done
    fi
    local e=${EVENTS[0]}
    EVENTS=("${EVENTS[@]:1}")
    alive
    "$e"
    STAFF=$((STAFF + 1))
    if [ -n "$FIX" ]; then rnd 26; FIX_AT=$((SECONDS + 5 + R)); fi
}

fix_due() {
    [ -n "$FIX" ] && [ $SECONDS -ge "$FIX_AT" ] || return 0
    restore "$FIX"
    FIX=''
}

while [ $SECONDS -lt "$END_AT" ]; do
    maybe_sample
    fix_due
    if [ -z "$FIX" ] && [ $SECONDS -ge "$NEXT_STAFF" ]; then
        staff
        rnd "$STAFF_S"; NEXT_STAFF=$((SECONDS + STAFF_S / 2 + R))
    fi
    if [ $((SECONDS - LAST_PROBE)) -ge 300 ]; then probe; else visitor; fi
    rnd 2500; sleep "$(( (500 + R) / 1000 )).$(printf '%03d' $(( (500 + R) % 1000 )))"
done

# The end: everything put right, the kiosk settled with no problems, a last
# answer and a last sample.
FIX_AT=0; fix_due
n=0
until grep -q "No problems found" "$C/STATUS.txt" 2>/dev/null; do
    n=$((n + 1))
    [ $n -le 100 ] || fail "10 s after every breakage was put right STATUS.txt still lists problems: $(cat "$C/STATUS.txt")"
    sleep 0.1
done
probe
sample

log "done: $ACTIONS actions, $STAFF staff events, $HUPS SIGHUPs, $PROBES answers checked"
{
    echo "soak of $KIOSK for $MINUTES min, seed $SEED, samples every $SAMPLE_S s, warm-up $WARMUP_S s"
    echo "$ACTIONS visitor actions, $STAFF staff events ($GOOD good edits, $BROKEN breakages, $HUPS SIGHUPs), $PROBES answers checked"
    echo "kiosk.log: $(grep -c 'new content on screen' "$OUT/kiosk.log" || true) times new content on screen, $(grep -c '^kiosk: read ' "$OUT/kiosk.log" || true) reads, $(grep -c '^kiosk: read .*[1-9][0-9]* errors' "$OUT/kiosk.log" || true) reads with errors"
    echo
    summary "$OUT/soak.csv"
    echo
} > "$OUT/summary.txt"
rc=0
verdict "$OUT/soak.csv" "$WARMUP_S" >> "$OUT/summary.txt" || rc=1
# The edits were seen: good ones went on screen, broken ones were refused.
if [ "$GOOD" -gt 0 ] && ! grep -q 'new content on screen' "$OUT/kiosk.log"; then
    echo "edits not taken: $GOOD good edits and swaps, no new content on screen in kiosk.log" >> "$OUT/summary.txt"; rc=1
fi
if [ "$BROKEN" -gt 0 ] && ! grep -q 'not shown until the errors are fixed' "$OUT/kiosk.log"; then
    echo "breakages not seen: $BROKEN broken edits, none refused in kiosk.log" >> "$OUT/summary.txt"; rc=1
fi
cat "$OUT/summary.txt"
[ "$rc" = 0 ] || fail "the figures are not flat or too few to judge (see above; $OUT/soak.csv)"
echo "ok: alive, answering and flat"
exit 0
}
