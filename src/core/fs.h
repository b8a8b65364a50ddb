/* fs.h — the few things the core needs from the operating system's files,
 * as an interface so tests can hand it a fake folder (STYLE: u-config). */
#ifndef KIOSK_FS_H
#define KIOSK_FS_H

#include <stddef.h>

typedef enum fs_status {
    FS_OK = 0,
    FS_NOT_FOUND,     /* no such file or folder (or it vanished meanwhile) */
    FS_NOT_REGULAR,   /* a folder, FIFO, device or socket where a file was expected */
    FS_OUTSIDE,       /* a link that leads out of the content folder */
    FS_DENIED,        /* permission denied */
    FS_IO             /* any other read error */
} fs_status;

/* What decoding a whole picture found (kiosk_fs.picture). */
typedef enum fs_picture {
    FS_PICTURE_OK = 0,
    FS_PICTURE_UNREADABLE,   /* the decoder refused it: cut off, damaged */
    FS_PICTURE_TOO_SLOW,     /* still decoding at the deadline (a scan bomb) */
    FS_PICTURE_TOO_BIG,      /* it needed more memory than a picture may */
    FS_PICTURE_UNCHECKED     /* the decoder could not be run at all */
} fs_picture;

typedef struct kiosk_fs {
    void *ctx;
    /* Calls each(u, name) once per entry of folder dir (not "." or "..").
     * Order is unspecified; the core sorts. */
    fs_status (*list)(void *ctx, const char *dir,
                      void (*each)(void *u, const char *name), void *u);
    /* Reads at most cap bytes of dir/rel (rel may contain '/') into buf.
     * *len is what was read, *total the file's size as stat saw it, so the
     * caller can refuse a huge file after reading only its head. Must never
     * block (FIFOs are FS_NOT_REGULAR) and never follow a link out of dir. */
    fs_status (*read)(void *ctx, const char *dir, const char *rel,
                      char *buf, size_t cap, size_t *len, size_t *total);
    /* Decodes p[0..len), a whole PNG or JPEG file, within the bounds of
     * kiosk_limits.h (time, memory), to be sure it shows; picture_ctx is its own.
     * The core knows no decoder: the platform fills this in with a sandboxed
     * one, tests with a fake. NULL: pictures are checked by their header
     * only (the loader test drivers, tools). */
    fs_picture (*picture)(void *picture_ctx, const unsigned char *p, size_t len);
    void *picture_ctx;
} kiosk_fs;

/* The real thing, on POSIX. */
extern const kiosk_fs fs_posix;

#endif
