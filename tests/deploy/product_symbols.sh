#!/bin/bash
# product_symbols.sh — the kiosk program carries only the product: it
# defines no malloc/calloc/realloc/free/memalign/aligned_alloc/posix_memalign
# and no SDL_RenderPresent (kiosk --bench's counting allocator and present
# hook live in libkiosk_benchhook.so, preloaded by the bench, not installed).
# Args: kiosk-binary source-dir.
set -euo pipefail
kiosk=${1:?usage: product_symbols.sh kiosk-binary source-dir}
command -v nm >/dev/null || { echo "SKIP: nm (binutils) is not installed"; exit 77; }
hooked='^(malloc|calloc|realloc|free|memalign|aligned_alloc|posix_memalign|SDL_RenderPresent)$'
# Symbols a file defines (code, data or weak), by name.
defined() { nm --defined-only "$1" | awk '$2 ~ /^[TtWwDd]$/ { print $3 }'; }

fails=0
found=$(defined "$kiosk" | grep -E "$hooked" || true)
if [[ -n $found ]]; then
    echo "FAIL: $kiosk defines what the bench hook should: ${found//$'\n'/ }"
    fails=1
fi
# The same look finds them where they belong, so it can see them at all.
hook=$(dirname "$kiosk")/libkiosk_benchhook.so
if [[ -f $hook ]]; then
    n=$(defined "$hook" | grep -cE "$hooked" || true)
    ((n >= 1)) || { echo "FAIL: $hook defines $n of the hooked functions; nm did not see them"; fails=1; }
fi
# What cmake --install puts on the kiosk: no hook library, and the same
# clean program.
build=$(cd "$(dirname "$kiosk")" && pwd)
if command -v cmake >/dev/null && [[ -f $build/cmake_install.cmake ]]; then
    root=$(mktemp -d)
    trap 'rm -rf "$root"' EXIT
    DESTDIR=$root cmake --install "$build" --prefix /opt/kiosk >/dev/null
    if find "$root" -name 'libkiosk_benchhook*' | grep -q .; then
        echo "FAIL: cmake --install installs the bench hook library"
        fails=1
    fi
    if defined "$root/opt/kiosk/bin/kiosk" | grep -qE "$hooked"; then
        echo "FAIL: the installed kiosk defines what the bench hook should"
        fails=1
    fi
fi
((fails == 0)) && echo "ok: $kiosk defines no allocator and no present hook"
exit "$fails"
