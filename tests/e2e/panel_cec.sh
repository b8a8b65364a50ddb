#!/bin/bash
# panel_cec.sh — HDMI-CEC sleep and wake against a real kernel's CEC
# framework, which the test machines' own kernels lack (issue 13): Debian's
# kernel boots in QEMU (TCG, no KVM needed) from a small initramfs that loads the vivid
# module, whose HDMI input and output adapters are wired to each other.
# cec-follower (v4l-utils) plays the TV on the input; platform/panel.c, run
# by panel_driver.c on the output, puts it to standby and wakes it, and
# cec-ctl asks the TV independently, by sleep = auto (which must find the
# TV) and by sleep = cec. Then a TV that ignores Image View On:
# five tries and one plain message. The kernel and busybox come from
# Debian's packages (apt-get download, kept in the build folder).
# Args: kiosk-binary source-dir.
set -eu
KIOSK=$1 SRC=$2
. "$SRC/tests/render/lib.bash"
need qemu-system-x86_64 apt-get dpkg-deb gcc strings cec-ctl cec-follower gzip

# The kernel linux-image-amd64 stands for today (Debian renames it with each
# ABI change, and drops the old one from the mirror).
kver() { apt-cache show linux-image-amd64 2>/dev/null |
         sed -n 's/^Depends: linux-image-\([^ ,]*\).*/\1/p' | head -n 1; }
KVER=$(kver)
[ -n "$KVER" ] || { apt-get update -qq >/dev/null 2>&1 || true; KVER=$(kver); }
[ -n "$KVER" ] || { echo "SKIP: apt knows no linux-image-amd64 (no package lists)"; exit 77; }
CACHE=$(cd "$(dirname "$KIOSK")" && pwd)/cecvm-cache/$KVER
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
T0=$SECONDS
log() { printf '[%3ds] %s\n' $((SECONDS - T0)) "$*"; }

# Debian's kernel (its vivid module is built with CEC) and a static busybox.
mkdir -p "$CACHE"
if [ ! -d "$CACHE/k/boot" ] || [ ! -x "$CACHE/bb/bin/busybox" ]; then
    (cd "$CACHE" && apt-get download -q "linux-image-$KVER" busybox-static >/dev/null 2>&1) ||
        { echo "SKIP: cannot download linux-image-$KVER and busybox-static"; exit 77; }
    dpkg-deb -x "$CACHE"/linux-image-"$KVER"_*.deb "$CACHE/k"
    dpkg-deb -x "$CACHE"/busybox-static_*.deb "$CACHE/bb"
    rm -f "$CACHE"/*.deb
fi
MODS=$CACHE/k/lib/modules/$KVER/kernel
grep -q '^CONFIG_VIDEO_VIVID_CEC=y' "$CACHE/k/boot/config-$KVER" ||
    fail "this kernel's vivid has no CEC adapters"

# vivid and what it needs, in load order (from each module's depends=).
declare -A seen
order=()
find "$MODS" -name '*.ko' >"$TMP/all"
visit() {
    local f d
    [ -n "${seen[$1]:-}" ] && return
    seen[$1]=1
    f=$(grep -E "/(${1//_/-}|${1//-/_})\.ko\$" "$TMP/all" | head -n 1)
    [ -n "$f" ] || fail "module $1 not in the kernel package"
    for d in $(strings -a "$f" | sed -n 's/^depends=//p' | tr ',' ' '); do visit "$d"; done
    order+=("$f")
}
visit vivid

# The initramfs: busybox, the modules, the CEC tools with their libraries,
# the driver (static), and the test itself as /init.
R=$TMP/root
mkdir -p "$R"/{bin,mod,proc,sys,dev,tmp,lib64,lib/x86_64-linux-gnu}
cp "$CACHE/bb/bin/busybox" "$R/bin/"
for f in "${order[@]}"; do cp "$f" "$R/mod/"; basename "$f"; done >"$R/modules.txt"
for t in cec-ctl cec-follower; do
    cp "$(command -v $t)" "$R/bin/"
    ldd "$(command -v $t)" | awk '$3 ~ /^\// { print $3 } $1 ~ /^\/lib64/ { print $1 }' |
        while read -r l; do cp -L "$l" "$R$l"; done
done
gcc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -static \
    -I"$SRC/src" -iquote "$SRC/src/core" -o "$R/bin/panel_driver" \
    "$SRC/tests/e2e/panel_driver.c" "$SRC/src/platform/panel.c" \
    "$SRC/src/platform/cec_link.c" "$SRC/src/core/panel_plan.c" -lpthread ||
    fail "the driver does not build"
cat >"$R/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
say() { echo "PANEL-CEC: $*"; }
end() { say "$1"; [ -f /tmp/p.log ] && sed 's/^/  driver: /' /tmp/p.log
        [ -f /tmp/f.log ] && tail -n 15 /tmp/f.log | sed 's/^/  tv: /'; poweroff -f; }
for m in $(cat /modules.txt); do insmod "/mod/$m" || end "FAIL: insmod $m"; done
adapter() {
    for d in /dev/cec*; do
        cec-ctl -d "$d" 2>/dev/null | grep -q "Adapter Name *: *$1\$" && { echo "$d"; return 0; }
    done
    return 1
}
TV=$(adapter vivid-000-vid-cap0) || end "FAIL: no vivid HDMI input adapter"
OUT=$(adapter vivid-000-vid-out0) || end "FAIL: no vivid HDMI output adapter"
say "TV on $TV, the kiosk on $OUT"
cec-ctl -d "$TV" --tv >/dev/null || end "FAIL: $TV is not a TV"
follower() {
    [ -n "${FP:-}" ] && { kill "$FP"; wait "$FP"; }
    # Not holding the driver's input open (3): its end would never come.
    cec-follower -d "$TV" -s "$@" >/tmp/f.log 2>&1 3>&- &
    FP=$!
}
follower
mkfifo /tmp/in
KIOSK_CEC_DEVICE=$OUT panel_driver </tmp/in >/tmp/p.log 2>&1 &
DP=$!
exec 3>/tmp/in
# wait_log TEXT COUNT SECONDS
wait_log() {
    t=0
    until [ "$(grep -c "$1" /tmp/p.log)" -ge "$2" ]; do
        [ "$t" -lt $(($3 * 5)) ] || end "FAIL: the panel did not say \"$1\" $2 times in $3 s"
        t=$((t + 1)); sleep 0.2
    done
}
tv_is() {
    cec-ctl -d "$OUT" --to 0 --give-device-power-status 2>&1 | grep -q "pwr-state: $1" ||
        end "FAIL: the panel says $1, the TV does not"
}
# sleep = auto on the console finds the TV (the adapter has a physical
# address) and switches it.
echo auto sleep >&3
wait_log "the screen puts the TV to standby over HDMI-CEC" 1 60
wait_log "the TV says it is in standby" 1 60
tv_is standby
echo auto wake >&3
wait_log "the TV says it is on" 1 60
tv_is on
say "ok: auto: standby and on"
echo sleep >&3
wait_log "the TV says it is in standby" 2 60
tv_is standby
say "ok: standby"
echo wake >&3
wait_log "the TV says it is on" 2 60
tv_is on
say "ok: on"
follower --ignore all,0x04
echo sleep >&3
wait_log "the TV says it is in standby" 3 60
echo wake >&3
wait_log "the TV did not confirm it is on after 5 tries" 1 120
tv_is standby
say "ok: a TV ignoring Image View On: given up after 5 tries, said once"
exec 3>&-
wait "$DP"
grep -q "did not confirm" /tmp/p.log && [ "$(grep -c "did not confirm" /tmp/p.log)" = 1 ] ||
    end "FAIL: the give-up was said more than once"
end PASS
EOF
chmod +x "$R/init"
(cd "$R" && find . | "$CACHE/bb/bin/busybox" cpio -o -H newc 2>/dev/null | gzip -1) >"$TMP/initrd"
log "initramfs: $(du -h "$TMP/initrd" | cut -f1), modules: $(tr '\n' ' ' <"$R/modules.txt")"

# TCG: /dev/kvm is not usable on these machines (about 110 s on a quiet
# machine, a few minutes on a busy one). The guest powers off at the end;
# the timeout only ends a guest that hangs (ctest allows this test 900 s).
t=$SECONDS
timeout 840 qemu-system-x86_64 -accel tcg -m 512 -smp 1 -no-reboot -display none \
    -kernel "$CACHE/k/boot/vmlinuz-$KVER" -initrd "$TMP/initrd" \
    -append "console=ttyS0 quiet panic=-1 rdinit=/init" \
    -serial file:"$TMP/console" </dev/null || true
grep 'PANEL-CEC\|  driver:\|  tv:' "$TMP/console" || tail -n 30 "$TMP/console"
grep -q 'PANEL-CEC: PASS' "$TMP/console" || fail "the CEC test in the VM did not pass"
log "the VM ran $((SECONDS - t)) s (boot, the plans above, power-off)"
log "ok: HDMI-CEC standby, wake, and a deaf TV, against the kernel's CEC framework (vivid)"
