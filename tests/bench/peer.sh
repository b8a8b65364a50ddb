#!/usr/bin/env bash
# peer.sh KIOSK [SOURCE_DIR] [compare.sh options] — the side by side of issue 9:
# Chromium --kiosk, the SDL floor and this kiosk on the same five cards
# (tests/bench/peer-cards, the words and pictures of peer/card-site), each
# under a fresh Xvfb, interleaved, through ../shared/peer/compare.sh. Prints
# its medians and the ratios. The kiosk runs fullscreen with the floor's
# renderer settings (SDL's software renderer, no GL framebuffer), like with
# like. Example: tests/bench/peer.sh build/kiosk . --runs 5 --size 1280x800
set -euo pipefail
kiosk=${1:?usage: peer.sh KIOSK [SOURCE_DIR] [compare.sh options]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
shift $(($# < 2 ? $# : 2))
kiosk=$(cd "$(dirname "$kiosk")" && pwd)/$(basename "$kiosk")
peer=$src/../shared/peer
[[ -x $peer/compare.sh ]] || { echo "peer.sh: the harness $peer is not there" >&2; exit 2; }
# The harness builds its probe and the floor beside itself; it may be
# read-only, so it runs from a temporary copy (nothing of it is kept).
work=$(mktemp -d /tmp/kiosk-peer.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$peer" "$work/peer"
chmod -R u+w "$work/peer"
echo "peer.sh: $(uname -srm), $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo);" \
  "kiosk $("$kiosk" --help >/dev/null 2>&1; git -C "$src" rev-parse --short HEAD 2>/dev/null || echo '?')"
"$work/peer/compare.sh" "$@" -- env SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 \
  "$kiosk" --content "$src/tests/bench/peer-cards"
