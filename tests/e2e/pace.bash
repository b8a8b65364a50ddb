# pace.bash — taps paced as a finger's, for the end-to-end tests' tap().
# A tap that lands within NAV_DOUBLE_TAP_MS (300 ms, src/core/nav.h) of a tap
# that navigated is the second half of a double tap, and nav drops it on
# purpose. A test that sees the new screen sooner than that (a fast machine,
# or a content swap that cuts to the menu) and taps at once is a double tap,
# not a visitor: seen in CI as "Back from the menu did not reach the loop",
# the Back tap 289 ms after Next. pace_tap waits only what is left of 400 ms
# since the last tap; it waits for nothing on screen.
PACE_LAST_TAP_US=0
pace_tap() {
    local now=${EPOCHREALTIME/./} left
    left=$(( PACE_LAST_TAP_US + 400000 - now ))
    if [ "$left" -gt 0 ]; then
        sleep "$(printf '0.%06d' "$left")"
    fi
    PACE_LAST_TAP_US=${EPOCHREALTIME/./}
}
