/* usb_import.h — the kiosk's own half of a USB stick import, run as the
 * kiosk's user after staff typed the PIN: copies what the stage step left
 * in the state folder (deploy/kiosk-usb-stage.sh) next to the content
 * folder, checks it with the content loader, carries staff's own files
 * over (dotfiles, notes, STATUS.txt, the guide) and swaps it in with two
 * renames, the old content kept as content.previous. Nothing here reads
 * the stick itself, and nothing runs as root. */
#ifndef KIOSK_USB_IMPORT_H
#define KIOSK_USB_IMPORT_H

#include <pthread.h>
#include <stddef.h>
#include <sys/stat.h>

typedef enum usb_import_status {
    USB_IMPORT_OK,
    USB_IMPORT_UNUSABLE,   /* the copy has errors: nothing changed */
    USB_IMPORT_GONE,       /* the staged copy vanished or changed (stick pulled out) */
    USB_IMPORT_WRITE,      /* the kiosk could not write: nothing changed */
    USB_IMPORT_STOPPED     /* its gate said stop: nothing changed */
} usb_import_status;

/* How another thread stops an import (usb_worker.c): the import looks at
 * stop between files and 64 KiB blocks, and never once it is swapping
 * (carrying staff's files over and the two renames), which the stopper
 * waits out: the renames are never split. */
typedef struct usb_import_gate {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop;
    int swapping;
} usb_import_gate;

/* What to import: the staged folder, the offer file naming it and the
 * offer's id (usb_offer_id) when the PIN was typed. The import refuses
 * (GONE) when the offer is no longer that one as it starts watching the
 * staged folder, or when anything in the staged folder changes while it
 * copies and checks (the stage step removes the offer first, then the
 * copy). gate: NULL when nothing will stop it. */
typedef struct usb_import_job {
    const char *staged, *content_dir, *offer;
    unsigned long long offer_id;
    usb_import_gate *gate;
} usb_import_job;

/* Imports job->staged into job->content_dir. notes gets the problems found,
 * one escaped line each ('\n'-separated), cap bytes at most; topics and
 * cards what the new content holds. */
usb_import_status usb_import(const usb_import_job *job, char *notes, size_t cap,
                             int *topics, int *cards);

/* An offer file's identity (inode and change time), 0 for none. */
unsigned long long usb_offer_id(const struct stat *st);

/* At start: an import cut between its two renames (a power cut) is put
 * back, and half-made copies beside the content folder are removed. */
void usb_import_recover(const char *content_dir);

/* in as printable text: control characters as \n, \t, \r or \xHH, a
 * backslash as \\, so a file name never makes a line of its own in a log,
 * usb-import.txt or STATUS.txt. */
void usb_escape(const char *in, char *out, size_t cap);

#endif
