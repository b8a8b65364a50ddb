#!/bin/bash
# kiosk-usb-import.sh — takes new content from a USB stick: if the stick has a
# kiosk/ folder, copies its content files (only .md, .ini and PNG/JPEG images;
# never a link, never anything else) to a temporary folder beside the content
# folder, lets the kiosk program check it, and only if it is good swaps it in
# with two renames (the old content stays as content.previous). Nothing on the
# stick is ever run. The result, in plain words, goes to STATE/usb-import.txt,
# which the kiosk shows in STATUS.txt and its staff view.
#
#   kiosk-usb-import.sh --device /dev/sda1   mount it read-only, import, unmount
#                                            (kiosk-usb-import@.service, as root)
#   kiosk-usb-import.sh --mounted DIR        the stick is already at DIR (tests)
# Environment (defaults are the Pi's, see deploy/install.sh):
#   KIOSK_BIN=/usr/local/bin/kiosk  KIOSK_CONTENT=/var/lib/kiosk/content
#   KIOSK_STATE=/var/lib/kiosk/state  KIOSK_RELOAD=yes (ask kiosk.service to reload)
#   KIOSK_MOUNT_DIR (where --device mounts; default $RUNTIME_DIRECTORY or /run/kiosk-usb)
set -euo pipefail
umask 022

kiosk=${KIOSK_BIN:-/usr/local/bin/kiosk}
content=${KIOSK_CONTENT:-/var/lib/kiosk/content}
state=${KIOSK_STATE:-/var/lib/kiosk/state}
reload=${KIOSK_RELOAD:-yes}

# Bounds, the same as src/core/limits.h: a stick holding more than the kiosk
# would ever keep (KIOSK_MAX_LASTGOOD_FILES, _BYTES) is refused before copying.
max_files=600                    # 1 kiosk.ini + 24 topics + 512 images, README, slack
max_bytes=$((64 * 1024 * 1024))  # all files together
max_depth=3                      # kiosk/images/sub/x.png at most

device=""
stick=""
case "${1:-}" in
    --device) device=${2:?usage: kiosk-usb-import.sh --device /dev/sdXN} ;;
    --mounted) stick=${2:?usage: kiosk-usb-import.sh --mounted DIR} ;;
    *) sed -n '2,17s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
esac

parent=$(dirname "$content")
previous=$content.previous
tmp=""
mnt=""
mounted=0
notes=()

say() { printf '%s\n' "$*"; }

# shellcheck disable=SC2317 # called from the EXIT trap
cleanup() {
    if [ -n "$tmp" ] && [ -d "$tmp" ]; then rm -rf -- "$tmp"; fi
    if [ "$mounted" = 1 ]; then umount -- "$mnt" 2>/dev/null || umount -l -- "$mnt" || true; fi
    if [ -n "$mnt" ] && [ -d "$mnt" ]; then rmdir -- "$mnt" 2>/dev/null || true; fi
}
trap cleanup EXIT
# The stick pulled out: systemd stops us (BindsTo=). Leave tidily.
trap 'exit 143' TERM INT

# The result for staff, replaced whole (temp file and rename).
result() {
    local when text file
    when=$(date '+%a %d %b %Y %H:%M')
    text="$when: $1"
    for n in "${notes[@]+"${notes[@]}"}"; do text+=$'\n'"$n"; done
    say "$text"
    mkdir -p -- "$state"
    file=$(mktemp "$state/.usb-import.XXXXXX")
    printf '%s\n' "$text" >"$file"
    chmod 0644 "$file"
    if [ "$(id -u)" = 0 ]; then chown "$(stat -c %u:%g "$state")" "$file"; fi
    mv -f -- "$file" "$state/usb-import.txt"
}

ask_reload() {
    if [ "$reload" = yes ] && command -v systemctl >/dev/null; then
        systemctl --no-block reload kiosk.service 2>/dev/null || true
    fi
}

finish() {   # message, exit code
    result "$1"
    ask_reload
    exit "$2"
}

mount_stick() {
    local base=${RUNTIME_DIRECTORY:-/run/kiosk-usb}
    mnt=${KIOSK_MOUNT_DIR:-$base/$(basename "$device")}
    mkdir -p -- "$mnt"
    # Read-only, and nothing on it can run, be a device, or gain privileges.
    if ! mount -o ro,nosuid,nodev,noexec -- "$device" "$mnt"; then
        say "USB stick $device could not be read (mount failed); nothing imported."
        exit 0   # not a kiosk stick's problem to report: maybe not a stick at all
    fi
    mounted=1
    stick=$mnt
}

# A crash between the two renames of an earlier import: put the old back.
recover() {
    if [ ! -e "$content" ] && [ -d "$previous" ]; then mv -T -- "$previous" "$content"; fi
    find "$parent" -maxdepth 1 -name '.kiosk-import.*' -type d -exec rm -rf -- {} + 2>/dev/null || true
}

ignored_name() {   # dotfiles, macOS ._*, editor leftovers: silently skipped
    case "$1" in
        .* | *~ | *.swp | *.SWP | '~$'* | *.tmp | *.TMP) return 0 ;;
    esac
    return 1
}

wanted_name() {   # rel path inside kiosk/
    local lower
    lower=$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')
    case "$lower" in
        */*.png | */*.jpg | */*.jpeg | *.png | *.jpg | *.jpeg) return 0 ;;
        */*) return 1 ;;   # text files only at the top, like the kiosk reads them
        *.md | *.ini) return 0 ;;
    esac
    return 1
}

# Lists what to copy into $list (NUL-separated rel paths), refusing a stick
# over the bounds. Never follows a link: find -P is the default.
plan() {
    local src=$1 count=0 bytes=0 rel kind size skip parts
    list=$(mktemp)
    while IFS= read -r -d '' kind && IFS= read -r -d '' size && IFS= read -r -d '' rel; do
        count=$((count + 1))
        if [ "$count" -gt "$max_files" ]; then
            finish "USB stick not imported: its kiosk folder has more than $max_files files. Keep only the content files (kiosk.ini, the topic .md files, images) and try again. The content on screen is unchanged." 1
        fi
        skip=0
        IFS=/ read -r -a parts <<<"$rel"
        for part in "${parts[@]}"; do if ignored_name "$part"; then skip=1; fi; done
        [ "$skip" = 1 ] && continue
        case "$kind" in
            d) continue ;;
            l) notes+=("Not copied: kiosk/$rel is a link; links on the stick are never followed."); continue ;;
            f) ;;
            *) notes+=("Not copied: kiosk/$rel is not an ordinary file."); continue ;;
        esac
        if ! wanted_name "$rel"; then
            notes+=("Not copied: kiosk/$rel (only kiosk.ini, .md topic files and PNG or JPEG images are taken).")
            continue
        fi
        bytes=$((bytes + size))
        if [ "$bytes" -gt "$max_bytes" ]; then
            finish "USB stick not imported: the files in its kiosk folder are bigger than $((max_bytes / 1024 / 1024)) MB together. Make the images smaller and try again. The content on screen is unchanged." 1
        fi
        printf '%s\0' "$rel" >>"$list"
    done < <(cd "$src" && find . -mindepth 1 -maxdepth "$max_depth" \
                 -printf '%y\0%s\0%P\0' 2>/dev/null | head -z -n $(((max_files + 1) * 3)))
}

copy_files() {
    local src=$1 rel
    while IFS= read -r -d '' rel; do
        if [[ "$rel" == */* ]]; then mkdir -p -- "$tmp/${rel%/*}" || return 1; fi
        # -P: a file swapped for a link meanwhile is copied as a link, and
        # the kiosk's check refuses links out of its folder.
        cp -P -- "$src/$rel" "$tmp/$rel" || return 1
    done <"$list"
    rm -f -- "$list"
    # The staff guide stays, even if the stick has none.
    if [ ! -e "$tmp/README.md" ] && [ -f "$content/README.md" ]; then
        cp -P -- "$content/README.md" "$tmp/README.md" || return 1
    fi
}

# Ownership and modes as the content folder had them (group staff, setgid),
# so staff can go on editing over SFTP. Nothing copied is executable.
fix_modes() {
    local dmode=2775 fmode owner=""
    if [ -d "$content" ]; then
        dmode=$(stat -c %a "$content")
        owner=$(stat -c %u:%g "$content")
    fi
    fmode=$(printf '%o' $((8#$dmode & 8#0666)))
    find "$tmp" -type d -exec chmod "$dmode" {} +
    find "$tmp" -type f -exec chmod "$fmode" {} +
    if [ "$(id -u)" = 0 ] && [ -n "$owner" ]; then chown -R -- "$owner" "$tmp"; fi
}

check() {   # the kiosk program decides; prints its lines with kiosk/ names
    local out rc=0
    out=$(timeout 60 "$kiosk" --check --content "$tmp" 2>&1) || rc=$?
    out=${out//"$tmp"/kiosk}
    while IFS= read -r line; do
        case "$line" in
            kiosk:*) ;;                      # the summary line
            "") ;;
            "("*) notes+=("$line") ;;
            *) notes+=("kiosk/$line") ;;
        esac
    done <<<"$out"
    summary=$(printf '%s\n' "$out" | sed -n 's/^kiosk: \([0-9]* topics, [0-9]* cards, [0-9]* images\).*/\1/p' | tail -n 1)
    return "$rc"
}

swap_in() {
    sync -f "$tmp" 2>/dev/null || sync
    # The two renames must not be split by a signal: the stick can go now.
    trap '' TERM INT
    rm -rf -- "$previous"
    if [ -e "$content" ]; then mv -T -- "$content" "$previous"; fi
    mv -T -- "$tmp" "$content"
    tmp=""
    trap 'exit 143' TERM INT
    sync -f "$content" 2>/dev/null || sync
}

main() {
    if [ -n "$device" ]; then mount_stick; fi
    if [ ! -d "$stick/kiosk" ] || [ -L "$stick/kiosk" ]; then
        say "USB stick has no kiosk folder: nothing imported."
        exit 0   # an ordinary stick: not worth a line in STATUS.txt
    fi
    mkdir -p -- "$state"
    exec 9>"$state/.usb-import.lock"
    flock 9   # one stick at a time
    recover
    plan "$stick/kiosk"
    tmp=$(mktemp -d "$parent/.kiosk-import.XXXXXX")
    if ! copy_files "$stick/kiosk"; then
        finish "USB stick not imported: a file could not be read from it (was it pulled out?). The content on screen is unchanged." 1
    fi
    fix_modes
    summary=""
    if ! check; then
        finish "USB stick not imported: the content on it has problems, listed below. Fix them on the stick (kiosk folder) and plug it in again. The content on screen is unchanged." 1
    fi
    swap_in
    finish "USB stick imported${summary:+: $summary}. The content before it is kept in $previous." 0
}

main
