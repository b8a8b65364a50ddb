#!/bin/bash
# kiosk-usb-stage.sh — the stage step of a USB stick's import, run as the
# unprivileged user kiosk-usb in a sandbox (kiosk-usb-stage@.service) once
# the stick is mounted read-only: if it has a kiosk/ folder, copies its
# content files (kiosk.ini, .md files, PNG and JPEG images; never a link,
# never anything else) into STATE/usb/stick-NAME, checks the copy with
# `kiosk --check`, and writes STATE/usb/offer, whole (temp file, rename):
# what the stick holds and the problems found. The kiosk sees the offer,
# shows it, and imports only after the staff PIN. Nothing on the stick is
# ever run, and every name from it is written escaped (\n, \t, \xHH).
#
#   kiosk-usb-stage.sh --mounted DIR --name NAME   stage the stick at DIR
#   kiosk-usb-stage.sh --forget NAME               the stick is gone: remove
#                                                  its offer and its copy
# Environment (defaults are the Pi's, see deploy/install.sh):
#   KIOSK_BIN=/usr/local/bin/kiosk  KIOSK_STATE=/var/lib/kiosk/state
set -euo pipefail
umask 027   # group kiosk (the folder's setgid) reads; nobody else

kiosk=${KIOSK_BIN:-/usr/local/bin/kiosk}
state=${KIOSK_STATE:-/var/lib/kiosk/state}
usb=$state/usb

# Bounds, the same as src/core/limits.h: a stick holding more than the kiosk
# would ever keep (KIOSK_MAX_LASTGOOD_FILES; bytes below) is refused before copying.
max_files=600                    # 1 kiosk.ini + 24 topics + 512 images, README, slack
# all files together: KIOSK_MAX_PICTURES_BYTES, kiosk.ini and 24 topics at their limits
max_bytes=$((64 * 1024 * 1024 + 64 * 1024 + 24 * 256 * 1024))
max_depth=3                      # kiosk/images/sub/x.png at most
max_notes=40                     # lines of problems in the offer

stick="" name="" action=""
while [ $# -gt 0 ]; do
    case "$1" in
        --mounted) stick=${2:?}; action=stage; shift ;;
        --forget) name=${2:?}; action=forget; shift ;;
        --name) name=${2:?}; shift ;;
        *) action="" ; break ;;
    esac
    shift
done
case "$name" in
    "" | *[!a-z0-9]*) action="" ;;
esac
if [ -z "$action" ]; then sed -n '2,19s/^# \{0,1\}//p' "$0" >&2; exit 2; fi

folder=stick-$name
tmp=""
notes=()

say() { printf '%s\n' "$*"; }

# Printable text: control characters as \n, \t, \r, \xHH; \ as \\.
esc() {
    printf '%s' "$1" | LC_ALL=C perl -0777 -pe \
        's/\\/\\\\/g; s/\n/\\n/g; s/\t/\\t/g; s/\r/\\r/g; s/([\x00-\x1f\x7f])/sprintf("\\x%02x", ord $1)/ge'
}
note() { [ "${#notes[@]}" -lt "$max_notes" ] && notes+=("$(esc "$1")"); return 0; }

# shellcheck disable=SC2317 # called from the EXIT trap
cleanup() { if [ -n "$tmp" ] && [ -d "$tmp" ]; then rm -rf -- "$tmp"; fi; }
trap cleanup EXIT

# The offer the kiosk reads: replaced whole, never half written.
offer() {   # usable topics pictures
    local f
    f=$(mktemp "$usb/.offer.XXXXXX")
    {
        printf 'stick %s\nfolder %s\nusable %s\ntopics %s\npictures %s\n' \
            "$name" "$folder" "$1" "$2" "$3"
        for n in "${notes[@]+"${notes[@]}"}"; do printf 'problem %s\n' "$n"; done
    } >"$f"
    chmod 0640 "$f"
    mv -f -- "$f" "$usb/offer"
    say "USB stick $name offered: usable $1, $2 topics, $3 pictures, ${#notes[@]} problems"
}

refuse() {   # a stick over the bounds: offered with its problem, not usable
    note "$1"
    rm -rf -- "${usb:?}/$folder"
    offer no 0 0
    exit 0
}

forget() {
    if [ -f "$usb/offer" ] && grep -qx "folder $folder" "$usb/offer"; then
        rm -f -- "$usb/offer"
    fi
    rm -rf -- "${usb:?}/$folder" "$usb/.stage-$name".*
    say "USB stick $name taken out: its offer is gone"
}

ignored_name() {   # dotfiles, macOS ._*, editor leftovers, the kiosk's own
                   # STATUS.txt (a copy of a content folder has one): silently skipped
    case "$1" in
        .* | *~ | *.swp | *.SWP | '~$'* | *.tmp | *.TMP | STATUS.txt) return 0 ;;
    esac
    return 1
}

# A translation's folder: a language code, as the kiosk reads it
# (content_lang_code in src/core/content_lang.c): es, pt-BR, zh-Hant, haw-US.
lang_dir_re='^([a-z]{2}(-[A-Za-z0-9]{2,8})*|[a-z]{3}(-[A-Za-z0-9]{2,8})+)/[^/]+$'

wanted_name() {   # rel path inside kiosk/
    local LC_ALL=C lower
    lower=$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')
    case "$lower" in
        */*.png | */*.jpg | */*.jpeg | *.png | *.jpg | *.jpeg) return 0 ;;
    esac
    if [[ $1 =~ $lang_dir_re ]]; then   # its topic files and kiosk.ini
        case "$lower" in
            */kiosk.ini | */*.md) return 0 ;;
        esac
        return 1
    fi
    case "$lower" in
        */*) return 1 ;;   # text files only at the top, like the kiosk reads them
        *.md | *.ini) return 0 ;;
    esac
    return 1
}

has_control() { [[ "$1" == *[[:cntrl:]]* ]]; }

# Lists what to copy into $list (NUL-separated rel paths). Never follows a
# link: find -P is the default.
plan() {
    local src=$1 count=0 bytes=0 rel kind size skip parts
    list=$(mktemp)
    while IFS= read -r -d '' kind && IFS= read -r -d '' size && IFS= read -r -d '' rel; do
        count=$((count + 1))
        if [ "$count" -gt "$max_files" ]; then
            refuse "Its kiosk folder has more than $max_files files. Keep only the content files (kiosk.ini, the topic .md files, images) and try again."
        fi
        skip=0
        IFS=/ read -r -a parts <<<"$rel"
        for part in "${parts[@]}"; do if ignored_name "$part"; then skip=1; fi; done
        [ "$skip" = 1 ] && continue
        if has_control "$rel"; then
            note "Not copied: kiosk/$rel (its name has control characters; rename it)."
            continue
        fi
        case "$kind" in
            d) continue ;;
            l) note "Not copied: kiosk/$rel is a link; links on the stick are never followed."; continue ;;
            f) ;;
            *) note "Not copied: kiosk/$rel is not an ordinary file."; continue ;;
        esac
        if ! wanted_name "$rel"; then
            note "Not copied: kiosk/$rel (only kiosk.ini, .md topic files and PNG or JPEG images are taken)."
            continue
        fi
        bytes=$((bytes + size))
        if [ "$bytes" -gt "$max_bytes" ]; then
            refuse "The files in its kiosk folder are bigger than $((max_bytes / 1024 / 1024)) MB together. Make the images smaller and try again."
        fi
        printf '%s\0' "$rel" >>"$list"
    done < <(cd "$src" && find . -mindepth 1 -maxdepth "$max_depth" \
                 -printf '%y\0%s\0%P\0' 2>/dev/null | head -z -n $(((max_files + 1) * 3)))
}

copy_files() {
    local src=$1 rel
    while IFS= read -r -d '' rel; do
        if [[ "$rel" == */* ]]; then mkdir -p -- "$tmp/${rel%/*}" || return 1; fi
        cp -P -- "$src/$rel" "$tmp/$rel" || return 1
    done <"$list"
    rm -f -- "$list"
    # g-s: the folders inherit set-group-ID from STATE/usb, and the unit's
    # RestrictSUIDSGID=yes refuses a chmod that keeps it (EPERM, seen in the
    # VM test), which left them 0700 and the kiosk unable to read the copy.
    find "$tmp" -type d -exec chmod u=rwx,g=rx,o=,g-s {} +
    find "$tmp" -type f -exec chmod u=rw,g=r,o= {} +
}

check() {   # the kiosk program decides; its lines named kiosk/...
    local out rc=0 line
    out=$(timeout 60 "$kiosk" --check --content "$tmp" 2>&1) || rc=$?
    while IFS= read -r line; do
        case "$line" in
            "$tmp:"*) summary=${line#"$tmp: "} ;;
            "") ;;
            "$tmp/"*) note "kiosk/${line#"$tmp/"}" ;;
            *) note "kiosk/$line" ;;
        esac
    done <<<"$out"
    return "$rc"
}

stage() {
    if [ ! -d "$stick/kiosk" ] || [ -L "$stick/kiosk" ]; then
        say "USB stick $name has no kiosk folder: nothing offered."
        exit 0   # an ordinary stick
    fi
    mkdir -p -- "$usb"
    rm -rf -- "$usb/.stage-$name".*
    plan "$stick/kiosk"
    tmp=$(mktemp -d "$usb/.stage-$name.XXXXXX")
    if ! copy_files "$stick/kiosk"; then
        refuse "A file could not be read from it (was it pulled out?)."
    fi
    summary=""
    usable=yes
    check || usable=no
    # Its kiosk.ini becomes the kiosk's: without a PIN, the staff view would
    # be off and no stick could ever be imported again from the screen.
    if [ -f "$tmp/kiosk.ini" ] && ! awk '/^[ \t]*\[/ { sec = $0; gsub(/[][ \t]/, "", sec); next }
            sec == "staff" && /^[ \t]*pin[ \t]*=[ \t]*[0-9][0-9][0-9][0-9]/ { found = 1 }
            END { exit !found }' "$tmp/kiosk.ini"; then
        usable=no
        # First: the screen shows the problems that fit.
        notes=("kiosk/kiosk.ini has no staff PIN ([staff] pin = 4 to 8 digits). Add the kiosk's PIN (or a new one) to the stick's kiosk.ini: without one, the staff view would be off and no stick could be imported again." "${notes[@]+"${notes[@]}"}")
    fi
    topics=$(sed -n 's/^\([0-9]*\) topics.*/\1/p' <<<"$summary")
    pictures=$(find "$tmp" -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' \) | wc -l)
    rm -rf -- "${usb:?}/$folder"
    mv -T -- "$tmp" "$usb/$folder"
    tmp=""
    offer "$usable" "${topics:-0}" "$pictures"
}

case "$action" in
    stage) stage ;;
    forget) forget ;;
esac
