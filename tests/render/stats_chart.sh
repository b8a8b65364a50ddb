#!/bin/bash
# stats_chart.sh — `kiosk --stats`: a state folder holding a month of visits
# (STATE/visits.bin written here from its documented format, by Python, so
# the format is checked from outside the kiosk too) gives the table, and
# with --png the charts at 800x480 and 1920x1080, whose heading and chart
# titles OCR reads back; a hostile visits.bin is refused in plain words.
# Args: kiosk-binary source-dir.
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/render/lib.bash"
need python3 convert identify tesseract iconv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/state"

# The month up to today: day d has 3 + d % 5 visits, opening "massage-types"
# twice as often as "symptoms"; touches at 10:00-11:00 and 15:00-16:00.
python3 - "$tmp/state/visits.bin" <<'EOF'
import datetime, struct, sys, zlib
NAMES, TOPICS, COUNTS = 48, 24, 13
names = [b"massage-types", b"symptoms"]
out = b"KVISITS1" + struct.pack("<III", 1, len(names), 30)
for n in names:
    out += n.ljust(NAMES, b"\0")
today = datetime.date.today()
for i in range(30):
    d = today - datetime.timedelta(days=29 - i)
    s = 3 + i % 5
    counts = [s, s * 120, s, 2 * s, 0, 0, s, s, 0, 0, 0, 0, 4 * s]
    hours = [0] * 24
    hours[10], hours[15] = 3 * s, s
    topics = [(0, 2 * s // 3, s), (1, s - 2 * s // 3, s)] + [(0xffff, 0, 0)] * (TOPICS - 2)
    out += struct.pack("<I", d.year * 10000 + d.month * 100 + d.day)
    out += struct.pack("<%dI" % COUNTS, *counts) + struct.pack("<24I", *hours)
    for t in topics:
        out += struct.pack("<III", *t)
out += struct.pack("<I", zlib.crc32(out) & 0xffffffff)
open(sys.argv[1], "wb").write(out)
EOF

"$KIOSK" --stats --state "$tmp/state" --days 30 > "$tmp/table.txt" ||
    fail "kiosk --stats failed: $(cat "$tmp/table.txt")"
total=$(python3 -c 'print(sum(3 + i % 5 for i in range(30)))')
grep -q "^all days *$total " "$tmp/table.txt" ||
    fail "the table does not add up to $total visits: $(cat "$tmp/table.txt")"
grep -q "^massage-types " "$tmp/table.txt" || fail "the table lists no topics: $(cat "$tmp/table.txt")"
[ "$(grep -c '^20[0-9][0-9]-' "$tmp/table.txt")" = 30 ] || fail "the table has not a row per day"
echo "ok: the table has 30 days, $total visits"

for size in 800x480 1920x1080; do
    png=$tmp/chart-$size.png
    "$KIOSK" --stats --state "$tmp/state" --days 30 --png "$png" --size "$size" \
        --content "$SRC/content" > "$tmp/out.txt" || fail "kiosk --stats --png failed: $(cat "$tmp/out.txt")"
    [ "$(identify -ping -format '%wx%h' "$png")" = "$size" ] || fail "$png is not $size"
    [ "$(convert "$png" -format '%k' info:)" -gt 8 ] || fail "$png is blank"
    for title in "What visitors read" "Visits per day" "Topics opened" "Busiest hours"; do
        ocr_has "$png" "$title" || fail "the chart at $size does not read \"$title\""
    done
    echo "ok: the chart at $size reads its titles"
done

# Hostile: a file that claims more days than it holds is refused in plain
# words (the running kiosk keeps such a file aside and counts afresh).
printf 'KVISITS1\001\0\0\0\0\0\0\0\377\377\377\377\0\0\0\0' > "$tmp/state/visits.bin"
if "$KIOSK" --stats --state "$tmp/state" > "$tmp/out.txt" 2>&1; then
    fail "a hostile visits.bin was taken: $(cat "$tmp/out.txt")"
fi
grep -q "cannot be read: it says it holds more than the kiosk keeps" "$tmp/out.txt" ||
    fail "the hostile file is not explained: $(cat "$tmp/out.txt")"
echo "ok: a hostile visits.bin is refused in plain words"
