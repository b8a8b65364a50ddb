/* lastgood.h — keeps a copy of the last good content in a state folder, so
 * that after a power cut or a reboot with broken files the kiosk still starts
 * with content it has shown before.
 *
 * Layout of the state folder STATE (set on the command line):
 *   STATE/last-good/       the exact files of the last usable snapshot
 *                          (kiosk.ini, topic files, the images they show),
 *                          plus .saved-at: when it was saved, as the caller
 *                          wrote it (dotfiles are ignored by content_load)
 *   STATE/.incoming/       a save in progress (removed on recovery)
 *   STATE/.previous/       the old copy while the new one is put in place
 * One kiosk per state folder: the names are fixed, so a crash leaves no litter
 * that a later start could not recognise. */
#ifndef KIOSK_LASTGOOD_H
#define KIOSK_LASTGOOD_H

#include "content.h"
#include "fs.h"
#include "lastgood_os.h"

#define LASTGOOD_DIR "last-good"
#define LASTGOOD_STAMP ".saved-at"

/* Puts STATE back in a known shape after a crash in the middle of a save:
 * a copy moved aside but not replaced is moved back, a half-written copy is
 * removed. Call once at start, before loading the last good copy. */
lastgood_status lastgood_recover(const lastgood_os *os, const char *state);

/* "STATE/last-good" into buf, for content_load. 0 when it did not fit. */
int lastgood_path(const char *state, char *buf, size_t cap);

/* 1 when a saved copy exists. */
int lastgood_exists(const lastgood_os *os, const char *state);

/* Saves the files usable snapshot s was built from (read again from folder
 * content through fs) as the new last good copy: written to STATE/.incoming,
 * every file and folder synced, loaded again to be sure the copy is usable
 * (files can change between the load and the save), then swapped in with two
 * renames. stamp (the caller's local time, e.g. "Tue 14 May 10:32") is kept
 * with it. Any failure leaves the previous copy as it was. Slow on an SD card
 * (several fsyncs): call it off the render path (loader.c does). */
lastgood_status lastgood_save(const lastgood_os *os, const kiosk_fs *fs,
                              const char *state, const char *content,
                              const content_snapshot *s, const char *stamp);

/* The stamp of the saved copy into buf ("" when none). 1 when found. */
int lastgood_stamp(const kiosk_fs *fs, const char *state, char *buf, size_t cap);

/* Plain words for staff: what went wrong saving, and what to do. "" for LG_OK. */
const char *lastgood_message(lastgood_status st);

#endif
