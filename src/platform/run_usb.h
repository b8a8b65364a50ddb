/* run_usb.h — a USB stick on offer in the running kiosk: the stage step
 * (deploy/kiosk-usb-stage.sh, another user) leaves a checked copy and an
 * offer file in STATE/usb; the kiosk notices it (inotify), shows what the
 * stick holds over everything, asks the staff PIN, imports (usb_import.h)
 * and says what happened. Drawn and touched through run_staff.c's overlay. */
#ifndef KIOSK_RUN_USB_H
#define KIOSK_RUN_USB_H

#include <stdint.h>

#include "core/staff.h"

/* The offer's problem lines: a screen's worth and more. */
#define RUN_USB_TEXT_BYTES 4096
/* A stick's name (the kernel's: "sda1") and its staged folder's. */
#define RUN_USB_NAME_BYTES 64

/* How long the kiosk's exit waits for an import to stop (ms), before the
 * screen's teardown: SIGTERM must end the kiosk within a second. A copy
 * stops within a 64 KiB block; the content check cannot be stopped. */
#define RUN_USB_STOP_WAIT_MS 150

/* IMPORTING: the offer, saying the import runs (usb_worker.h). */
typedef enum run_usb_mode {
    RUN_USB_NONE, RUN_USB_OFFER, RUN_USB_IMPORTING, RUN_USB_RESULT
} run_usb_mode;

typedef struct usb_worker usb_worker;

typedef struct run_usb {
    int fd;                    /* inotify on STATE/usb, or -1 */
    run_usb_mode mode;
    char stick[RUN_USB_NAME_BYTES], folder[RUN_USB_NAME_BYTES];
    int usable, ntopics, npictures;
    char text[RUN_USB_TEXT_BYTES];   /* problems (offer or result), escaped */
    unsigned long long shown_id, dismissed_id;   /* offer files by inode+time */
    int imported;              /* RESULT */
    content_label why;
    uint64_t last_input;
    uint64_t started;          /* IMPORTING: since when */
    unsigned changed;          /* bumps on every visible change */
    unsigned laid_changed;     /* changed when the overlay was last laid out */
    int shown_locked;          /* the offer was laid out saying "locked" */
    int looked;                /* the offer file was read at least once */
    usb_worker *worker;        /* runs the import, or NULL (none possible) */
} run_usb;

#endif
