#!/bin/sh
# deps.sh — installs the Debian / Raspberry Pi OS packages the kiosk needs,
# only those missing; silent when everything is there. Idempotent.
#   deploy/deps.sh          what building and running needs
#   deploy/deps.sh --test   also what the test suite needs
set -eu

run="libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 libmd4c0 libinih1 libqrencode4 libsystemd0"
build="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libmd4c-dev libinih-dev libqrencode-dev libsystemd-dev"
test="libcmocka-dev xvfb xdotool x11-utils imagemagick tesseract-ocr tesseract-ocr-eng shellcheck systemd clang libclang-rt-14-dev python3 dosfstools stress-ng v4l-utils qemu-system-x86 mmdebstrap qemu-utils mtools zbar-tools syncthing curl iproute2 valgrind python3-seccomp"

want="$run $build"
[ "${1:-}" = "--test" ] && want="$want $test"

missing=""
for p in $want; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "Installing:$missing"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
