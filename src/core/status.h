/* status.h — the text of STATUS.txt: what the kiosk shows now, since when,
 * and every problem in the content folder, in plain words for staff. The
 * core never reads a clock: times come in as strings the caller formatted. */
#ifndef KIOSK_STATUS_H
#define KIOSK_STATUS_H

#include <stddef.h>

#include "content.h"
#include "fs.h"

#define STATUS_FILE "STATUS.txt"
/* Written by the USB import script (deploy/kiosk-usb-import.sh) in STATE. */
#define STATUS_USB_FILE "usb-import.txt"

typedef enum status_showing {
    STATUS_FRESH,      /* the content folder as it is now */
    STATUS_LAST_GOOD,  /* the last good copy, because the folder has errors */
    STATUS_PARTIAL,    /* never a good copy: what is valid, errors left out */
    STATUS_NOTHING     /* nothing valid: the calm screen with the spa's name */
} status_showing;

typedef struct status_report {
    status_showing showing;
    const char *since;        /* when what is shown went on screen, local time */
    const char *saved_at;     /* STATUS_LAST_GOOD: when that copy was saved, or NULL */
    const char *checked_at;   /* when the content folder was last read, or NULL */
    const content_snapshot *shown;    /* on screen, for the summary; may be NULL */
    const content_snapshot *current;  /* latest load of the folder: its problems */
    const char *backup_note;  /* lastgood_message() of a failed save, or NULL */
    const char *usb;          /* last USB import result (status_read_usb), or NULL */
    const char *version;      /* the kiosk's version, or NULL */
    const char *watch_note;   /* platform_watch_problem(): folders not watched, or NULL */
} status_report;

/* Formats r into buf (NUL-terminated, cut at cap). Returns the length the
 * whole text needs, like snprintf: call again with a bigger buf if >= cap.
 * Each problem is one line of its own, `file:line: words`, also fit for the
 * system log. */
size_t status_format(const status_report *r, char *buf, size_t cap);

/* 1 when a and b (two loads of the folder) have the same problems, word for
 * word at the same lines, and the same counts: a touch or a save of the
 * same text, which need not be logged again. 0 when either is NULL. */
int status_same_problems(const content_snapshot *a, const content_snapshot *b);

/* Reads STATE/usb-import.txt into buf ("" when there is none). 1 when found. */
int status_read_usb(const kiosk_fs *fs, const char *state, char *buf, size_t cap);

#endif
