#!/bin/bash
# product_symbols.sh — the kiosk program carries only the product: it
# defines no malloc/calloc/realloc/free/memalign/aligned_alloc/posix_memalign
# and no SDL_RenderPresent (kiosk --bench's counting allocator and present
# hook live in libkiosk_benchhook.so, preloaded by the bench, not installed),
# and no test input (the FIFO of pretend fingers is in kiosk_testinput, the
# test twin built with -DKIOSK_TEST_INPUT=ON, never installed).
# Args: kiosk-binary source-dir.
set -euo pipefail
kiosk=${1:?usage: product_symbols.sh kiosk-binary source-dir}
command -v nm >/dev/null || { echo "SKIP: nm (binutils) is not installed"; exit 77; }
hooked='^(malloc|calloc|realloc|free|memalign|aligned_alloc|posix_memalign|SDL_RenderPresent)$'
# Symbols a file defines (code, data or weak), by name.
defined() { nm --defined-only "$1" | awk '$2 ~ /^[TtWwDd]$/ { print $3 }'; }
# Test input: its functions, or the variable it reads (a stripped binary
# still holds the name).
has_test_input() { defined "$1" | grep -q 'test_input' || grep -q KIOSK_TEST_INPUT "$1"; }

fails=0
found=$(defined "$kiosk" | grep -E "$hooked" || true)
if [[ -n $found ]]; then
    echo "FAIL: $kiosk defines what the bench hook should: ${found//$'\n'/ }"
    fails=1
fi
if has_test_input "$kiosk"; then
    echo "FAIL: $kiosk carries test input (src/platform/test_input.c)"
    fails=1
fi
# The same look finds them where they belong, so it can see them at all.
hook=$(dirname "$kiosk")/libkiosk_benchhook.so
if [[ -f $hook ]]; then
    n=$(defined "$hook" | grep -cE "$hooked" || true)
    ((n >= 1)) || { echo "FAIL: $hook defines $n of the hooked functions; nm did not see them"; fails=1; }
fi
twin=$(dirname "$kiosk")/kiosk_testinput
if [[ -f $twin ]] && ! has_test_input "$twin"; then
    echo "FAIL: $twin has no test input that this look can see"
    fails=1
fi
# What cmake --install puts on the kiosk: no hook library, and the same
# clean program.
build=$(cd "$(dirname "$kiosk")" && pwd)
if command -v cmake >/dev/null && [[ -f $build/cmake_install.cmake ]]; then
    root=$(mktemp -d)
    trap 'rm -rf "$root"' EXIT
    DESTDIR=$root cmake --install "$build" --prefix /opt/kiosk >/dev/null
    if find "$root" -name 'libkiosk_benchhook*' -o -name 'kiosk_testinput*' | grep -q .; then
        echo "FAIL: cmake --install installs the bench hook library or the test twin"
        fails=1
    fi
    if defined "$root/opt/kiosk/bin/kiosk" | grep -qE "$hooked"; then
        echo "FAIL: the installed kiosk defines what the bench hook should"
        fails=1
    fi
    if has_test_input "$root/opt/kiosk/bin/kiosk"; then
        echo "FAIL: the installed kiosk carries test input"
        fails=1
    fi
fi
((fails == 0)) && echo "ok: $kiosk defines no allocator, no present hook, no test input"
exit "$fails"
