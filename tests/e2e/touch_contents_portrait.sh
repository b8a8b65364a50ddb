#!/bin/bash
# touch_contents_portrait.sh — touch_contents.sh on a 720x1280 portrait
# screen (the Pi's Touch Display 2).
# Args: kiosk-binary source-dir.
set -eu
TOUCH_SIZE=720x1280 TOUCH_ROTATE=0 exec bash "$2/tests/e2e/touch_contents.sh" "$@"
