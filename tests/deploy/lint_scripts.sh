#!/bin/bash
# lint_scripts.sh — every shell script in the project passes shellcheck: those
# in deploy/ and tests/ (any depth) and the CI entry .ci/run.
# Args: kiosk-binary source-dir (the binary is not used).
set -euo pipefail
src=${2:?usage: lint_scripts.sh kiosk-binary source-dir}
if ! command -v shellcheck >/dev/null; then
    echo "FAIL: shellcheck is not installed (deploy/deps.sh --test installs it)"
    exit 1
fi
cd "$src"
mapfile -d '' scripts < <(find deploy tests -name '*.sh' -type f -print0 | sort -z)
[ -f .ci/run ] && scripts+=(.ci/run)
echo "shellcheck: ${#scripts[@]} scripts"
# -x follows sourced files; each script's own #! line picks sh or bash rules.
shellcheck -x "${scripts[@]}"
echo "PASS lint_scripts"
