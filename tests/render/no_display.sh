#!/bin/bash
# no_display.sh — on a machine with no display at all, `kiosk` says so in one
# plain line (and how to preview with --render) and exits non-zero within a
# few seconds: no SDL error dump, no hang.
# Args: path-to-kiosk source-dir
set -u
kiosk=$1 src=$2
. "$src/tests/render/lib.bash"

err=$(mktemp)
trap 'rm -f "$err"' EXIT
try() {
    start=$(date +%s)
    env -u DISPLAY -u WAYLAND_DISPLAY "$@" timeout 20 "$kiosk" --window 800x480 \
        --content "$src/content" >/dev/null 2>"$err"
    rc=$?
    secs=$(( $(date +%s) - start ))
    [ "$rc" -ne 0 ] || fail "kiosk with no display exited 0"
    [ "$rc" -ne 124 ] || fail "kiosk with no display hung (killed after 20 s)"
    [ "$secs" -le 5 ] || fail "kiosk with no display took $secs s to give up"
    [ "$(wc -l < "$err")" -eq 1 ] || { cat "$err" >&2; fail "expected one line on stderr"; }
    grep -q 'no screen found.*kiosk --render' "$err" || { cat "$err" >&2; fail "unexpected message"; }
    echo "ok ($*): $(cat "$err")"
}
try SDL_VIDEODRIVER=x11
try XDG_RUNTIME_DIR=/nonexistent SDL_VIDEODRIVER=wayland
# With no driver named, SDL also tries KMS: only meaningful without a GPU.
if ! ls /dev/dri/card* >/dev/null 2>&1; then
    try -u SDL_VIDEODRIVER XDG_RUNTIME_DIR=/nonexistent
    # sudo and a bare console leave XDG_RUNTIME_DIR unset: libwayland would
    # print its own line if SDL tried Wayland.
    try -u SDL_VIDEODRIVER -u XDG_RUNTIME_DIR
fi
