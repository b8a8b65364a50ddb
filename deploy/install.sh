#!/bin/sh
# install.sh — turns a Raspberry Pi OS Lite (bookworm) into the lobby kiosk:
# packages, a release build, the program, the kiosk user, the content folder
# staff edit over SFTP, the service, and a quiet console. Run as root; run it
# again to upgrade in place (content is never touched once it exists).
#
#   sudo deploy/install.sh                 install or upgrade
#   sudo deploy/install.sh --uninstall     remove everything but the content
#   options: --prefix DIR (default /usr/local), --build-dir DIR,
#            --no-build (install what is already built in the build folder)
#   DESTDIR=/tmp/root deploy/install.sh    write under /tmp/root instead of /,
#            change nothing on this machine (no apt, useradd, systemctl) and
#            list those actions in $DESTDIR/kiosk-install.log, for tests.
set -eu
set -f   # no globbing: kernel command line words are split, never expanded

src=$(cd "$(dirname "$0")/.." && pwd)
prefix=/usr/local
build_dir=""
build=1
action=install

# Where things live on the Pi. Not under --prefix: they are data, and the
# unit names them.
content=/var/lib/kiosk/content
state=/var/lib/kiosk/state
cache=/var/cache/kiosk
unit=/etc/systemd/system/kiosk.service
usb_mount_unit=/etc/systemd/system/kiosk-usb-mount@.service
usb_stage_unit=/etc/systemd/system/kiosk-usb-stage@.service
# Before the import asked for the PIN (removed on upgrade).
old_usb_unit=/etc/systemd/system/kiosk-usb-import@.service
usb_rules=/etc/udev/rules.d/99-kiosk-usb.rules
panel_rules=/etc/udev/rules.d/99-kiosk-panel.rules
boot_params="consoleblank=0 quiet loglevel=3 logo.nologo vt.global_cursor_default=0"

usage() {
    sed -n '2,14s/^# \{0,1\}//p' "$0"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { usage >&2; exit 2; }; prefix=$2; shift ;;
        --prefix=*) prefix=${1#--prefix=} ;;
        --build-dir) [ $# -ge 2 ] || { usage >&2; exit 2; }; build_dir=$2; shift ;;
        --build-dir=*) build_dir=${1#--build-dir=} ;;
        --no-build) build=0 ;;
        --uninstall) action=uninstall ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
case "$prefix" in
    /*) ;;
    *) echo "install.sh: --prefix must be an absolute path" >&2; exit 2 ;;
esac
# The prefix goes into unit files (ExecStart=, where a space splits the
# command, % starts a specifier and \ an escape) and through sed (& and |):
# only plain path characters are taken, rather than a unit that breaks.
case "$prefix" in
    *[!A-Za-z0-9/._+-]*)
        echo "install.sh: --prefix '$prefix' has characters a systemd unit cannot" \
            "carry as they are (space, &, %, quotes, ...); use letters, digits and" \
            "/ . _ + - only, like /opt/kiosk" >&2
        exit 2 ;;
esac
[ -n "$build_dir" ] || build_dir="$src/build-release"
usb_lib=$prefix/lib/kiosk

dest=${DESTDIR:-}
dest=${dest%/}
log=""
if [ -n "$dest" ]; then
    mkdir -p "$dest"
    log="$dest/kiosk-install.log"
    : >"$log"
elif [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: run me as root: sudo $0" >&2
    exit 1
fi

say() { printf '%s\n' "$*"; }

# Changes to the machine itself (packages, users, services). Under DESTDIR
# they are only written to the log, one line each, for a test to read.
system() {
    if [ -n "$log" ]; then
        printf '%s\n' "$*" >>"$log"
    else
        "$@"
    fi
}

# The same, for steps that may find nothing to do (a second --uninstall).
system_try() {
    system "$@" || say "  ($* did nothing)"
}

# chown needs the kiosk user, which exists only on a real install.
own() {
    if [ -n "$log" ]; then
        printf 'chown %s %s\n' "$1" "$2" >>"$log"
    else
        chown "$1" "$dest$2"
    fi
}

# The Pi's kernel command line: one line of space-separated words. Bookworm
# reads /boot/firmware/cmdline.txt; older images /boot/cmdline.txt.
cmdline_file() {
    for f in "$dest/boot/firmware/cmdline.txt" "$dest/boot/cmdline.txt"; do
        if [ -f "$f" ]; then
            printf '%s\n' "$f"
            return 0
        fi
    done
    return 1
}

# Prints the words of line $1 without those whose key (before "=") is $2.
without_key() {
    for w in $1; do
        [ "${w%%=*}" = "$2" ] || printf '%s ' "$w"
    done
}

# systemd runs this system (as on every Pi OS); not in a chroot of one, where
# there is no udev or systemd to tell (sd_booted's test).
booted() {
    [ -d /run/systemd/system ]
}

# Rewrites the file only when the line changes, so a second run is a no-op.
write_cmdline() {
    file=$1 new=$2
    new=$(printf '%s' "$new" | sed 's/  */ /g; s/^ //; s/ $//')
    if [ "$(head -n 1 "$file")" != "$new" ]; then
        printf '%s\n' "$new" >"$file.kiosk-new"
        mv "$file.kiosk-new" "$file"
        say "  updated $file"
    fi
}

quiet_console() {
    if ! file=$(cmdline_file); then
        say "  no cmdline.txt found under $dest/boot: console left as it is"
        return 0
    fi
    # The line as it was before the first install, for --uninstall.
    [ -f "$file.kiosk-orig" ] || cp -p "$file" "$file.kiosk-orig"
    write_cmdline "$file" "$(quieted "$(head -n 1 "$file")")"
}

# The line $1 with our words in place of any with the same key.
quieted() {
    line=$1
    for p in $boot_params; do
        line="$(without_key "$line" "${p%%=*}") $p"
    done
    printf '%s' "$line" | sed 's/  */ /g; s/^ //; s/ $//'
}

# Takes out the words install added, but keeps those that were there before.
# Without the copy of the line from before the install (a second --uninstall,
# or none ever made) nothing was added: the line stays as the owner has it.
loud_console() {
    file=$(cmdline_file) || return 0
    if [ ! -f "$file.kiosk-orig" ]; then
        say "  $file: no install of ours to undo; left as it is"
        return 0
    fi
    orig=$(head -n 1 "$file.kiosk-orig")
    line=$(head -n 1 "$file")
    # Unchanged since the install: the old line back word for word.
    if [ "$line" = "$(quieted "$orig")" ]; then
        write_cmdline "$file" "$orig"
        rm -f "$file.kiosk-orig"
        return 0
    fi
    for p in $boot_params; do
        key=${p%%=*}
        line=$(without_key "$line" "$key")
        for w in $orig; do
            [ "${w%%=*}" = "$key" ] && line="$line $w"
        done
    done
    write_cmdline "$file" "$line"
    rm -f "$file.kiosk-orig"
}

# The kiosk draws through KMS; bookworm enables it by default, but an image
# carried over from older releases may still use the firmware driver.
check_kms() {
    for f in "$dest/boot/firmware/config.txt" "$dest/boot/config.txt"; do
        [ -f "$f" ] || continue
        if ! grep -q '^dtoverlay=vc4-kms-v3d' "$f"; then
            say "  WARNING: $f has no dtoverlay=vc4-kms-v3d line: the kiosk"
            say "  needs the KMS display driver; add it under [all] and reboot."
        fi
        return 0
    done
}

build_program() {
    if [ "$build" -eq 1 ]; then
        say "Building a release in $build_dir"
        cmake -S "$src" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release \
            -DKIOSK_TESTS=OFF -DKIOSK_TEST_INPUT=OFF -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
        cmake --build "$build_dir" --target kiosk -j "$(nproc 2>/dev/null || echo 2)"
    elif [ ! -f "$build_dir/CMakeCache.txt" ]; then
        echo "install.sh: --no-build, but $build_dir holds no build" >&2
        exit 1
    fi
}

install_program() {
    say "Installing the program under $dest$prefix"
    # cmake --install honours DESTDIR from the environment.
    cmake --install "$build_dir" --prefix "$prefix" >/dev/null
}

make_users() {
    # staff: Debian's own group (gid 50); on bookworm it grants nothing but
    # /var/local, so it is safe to give to the people who edit the content.
    if [ -n "$log" ] || ! getent group staff >/dev/null; then
        system groupadd --system staff
    fi
    if [ -n "$log" ] || ! getent group render >/dev/null; then
        system groupadd --system render
    fi
    if [ -z "$log" ] && getent passwd kiosk >/dev/null; then
        system usermod --append --groups video,input,render,staff kiosk
    else
        system useradd --system --user-group --home-dir /var/lib/kiosk --no-create-home \
            --shell /usr/sbin/nologin --groups video,input,render,staff kiosk
    fi
    # kiosk-usb reads USB sticks (kiosk-usb-stage@.service): nothing else.
    if [ -n "$log" ] || ! getent passwd kiosk-usb >/dev/null; then
        system useradd --system --user-group --home-dir /nonexistent --no-create-home \
            --shell /usr/sbin/nologin kiosk-usb
    fi
}

# The PIN in kiosk.ini [staff] pin that opens the staff view and lets a USB
# stick's content in: 4 to 8 digits on a line of its own. Prints it.
ini_pin() {
    awk '/^[ \t]*\[/ { sec = $0; gsub(/[][ \t]/, "", sec); next }
         sec == "staff" && /^[ \t]*pin[ \t]*=[ \t]*[0-9][0-9][0-9][0-9][0-9]?[0-9]?[0-9]?[0-9]?[ \t]*$/ {
             sub(/^[^=]*=[ \t]*/, ""); sub(/[ \t]*$/, ""); print; exit }' "$1"
}

# A first install whose content has no PIN gets a random one of 6 digits
# (the bundled content ships without, so no two kiosks share one): written
# into kiosk.ini [staff] pin, replacing an empty or commented-out pin line,
# and shown once at the end. Never written to a log.
new_pin=""
make_pin() {
    ini=$dest$content/kiosk.ini
    [ -f "$ini" ] || return 0
    [ -z "$(ini_pin "$ini")" ] || return 0
    new_pin=$(tr -dc 0-9 </dev/urandom | head -c 6)
    [ "${#new_pin}" -eq 6 ] || { echo "install.sh: could not make a random PIN" >&2; exit 1; }
    awk -v pin="$new_pin" '
        /^[ \t]*\[/ { if (sec == "staff" && !done) { print "pin = " pin; done = 1 }
                      sec = $0; gsub(/[][ \t]/, "", sec); print; next }
        sec == "staff" && !done && /^[ \t;#]*pin[ \t]*=/ { print "pin = " pin; done = 1; next }
        { print }
        END { if (!done) { if (sec != "staff") print "\n[staff]"; print "pin = " pin } }
    ' "$ini" >"$ini.kiosk-new"
    chmod 0664 "$ini.kiosk-new"
    mv "$ini.kiosk-new" "$ini"
    [ "$(ini_pin "$ini")" = "$new_pin" ] || { echo "install.sh: could not write the PIN into $ini" >&2; exit 1; }
}

make_folders() {
    # The kiosk's: a USB stick's import swaps the content folder in it with
    # two renames (the old one kept as content.previous), and since the
    # staff PIN confirms the import on screen, the kiosk itself does that.
    mkdir -p "$dest/var/lib/kiosk"
    chmod 0755 "$dest/var/lib/kiosk"
    own kiosk:kiosk /var/lib/kiosk
    if [ -e "$dest$content" ]; then
        say "  $content exists: left as it is (staff content)"
    else
        say "  $content: new, with the example content"
        mkdir -p "$dest$content"
        if [ -d "$src/content" ]; then
            cp -R "$src/content/." "$dest$content/"
        fi
        # Group staff may add, change and remove everything; new files and
        # folders inherit the group through the setgid bit on folders.
        find "$dest$content" -type d -exec chmod 2775 {} +
        find "$dest$content" -type f -exec chmod 0664 {} +
        make_pin
        if [ -n "$log" ]; then
            printf 'chown -R kiosk:staff %s\n' "$content" >>"$log"
        else
            chown -R kiosk:staff "$dest$content"
        fi
    fi
    # The top folder is put right on every run; what is inside is staff's.
    chmod 2775 "$dest$content"
    own kiosk:staff "$content"
    # Others may pass through the state folder (not list it) to reach usb/,
    # the stage step's only writable folder; the kiosk reads it as group.
    mkdir -p "$dest$state/usb"
    chmod 0751 "$dest$state"
    own kiosk:kiosk "$state"
    chmod 2750 "$dest$state/usb"
    own kiosk-usb:kiosk "$state/usb"
}

# put_file SRC DEST MODE: copies deploy/SRC to DEST (under DESTDIR) with
# @PREFIX@ filled in; rewritten only when it differs, so a second run leaves
# it untouched.
put_file() {
    mkdir -p "$dest$(dirname "$2")"
    text=$(sed "s|@PREFIX@|$prefix|g" "$src/deploy/$1")
    if [ ! -f "$dest$2" ] || [ "$text" != "$(cat "$dest$2")" ]; then
        printf '%s\n' "$text" >"$dest$2"
        say "  wrote $2"
    fi
    chmod "$3" "$dest$2"
}

install_unit() {
    put_file kiosk.service "$unit" 0644
    # New content from a USB stick: udev starts the stage unit (kiosk-usb, in
    # a sandbox), which pulls in the mount unit (root, read-only mount only);
    # the kiosk shows the offer and imports after the staff PIN.
    rm -f "$dest$old_usb_unit" "$dest$usb_lib/kiosk-usb-import.sh"
    put_file kiosk-usb-mount.sh "$usb_lib/kiosk-usb-mount.sh" 0755
    put_file kiosk-usb-stage.sh "$usb_lib/kiosk-usb-stage.sh" 0755
    put_file kiosk-usb-mount@.service "$usb_mount_unit" 0644
    put_file kiosk-usb-stage@.service "$usb_stage_unit" 0644
    put_file 99-kiosk-usb.rules "$usb_rules" 0644
    # Group video may switch the backlight and use HDMI-CEC (the screen
    # sleeps outside opening hours); applied now to the devices already there.
    put_file 99-kiosk-panel.rules "$panel_rules" 0644
    if [ -n "$log" ] || booted; then
        system udevadm control --reload
        system_try udevadm trigger --action=add --subsystem-match=backlight --subsystem-match=cec
        system systemctl daemon-reload
    else
        say "  systemd is not running here (a chroot, an image being made): udev and"
        say "  systemd read the new rules and units when the system boots"
    fi
    system systemctl enable kiosk.service
    # The kiosk takes tty1; no login prompt there. (Conflicts= in the unit
    # also stops one that logind starts.)
    system systemctl disable getty@tty1.service
    if [ -n "$log" ]; then
        # Offline, so the test sees the same symlink a real enable makes.
        systemctl --root="$dest" --quiet enable kiosk.service 2>/dev/null || true
    fi
}

do_install() {
    say "Installing the lobby kiosk (prefix $prefix${dest:+, DESTDIR $dest})"
    if [ -n "$log" ]; then
        system "$src/deploy/deps.sh"
    else
        say "Checking packages"
        "$src/deploy/deps.sh"
    fi
    build_program
    # A running kiosk is stopped while its program file is replaced (a busy
    # executable cannot always be overwritten) and started again at the end:
    # dark for seconds, not for the whole build.
    was_running=0
    if [ -z "$log" ] && booted && systemctl is-active --quiet kiosk.service; then
        was_running=1
        say "Stopping the running kiosk for the upgrade"
        systemctl stop kiosk.service
    fi
    install_program
    say "Users and groups"
    make_users
    say "Folders"
    make_folders
    say "Service"
    install_unit
    say "Console"
    quiet_console
    check_kms
    # An upgrade starts the kiosk again; a first install starts at the next
    # boot, because starting now would take tty1 from under anyone logged in
    # there (perhaps whoever runs this script).
    if [ "$was_running" -eq 1 ]; then
        system systemctl start kiosk.service
    fi
    verify_units
    cat <<EOF

Done. The kiosk starts at every boot on the screen (tty1); reboot now to
start it: sudo reboot

  program   $prefix/bin/kiosk (assets in $prefix/share/kiosk)
  service   $unit (systemctl status kiosk; journalctl -u kiosk)
  content   $content  <- staff edit here
  state     $state

Staff reach the content over SFTP. Give each person a login in group staff:
  sudo adduser alice && sudo adduser alice staff
then, from their computer: sftp alice@$(hostname 2>/dev/null || echo kiosk).local
and: cd $content
After saving, the kiosk shows the new content; problems are listed in
$content/STATUS.txt. Check content by hand: $prefix/bin/kiosk --check --content $content

Or let staff edit a folder on the front desk computer that Syncthing keeps
the same as this one: $src/deploy/syncthing-setup.sh --help, and README.md.
EOF
    if [ -n "$new_pin" ]; then
        cat <<EOF

Staff PIN: $new_pin
  It opens the staff view (hold the top-left corner for 3 seconds) and lets
  the content of a USB stick in. Write it down now: it is shown only this
  once, and kept in $content/kiosk.ini under [staff] (pin = ...).
EOF
    elif [ "$(ini_pin "$dest$content/kiosk.ini" 2>/dev/null)" = 2580 ]; then
        say ""
        say "WARNING: the staff PIN is still 2580, the example PIN that came with the"
        say "kiosk: anyone who read the guide knows it. Change pin = under [staff] in"
        say "$content/kiosk.ini to a number of your own (4 to 8 digits)."
    fi
}

# systemd reads the units as written: on a real install a unit it would not
# load stops the install with its complaint, instead of a kiosk that never
# starts (under DESTDIR the paths in them do not exist here; the tests verify).
verify_units() {
    if [ -n "$log" ] || ! command -v systemd-analyze >/dev/null; then return 0; fi
    if ! systemd-analyze verify "$unit" >/dev/null; then
        echo "install.sh: systemd does not accept the units written above; see its" \
            "message. Nothing was started." >&2
        exit 1
    fi
}

do_uninstall() {
    say "Removing the lobby kiosk (content in $content is kept)"
    system_try systemctl disable --now kiosk.service
    rm -f "$dest$unit" "$dest/etc/systemd/system/multi-user.target.wants/kiosk.service" \
        "$dest$usb_mount_unit" "$dest$usb_stage_unit" "$dest$old_usb_unit" "$dest$usb_rules" \
        "$dest$panel_rules"
    system_try udevadm control --reload
    system systemctl daemon-reload
    system_try systemctl enable getty@tty1.service
    system_try systemctl start getty@tty1.service
    rm -f "$dest$prefix/bin/kiosk"
    rm -rf "$dest$prefix/share/kiosk" "$dest$prefix/lib/kiosk" "$dest$state" "$dest$cache"
    # Files the kiosk wrote in the content go to root before the user goes,
    # so they are not left to a number a future user might get.
    if [ -n "$log" ]; then
        printf 'chown -R root of files owned by kiosk in %s\n' /var/lib/kiosk >>"$log"
    elif [ -d /var/lib/kiosk ] && getent passwd kiosk >/dev/null; then
        find /var/lib/kiosk -user kiosk -exec chown root {} +
    fi
    if [ -n "$log" ] || getent passwd kiosk >/dev/null; then
        system userdel kiosk
    fi
    if [ -n "$log" ] || getent passwd kiosk-usb >/dev/null; then
        system userdel kiosk-usb
    fi
    loud_console
    say "Removed. The content is still in $content; delete it by hand if unwanted."
}

case "$action" in
    install) do_install ;;
    uninstall) do_uninstall ;;
esac
