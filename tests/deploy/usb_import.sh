#!/bin/bash
# usb_import.sh — deploy/kiosk-usb-import.sh without a USB stick: a folder
# stands in for the mounted stick. Good content is swapped in (old kept as
# content.previous); broken content, too many files, a stick without kiosk/
# leave the content alone; links are not followed and nothing on the stick is
# run or stays executable; the result for STATUS.txt says what happened.
# Also checks the udev rule and the unit say what the import relies on.
# Args: kiosk-binary source-dir.
set -euo pipefail
kiosk=${1:?usage: usb_import.sh kiosk-binary source-dir}
src=${2:?usage: usb_import.sh kiosk-binary source-dir}
kiosk=$(cd "$(dirname "$kiosk")" && pwd)/$(basename "$kiosk")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
script=$src/deploy/kiosk-usb-import.sh

export KIOSK_BIN=$kiosk KIOSK_CONTENT=$tmp/var/content KIOSK_STATE=$tmp/var/state \
    KIOSK_RELOAD=no

# Fresh content folder (the bundled content) and an empty state folder.
reset() {
    rm -rf "${tmp:?}/var" "${tmp:?}/stick"
    mkdir -p "$tmp/var/state" "$tmp/stick"
    cp -R "$src/content" "$tmp/var/content"
    echo "old" >"$tmp/var/content/marker.md"   # ignored by the parser: no number
}

# A stick with a copy of the bundled content, with one title changed.
good_stick() {
    mkdir -p "$tmp/stick/kiosk"
    cp -R "$src/content/." "$tmp/stick/kiosk/"
    rm -f "$tmp/stick/kiosk/README.md"
    sed -i '1s/.*/# Runners knee, from the stick/' "$tmp/stick/kiosk/10-runners-knee.md"
}

import() {   # runs the script, keeping its exit code in $rc and output in $out
    rc=0
    out=$(bash "$script" --mounted "$tmp/stick" 2>&1) || rc=$?
}

result() { cat "$tmp/var/state/usb-import.txt" 2>/dev/null || true; }

# --- good content: swapped in, old kept, README kept, modes sane ---
reset
good_stick
import
[ "$rc" = 0 ] || fail "good stick: exit $rc: $out"
grep -q "from the stick" "$tmp/var/content/10-runners-knee.md" || fail "good stick: content not swapped in"
[ -f "$tmp/var/content.previous/marker.md" ] || fail "good stick: old content not kept as content.previous"
[ -f "$tmp/var/content/README.md" ] || fail "good stick: the staff guide (README.md) was lost"
[ -f "$tmp/var/content/images/evening-calm.jpg" ] || fail "good stick: image not copied"
grep -q "USB stick imported: 8 topics" <(result) || fail "good stick: result says: $(result)"
"$kiosk" --check --content "$tmp/var/content" >/dev/null || fail "good stick: swapped-in content does not pass --check"
ls -d "$tmp"/var/.kiosk-import.* >/dev/null 2>&1 && fail "good stick: temp folder left behind"

# A second import replaces content.previous with the content just replaced.
sed -i '1s/.*/# Second import/' "$tmp/stick/kiosk/10-runners-knee.md"
import
[ "$rc" = 0 ] || fail "second import: exit $rc: $out"
grep -q "from the stick" "$tmp/var/content.previous/10-runners-knee.md" ||
    fail "second import: content.previous is not the content it replaced"
grep -q "Second import" "$tmp/var/content/10-runners-knee.md" || fail "second import: not swapped in"

# --- broken content: content kept, problems named with file:line ---
reset
good_stick
printf 'no title line\n\nText.\n' >"$tmp/stick/kiosk/20-symptoms.md"
import
[ "$rc" = 1 ] || fail "broken stick: exit $rc (want 1)"
[ -f "$tmp/var/content/marker.md" ] || fail "broken stick: content was replaced"
[ -e "$tmp/var/content.previous" ] && fail "broken stick: content.previous made"
grep -q "USB stick not imported: the content on it has problems" <(result) ||
    fail "broken stick: result says: $(result)"
grep -q "^kiosk/20-symptoms.md" <(result) || fail "broken stick: problem not named by file: $(result)"
ls -d "$tmp"/var/.kiosk-import.* >/dev/null 2>&1 && fail "broken stick: temp folder left behind"

# --- too many files: refused before copying ---
reset
good_stick
mkdir "$tmp/stick/kiosk/images/many"
for i in $(seq 1 650); do : >"$tmp/stick/kiosk/images/many/$i.png"; done
import
[ "$rc" = 1 ] || fail "too many files: exit $rc (want 1)"
[ -f "$tmp/var/content/marker.md" ] || fail "too many files: content was replaced"
grep -q "more than 600 files" <(result) || fail "too many files: result says: $(result)"

# --- too many bytes ---
reset
good_stick
truncate -s 70M "$tmp/stick/kiosk/images/huge.png"
import
[ "$rc" = 1 ] || fail "too big: exit $rc (want 1)"
[ -f "$tmp/var/content/marker.md" ] || fail "too big: content was replaced"
grep -q "bigger than 64 MB" <(result) || fail "too big: result says: $(result)"

# --- links and programs on the stick: never followed, never run ---
reset
good_stick
echo "secret" >"$tmp/secret.txt"
ln -s "$tmp/secret.txt" "$tmp/stick/kiosk/90-secret.md"
ln -s "$tmp/secret.txt" "$tmp/stick/kiosk/images/link.png"
ln -s "$tmp" "$tmp/stick/kiosk/outside"
printf '#!/bin/sh\ntouch "%s/ran"\n' "$tmp" >"$tmp/stick/kiosk/autorun.sh"
printf '#!/bin/sh\ntouch "%s/ran"\n' "$tmp" >"$tmp/stick/kiosk/30-evil.md.sh"
cp "$tmp/stick/kiosk/autorun.sh" "$tmp/stick/kiosk/kiosk.ini.sh"
chmod +x "$tmp/stick/kiosk/"*.sh "$tmp/stick/kiosk/40-diagnosis.md"
: >"$tmp/stick/kiosk/.hidden.md"
: >"$tmp/stick/kiosk/._10-runners-knee.md"
import
[ "$rc" = 0 ] || fail "links stick: exit $rc: $out"
[ -e "$tmp/ran" ] && fail "links stick: a program from the stick was run"
[ -e "$tmp/var/content/90-secret.md" ] && fail "links stick: a link was copied"
[ -e "$tmp/var/content/images/link.png" ] && fail "links stick: an image link was copied"
[ -e "$tmp/var/content/outside" ] && fail "links stick: a folder link was copied"
[ -e "$tmp/var/content/autorun.sh" ] && fail "links stick: a script was copied"
[ -e "$tmp/var/content/.hidden.md" ] && fail "links stick: a dotfile was copied"
[ -e "$tmp/var/content/._10-runners-knee.md" ] && fail "links stick: a macOS dropping was copied"
if find "$tmp/var/content" -type f -perm /111 | grep -q .; then
    fail "links stick: an executable file was copied: $(find "$tmp/var/content" -type f -perm /111)"
fi
grep -q "kiosk/90-secret.md is a link" <(result) || fail "links stick: the link is not reported: $(result)"
grep -q "Not copied: kiosk/autorun.sh" <(result) || fail "links stick: the script is not reported: $(result)"
grep -q "secret" "$tmp/var/content/"*.md && fail "links stick: the link's target was copied"

# --- a stick without kiosk/: nothing happens, nothing reported ---
reset
: >"$tmp/stick/holiday.jpg"
import
[ "$rc" = 0 ] || fail "plain stick: exit $rc"
[ -f "$tmp/var/content/marker.md" ] || fail "plain stick: content touched"
[ -e "$tmp/var/state/usb-import.txt" ] && fail "plain stick: a result was written"

# --- kiosk/ as a link on the stick: not followed ---
reset
mkdir -p "$tmp/elsewhere"
cp -R "$src/content/." "$tmp/elsewhere/"
ln -s "$tmp/elsewhere" "$tmp/stick/kiosk"
import
[ -e "$tmp/var/content.previous" ] && fail "kiosk link: it was followed"

# --- an earlier import cut between its two renames: put right first ---
reset
good_stick
mv "$tmp/var/content" "$tmp/var/content.previous"
mkdir "$tmp/var/.kiosk-import.stale"
printf 'no title line\n' >"$tmp/stick/kiosk/20-symptoms.md"
import
[ -f "$tmp/var/content/marker.md" ] || fail "recovery: the old content was not put back"
[ -e "$tmp/var/.kiosk-import.stale" ] && fail "recovery: a stale temp folder was left"

# --- the udev rule and the unit ---
rules=$src/deploy/99-kiosk-usb.rules
grep -q 'SUBSYSTEM=="block"' "$rules" || fail "rule: not for block devices"
grep -q 'ENV{ID_FS_USAGE}=="filesystem"' "$rules" || fail "rule: not only file systems"
grep -q 'TAG+="systemd"' "$rules" || fail "rule: not tagged for systemd"
grep -q 'SYSTEMD_WANTS}+="kiosk-usb-import@%k.service"' "$rules" || fail "rule: wants no import unit"
grep -q '^RUN' "$rules" && fail "rule: runs a program itself"
unit_src=$src/deploy/kiosk-usb-import@.service
grep -q 'ro,nosuid,nodev,noexec' "$script" || fail "script: the stick is not mounted ro,nosuid,nodev,noexec"
grep -qx 'Type=oneshot' "$unit_src" || fail "unit: not oneshot"
grep -qx 'BindsTo=dev-%i.device' "$unit_src" || fail "unit: not bound to the stick"
if command -v systemd-analyze >/dev/null; then
    mkdir -p "$tmp/prefix/lib/kiosk" "$tmp/prefix/bin" "$tmp/units"
    cp "$script" "$tmp/prefix/lib/kiosk/"
    chmod +x "$tmp/prefix/lib/kiosk/kiosk-usb-import.sh"
    ln -s "$kiosk" "$tmp/prefix/bin/kiosk"
    sed "s|@PREFIX@|$tmp/prefix|g" "$unit_src" >"$tmp/units/kiosk-usb-import@sda1.service"
    v=$(systemd-analyze verify "$tmp/units/kiosk-usb-import@sda1.service" 2>&1) ||
        fail "unit: systemd-analyze verify failed: $v"
    [ -z "$v" ] || fail "unit: systemd-analyze verify complained: $v"
fi

if [ "$fails" -gt 0 ]; then
    echo "$fails failures"
    exit 1
fi
echo "PASS usb_import"
