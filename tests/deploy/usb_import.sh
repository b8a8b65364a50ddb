#!/bin/bash
# usb_import.sh — the two steps of a USB stick's import that run before the
# kiosk asks the PIN, without a real stick: the stage step
# (deploy/kiosk-usb-stage.sh --mounted DIR) on a folder standing in for the
# mounted stick, and the mount step (deploy/kiosk-usb-mount.sh) on a
# loop-mounted file-system image (SKIP of that part when this machine has no
# loop devices). The stage step only offers: the content folder is never
# touched; broken content, too many files or bytes are offered as not
# usable with the reason, as is one whose kiosk.ini has no staff PIN;
# links are not followed, nothing on the stick is
# run; a file name with a newline is written escaped and makes no line of
# its own; a stick without kiosk/ is not offered; taking it out (--forget)
# removes the offer. The stage step runs as an unprivileged user on the
# mounted image. Args: kiosk-binary source-dir.
set -euo pipefail
kiosk=${1:?usage: usb_import.sh kiosk-binary source-dir}
src=${2:?usage: usb_import.sh kiosk-binary source-dir}
kiosk=$(cd "$(dirname "$kiosk")" && pwd)/$(basename "$kiosk")
tmp=$(mktemp -d)
chmod 0755 "$tmp"
mounted=""
cleanup() {
    if [ -n "$mounted" ]; then umount "$mounted" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
stage=$src/deploy/kiosk-usb-stage.sh
mountsh=$src/deploy/kiosk-usb-mount.sh

export KIOSK_BIN=$kiosk KIOSK_STATE=$tmp/state
usb=$tmp/state/usb

reset() {
    rm -rf "${tmp:?}/state" "${tmp:?}/stick" "${tmp:?}/content"
    mkdir -p "$usb" "$tmp/stick"
    cp -R "$src/content" "$tmp/content"
}

good_stick() {
    mkdir -p "$tmp/stick/kiosk"
    cp -R "$src/content/." "$tmp/stick/kiosk/"
    rm -f "$tmp/stick/kiosk/README.md"
    # The bundled content ships without a PIN (";pin ="); a stick must bring one.
    sed -i 's/^;pin *=.*/pin = 246810/' "$tmp/stick/kiosk/kiosk.ini"
    sed -i '1s/.*/# Runners knee, from the stick/' "$tmp/stick/kiosk/10-runners-knee.md"
}

run_stage() {   # NAME: stages $tmp/stick; $rc, $out
    rc=0
    out=$(bash "$stage" --mounted "$tmp/stick" --name "${1:-sdb1}" 2>&1) || rc=$?
}

offer() { cat "$usb/offer" 2>/dev/null || true; }
has() { grep -qxF -- "$1" "$usb/offer" 2>/dev/null; }
content_same() { diff -r "$src/content" "$tmp/content" >/dev/null; }

# Every line of the offer is one of its keys: nothing from the stick makes
# a line of its own.
offer_lines_known() {
    ! grep -vE '^(stick|folder|usable|topics|pictures|problem) ' "$usb/offer"
}

# --- good content: offered, usable; the content folder untouched ---
reset
good_stick
run_stage sdb1
[ "$rc" = 0 ] || fail "good stick: exit $rc: $out"
has "stick sdb1" || fail "good stick: offer does not name the stick: $(offer)"
has "folder stick-sdb1" || fail "good stick: offer does not name its folder: $(offer)"
has "usable yes" || fail "good stick: not usable: $(offer)"
has "topics 8" || fail "good stick: topics: $(offer)"
has "pictures 1" || fail "good stick: pictures: $(offer)"
grep -q "from the stick" "$usb/stick-sdb1/10-runners-knee.md" || fail "good stick: not staged"
# Its translation (es/) comes along: topic files and kiosk.ini, no notes.
for f in es/30-causes.md es/kiosk.ini; do
    [ -f "$usb/stick-sdb1/$f" ] || fail "good stick: the translation's $f was not staged"
done
! grep -q "Not copied" "$usb/offer" || fail "good stick: files left out: $(offer)"
content_same || fail "good stick: the content folder was changed before any PIN"
if find "$usb/stick-sdb1" -type f -perm /111 | grep -q .; then fail "good stick: executable files staged"; fi
if find "$usb/stick-sdb1" -perm /007 | grep -q .; then fail "good stick: staged files readable by others"; fi
ls -d "$usb"/.stage-* >/dev/null 2>&1 && fail "good stick: temp folder left behind"
offer_lines_known || fail "good stick: unknown lines in the offer"
# A copy of a content folder brings the kiosk's own STATUS.txt: not a problem.
printf 'Showing: 8 topics\n' >"$tmp/stick/kiosk/STATUS.txt"
run_stage sdb1
! grep -q "STATUS.txt" "$usb/offer" || fail "status file on the stick: named in the offer: $(offer)"

# --- taken out: the offer and the copy go; another stick's offer stays ---
bash "$stage" --forget sdc1 >/dev/null
[ -f "$usb/offer" ] || fail "forget: another stick's removal took this offer"
bash "$stage" --forget sdb1 >/dev/null
[ -e "$usb/offer" ] && fail "forget: the offer is still there"
[ -e "$usb/stick-sdb1" ] && fail "forget: the staged copy is still there"

# --- broken content: offered as not usable, problems named kiosk/file ---
reset
good_stick
printf 'no title line\n\nText.\n' >"$tmp/stick/kiosk/20-symptoms.md"
run_stage
[ "$rc" = 0 ] || fail "broken stick: exit $rc: $out"
has "usable no" || fail "broken stick: offered as usable: $(offer)"
grep -q "^problem kiosk/20-symptoms.md: " "$usb/offer" || fail "broken stick: problem not named: $(offer)"

# --- no staff PIN in its kiosk.ini: not usable (it would lock staff out) ---
reset
good_stick
sed -i '/^pin *=/d' "$tmp/stick/kiosk/kiosk.ini"
run_stage
has "usable no" || fail "PIN-less stick: offered as usable: $(offer)"
sed -n 6p "$usb/offer" | grep -q "^problem kiosk/kiosk.ini has no staff PIN" ||
    fail "PIN-less stick: not the first problem: $(offer)"

# --- too many files, too many bytes: refused before copying ---
reset
good_stick
mkdir "$tmp/stick/kiosk/images/many"
for i in $(seq 1 650); do : >"$tmp/stick/kiosk/images/many/$i.png"; done
run_stage
has "usable no" || fail "too many files: usable"
grep -q "more than 600 files" "$usb/offer" || fail "too many files: offer says: $(offer)"
[ -e "$usb/stick-sdb1" ] && fail "too many files: something staged"
reset
good_stick
truncate -s 71M "$tmp/stick/kiosk/images/huge.png"
run_stage
grep -q "bigger than 70 MB" "$usb/offer" || fail "too big: offer says: $(offer)"

# --- links and programs on the stick: never followed, never run ---
reset
good_stick
echo "secret" >"$tmp/secret.txt"
ln -s "$tmp/secret.txt" "$tmp/stick/kiosk/90-secret.md"
ln -s "$tmp/secret.txt" "$tmp/stick/kiosk/images/link.png"
ln -s "$tmp" "$tmp/stick/kiosk/outside"
printf '#!/bin/sh\ntouch "%s/ran"\n' "$tmp" >"$tmp/stick/kiosk/autorun.sh"
cp "$tmp/stick/kiosk/autorun.sh" "$tmp/stick/kiosk/kiosk.ini.sh"
chmod +x "$tmp/stick/kiosk/"*.sh "$tmp/stick/kiosk/40-diagnosis.md"
: >"$tmp/stick/kiosk/.hidden.md"
: >"$tmp/stick/kiosk/._10-runners-knee.md"
run_stage
[ -e "$tmp/ran" ] && fail "links stick: a program from the stick was run"
s=$usb/stick-sdb1
for f in 90-secret.md images/link.png outside autorun.sh .hidden.md ._10-runners-knee.md; do
    [ -e "$s/$f" ] || [ -L "$s/$f" ] && fail "links stick: $f was staged"
done
if find "$s" -type f -perm /111 | grep -q .; then fail "links stick: an executable file was staged"; fi
grep -q "kiosk/90-secret.md is a link" "$usb/offer" || fail "links stick: the link is not reported: $(offer)"
grep -q "Not copied: kiosk/autorun.sh" "$usb/offer" || fail "links stick: the script is not reported"
has "usable yes" || fail "links stick: the rest is not usable: $(offer)"

# --- test_usb_newline_file_name: escaped, never a line of its own ---
reset
good_stick
printf '# Fake\n\nText.\n' >"$tmp/stick/kiosk/"$'30-a\nkiosk: 99 topics imported.md'
printf 'x' >"$tmp/stick/kiosk/"$'notes\tand\x1bthings.txt'
run_stage
offer_lines_known || fail "newline name: a line of the offer came from a file name: $(offer)"
grep -qF 'problem Not copied: kiosk/30-a\nkiosk: 99 topics imported.md' "$usb/offer" ||
    fail "newline name: not reported escaped: $(offer)"
grep -qF 'kiosk/notes\tand\x1bthings.txt' "$usb/offer" || fail "tab/escape name: not escaped: $(offer)"
if find "$usb/stick-sdb1" -name '*kiosk: 99*' | grep -q .; then fail "newline name: staged"; fi
grep -q $'\x1b' "$usb/offer" && fail "an escape character reached the offer"

# --- no kiosk/ folder, or kiosk/ a link: not offered ---
reset
: >"$tmp/stick/holiday.jpg"
run_stage
[ "$rc" = 0 ] || fail "plain stick: exit $rc"
[ -e "$usb/offer" ] && fail "plain stick: offered"
mkdir -p "$tmp/elsewhere"
cp -R "$src/content/." "$tmp/elsewhere/"
ln -s "$tmp/elsewhere" "$tmp/stick/kiosk"
run_stage
[ -e "$usb/offer" ] && fail "kiosk link: it was followed"

# --- names that are not a device's are refused ---
bash "$stage" --mounted "$tmp/stick" --name '../x' >/dev/null 2>&1 && fail "stage: a name with / taken"
bash "$mountsh" mount '../x' >/dev/null 2>&1 && fail "mount: a name with / taken"

# --- test_usb_mount_loop_image: the mount step, then the stage step as an
# unprivileged user, on a real file system ---
if [ "$(id -u)" != 0 ] || ! command -v losetup >/dev/null || ! losetup -f >/dev/null 2>&1; then
    echo "SKIP: mount step (needs root and loop devices)"
else
    mnt_base=$tmp/run
    reader=nobody
    rgid=$(id -g "$reader")
    try_fs() {   # TYPE: an image of that type holding good content; 0 when mounted
        local t=$1 img=$tmp/stick-$1.img dev
        rm -f "$img"
        truncate -s 24M "$img"
        case "$t" in
            ext4) reset
                  good_stick
                  chmod -R a+rX "$tmp/stick"
                  mkfs.ext4 -q -d "$tmp/stick" "$img" ;;
            vfat) command -v mkfs.vfat >/dev/null || return 1
                  mkfs.vfat "$img" >/dev/null ;;
        esac
        dev=$(losetup -f --show "$img") || return 1
        if [ "$t" = vfat ]; then   # fill it through a writable mount
            mkdir -p "$tmp/fill"
            if ! mount -t vfat "$dev" "$tmp/fill" 2>/dev/null; then losetup -d "$dev"; return 1; fi
            reset
            good_stick
            cp -R "$tmp/stick/kiosk" "$tmp/fill/"
            umount "$tmp/fill"
        fi
        reset
        rc=0
        KIOSK_USB_MNT=$mnt_base KIOSK_USB_USER=$reader bash "$mountsh" mount loopkiosk "$dev" \
            >"$tmp/mount.out" 2>&1 || rc=$?
        if [ "$rc" != 0 ]; then losetup -d "$dev"; return 1; fi
        mounted=$mnt_base/loopkiosk
        opts=$(findmnt -n -o OPTIONS,FSTYPE "$mounted")
        for o in ro nosuid nodev noexec; do
            grep -qw "$o" <<<"$opts" || fail "$t: mounted without $o: $opts"
        done
        grep -qw "$t" <<<"$opts" || fail "$t: mounted as another type: $opts"
        if [ "$t" = vfat ]; then
            grep -q "uid=$(id -u "$reader")" <<<"$opts" || fail "vfat: files not given to $reader: $opts"
            [ "$(stat -c %a "$mounted/kiosk/kiosk.ini")" = 440 ] || fail "vfat: file mode $(stat -c %a "$mounted/kiosk/kiosk.ini")"
        fi
        # The stage step as the unprivileged user, writing only STATE/usb.
        chown -R "$reader:$rgid" "$usb"
        chmod 0755 "$tmp/state"
        rc=0
        setpriv --reuid="$reader" --regid="$rgid" --clear-groups \
            env KIOSK_BIN="$kiosk" KIOSK_STATE="$tmp/state" \
            bash "$stage" --mounted "$mounted" --name loopkiosk >"$tmp/stage.out" 2>&1 || rc=$?
        [ "$rc" = 0 ] || fail "$t: stage as $reader exited $rc: $(cat "$tmp/stage.out")"
        has "usable yes" || fail "$t: stage as $reader: not usable: $(offer) $(cat "$tmp/stage.out")"
        [ "$(stat -c %U "$usb/stick-loopkiosk/kiosk.ini")" = "$reader" ] || fail "$t: staged as another user"
        KIOSK_USB_MNT=$mnt_base bash "$mountsh" unmount loopkiosk
        mountpoint -q "$mounted" && fail "$t: still mounted after unmount"
        [ -e "$mounted" ] && fail "$t: mount folder left"
        mounted=""
        losetup -d "$dev"
        echo "mount step: $t image mounted $opts, staged as $reader"
    }
    try_fs ext4 || fail "ext4 image could not be mounted: $(cat "$tmp/mount.out" 2>/dev/null)"
    if grep -qw vfat /proc/filesystems || [ -d "/lib/modules/$(uname -r)" ]; then
        try_fs vfat || echo "SKIP: vfat (this kernel mounts no vfat): $(cat "$tmp/mount.out" 2>/dev/null)"
    else
        echo "SKIP: vfat (this kernel has no vfat driver)"
    fi
    # Not a file system it takes: refused, nothing left mounted.
    truncate -s 4M "$tmp/junk.img"
    dev=$(losetup -f --show "$tmp/junk.img")
    KIOSK_USB_MNT=$mnt_base bash "$mountsh" mount loopjunk "$dev" >/dev/null 2>&1 &&
        fail "junk image: mounted"
    [ -e "$mnt_base/loopjunk" ] && fail "junk image: mount folder left"
    losetup -d "$dev"
fi

if [ "$fails" -gt 0 ]; then
    echo "$fails failures"
    exit 1
fi
echo "PASS usb_import"
