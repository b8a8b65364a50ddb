#!/bin/sh
# syncthing-setup.sh — Syncthing for the kiosk's content folder, so the
# front desk's computer holds a folder that *is* the kiosk's content (and
# gets STATUS.txt back). Debian's own syncthing, run as user kiosk-sync by
# its own hardened unit; no global discovery, no relays, no usage reports,
# its web page on the Pi itself only. Run as root, after install.sh.
#
#   sudo deploy/syncthing-setup.sh --add-device FRONT-DESK-ID
#        sets Syncthing up (once), shares the content folder with that
#        computer and prints this kiosk's device ID to add there
#   options: --address tcp://HOST:22000  where the front desk is, when this
#              kiosk cannot find it on the local network by itself
#            --status-stays  this kiosk's STATUS.txt is not sent (every kiosk
#              but one, when several share the folder: they would overwrite
#              each other's)
#            --fresh  this kiosk's own content is moved aside first (to
#              content.before-sync), so the front desk's fills the folder
#              (every kiosk but the first: its example files would come back)
#            --across-sites  the owner's choice: also global discovery and
#              relays (through syncthing.net's servers), for kiosks that are
#              not on the same network as the front desk
#   sudo deploy/syncthing-setup.sh --uninstall   stops and removes the service
#
# For the tests (no root, nothing installed), the two steps on their own:
#   syncthing-setup.sh config HOME LISTEN GUI [--no-local-discovery]
#        a new Syncthing home: key, config.xml with the settings above
#        (written before Syncthing first runs, so it never announces itself)
#   syncthing-setup.sh share HOME FOLDER [DEVICE-ID ADDRESS] [--status-stays]
#                          [--name=NAME]
#        on the running Syncthing of HOME: the folder shared send-receive,
#        its .stignore, and a device it is shared with (named NAME, else
#        "Front desk")
set -eu

folder_id=kiosk-content
content=/var/lib/kiosk/content
home=/var/lib/kiosk-sync
unit=/etc/systemd/system/kiosk-syncthing.service
gui=127.0.0.1:8384

die() { echo "syncthing-setup.sh: $*" >&2; exit 1; }

usage() {
    sed -n '2,32s/^# \{0,1\}//p' "$0"
}

# set_option FILE ELEMENT VALUE: <ELEMENT>...</ELEMENT> in config.xml gets
# VALUE; the file must hold the element once (Debian 12's syncthing writes
# every option), else this stops rather than leave a default on.
set_option() {
    n=$(grep -c "<$2>.*</$2>" "$1" || true)
    [ "$n" -eq 1 ] || die "$1 has $n <$2> settings, not 1: not the config.xml this script knows"
    sed -i "s|<$2>.*</$2>|<$2>$3</$2>|" "$1"
}

# config HOME LISTEN GUI [--no-local-discovery]
st_config() {
    h=$1 listen=$2 address=$3 local_ann=true wide=false
    shift 3
    for a in "$@"; do
        case "$a" in
            --no-local-discovery) local_ann=false ;;
            --across-sites) wide=true ;;
            *) die "unknown option $a" ;;
        esac
    done
    [ ! -e "$h/config.xml" ] || die "$h/config.xml exists: Syncthing is set up there already"
    out=$(syncthing generate --home="$h" --no-default-folder --skip-port-probing 2>&1) ||
        die "syncthing could not make its keys in $h: $out"
    f=$h/config.xml
    set_option "$f" listenAddress "$listen"
    # The web page and its API: on this computer only (the device's own
    # <address> elements say where other devices are: not these).
    sed -i "/<gui /,/<\/gui>/s|<address>.*</address>|<address>$address</address>|" "$f"
    grep -qF "<address>$address</address>" "$f" || die "$f: could not set the GUI address"
    # Nothing leaves the local network unless the owner asks (--across-sites).
    set_option "$f" globalAnnounceEnabled "$wide"
    set_option "$f" relaysEnabled "$wide"
    set_option "$f" natEnabled false
    set_option "$f" localAnnounceEnabled "$local_ann"
    # Usage reports declined (-1 asks never again), no crash reports, no
    # upgrades (Debian's package is upgraded by apt), no browser to open.
    set_option "$f" urAccepted -1
    set_option "$f" crashReportingEnabled false
    set_option "$f" autoUpgradeIntervalH 0
    set_option "$f" startBrowser false
}

# The editors' and the systems' leftovers, and the kiosk's own temporary
# STATUS.txt: never sent. (?d): may be deleted when a folder they are in is.
stignore() {
    cat <<'EOF'
// Syncthing: what is not sent between this kiosk and the front desk.
// Written by syncthing-setup.sh; one pattern a line.
(?d).DS_Store
(?d)._*
(?d)Thumbs.db
(?d)desktop.ini
~$*
.~lock.*
*.swp
*.swx
*~
*.tmp
4913
EOF
}

# api HOME METHOD PATH [JSON]: Syncthing's REST API on the instance of HOME
# (its address and key are in HOME/config.xml; the address is loopback).
api() {
    # (sh has no local variables: names of their own.)
    api_key=$(sed -n 's|.*<apikey>\(.*\)</apikey>.*|\1|p' "$1/config.xml")
    api_gui=$(sed -n '/<gui /,/<\/gui>/s|.*<address>\(.*\)</address>.*|\1|p' "$1/config.xml")
    curl -fsS --max-time 20 -H "X-API-Key: $api_key" -X "$2" ${4:+--data "$4"} \
        "http://$api_gui$3"
}

# The device IDs a folder is shared with, one a line.
folder_devices() {
    api "$1" GET "/rest/config/folders/$folder_id" |
        grep -o '"deviceID": *"[A-Z0-9-]*"' | sed 's/.*"\([A-Z0-9-]*\)"$/\1/'
}

# share HOME FOLDER [DEVICE-ID ADDRESS] [--status-stays]
st_share() {
    h=$1 dir=$2
    shift 2
    dev="" addr="" stays=0 name="Front desk"
    for a in "$@"; do
        case "$a" in
            --status-stays) stays=1 ;;
            --name=*) name=${a#--name=} ;;
            *) if [ -z "$dev" ]; then dev=$a; elif [ -z "$addr" ]; then addr=$a; else die "too many words: $a"; fi ;;
        esac
    done
    if [ ! -f "$dir/.stignore" ]; then
        stignore >"$dir/.stignore"
        [ "$stays" -eq 0 ] || printf 'STATUS.txt\n' >>"$dir/.stignore"
    fi
    if ! api "$h" GET "/rest/config/folders/$folder_id" >/dev/null 2>&1; then
        # ignorePerms: a Windows or Mac front desk has no Unix modes to send;
        # files come in with the service's umask (group staff may edit).
        api "$h" POST /rest/config/folders "{\"id\": \"$folder_id\",
            \"label\": \"Kiosk content\", \"path\": \"$dir\", \"type\": \"sendreceive\",
            \"ignorePerms\": true, \"fsWatcherEnabled\": true, \"fsWatcherDelayS\": 2,
            \"rescanIntervalS\": 60}" >/dev/null
    fi
    [ -n "$dev" ] || return 0
    api "$h" POST /rest/config/devices "{\"deviceID\": \"$dev\", \"name\": \"$name\",
        \"addresses\": [\"${addr:-dynamic}\"]}" >/dev/null
    list=""
    for d in $(folder_devices "$h") "$dev"; do
        case "$list" in *"\"$d\""*) ;; *) list="$list${list:+, }{\"deviceID\": \"$d\"}" ;; esac
    done
    api "$h" PATCH "/rest/config/folders/$folder_id" "{\"devices\": [$list]}" >/dev/null
}

# wait_up HOME: until the instance answers (a minute at most).
wait_up() {
    i=0
    until api "$1" GET /rest/system/ping >/dev/null 2>&1; do
        i=$((i + 1))
        [ "$i" -le 120 ] || die "Syncthing did not start; see: journalctl -u kiosk-syncthing"
        sleep 0.5
    done
}

device_id() {
    api "$1" GET /rest/system/status | sed -n 's/.*"myID": *"\([^"]*\)".*/\1/p'
}

# An empty content folder in place of this kiosk's own, once (not when the
# folder is shared already): the screen keeps the last good copy meanwhile.
make_fresh() {
    if [ -d "$content/.stfolder" ]; then
        echo "  $content is shared already: --fresh left it as it is"
        return 0
    fi
    [ ! -e "$content.before-sync" ] || die "$content.before-sync exists; move it away first"
    mv "$content" "$content.before-sync"
    mkdir "$content"
    chown kiosk:staff "$content"
    chmod 2775 "$content"
    echo "  this kiosk's own content is now in $content.before-sync"
}

do_install() {
    [ "$(id -u)" -eq 0 ] || die "run me as root: sudo $0 $*"
    dev="" addr="" stays="" wide="" fresh=0
    while [ $# -gt 0 ]; do
        case "$1" in
            --add-device) [ $# -ge 2 ] || die "--add-device needs the front desk's device ID"; dev=$2; shift ;;
            --address) [ $# -ge 2 ] || die "--address needs tcp://HOST:22000"; addr=$2; shift ;;
            --status-stays) stays=--status-stays ;;
            --across-sites) wide=--across-sites ;;
            --fresh) fresh=1 ;;
            *) usage >&2; exit 2 ;;
        esac
        shift
    done
    [ -n "$dev" ] || { usage >&2; exit 2; }
    [ -d "$content" ] || die "$content does not exist: run deploy/install.sh first"
    if ! command -v syncthing >/dev/null || ! command -v curl >/dev/null; then
        apt-get install -y -qq --no-install-recommends syncthing curl
    fi
    # Its own user, in group staff like the people who edit the content.
    getent passwd kiosk-sync >/dev/null ||
        useradd --system --user-group --home-dir "$home" --no-create-home \
            --shell /usr/sbin/nologin --groups staff kiosk-sync
    mkdir -p "$home"
    chmod 0700 "$home"
    if [ ! -f "$home/config.xml" ]; then
        # shellcheck disable=SC2086 # $wide is one option or none
        st_config "$home" tcp://0.0.0.0:22000 "$gui" $wide
    fi
    chown -R kiosk-sync:kiosk-sync "$home"
    [ "$fresh" -eq 0 ] || make_fresh
    src=$(cd "$(dirname "$0")" && pwd)
    cp "$src/kiosk-syncthing.service" "$unit.new" && mv "$unit.new" "$unit"
    systemctl daemon-reload
    systemctl enable --now kiosk-syncthing.service
    wait_up "$home"
    # shellcheck disable=SC2086 # $stays is one option or none
    st_share "$home" "$content" "$dev" "$addr" $stays
    if [ -f "$content/.stignore" ]; then
        chown kiosk-sync:staff "$content/.stignore"
        chmod 0664 "$content/.stignore"
    fi
    me=$(device_id "$home")
    cat <<EOF

Done. Syncthing shares $content with the front desk.
This kiosk's device ID (add it on the front desk's computer):

    $me

On the front desk, Syncthing asks to add this kiosk and then to add the
folder "Kiosk content": say yes to both and choose where the folder goes.
Syncthing's page here: ssh -L 8384:127.0.0.1:8384 $(id -un 2>/dev/null || echo you)@$(hostname)
then http://127.0.0.1:8384 on your computer.
EOF
}

do_uninstall() {
    [ "$(id -u)" -eq 0 ] || die "run me as root: sudo $0 --uninstall"
    systemctl disable --now kiosk-syncthing.service || true
    rm -f "$unit"
    systemctl daemon-reload
    echo "Removed the service. Its keys stay in $home (delete by hand if unwanted);"
    echo "the content folder is left as it is."
}

case "${1:-}" in
    config) shift; [ $# -ge 3 ] || { usage >&2; exit 2; }; st_config "$@" ;;
    share) shift; [ $# -ge 2 ] || { usage >&2; exit 2; }; st_share "$@" ;;
    --uninstall) do_uninstall ;;
    -h|--help|"") usage ;;
    *) do_install "$@" ;;
esac
