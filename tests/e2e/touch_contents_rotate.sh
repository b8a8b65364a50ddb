#!/bin/bash
# touch_contents_rotate.sh — touch_contents.sh on an 800x480 panel turned on
# its side (rotate = 90): a 480x800 portrait layout, every tap turned.
# Args: kiosk-binary source-dir.
set -eu
TOUCH_SIZE=800x480 TOUCH_ROTATE=90 exec bash "$2/tests/e2e/touch_contents.sh" "$@"
