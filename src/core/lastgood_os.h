/* lastgood_os.h — the few writing operations that keeping the last good
 * content needs from the operating system, as an interface (like fs.h) so
 * tests can fake a full disk, a permission denied or a power cut between two
 * steps. */
#ifndef KIOSK_LASTGOOD_OS_H
#define KIOSK_LASTGOOD_OS_H

#include <stddef.h>

typedef enum lastgood_status {
    LG_OK = 0,
    LG_FULL,        /* no space left on the disk (or over quota) */
    LG_DENIED,      /* permission denied, or a read-only disk */
    LG_IO,          /* the disk reported an error (EIO and the like) */
    LG_MISSING,     /* a file or folder that should be there is not */
    LG_NOT_FOLDER,  /* a folder's name holds a file, or a link to nothing */
    LG_NAME_LONG,   /* a path in the state folder is longer than a path can be */
    LG_RESOURCES,   /* out of memory or open files: not the disk's fault */
    LG_SOURCE,      /* a content file could not be read again, or changed meanwhile */
    LG_TOO_BIG,     /* more files or bytes than kiosk_limits.h allows */
    LG_NOT_USABLE   /* the content (or the copy of it) has errors: not kept */
} lastgood_status;

typedef struct lastgood_os {
    void *ctx;
    /* Creates folder path; its parent exists. Already a folder, or a link to
     * one (the state folder an admin configured may be a link, e.g.
     * /var/lib/kiosk/state -> /data/kiosk-state): LG_OK. */
    lastgood_status (*make_dir)(void *ctx, const char *path);
    /* Creates file path (it does not exist yet), writes all len bytes, makes
     * them durable (fsync) and closes it. On failure nothing is left behind
     * that matters: the folder it is in gets removed. */
    lastgood_status (*write_file)(void *ctx, const char *path,
                                  const void *data, size_t len);
    /* Makes the names in folder path durable (fsync of the folder). */
    lastgood_status (*sync_dir)(void *ctx, const char *path);
    /* rename(2): atomic. to does not exist. */
    lastgood_status (*rename)(void *ctx, const char *from, const char *to);
    /* Removes path and all under it, never following a link. Missing: LG_OK. */
    lastgood_status (*remove_tree)(void *ctx, const char *path);
    /* 1 when path is a folder (not a link to one). */
    int (*is_dir)(void *ctx, const char *path);
} lastgood_os;

/* The real thing, on POSIX (lastgood_posix.c). */
extern const lastgood_os lastgood_os_posix;

#endif
