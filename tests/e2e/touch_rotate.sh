#!/bin/bash
# touch_rotate.sh — touch.sh on a panel turned on its side: an 800x480 screen
# with rotate = 90 shows a 480x800 portrait layout, and every tap and swipe
# lands where it does on the turned picture.
# Args: kiosk-binary source-dir.
set -eu
TOUCH_SIZE=800x480 TOUCH_ROTATE=90 exec bash "$2/tests/e2e/touch.sh" "$@"
