#!/bin/bash
# usb_screens.sh — `kiosk --render` with a staff PIN draws the USB stick
# screens (offer, offer with errors, importing, imported, not imported) for a
# made-up stick: listed in screens.tsv, the size asked, not blank, the
# offer's words read back by OCR; without a PIN, or with a USB label
# missing (the running kiosk then offers no stick), none of them.
# Args: path-to-kiosk source-dir
set -eu
kiosk=$1 src=$2
. "$src/tests/render/lib.bash"
need identify convert tesseract iconv

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
usb="usb-offer.png usb-offer-unusable.png usb-importing.png usb-imported.png usb-not-imported.png"

cp -r "$src/content" "$out/pin"
sed -i 's/^;pin =.*/pin = 739182/' "$out/pin/kiosk.ini"
grep -q '^pin = 739182' "$out/pin/kiosk.ini" || fail "could not set a PIN in the copy of kiosk.ini"
"$kiosk" --render "$out/a" --size 800x480 --content "$out/pin" >/dev/null ||
    fail "kiosk --render with a PIN failed"
check_pngs "$out/a" 800 480
for f in $usb; do
    grep -q "^$f	" "$out/a/screens.tsv" || fail "no $f with a PIN"
done
ocr_has "$out/a/usb-offer.png" "USB stick Topics Pictures Problems found Import Cancel" ||
    fail "usb-offer.png does not show the offer"
ocr_has "$out/a/usb-importing.png" "Importing do not take the stick out" ||
    fail "usb-importing.png does not say it is importing"

# No PIN: no staff view, so no stick is ever offered.
"$kiosk" --render "$out/b" --size 800x480 --content "$src/content" >/dev/null ||
    fail "kiosk --render without a PIN failed"
for f in "$out"/b/usb-*; do [ ! -e "$f" ] || fail "USB screens drawn without a PIN: $f"; done

# A USB label missing (a warning): the kiosk offers no stick, --render
# draws none.
sed -i 's/^usb_import *=/;usb_import =/' "$out/pin/kiosk.ini"
"$kiosk" --render "$out/c" --size 800x480 --content "$out/pin" >/dev/null ||
    fail "kiosk --render with a PIN and no usb_import label failed"
[ -f "$out/c/staff.png" ] || fail "no staff.png with a PIN and no usb_import label"
for f in "$out"/c/usb-*; do [ ! -e "$f" ] || fail "USB screens drawn without usb_import: $f"; done
echo "ok: the USB stick screens are drawn with a PIN, and only then"
