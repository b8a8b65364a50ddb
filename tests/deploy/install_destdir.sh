#!/bin/bash
# install_destdir.sh — deploy/install.sh into a temporary root (DESTDIR): the
# files, folders, user and groups, unit and boot line it would make; a second
# run changes nothing and keeps staff's edits; --uninstall removes all but the
# content and gives back the boot line as it was, and a second --uninstall
# leaves the owner's own boot words alone; a --prefix a unit cannot carry is
# refused with a non-zero exit; the units pass `systemd-analyze verify`; a
# first install of content without a PIN gets a random one, shown once.
# Args: kiosk-binary source-dir (the binary's build folder is installed).
set -euo pipefail
kiosk=${1:?usage: install_destdir.sh kiosk-binary source-dir}
src=${2:?usage: install_destdir.sh kiosk-binary source-dir}
build=$(cd "$(dirname "$kiosk")" && pwd)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
check() { # check "what" command...
    local what=$1; shift
    "$@" || fail "$what"
}
logged() { grep -qxF -- "$1" "$root/kiosk-install.log"; }
mode() { stat -c %a "$1"; }

# A Pi's boot partition as bookworm ships it (quiet already there).
# consoleblank=600 is the owner's own: install replaces it, uninstall gives
# it back.
orig_line="console=serial0,115200 console=tty1 root=PARTUUID=4e639091-02 rootfstype=ext4 fsck.repair=yes rootwait quiet consoleblank=600"
mkdir -p "$root/boot/firmware"
printf '%s\n' "$orig_line" >"$root/boot/firmware/cmdline.txt"
printf '[all]\ndtoverlay=vc4-kms-v3d\n' >"$root/boot/firmware/config.txt"

host_users="$(getent passwd kiosk || true)$(getent group kiosk || true)"

install() {
    DESTDIR=$root "$src/deploy/install.sh" --no-build --build-dir "$build" --prefix /opt/kiosk "$@"
}

# --- first install ---
out=$(install) || { rc=$?; echo "$out"; echo "FAIL: install.sh exited $rc"; exit 1; }
check "program installed" test -x "$root/opt/kiosk/bin/kiosk"
check "assets installed" test -d "$root/opt/kiosk/share/kiosk/assets"
check "nothing under the default prefix" test ! -e "$root/usr/local/bin/kiosk"

unit=$root/etc/systemd/system/kiosk.service
check "unit installed" test -f "$unit"
check "unit has the prefix filled in" grep -qx 'ExecStart=/opt/kiosk/bin/kiosk --content /var/lib/kiosk/content --state /var/lib/kiosk/state' "$unit"
check "no @PREFIX@ left" bash -c "! grep -q @PREFIX@ '$unit'"
check "unit mode 644" test "$(mode "$unit")" = 644
check "unit enabled" test -L "$root/etc/systemd/system/multi-user.target.wants/kiosk.service"
usb_unit=$root/etc/systemd/system/kiosk-usb-stage@.service
mount_unit=$root/etc/systemd/system/kiosk-usb-mount@.service
check "USB stage unit installed with the prefix" \
    grep -qx 'ExecStart=/opt/kiosk/lib/kiosk/kiosk-usb-stage.sh --mounted /run/kiosk-usb/%I --name %I' "$usb_unit"
check "USB mount unit installed with the prefix" \
    grep -qx 'ExecStart=/opt/kiosk/lib/kiosk/kiosk-usb-mount.sh mount %I' "$mount_unit"
check "USB scripts installed, runnable" test -x "$root/opt/kiosk/lib/kiosk/kiosk-usb-stage.sh" \
    -a -x "$root/opt/kiosk/lib/kiosk/kiosk-usb-mount.sh"
check "the old root import is gone" test ! -e "$root/opt/kiosk/lib/kiosk/kiosk-usb-import.sh"
check "USB udev rule installed" test -f "$root/etc/udev/rules.d/99-kiosk-usb.rules"
check "records reloading udev" logged "udevadm control --reload"
check "panel udev rule installed (the screen sleeps: bl_power, /dev/cec*)" \
    test -f "$root/etc/udev/rules.d/99-kiosk-panel.rules"
check "records applying it to the backlight and CEC devices already there" \
    logged "udevadm trigger --action=add --subsystem-match=backlight --subsystem-match=cec"

check "records the kiosk user" logged "useradd --system --user-group --home-dir /var/lib/kiosk --no-create-home --shell /usr/sbin/nologin --groups video,input,render,staff kiosk"
check "records the USB stage user" logged "useradd --system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin kiosk-usb"
check "records the USB folder's owner" logged "chown kiosk-usb:kiosk /var/lib/kiosk/state/usb"
check "records the staff group" logged "groupadd --system staff"
check "records enabling the service" logged "systemctl enable kiosk.service"
check "records freeing tty1" logged "systemctl disable getty@tty1.service"
check "records packages" logged "$src/deploy/deps.sh"
check "records content ownership" logged "chown -R kiosk:staff /var/lib/kiosk/content"
check "records state ownership" logged "chown kiosk:kiosk /var/lib/kiosk/state"
check "no user or group made on this machine" \
    test "$(getent passwd kiosk || true)$(getent group kiosk || true)" = "$host_users"

content=$root/var/lib/kiosk/content
state=$root/var/lib/kiosk/state
check "content folder setgid, group-writable" test "$(mode "$content")" = 2775
check "state folder not listable by others" test "$(mode "$state")" = 751
check "USB stage folder: group kiosk reads, others nothing" test "$(mode "$state/usb")" = 2750
check "their parent closed to others" test "$(mode "$root/var/lib/kiosk")" = 755
check "records the parent's owner (the kiosk swaps the content in it)" logged "chown kiosk:kiosk /var/lib/kiosk"
if [ -d "$src/content" ]; then
    # kiosk.ini gains a PIN when the bundled one has none.
    check "example content copied" diff -r --exclude=kiosk.ini "$src/content" "$content"
    check "example kiosk.ini copied" diff <(grep -v '^[;# ]*pin *=' "$src/content/kiosk.ini") \
        <(grep -v '^[;# ]*pin *=' "$content/kiosk.ini")
fi
sub=$(find "$content" -mindepth 1 -type d | head -n 1)
[ -z "$sub" ] || check "content subfolders setgid too" test "$(mode "$sub")" = 2775

line=$(cat "$root/boot/firmware/cmdline.txt")
for p in consoleblank=0 quiet loglevel=3 logo.nologo vt.global_cursor_default=0 \
         console=tty1 root=PARTUUID=4e639091-02 rootwait; do
    n=$(tr ' ' '\n' <<<"$line" | grep -cxF -- "$p" || true)
    check "boot line has $p once (has it $n times): $line" test "$n" = 1
done
check "boot line is one line" test "$(wc -l <"$root/boot/firmware/cmdline.txt")" = 1
check "output says where the content is" grep -q "/var/lib/kiosk/content" <<<"$out"
check "output says how staff get in" grep -q "adduser .* staff" <<<"$out"

# --- staff work on the content, then the installer runs again (upgrade) ---
printf '## Our new card\n' >"$content/50-staff.md"
first=$(find "$content" -type f ! -name 50-staff.md | head -n 1)
[ -z "$first" ] || printf 'changed by staff\n' >"$first"
snap() { (cd "$root" && find . -path ./kiosk-install.log -prune -o -print0 | sort -z |
          xargs -0 stat -c '%n %a %s %Y' 2>/dev/null; cat boot/firmware/cmdline.txt etc/systemd/system/kiosk.service); }
before=$(snap)
sleep 1   # so a rewritten file would show a new mtime
out2=$(install) || { echo "$out2"; fail "second install exited non-zero"; }
after=$(snap)
check "second install changes no file (besides the program it reinstalls)" \
    diff <(grep -v '/opt/kiosk/' <<<"$before") <(grep -v '/opt/kiosk/' <<<"$after")
check "staff file kept" test -f "$content/50-staff.md"
[ -z "$first" ] || check "staff edit kept" grep -qx 'changed by staff' "$first"
check "second run says content is left alone" grep -q "left as it is" <<<"$out2"

# --- uninstall ---
out3=$(install --uninstall) || { echo "$out3"; fail "uninstall exited non-zero"; }
check "program removed" test ! -e "$root/opt/kiosk/bin/kiosk"
check "assets removed" test ! -e "$root/opt/kiosk/share/kiosk"
check "unit removed" test ! -e "$unit"
check "records removing the USB user" logged "userdel kiosk-usb"
check "USB import removed" test ! -e "$usb_unit" -a ! -e "$mount_unit" -a ! -e "$root/etc/udev/rules.d/99-kiosk-usb.rules" \
    -a ! -e "$root/opt/kiosk/lib/kiosk"
check "panel udev rule removed" test ! -e "$root/etc/udev/rules.d/99-kiosk-panel.rules"
check "unit link removed" test ! -L "$root/etc/systemd/system/multi-user.target.wants/kiosk.service"
check "state removed" test ! -e "$state"
check "content kept" test -f "$content/50-staff.md"
check "records removing the user" logged "userdel kiosk"
check "records the login prompt back" logged "systemctl enable getty@tty1.service"
check "boot line as before the install" test "$(cat "$root/boot/firmware/cmdline.txt")" = "$orig_line"
check "backup of the boot line removed" test ! -e "$root/boot/firmware/cmdline.txt.kiosk-orig"
out4=$(install --uninstall) || { echo "$out4"; fail "second uninstall exited non-zero"; }
# test_uninstall_twice_keeps_owner_boot_words: the second --uninstall had no
# copy of the old line and took out the owner's quiet and consoleblank=600.
check "second uninstall keeps the owner's boot words: $(cat "$root/boot/firmware/cmdline.txt")" \
    test "$(cat "$root/boot/firmware/cmdline.txt")" = "$orig_line"

# --- test_prefix_unit_cannot_carry: refused, non-zero, nothing written ---
for bad in '/opt/a&b' '/opt/my kiosk' '/opt/50%' '/opt/a|b' "/opt/it's" '/opt/a\b'; do
    r2=$(mktemp -d)
    rc=0
    DESTDIR=$r2 "$src/deploy/install.sh" --no-build --build-dir "$build" --prefix "$bad" \
        >"$r2/out" 2>&1 || rc=$?
    check "--prefix '$bad' refused with a non-zero exit (got $rc)" test "$rc" -ne 0
    check "--prefix '$bad': says why" grep -q "characters" "$r2/out"
    check "--prefix '$bad': no unit written" test ! -e "$r2/etc/systemd/system/kiosk.service"
    rm -rf "$r2"
done

# --- test_units_verify_on_destdir_install: systemd reads what was written ---
# The prefix is a real folder of this machine linked to where DESTDIR put
# it, so verify finds the programs the units name.
if command -v systemd-analyze >/dev/null; then
    r3=$(mktemp -d)
    pfx=$(mktemp -d)
    DESTDIR=$r3 "$src/deploy/install.sh" --no-build --build-dir "$build" --prefix "$pfx/k-1.0_x+y" \
        >/dev/null 2>&1 || fail "install with prefix $pfx/k-1.0_x+y failed"
    ln -s "$r3$pfx/k-1.0_x+y" "$pfx/k-1.0_x+y"
    for u in kiosk.service kiosk-usb-mount@.service kiosk-usb-stage@.service; do
        f=$r3/etc/systemd/system/$u
        [ -f "$f" ] || { fail "$u not installed"; continue; }
        inst=$f
        case "$u" in *@.service) inst=$r3/${u%@.service}@sda1.service; cp "$f" "$inst" ;; esac
        v=$(systemd-analyze verify "$inst" 2>&1) || fail "$u: systemd-analyze verify failed: $v"
        [ -z "$v" ] || fail "$u: systemd-analyze verify complained: $v"
    done
    rm -rf "$r3" "$pfx"
else
    echo "NOTE: systemd-analyze missing: units not verified"
fi

# --- test_first_install_without_pin_gets_random_pin ---
fake=$(mktemp -d)
mkdir -p "$fake/src"
cp -R "$src/deploy" "$src/content" "$fake/src/"
sed -i 's/^pin *=.*/pin =/' "$fake/src/content/kiosk.ini"
out5=$(DESTDIR=$fake/root "$fake/src/deploy/install.sh" --no-build --build-dir "$build" 2>&1) ||
    fail "install of content without a PIN failed: $out5"
pin=$(sed -n 's/^Staff PIN: \([0-9]*\)$/\1/p' <<<"$out5")
check "a 6-digit PIN is printed (got '$pin')" grep -qxE '[0-9]{6}' <<<"$pin"
ini=$fake/root/var/lib/kiosk/content/kiosk.ini
check "the PIN is in kiosk.ini [staff]" grep -qx "pin = $pin" "$ini"
check "kiosk.ini has one pin line" test "$(grep -c '^pin' "$ini")" = 1
check "the PIN is in no log" bash -c "! grep -rq -- '$pin' '$fake/root/kiosk-install.log'"
check "the content with the PIN passes --check" "$kiosk" --check --content "$fake/root/var/lib/kiosk/content"
out6=$(DESTDIR=$fake/root "$fake/src/deploy/install.sh" --no-build --build-dir "$build" 2>&1) || true
check "a second install keeps that PIN and does not show it" \
    bash -c "grep -qx 'pin = $pin' '$ini' && ! grep -q 'Staff PIN' <<<'$out6'"
pin2=$(DESTDIR=$fake/root2 "$fake/src/deploy/install.sh" --no-build --build-dir "$build" 2>&1 |
       sed -n 's/^Staff PIN: //p')
check "another kiosk gets another PIN" test "$pin2" != "$pin"
rm -rf "$fake"

# --- mistakes are refused ---
if DESTDIR=$root "$src/deploy/install.sh" --no-build --build-dir "$root/nowhere" >/dev/null 2>&1; then
    fail "--no-build without a build folder should fail"
fi
if DESTDIR=$root "$src/deploy/install.sh" --bogus >/dev/null 2>&1; then
    fail "an unknown option should fail"
fi

if [ "$fails" -ne 0 ]; then
    echo "--- install log of the last run:"; cat "$root/kiosk-install.log"
    echo "$fails checks failed"
    exit 1
fi
echo "PASS install_destdir"
