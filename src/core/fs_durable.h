/* fs_durable.h — files written so that a power cut leaves the old one or the
 * new one, never half: write, fsync, rename, fsync of the folder. POSIX only
 * (no SDL); the last good copy (lastgood_posix.c), STATUS.txt and the state
 * folder's small records all write through it. */
#ifndef KIOSK_FS_DURABLE_H
#define KIOSK_FS_DURABLE_H

#include <stddef.h>

/* Creates path (it must not exist yet, and is never opened through a link),
 * writes all len bytes, fsyncs and closes it. 0, or the errno value of what
 * failed (a full disk may show only at fsync or close); on failure path is
 * removed. */
int fs_durable_create(const char *path, const void *data, size_t len, int mode);

/* Makes the names in folder dir durable (fsync of the folder). 0, or an errno
 * value; a file system that cannot sync a folder (EINVAL, EROFS) counts as
 * done: its renames are as durable as they get. */
int fs_durable_sync_dir(const char *dir);

enum { FS_DURABLE_SYNC_DIR = 1 };   /* fs_durable_replace: also sync dir */

/* Replaces dir/name with data, whole or not at all: written as the dotfile
 * dir/.NAME.tmp (a stale one from a crash is replaced) by fs_durable_create,
 * renamed over dir/name, then with FS_DURABLE_SYNC_DIR the folder synced
 * (its failure is not reported: the new file is in place either way). 0, or
 * an errno value; on failure dir/name is as it was and no temp file is left. */
int fs_durable_replace(const char *dir, const char *name, const void *data, size_t len,
                       int mode, int flags);

#endif
