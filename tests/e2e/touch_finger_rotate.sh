#!/bin/bash
# touch_finger_rotate.sh — touch_finger.sh on an 800x480 panel turned with
# rotate = 90: fingers land where the turned picture shows each button.
# Args: kiosk-binary source-dir.
set -eu
FINGER_ROTATE=90 exec bash "$2/tests/e2e/touch_finger.sh" "$@"
