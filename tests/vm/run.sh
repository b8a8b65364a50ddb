#!/bin/sh
# run.sh — the kiosk installed and booted in a virtual machine: a Debian 12
# guest's files (built once by tests/vm/image.sh and cached), deploy/install.sh
# run in a chroot of them as the README tells an installer (on this host, at
# native speed), then the guest booted under QEMU (TCG) with virtio-gpu,
# virtio-tablet and a USB controller while tests/vm/driver.py checks over
# QMP: the service reaches READY, the screen is `kiosk --render`'s picture, a
# tap opens the menu and a tile its topic, a staff edit shows within 3 s, a
# hung kiosk (SIGSTOP) is restarted by systemd's watchdog, and a USB stick
# plugged in goes through the on-screen import (PIN tapped on the pad).
#   tests/vm/run.sh                 all of that
#   tests/vm/run.sh --quick         one boot: READY, the screenshot, one tap
#   ... --kiosk PATH                the host's kiosk built from this tree, for
#                                   the --render references (else built here)
#   tests/vm/run.sh --power-cuts N  also N power cuts (QEMU killed) while staff
#                                   save files; e2fsck and the screen after each
# Cache: $KIOSK_VM_CACHE, else /var/cache/kiosk-vm as root, else
# $XDG_CACHE_HOME/kiosk-vm. Needs root (mmdebstrap, chroot, mount). Exits 77
# (skipped) when a tool is missing or it is not root.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
quick="" cuts=0 checks="" kiosk=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=--quick ;;
        --kiosk) kiosk=$2; shift ;;
        --power-cuts) cuts=$2; shift ;;
        --power-cuts-only) cuts=$2; checks=--no-checks; shift ;;
        *) echo "usage: $0 [--quick] [--power-cuts N] [--kiosk HOST_KIOSK]" >&2; exit 2 ;;
    esac
    shift
done

need() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
    done
}
need mmdebstrap qemu-system-x86_64 qemu-img mkfs.ext4 e2fsck python3 convert compare git flock \
    cmake chroot mount
[ -n "$quick" ] || need mkfs.vfat mcopy
if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: the VM test needs root (mmdebstrap, and install.sh in a chroot)"
    exit 77
fi

if [ -n "${KIOSK_VM_CACHE:-}" ]; then
    cache=$KIOSK_VM_CACHE
elif [ "$(id -u)" -eq 0 ]; then
    cache=/var/cache/kiosk-vm
else
    cache=${XDG_CACHE_HOME:-$HOME/.cache}/kiosk-vm
fi
began=$(date +%s)
rc=0
image=$("$here/image.sh" "$cache") || rc=$?
[ "$rc" -eq 0 ] || exit "$rc"
echo "vm: guest image ready in $(( $(date +%s) - began )) s ($image)"

# The host's kiosk, for --render references of the same content and size:
# --kiosk names one built from this tree (CI's), else it is built here.
if [ -z "$kiosk" ]; then
    build=$src/build-vm
    cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_TESTS=OFF >/dev/null
    cmake --build "$build" --target kiosk -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
    kiosk=$build/kiosk
fi
kiosk=$(cd "$(dirname "$kiosk")" && pwd)/$(basename "$kiosk")
[ -x "$kiosk" ] || { echo "vm: no kiosk at $kiosk" >&2; exit 2; }

# Installed images of older trees (each a few hundred MB): the newest 3 stay.
# shellcheck disable=SC2012
ls -dt "$cache"/installed-* 2>/dev/null | tail -n +4 | xargs -r rm -rf

work=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-vm.XXXXXX")
echo "vm: work folder $work (kept on failure)"
python3 -B "$here/driver.py" --src "$src" --image "$image" --cache "$cache" --work "$work" \
    --kiosk "$kiosk" --content "$src/content" $quick $checks --power-cuts "$cuts" || rc=$?
echo "vm: $(( $(date +%s) - began )) s in all"
[ "$rc" -ne 0 ] || rm -rf "$work"
exit "$rc"
