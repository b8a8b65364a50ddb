#!/bin/bash
# touch_portrait.sh — touch.sh on a 720x1280 portrait screen (the Pi's Touch
# Display 2), fullscreen on an X server with no window manager: the window
# must cover the whole display by itself (it once stayed 800x480 and showed
# a strip of the picture).
# Args: kiosk-binary source-dir.
set -eu
TOUCH_SIZE=720x1280 TOUCH_ROTATE=0 exec bash "$2/tests/e2e/touch.sh" "$@"
