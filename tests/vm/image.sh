#!/bin/sh
# image.sh — builds (once) the cached Debian 12 guest the VM test boots: a
# Raspberry-Pi-OS-Lite-like system (systemd, no desktop) plus the packages
# deploy/deps.sh installs, made by mmdebstrap from Debian's packages.
#   tests/vm/image.sh CACHE_DIR    prints the folder holding root.tar (the
#                                  guest's files), vmlinuz and initrd.img
#                                  (built if missing)
# The image is named after a hash of this script and deploy/deps.sh's lists,
# so a change to either builds a new one; the project itself is not in it
# (driver.py unpacks the tar, runs deploy/install.sh in it by chroot, and
# makes the disk the guest boots from).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
cache=$1
# Only deps.sh's package lists for the kiosk go into the guest: a change to
# its test list (tools for the host) builds no new image.
key=$({ cat "$here/image.sh"; grep -E '^(run|build)=' "$src/deploy/deps.sh"; } |
      sha256sum | cut -c1-16)
out="$cache/base-$key"
if [ -f "$out/done" ]; then
    printf '%s\n' "$out"
    exit 0
fi
# mmdebstrap's root mode and the image's file owners need root.
if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: building the guest image needs root (or a cached one in $cache)" >&2
    exit 77
fi
mkdir -p "$cache"
# One build at a time per cache (two test runs started together).
exec 9>"$cache/build.lock"
flock 9
if [ -f "$out/done" ]; then
    printf '%s\n' "$out"
    exit 0
fi
tmp="$cache/tmp-$key"
rm -rf "$tmp"
mkdir -p "$tmp"
echo "vm image: building $out with mmdebstrap (about 5 minutes)" >&2
# The kernel and initrd the guest boots with (-kernel/-initrd) are copied out
# by the last hook: the tar holds only links to them.
# Kept small, so that it is made, unpacked and written to the guest's disk
# sooner (the cold path is in CI's 40 minutes): no manuals, translations or
# documentation but the licences (as Debian's container images do), none of
# the kernel's drivers for hardware the VM does not emulate (networks,
# cameras, sound, other GPUs: the Pi runs a kernel of its own anyway), and
# an initrd with only what finds the virtio root disk (a Pi boots without
# one); under emulation each MB of it takes time to unpack.
# Test plumbing beside the Pi-OS-like base: qemu-guest-agent (the driver's
# shell into the guest), e2fsprogs. deps.sh itself then installs the kiosk's
# packages inside, as install.sh will find them on a Pi where it already ran
# once (so install.sh, run in a chroot of these files, finds them there).
# shellcheck disable=SC2016  # "$1" in the hooks is mmdebstrap's: the guest's root
mmdebstrap --variant=minbase --mode=root \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --include=systemd,systemd-sysv,udev,dbus,kmod,procps,linux-image-amd64,initramfs-tools,qemu-guest-agent,e2fsprogs,util-linux,tzdata,passwd,login \
    --customize-hook="copy-in '$src/deploy/deps.sh' /tmp" \
    --customize-hook='chroot "$1" sh /tmp/deps.sh' \
    --customize-hook='rm -f "$1/tmp/deps.sh"' \
    --customize-hook='echo kiosk-vm >"$1/etc/hostname"' \
    --customize-hook='printf "/dev/vda / ext4 defaults 0 1\n" >"$1/etc/fstab"' \
    --customize-hook='chroot "$1" passwd -d root' \
    --customize-hook='mkdir -p "$1/boot/firmware"' \
    --customize-hook='printf "console=serial0,115200 console=tty1 root=/dev/vda rootfstype=ext4 fsck.repair=yes rootwait\n" >"$1/boot/firmware/cmdline.txt"' \
    --customize-hook='printf "[all]\ndtoverlay=vc4-kms-v3d\n" >"$1/boot/firmware/config.txt"' \
    --customize-hook='chroot "$1" apt-get clean' \
    --customize-hook='for d in drivers/net drivers/media drivers/infiniband drivers/iio \
        drivers/staging drivers/bluetooth drivers/isdn drivers/gpu/drm/amd \
        drivers/gpu/drm/nouveau drivers/gpu/drm/i915 drivers/gpu/drm/radeon sound \
        net/wireless net/mac80211 net/bluetooth; do rm -rf "$1"/usr/lib/modules/*/kernel/$d; done' \
    --customize-hook='printf "MODULES=list\n" >"$1/etc/initramfs-tools/conf.d/kiosk-vm"' \
    --customize-hook='printf "virtio_pci\nvirtio_blk\ncrc32c_generic\next4\n" >>"$1/etc/initramfs-tools/modules"' \
    --customize-hook='for k in "$1"/usr/lib/modules/*; do chroot "$1" depmod "${k##*/}"; done' \
    --customize-hook='chroot "$1" update-initramfs -u -k all' \
    --customize-hook="cp -L \"\$1/vmlinuz\" \"\$1/initrd.img\" '$tmp'" \
    bookworm "$tmp/root.tar" http://deb.debian.org/debian >&2
# cmdline.txt and config.txt as on a Pi (the PC's firmware reads neither):
# install.sh edits the first, the driver boots with what it then holds.
# Images made by older versions of this script or deps.sh go.
rm -rf "$out" "$cache"/base-* "$cache"/installed-*
mv "$tmp" "$out"
touch "$out/done"
printf '%s\n' "$out"
