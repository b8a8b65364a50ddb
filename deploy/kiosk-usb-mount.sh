#!/bin/sh
# kiosk-usb-mount.sh — the one privileged step of a USB stick's import
# (kiosk-usb-mount@.service, as root): mounts the stick read-only, with
# nothing on it runnable, a device or set-id, and only as vfat, exFAT or
# ext4; vfat and exFAT with every file owned by the stage user (kiosk-usb)
# and readable only by it. It reads nothing on the stick itself: the stage
# step does that, as kiosk-usb (kiosk-usb-stage.sh).
#
#   kiosk-usb-mount.sh mount NAME [DEVICE]   mount DEVICE (default /dev/NAME)
#                                            at $KIOSK_USB_MNT/NAME
#   kiosk-usb-mount.sh unmount NAME          unmount it, remove the folder
# Environment: KIOSK_USB_MNT (default /run/kiosk-usb), KIOSK_USB_USER
#   (default kiosk-usb: who may read vfat and exFAT sticks).
set -eu

base=${KIOSK_USB_MNT:-/run/kiosk-usb}
user=${KIOSK_USB_USER:-kiosk-usb}
action=${1:-}
name=${2:-}

usage() { sed -n '2,15s/^# \{0,1\}//p' "$0" >&2; exit 2; }

# The kernel's name of the device (sda1, mmcblk1p1, loop3): nothing else
# reaches a path.
case "$name" in
    "" | *[!a-z0-9]*) usage ;;
esac
mnt=$base/$name

case "$action" in
    mount)
        dev=${3:-/dev/$name}
        uid=$(id -u "$user")
        gid=$(id -g "$user")
        mkdir -p "$base"
        chmod 0755 "$base"
        mkdir -p "$mnt"
        safe=ro,nodev,nosuid,noexec
        # vfat and exFAT have no owners: give every file to the stage user,
        # files r--r----- and folders r-xr-x---. ext4 keeps its own owners
        # and modes: the stage user reads what the stick lets everyone read.
        fat=$safe,uid=$uid,gid=$gid,fmask=0337,dmask=0227
        for t in vfat exfat ext4; do
            o=$safe
            [ "$t" = ext4 ] || o=$fat
            if mount -t "$t" -o "$o" -- "$dev" "$mnt" 2>/dev/null; then
                echo "USB stick $name mounted read-only ($t) at $mnt"
                exit 0
            fi
        done
        rmdir -- "$mnt" 2>/dev/null || true
        echo "USB stick $name: not a vfat, exFAT or ext4 file system that mounts; not read" >&2
        exit 1 ;;
    unmount)
        if mountpoint -q -- "$mnt"; then
            umount -- "$mnt" 2>/dev/null || umount -l -- "$mnt"
        fi
        rmdir -- "$mnt" 2>/dev/null || true ;;
    *) usage ;;
esac
