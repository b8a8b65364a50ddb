/* preview_staff.h — `kiosk --render` of the hidden staff view: the PIN pad
 * and the status screen, and the USB stick screens, drawn like the live
 * kiosk draws them, so staff and reviewers can see them without the PIN. */
#ifndef KIOSK_PREVIEW_STAFF_H
#define KIOSK_PREVIEW_STAFF_H

#include "render/preview.h"

/* Writes staff-pin.png and staff.png into outdir; staff-visits.png (the
 * charts page, of a made-up fortnight) when the visits labels are set; when the USB labels are
 * set, the USB stick screens for a made-up stick too (usb-offer.png,
 * usb-offer-unusable.png, usb-importing.png, usb-imported.png and
 * usb-not-imported.png); and appends their lines to outdir/screens.tsv
 * (preview_write made it). Nothing when the staff view is off (no pin).
 * Returns the number of files written, or -1 with a plain sentence in err. */
int preview_staff_write(const preview_job *j, char *err, int cap);

#endif
