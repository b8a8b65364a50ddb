/* usb_worker.h — a USB stick's import (usb_import.h) on a thread of its
 * own, so the main loop goes on drawing and pinging the watchdog while some
 * 70 MB are copied and checked; an eventfd says when it is done. One import
 * at a time. */
#ifndef KIOSK_USB_WORKER_H
#define KIOSK_USB_WORKER_H

#include "platform/usb_import.h"

/* The problems an import reports: a screen's worth and more. */
#define USB_WORKER_NOTES_BYTES 4096

typedef struct usb_worker usb_worker;

typedef struct usb_import_result {
    usb_import_status status;
    int topics, cards;
    char notes[USB_WORKER_NOTES_BYTES];
} usb_import_result;

/* Starts its thread, which waits for imports (start it before the screen's
 * libraries load, as the loader). NULL when out of memory or threads. */
usb_worker *usb_worker_open(void);
/* Readable when an import is done (for the main loop's poll). */
int usb_worker_fd(const usb_worker *w);
/* Starts importing job (its strings are copied). 0, or -1 when one runs
 * already or the thread cannot start. */
int usb_worker_start(usb_worker *w, const usb_import_job *job);
/* 1 with the result when the import is done; the worker is free again. */
int usb_worker_take(usb_worker *w, usb_import_result *out);
/* Asks a running import to stop and waits for it at most wait_ms, longer
 * only while it is between its two renames (milliseconds). An import still
 * busy then (in the content check) is left to end with the process: what
 * it leaves beside the content folder usb_import_recover removes. */
void usb_worker_close(usb_worker *w, int wait_ms);

#endif
