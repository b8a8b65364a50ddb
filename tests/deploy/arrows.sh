#!/bin/bash
# arrows.sh — the tree's arrows run one way: core <- render <- platform <- main,
# and inside the core content -> layout -> navigation. Fails, naming file and
# line, when src/core includes a platform, render or SDL header; when
# src/render includes a platform header; when content*.c/.h includes a
# layout, navigation or staff header, or layout*.c/.h a navigation or staff
# one; when the kiosk program is built from, or links, src/benchhook; and
# when a .c/.h under src/ is over 600 lines (STYLE.md: split it along a seam
# the tree can name). The rules are first tried on a small tree made wrong
# on purpose, so a check that can no longer see a fault fails too.
# Args: kiosk-binary source-dir.
set -euo pipefail
kiosk=${1:?usage: arrows.sh kiosk-binary source-dir}
src=${2:?usage: arrows.sh kiosk-binary source-dir}
max_lines=600

# Lines of the files given that include a header whose path matches ERE;
# printed as file:line: include.
includes() {
    local ere=$1
    shift
    (($# == 0)) && return 0
    grep -HnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($ere)[\">]" "$@" || true
}

# Files under DIR (relative to here) matching NAME (a find -name pattern).
files() {
    [[ -d $1 ]] || return 0
    find "$1" -type f -name "$2" | sort
}

# Prints one line per fault in the tree at ROOT (paths relative to it).
faults() {
    local root=$1 f n
    local -a core render content layout product
    cd "$root"
    mapfile -t core < <(files src/core '*.[ch]')
    mapfile -t render < <(files src/render '*.[ch]')
    mapfile -t content < <(files src/core 'content*.[ch]')
    mapfile -t layout < <(files src/core 'layout*.[ch]')
    mapfile -t product < <(find src -type f -name '*.[ch]' -not -path 'src/benchhook/*' | sort)
    includes '([^">]*/)?(platform|render)/[^">]*|([^">]*/)?SDL[^">]*' "${core[@]}" |
        sed 's/$/  <- the core includes a platform, render or SDL header/'
    includes '([^">]*/)?platform/[^">]*' "${render[@]}" |
        sed 's/$/  <- render includes a platform header/'
    includes '([^">]*/)?(layout|nav|staff)[a-z_]*\.h' "${content[@]}" |
        sed 's/$/  <- content includes layout, navigation or staff/'
    includes '([^">]*/)?(nav|staff)[a-z_]*\.h' "${layout[@]}" |
        sed 's/$/  <- layout includes navigation or staff/'
    # benchhook.h is the layout of the hook's shared state (no code): the
    # bench reads it; anything else of src/benchhook is not the product's.
    includes '([^">]*/)?benchhook/[^">]*' "${product[@]}" | grep -v 'benchhook/benchhook\.h[">]' |
        sed 's/$/  <- the product includes bench hook code/' || true
    if [[ -f CMakeLists.txt ]]; then
        grep -HnE '^[^#]*(add_executable\(kiosk |KIOSK_APP_SOURCES|target_link_libraries\(kiosk ).*benchhook' CMakeLists.txt |
            sed 's/$/  <- the kiosk program is built from or linked with src\/benchhook/' || true
    fi
    while IFS= read -r f; do
        n=$(wc -l <"$f")
        ((n > max_lines)) && echo "$f:$((max_lines + 1)): $n lines, over $max_lines: split it along a seam the tree can name"
    done < <(find src -type f -name '*.[ch]' | sort)
    return 0
}

# ---- the rules can see each fault: a tree made wrong on purpose ----
fake=$(mktemp -d)
trap 'rm -rf "$fake"' EXIT
mkdir -p "$fake"/src/{core,render,platform,benchhook}
printf '#include "platform/x.h"\n' >"$fake/src/core/a.c"
printf '#include <SDL.h>\n' >"$fake/src/core/b.h"
printf '#include "../render/r.h"\n' >"$fake/src/core/c.c"
printf '#include "platform/picture.h"\n' >"$fake/src/render/r.h"
printf '#include "layout.h"\n' >"$fake/src/core/content_x.c"
printf '#include "staff.h"\n' >"$fake/src/core/layout_y.c"
printf '#include "benchhook/benchhook.c"\n#include "benchhook/benchhook.h"\n' >"$fake/src/platform/p.c"
printf 'add_executable(kiosk src/main.c src/benchhook/benchhook.c)\n' >"$fake/CMakeLists.txt"
seq 601 >"$fake/src/core/long.c"
printf '#include "content.h"\n#include <stdio.h>\n' >"$fake/src/core/layout_ok.c"
want=(src/core/a.c:1: src/core/b.h:1: src/core/c.c:1: src/render/r.h:1:
      src/core/content_x.c:1: src/core/layout_y.c:1: src/platform/p.c:1:
      CMakeLists.txt:1: src/core/long.c:601:)
seen=$(faults "$fake")
bad=0
for w in "${want[@]}"; do
    grep -q "^$w" <<<"$seen" || { echo "FAIL: the check does not see the fault planted at $w"; bad=1; }
done
n=$(grep -c . <<<"$seen")
((n == ${#want[@]})) || { echo "FAIL: the check saw $n faults in the planted tree, not ${#want[@]}:"; echo "$seen"; bad=1; }
((bad == 0)) || exit 1
echo "ok: the check sees all ${#want[@]} faults planted in a wrong tree"

# ---- the real tree ----
cd "$src"
ncore=$(files src/core '*.[ch]' | wc -l)
nrender=$(files src/render '*.[ch]' | wc -l)
nall=$(find src -type f -name '*.[ch]' | wc -l)
echo "checked: $ncore core files include no platform/, render/ or SDL header"
echo "checked: $nrender render files include no platform/ header"
echo "checked: core content*.c/.h include no layout/nav/staff header; layout*.c/.h no nav/staff header"
echo "checked: no product file includes src/benchhook code; CMakeLists.txt builds and links kiosk without it"
echo "checked: $nall .c/.h files under src/ are at most $max_lines lines"
found=$(faults "$src")
# What the build folder holds: no object of src/benchhook in the kiosk, and
# the kiosk does not need the hook library.
build=$(cd "$(dirname "$kiosk")" && pwd)
if [[ -d $build/CMakeFiles/kiosk.dir ]]; then
    objs=$(find "$build/CMakeFiles/kiosk.dir" -path '*benchhook*' -name '*.o' | head -3)
    [[ -z $objs ]] || found+=$'\n'"$objs: an object of src/benchhook is built into the kiosk"
    echo "checked: the kiosk's objects in $build hold none of src/benchhook"
fi
if command -v readelf >/dev/null && [[ -f $kiosk ]]; then
    if readelf -d "$kiosk" | grep -q 'NEEDED.*benchhook'; then
        found+=$'\n'"$kiosk: needs the bench hook library"
    fi
    echo "checked: $kiosk does not need the bench hook library"
fi
found=$(sed '/^$/d' <<<"$found")
if [[ -n $found ]]; then
    echo "FAIL: arrows that run the wrong way or files too long:"
    echo "$found"
    exit 1
fi
echo "ok: the arrows run one way"
