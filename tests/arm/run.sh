#!/bin/bash
# run.sh — the kiosk on the Pi's processors, as CI checks it: a native build
# with ARM's plain char (-funsigned-char) and -Wall -Wextra -Werror runs the
# unit tests; cross-builds for arm64 and armhf (Raspberry Pi OS 64- and
# 32-bit) run their unit and render tests under qemu-user, and their screens
# must match the native ones. Installs what it needs (as root or with sudo).
# Fails when a build, a test or a tool fails, or when a test is skipped.
#   tests/arm/run.sh [uchar|arm64|armhf]...   (default: all three)
# Build folders: build-uchar, build-arm64, build-armhf.
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=$(nproc 2>/dev/null || echo 2)

# Emulated sizes for the screen comparison: the Pi's 7" display, a portrait
# panel and a TV. 1280x800 and 3840x2160 are left out: the same code at
# other scales (the native tests render all five), and under emulation 4K
# alone costs one to two minutes of CPU per architecture.
compare_sizes="800x480 720x1280 1920x1080"
# Largest difference of one colour channel between an ARM and a native
# screen: SDL blends with SSE on x86 and its plain C or NEON code on ARM,
# which round differently by up to 2 of 255. A wrong colour, glyph or
# position differs by far more.
max_channel_diff=2

fail() { echo "FAIL (tests/arm): $*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}


# The cross compilers, qemu-user and each architecture's -dev packages
# (Debian multiarch), only those missing.
install_missing() {
    local want=(gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf qemu-user-static binfmt-support)
    local missing=() a p
    for a in arm64 armhf; do
        if ! dpkg --print-foreign-architectures | grep -qx "$a"; then
            as_root dpkg --add-architecture "$a"
        fi
        for p in libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libmd4c-dev libinih-dev libqrencode-dev \
                 libsystemd-dev libcmocka-dev libpng-dev; do
            want+=("$p:$a")
        done
    done
    for p in "${want[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
        install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ARM programs start through the kernel's binfmt_misc and qemu-user: the
# render tests run the kiosk directly, and the kiosk starts itself again
# (/proc/self/exe) to decode pictures in a sandboxed child.
binfmt_on() {
    local dir=/proc/sys/fs/binfmt_misc q
    [ -e "$dir/register" ] || as_root mount -t binfmt_misc binfmt_misc "$dir" ||
        fail "binfmt_misc cannot be mounted: ARM programs cannot run here"
    for q in qemu-aarch64 qemu-arm; do
        [ "$(head -n 1 "$dir/$q" 2>/dev/null)" = enabled ] ||
            as_root update-binfmts --enable "$q" || true
        [ "$(head -n 1 "$dir/$q" 2>/dev/null)" = enabled ] ||
            fail "$q is not registered with binfmt_misc (update-binfmts --enable $q)"
    done
}

# ctest, failing on a failed test and on a skipped one.
ctest_strict() {
    local log
    log=$(mktemp)
    if ! ctest --no-tests=error --output-on-failure "$@" 2>&1 | tee "$log"; then
        rm -f "$log"
        fail "tests failed (above)"
    fi
    if grep -qE '\*\*\*Skipped|Not Run' "$log"; then
        rm -f "$log"
        fail "tests were skipped (above): a tool is missing"
    fi
    rm -f "$log"
}

build_uchar() {
    cmake -S . -B build-uchar -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_FLAGS="-funsigned-char -Wall -Wextra -Werror" >/dev/null
    cmake --build build-uchar -j "$jobs"
}

# kiosk --render of the bundled content into DIR/SIZE at each compared
# size, two sizes at a time.
render_sizes() {
    local kiosk=$1 dir=$2
    rm -rf "$dir"
    # shellcheck disable=SC2086 # one size a line
    printf '%s\n' $compare_sizes | xargs -P "$jobs" -I{} "$kiosk" --render "$dir/{}" \
        --size {} --content content >/dev/null || fail "$kiosk --render failed at some size"
}

# The ARM kiosk's screens against the native ones: the same files and
# layout (screens.tsv, boxes.tsv byte for byte), every pixel within
# max_channel_diff of 255.
same_screens() {
    local a=$1 size out bad
    # Native screens once a run, from build-uchar: it draws exactly as the
    # normal build (plain char is never a pixel's colour).
    [ -n "${native_done:-}" ] || render_sizes build-uchar/kiosk build-uchar/screens
    native_done=1
    render_sizes "build-$a/kiosk" "build-$a/screens"
    for size in $compare_sizes; do
        out=build-$a/screens/$size
        cmp -s "$out/screens.tsv" "build-uchar/screens/$size/screens.tsv" ||
            fail "$a at $size: not the native list of screens (diff $out/screens.tsv build-uchar/screens/$size/screens.tsv)"
        cmp -s "$out/boxes.tsv" "build-uchar/screens/$size/boxes.tsv" ||
            fail "$a at $size: the layout differs from native (diff $out/boxes.tsv build-uchar/screens/$size/boxes.tsv)"
        # compare prints the largest channel difference as "N (fraction)";
        # anything else (an error) counts as a difference.
        # shellcheck disable=SC2016 # expanded by the inner sh
        bad=$(cut -f1 "$out/screens.tsv" | xargs -P "$jobs" -I{} sh -c \
            'echo "$3 $(compare -metric PAE "$1/$3" "$2/$3" null: 2>&1)"' \
            sh "$out" "build-uchar/screens/$size" {} |
            awk -v max="$max_channel_diff" '{ f = $3; ok = f ~ /^\([0-9.e+-]+\)$/
                gsub(/[()]/, "", f)
                if (!ok || f + 0 > max / 255 + 1e-6) print }')
        [ -z "$bad" ] || fail "$a at $size: screens differ from native (name, difference): $bad"
        echo "ok: $a screens at $size match native ($(wc -l < "$out/screens.tsv") screens)"
    done
}

emulated() {
    local a=$1 toolchain machine
    case $a in
        arm64) toolchain=aarch64 machine=AArch64 ;;
        armhf) toolchain=armhf machine=ARM ;;
    esac
    cmake -S . -B "build-$a" -DCMAKE_TOOLCHAIN_FILE="tests/arm/$toolchain.cmake" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "build-$a" -j "$jobs"
    # Through binfmt a program of the build machine would run too, natively:
    # make sure what is tested is the ARM one.
    readelf -h "build-$a/kiosk" | grep -qE "Machine: +$machine\$" ||
        fail "build-$a/kiosk is not an $a program"
    # One test at a time: the unit tests' loads must end within a second of
    # wall time, and emulation is about ten times slower than native.
    # test_content_linear is left out: it times the parse against a budget
    # (emulation measures qemu, not the code) and takes four minutes there;
    # its worst-case inputs run natively with ARM's char in build-uchar.
    # Render tests: screens.sh at 800x480 only (every screen, OCR of every
    # title and tile); the other sizes are compared with native below.
    # other_content.sh checks a JPEG, which the kiosk decodes in its
    # sandboxed child (/proc/self/exe through binfmt): a child that cannot
    # start makes --check fail. Not under emulation (190 s of the 300 an
    # architecture took; both run natively in tests/run.sh): render_qr, whose
    # codes are in the loop screens same_screens compares with native below
    # pixel for pixel, and render_spanish, whose translation is loaded by the
    # code test_content_lang checks here and drawn by the same renderer.
    KIOSK_RENDER_SIZES=800x480 ctest_strict --test-dir "build-$a" -L 'unit|render' \
        -E 'test_content_linear|render_qr|render_spanish'
    same_screens "$a"
}

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(uchar arm64 armhf)
deploy/deps.sh --test   # cmake, ImageMagick, tesseract for the native side
install_missing
binfmt_on
for p in "${parts[@]}"; do
    start=$(date +%s)
    case $p in
        uchar)
            build_uchar
            ctest_strict --test-dir build-uchar -j "$jobs" -L unit ;;
        arm64|armhf)
            [ -x build-uchar/kiosk ] || build_uchar
            emulated "$p" ;;
        *) fail "unknown part $p (uchar, arm64 or armhf)" ;;
    esac
    echo "tests/arm: $p passed in $(( $(date +%s) - start )) s"
done
